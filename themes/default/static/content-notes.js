// Content notes: lets a reader choose, once, whether content behind a note
// opens by itself or always waits to be opened. The choice stays on this
// device only (localStorage). Without JavaScript the <details> element
// works on its own; this script only adds the choice.
(function () {
  "use strict";
  var KEY = "coproduce-content-notes";
  var notes = document.querySelectorAll("details.content-note-details");
  if (!notes.length) return;

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function store(value) {
    try { window.localStorage.setItem(KEY, value); } catch (e) { /* private mode: choice lasts this page only */ }
  }
  function apply(value) {
    for (var i = 0; i < notes.length; i++) notes[i].open = value === "show";
  }

  var labels = document.documentElement.dataset;
  var choice = stored();
  if (choice === "show") apply("show");

  for (var i = 0; i < notes.length; i++) {
    var fieldset = document.createElement("fieldset");
    fieldset.className = "content-note-choice";
    var legend = document.createElement("legend");
    legend.textContent = labels.contentNotesSetting || "Content notes";
    fieldset.appendChild(legend);
    [["show", labels.contentNotesShow || "Always open content with a note"],
     ["hide", labels.contentNotesHide || "Always ask before showing content with a note"]].forEach(function (opt) {
      var id = "content-notes-" + opt[0] + "-" + i;
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "content-notes-" + i;
      input.id = id;
      input.value = opt[0];
      input.checked = (choice || "hide") === opt[0];
      input.addEventListener("change", function () {
        store(this.value);
        apply(this.value);
        var all = document.querySelectorAll(".content-note-choice input[value='" + this.value + "']");
        for (var j = 0; j < all.length; j++) all[j].checked = true;
      });
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = opt[1];
      var row = document.createElement("div");
      row.className = "content-note-option";
      row.appendChild(input);
      row.appendChild(label);
      fieldset.appendChild(row);
    });
    notes[i].parentNode.insertBefore(fieldset, notes[i]);
  }
})();
