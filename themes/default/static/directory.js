/* The signatory directory's search and filter, and the copy button of a
   signatory's "Link to this page" box.

   The pages work without this script: every filter, and every first letter
   of a name, is a pre-built page, and the snippet is in a textarea. With
   it, the search form that is already in the page shows at once in place of
   the filter links, and answers as you type. It fetches the index only when
   the form is first used, and then only the pieces the words typed need
   (see internal/register/pieces.go): the first results show after one
   small file, whatever the size of the register. No framework, no eval, no
   inline styles or scripts, so it runs under a strict
   Content-Security-Policy. */
(function () {
  'use strict';

  // The words come from the page, in its language (data-words on the
  // search form's mount, written from the theme's i18n files): the script
  // has none of its own. {n} in them is a number.
  var WORDS = {};

  var PAGE = 100;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    }
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // number writes n with the language's thousands separator (number_group).
  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, WORDS.number_group || ',');
  }

  // say is the words for key, the _one or _other form when given n, with
  // {n} filled in.
  function say(key, n) {
    if (n !== undefined && Object.prototype.hasOwnProperty.call(WORDS, key + '_one')) key += n === 1 ? '_one' : '_other';
    var w = Object.prototype.hasOwnProperty.call(WORDS, key) ? WORDS[key] : key;
    return n === undefined ? w : w.split('{n}').join(number(n));
  }

  function humanDate(iso) {
    var p = iso.split('-');
    var months = WORDS.months || [];
    return p.length === 3 && months[Number(p[1]) - 1] ? Number(p[2]) + ' ' + months[Number(p[1]) - 1] + ' ' + p[0] : iso;
  }

  // fold and words must match internal/register/pieces.go: accents off,
  // lower case, split at anything not a letter or a number.
  function fold(s) {
    s = s.normalize ? s.normalize('NFD') : s;
    return s.replace(/\p{Mn}/gu, '').toLowerCase();
  }
  function words(s) { return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }

  // key is the index piece of a word: its first two letters, or its one.
  function key(w) { return Array.from(w).slice(0, 2).join(''); }

  function hex(s) {
    var bytes = new TextEncoder().encode(s), out = '';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
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
    if (!mount || !window.fetch || !window.Promise || !window.TextEncoder) return;
    var form = mount.querySelector('form');
    var input = document.getElementById('search-name');
    if (!form || !input) return;
    try { WORDS = JSON.parse(mount.getAttribute('data-words') || '{}'); } catch (e) { return; }
    var links = document.querySelector('.directory-filters');
    var staticResults = document.getElementById('directory-results');
    var list = document.getElementById('search-results');
    var more = mount.querySelector('.search-more');
    var status = mount.querySelector('.search-status');
    var base = mount.getAttribute('data-base');
    var pieces = mount.getAttribute('data-pieces');
    var site = mount.getAttribute('data-site') || '/';
    var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
    var initial = selects.map(function (s) { return s.value; });

    // One way to filter at a time: the form takes the links' place.
    mount.hidden = false;
    if (links) links.hidden = true;
    form.addEventListener('submit', function (e) { e.preventDefault(); });

    // Files fetched once each, as promises of their JSON.
    var files = {};
    function load(name) {
      if (!files[name]) {
        files[name] = fetch(pieces + name, { credentials: 'same-origin' }).then(function (r) {
          if (r.status === 404) return { parts: 0, items: [] };
          return r.ok ? r.json() : Promise.reject(new Error(String(r.status)));
        });
        files[name].catch(function () { delete files[name]; });
      }
      return files[name];
    }
    // names.json says how many signatories each piece holds; it is only
    // a guide to the smallest piece, so the search does not wait for it.
    var table = null;
    function loadTable() {
      load('names.json').then(function (t) { table = t; }, function () {});
    }
    input.addEventListener('focus', loadTable);
    selects.forEach(function (s) { s.addEventListener('focus', loadTable); });

    // The facts a result shows, with their words, read from the menus
    // once: [label, place in the item, labels of the values by number].
    var facts = [];
    selects.forEach(function (s) {
      if (s.name !== 'sector' && s.name !== 'region' && s.name !== 'size') return;
      var label = form.querySelector('label[for="' + s.id + '"]');
      var values = {};
      Array.prototype.forEach.call(s.options, function (o) {
        if (o.value !== '') values[o.value] = o.getAttribute('data-label') || o.textContent;
      });
      facts.push([label ? label.textContent : '', 3 + Number(s.getAttribute('data-place')), values]);
    });

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
      facts.forEach(function (f) { fact(f[0], f[2][it[f[1]]]); });
      fact(say('signed'), humanDate(it[2]), it[2]);
      li.appendChild(dl);
      return li;
    }

    var matches = [], shown = 0, run = 0;

    // fill shows the first page of matches, a few at a time, so the first
    // results show without waiting for a hundred to be made.
    // Once the first page is full, it only brings "Show more" up to date.
    function fill() {
      var mine = run;
      (function step() {
        if (mine !== run) return;
        var before = shown;
        showUpTo(Math.min(Math.max(PAGE, shown), shown + 10));
        if (shown > before && shown < PAGE) setTimeout(step, 0);
      })();
    }

    function showUpTo(n) {
      var end = Math.min(n, matches.length);
      var frag = document.createDocumentFragment();
      for (; shown < end; shown++) frag.appendChild(item(matches[shown]));
      list.appendChild(frag);
      list.hidden = shown === 0;
      more.hidden = shown >= matches.length;
      more.textContent = say('search_more', Math.min(PAGE, matches.length - shown));
    }

    function report(done) {
      var n = matches.length, text;
      if (n === 0) text = done ? say('search_none') : say('search_searching');
      else text = say('search_matches', n) + (done ? '' : ' ' + say('search_still'));
      status.textContent = text;
    }

    function matcher(typed, chosen) {
      return function (it) {
        if (typed.length) {
          var ws = it.w || (it.w = words(it[0]));
          for (var i = 0; i < typed.length; i++) {
            var found = false;
            for (var j = 0; !found && j < ws.length; j++) found = ws[j].lastIndexOf(typed[i], 0) === 0;
            if (!found) return false;
          }
        }
        for (var f = 0; f < chosen.length; f++) {
          if (chosen[f][1] < 0) continue;
          var v = it[3 + chosen[f][0]];
          if (Array.isArray(v) ? v.indexOf(chosen[f][1]) < 0 : v !== chosen[f][1]) return false;
        }
        return true;
      };
    }

    // source names the files to search, in order: the pieces of the
    // rarest key of the words typed, or else the whole register in parts.
    function source(typed) {
      var best = '', fewest = Infinity;
      typed.forEach(function (w) {
        var k = key(w);
        if (!k) return;
        var n = table ? (table.names[k] || 0) : 0;
        if (!best || n < fewest) { best = k; fewest = n; }
      });
      if (best) {
        if (table && !table.names[best]) return function () { return null; };
        return function (n) { return 'name-' + hex(best) + '-' + n + '.json'; };
      }
      return function (n) { return 'part-' + n + '.json'; };
    }

    function clear() {
      matches = [];
      shown = 0;
      list.textContent = '';
    }

    function search() {
      var mine = ++run;
      if (!table) loadTable();
      var typed = words(input.value);
      var chosen = selects.map(function (s) {
        return [Number(s.getAttribute('data-place')), s.value === '' ? -1 : Number(s.value)];
      });
      var changed = typed.length > 0 || selects.some(function (s, i) { return s.value !== initial[i]; });
      clear();
      if (!changed) {
        list.hidden = true;
        more.hidden = true;
        status.textContent = '';
        if (staticResults) staticResults.hidden = false;
        return;
      }
      if (staticResults) staticResults.hidden = true;
      var ok = matcher(typed, chosen);
      var file = source(typed);
      report(false);
      // Until the first piece of the rarest key comes, show what the first
      // piece of the first letter typed holds: it was asked for with the
      // first key, so it is often here already.
      var delivered = false;
      if (typed.length) {
        var quick = 'name-' + hex(Array.from(typed[0])[0]) + '-1.json';
        if (quick !== file(1)) {
          load(quick).then(function (piece) {
            if (mine !== run || delivered) return;
            matches = piece.items.filter(ok);
            shown = 0;
            list.textContent = '';
            fill();
            report(false);
          }, function () {});
        }
      }
      (function next(n, parts) {
        var name = file(n);
        if (!name || n > parts) {
          if (!delivered) { delivered = true; clear(); }
          report(true);
          return;
        }
        load(name).then(function (piece) {
          if (mine !== run) return;
          if (!delivered) { delivered = true; clear(); }
          for (var i = 0; i < piece.items.length; i++) if (ok(piece.items[i])) matches.push(piece.items[i]);
          fill();
          var last = n >= piece.parts;
          report(last);
          // Ask for every other piece at once, so their round trips
          // overlap, and read them in order.
          if (n === 1) for (var k = 2; k <= piece.parts; k++) load(file(k));
          if (!last) next(n + 1, piece.parts);
        }, function () {
          if (mine !== run) return;
          status.textContent = say('search_failed');
          if (links) links.hidden = false;
        });
      })(1, Infinity);
    }

    input.addEventListener('input', search);
    selects.forEach(function (s) { s.addEventListener('change', search); });
    more.addEventListener('click', function () { showUpTo(shown + PAGE); });
  }

  function init() {
    initCopy();
    initSearch();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
}());
