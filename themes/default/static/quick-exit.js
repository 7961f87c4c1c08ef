// Quick exit: the "Leave this site" link already works without JavaScript.
// This script makes leaving faster and leaves less trace: it replaces this
// page in the history, so Back does not return here, and pressing Shift
// three times within two seconds leaves from anywhere on the page. The
// hint that says so (#quick-exit-hint) is shown, and given to the link as
// its accessible description, only here, since only the script makes the
// shortcut work.
(function () {
  "use strict";
  var link = document.querySelector("a.quick-exit");
  if (!link) return;
  var target = link.href;

  function leave(event) {
    if (event) event.preventDefault();
    document.body.hidden = true;
    window.location.replace(target);
  }
  link.addEventListener("click", leave);

  var hint = document.getElementById("quick-exit-hint");
  if (hint) {
    hint.hidden = false;
    link.setAttribute("aria-describedby", hint.id);
  }

  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = []; return; }
    var now = Date.now();
    presses.push(now);
    presses = presses.filter(function (t) { return now - t < 2000; });
    if (presses.length >= 3) leave();
  });
})();
