/* The signatory directory's instant search and filter, and the copy button
   of a signatory's "Link to this page" box.

   The pages work without this script: every filter is a pre-built page and
   the snippet is in a textarea. With it, the directory searches the whole
   register (signatories/index.json, see internal/register/index.go) as you
   type. No framework, no eval, no inline styles or scripts, so it runs
   under a strict Content-Security-Policy. */
(function () {
  'use strict';

  var PAGE = 100;

  // The words come from the page, in its language (data-words, written
  // from the theme's i18n files): the script has none of its own.
  var words = {};

  function say(key, n) {
    if (n !== undefined) key += n === 1 ? '_one' : '_other';
    var w = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
    return n === undefined ? w : w.split('{n}').join(number(n));
  }

  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, words.number_group || ',');
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    }
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function humanDate(iso) {
    var p = iso.split('-');
    var months = words.months || [];
    return p.length === 3 && months[Number(p[1]) - 1] ? Number(p[2]) + ' ' + months[Number(p[1]) - 1] + ' ' + p[0] : iso;
  }

  // fold makes a name comparable: lower case, without accents.
  function fold(s) {
    s = s.toLowerCase();
    return s.normalize ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : s;
  }

  function initCopy() {
    var area = document.getElementById('link-snippet');
    var label = area && area.getAttribute('data-copy-label');
    if (!label || !navigator.clipboard) return;
    var row = el('p');
    var button = el('button', { type: 'button', 'class': 'copy-button' }, label);
    var status = el('span', { 'class': 'copy-status', role: 'status' });
    row.appendChild(button);
    row.appendChild(status);
    area.parentNode.insertBefore(row, area.nextSibling);
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(area.value).then(function () {
        status.textContent = area.getAttribute('data-copy-done') || '';
      }, function () {
        area.focus();
        area.select();
        status.textContent = area.getAttribute('data-copy-selected') || '';
      });
    });
  }

  function initSearch() {
    var mount = document.getElementById('directory-search');
    if (!mount || !window.fetch || !window.JSON) return;
    try { words = JSON.parse(mount.getAttribute('data-words') || '{}'); } catch (e) { return; }
    fetch(mount.getAttribute('data-index'), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error(String(r.status))); })
      .then(function (index) { build(mount, index); })
      .catch(function () { /* the filter pages still work */ });
  }

  function build(mount, index) {
    var base = mount.getAttribute('data-base');
    var site = mount.getAttribute('data-site') || '/';
    var staticResults = document.getElementById('directory-results');
    var facets = index.facets, items = index.items;
    var names = items.map(function (it) { return fold(it[0]); });

    var form = el('form', { 'class': 'search-form', role: 'search', 'aria-label': say('nav_signatories') });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.appendChild(el('h2', { id: 'search-heading' }, say('search_heading')));
    var nameField = el('div', { 'class': 'search-field' });
    nameField.appendChild(el('label', { 'for': 'search-name' }, say('search_name')));
    var input = el('input', { type: 'search', id: 'search-name', name: 'name', autocomplete: 'off', spellcheck: 'false' });
    nameField.appendChild(input);
    form.appendChild(nameField);

    var grid = el('div', { 'class': 'search-fields' });
    var selects = facets.map(function (f) {
      var field = el('div', { 'class': 'search-field' });
      field.appendChild(el('label', { 'for': 'search-' + f.key }, f.label));
      var select = el('select', { id: 'search-' + f.key, name: f.key });
      select.appendChild(el('option', { value: '' }, say('search_all')));
      f.values.forEach(function (v, i) {
        select.appendChild(el('option', { value: String(i) }, v[1] + ' (' + number(v[2]) + ')'));
        if (f.key === mount.getAttribute('data-facet') && v[0] === mount.getAttribute('data-value')) {
          select.value = String(i);
        }
      });
      field.appendChild(select);
      grid.appendChild(field);
      return select;
    });
    form.appendChild(grid);
    var initial = selects.map(function (s) { return s.value; });

    var status = el('p', { 'class': 'search-status', role: 'status' });
    form.appendChild(status);
    var list = el('ul', { 'class': 'signatory-list search-results', id: 'search-results' });
    list.hidden = true;
    var more = el('button', { type: 'button', 'class': 'search-more' });
    more.hidden = true;

    mount.appendChild(form);
    mount.appendChild(list);
    mount.appendChild(more);
    mount.hidden = false;

    var matches = [], shown = 0;

    function label(f, v) { return v < 0 || !facets[f].values[v] ? '' : facets[f].values[v][1]; }

    function item(it) {
      var li = el('li', { 'class': 'signatory-item' });
      // A signatory with no page in this language is named by the path
      // of its main-language page (see internal/register/index.go).
      var href = it[1].charAt(0) === '/' ? site + it[1].slice(1) : base + it[1] + '/';
      li.appendChild(el('a', { 'class': 'signatory-name', href: href }, it[0]));
      var dl = el('dl', { 'class': 'signatory-facts-short' });
      function fact(name, value, datetime) {
        if (!value) return;
        var d = el('div');
        d.appendChild(el('dt', {}, name));
        var dd = el('dd');
        if (datetime) dd.appendChild(el('time', { datetime: datetime }, value)); else dd.textContent = value;
        d.appendChild(dd);
        dl.appendChild(d);
      }
      facets.forEach(function (f, i) {
        if (f.key === 'sector' || f.key === 'region' || f.key === 'size') fact(f.label, label(i, it[3 + i]));
      });
      fact(say('signed'), humanDate(it[2]), it[2]);
      li.appendChild(dl);
      return li;
    }

    function showMore() {
      var end = Math.min(shown + PAGE, matches.length);
      var frag = document.createDocumentFragment();
      for (; shown < end; shown++) frag.appendChild(item(matches[shown]));
      list.appendChild(frag);
      more.hidden = shown >= matches.length;
      more.textContent = say('search_more').split('{n}').join(number(Math.min(PAGE, matches.length - shown)));
    }

    function run() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var chosen = selects.map(function (s) { return s.value === '' ? -1 : Number(s.value); });
      var changed = words.length > 0 || selects.some(function (s, i) { return s.value !== initial[i]; });
      if (!changed) {
        list.hidden = true;
        more.hidden = true;
        status.textContent = '';
        if (staticResults) staticResults.hidden = false;
        return;
      }
      matches = [];
      for (var i = 0; i < items.length; i++) {
        var it = items[i], ok = true;
        for (var w = 0; ok && w < words.length; w++) ok = names[i].indexOf(words[w]) >= 0;
        for (var f = 0; ok && f < chosen.length; f++) {
          if (chosen[f] < 0) continue;
          var v = it[3 + f];
          ok = Array.isArray(v) ? v.indexOf(chosen[f]) >= 0 : v === chosen[f];
        }
        if (ok) matches.push(it);
      }
      list.textContent = '';
      shown = 0;
      list.hidden = matches.length === 0;
      if (staticResults) staticResults.hidden = true;
      status.textContent = matches.length === 0 ? say('search_none') : say('search_matches', matches.length);
      showMore();
    }

    input.addEventListener('input', run);
    selects.forEach(function (s) { s.addEventListener('change', run); });
    more.addEventListener('click', showMore);
  }

  function init() {
    initCopy();
    initSearch();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
}());
