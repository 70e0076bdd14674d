/* wegweiser default theme: the search page. Loads the site's search index
 * (built by wegweiser, see src/render/web/search.rs), indexes it in the
 * browser with the vendored MiniSearch and shows the hits as a list of
 * links. All words come from the page (the theme's i18n/de.toml).
 * Folding: ä→ae, ö→oe, ü→ue, ß→ss, other accents removed, lower case, on
 * both the index and the query: "Zoeliakie" finds "Zöliakie". Prefix
 * matching ("Diab") and small typos (terms of 5+ letters) are tolerated.
 *
 * Filters: the form's checkboxes and selects narrow the groups by the facts
 * wegweiser computed for each group (entry field 9, see
 * src/render/web/filters.rs); this script only compares codes. Within one
 * filter any ticked choice may match, filters combine with each other and
 * with the search word. Without a word the matching groups are listed in
 * the index's order, which is German A–Z order. The state is the form's
 * query string (the same a submitted form sends): each change of a filter
 * is a history entry, so the back button returns to the previous choice. */
(function () {
  'use strict';
  var root = document.getElementById('suche');
  if (!root || !window.MiniSearch || !window.fetch || !window.URLSearchParams) return;
  var form = root.querySelector('form');
  var input = root.querySelector('input[name="q"]');
  var status = document.getElementById('suche-status');
  var list = document.getElementById('suche-ergebnisse');
  var help = document.getElementById('suche-hilfe');
  // A theme's own search.html may lack these (then there is no button or link).
  var more = document.getElementById('suche-mehr') || document.createElement('button');
  var reset = document.getElementById('filter-reset') || document.createElement('a');
  var kinds = JSON.parse(root.getAttribute('data-kind'));
  var statuses = JSON.parse(root.getAttribute('data-status'));
  var texts = JSON.parse(root.getAttribute('data-texts'));
  var PAGE = 50;
  var limit = PAGE;
  var STOP = {};
  ('und oder der die das den dem des ein eine einer eines einem einen fuer mit von zu zum zur ' +
    'im in am an auf bei nach aus ueber unter ist sind wir sie es ich bei gruppe gruppen selbsthilfe ' +
    'selbsthilfegruppe selbsthilfegruppen').split(' ').forEach(function (w) { STOP[w] = true; });

  function fold(s) {
    return s.normalize('NFC').toLowerCase()
      .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  var index = null;
  var docs = null;
  function documents(ix) {
    var list = [];
    ix.topics.forEach(function (tp, i) {
      list.push({ id: 't' + i, kind: 'topic', name: tp[1], aliases: tp[2].join(' '), topics: '', district: '',
        languages: '', text: '', url: ix.prefix.topic + tp[0] + '/', primary: '', place: '', status: '' });
    });
    ix.entries.forEach(function (e, i) {
      var topics = e[4].map(function (n) { return ix.topics[n][1] + ' ' + ix.topics[n][2].join(' '); });
      list.push({ id: i, kind: e[0], name: e[2], aliases: e[3].join(' '), topics: topics.join(' '),
        district: e[5], languages: e[6].join(' '), text: e[7], url: ix.prefix[e[0]] + e[1] + '/',
        primary: e[4].length ? ix.topics[e[4][0]][1] : '', place: e[5], status: e[8] });
    });
    return list;
  }

  /* The index is fetched once; MiniSearch indexes it only when a word is
   * searched (filters alone need no full-text index). */
  var engine = null;
  var loading = null;
  function load() {
    if (!loading) {
      loading = fetch(root.getAttribute('data-index'))
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (ix) {
          index = ix;
          docs = documents(ix);
          return ix;
        });
    }
    return loading;
  }

  function searchEngine() {
    if (!engine) {
      engine = new MiniSearch({
        fields: ['name', 'aliases', 'topics', 'district', 'languages', 'text'],
        storeFields: ['kind', 'name', 'url', 'primary', 'place', 'status'],
        processTerm: function (term) {
          var t = fold(term);
          return t && !STOP[t] ? t : null;
        },
        searchOptions: {
          boost: { name: 4, aliases: 3, topics: 2, district: 1.5, languages: 1.5, text: 0.5 },
          prefix: true,
          fuzzy: function (term) { return term.length >= 5 ? 0.2 : false; },
          combineWith: 'AND',
          boostDocument: function (id, term, stored) { return stored && stored.kind === 'topic' ? 1.5 : 1; }
        }
      });
      engine.addAll(docs);
    }
    return engine;
  }

  /* The chosen filters: for each parameter name the chosen values. */
  var NAMES = ['fuer', 'form', 'zugang', 'tag', 'zeit', 'stadtteil', 'sprache', 'stand', 'ohne'];
  function chosen() {
    var f = {};
    var any = false;
    NAMES.forEach(function (n) {
      var values = [];
      form.querySelectorAll('[name="' + n + '"]').forEach(function (el) {
        if (el.type === 'checkbox' ? el.checked : el.value) values.push(el.value);
      });
      f[n] = values;
      if (values.length) any = true;
    });
    f.any = any;
    return f;
  }

  function has(list, value) { return list.indexOf(value) !== -1; }
  function some(wanted, list) {
    return wanted.some(function (w) { return has(list, w); });
  }

  /* Does entry number i match the filters f? Only groups carry facts. */
  function matches(i, f) {
    var e = index.entries[i];
    var facts = e[9];
    if (!facts) return false;
    if (f.fuer.length && !some(f.fuer, facts[0])) return false;
    if (f.form.length && !some(f.form, facts[1])) return false;
    if (f.zugang.length && !facts[2]) return false;
    if (f.tag.length || f.zeit.length) {
      var slot = facts[3].some(function (s) {
        return (!f.tag.length || has(f.tag, s[0])) && (!f.zeit.length || has(f.zeit, s[1]));
      });
      if (!slot) return false;
    }
    if (f.stadtteil.length && !has(f.stadtteil, e[5])) return false;
    if (f.sprache.length && !some(f.sprache, facts[4])) return false;
    if (f.stand.length && !has(f.stand, e[8])) return false;
    if (f.ohne.length && has(f.ohne, e[8])) return false;
    return true;
  }

  function say(template, q, n) {
    return template.replace('{q}', q).replace('{n}', String(n));
  }

  function counted(prefix, q, n) {
    return say(n === 0 ? texts[prefix + 'none'] : n === 1 ? texts[prefix + 'one'] : texts[prefix + 'many'], q, n);
  }

  function line(h) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = h.url;
    a.textContent = h.name;
    li.appendChild(a);
    var meta = [kinds[h.kind]];
    if (h.primary) meta.push(h.primary);
    if (h.place) meta.push(h.place);
    if (h.status) meta.push(statuses[h.status]);
    var span = document.createElement('span');
    span.className = 'meta';
    span.textContent = meta.join(' · ');
    li.appendChild(document.createElement('br'));
    li.appendChild(span);
    return li;
  }

  function show(q, f) {
    list.textContent = '';
    help.hidden = true;
    more.hidden = true;
    if (!q && !f.any) {
      list.hidden = true;
      status.textContent = texts.empty;
      return;
    }
    var hits;
    if (!q) {
      hits = [];
      for (var i = 0; i < index.entries.length; i++) {
        if (matches(i, f)) hits.push(docs[index.topics.length + i]);
      }
    } else if (f.any) {
      hits = searchEngine().search(q, { filter: function (r) { return typeof r.id === 'number' && matches(r.id, f); } });
    } else {
      hits = searchEngine().search(q);
    }
    var n = hits.length;
    var text = !f.any ? counted('count_', q, n) : q ? counted('word_filters_', q, n) : counted('filters_', q, n);
    if (n > limit) text += ' ' + say(f.any ? texts.more_filters : texts.more, q, limit);
    status.textContent = text;
    var fragment = document.createDocumentFragment();
    hits.slice(0, limit).forEach(function (h) { fragment.appendChild(line(h)); });
    list.appendChild(fragment);
    list.hidden = n === 0;
    help.hidden = n !== 0;
    more.hidden = n <= limit;
  }

  /* The form as a query string (what a submitted form sends, without
   * empty values). */
  function query() {
    var params = new URLSearchParams();
    var q = input.value.trim();
    if (q) params.append('q', q);
    var f = chosen();
    NAMES.forEach(function (n) { f[n].forEach(function (v) { params.append(n, v); }); });
    return params.toString();
  }

  /* Sets the form from a query string. */
  function restore(search) {
    var params = new URLSearchParams(search);
    input.value = params.get('q') || '';
    NAMES.forEach(function (n) {
      var values = params.getAll(n);
      form.querySelectorAll('[name="' + n + '"]').forEach(function (el) {
        if (el.type === 'checkbox') el.checked = has(values, el.value);
        else el.value = values.length && el.querySelector('option[value="' + CSS.escape(values[0]) + '"]') ? values[0] : '';
      });
    });
  }

  /* mode: 'push' (a new history entry), 'replace' (while typing), or
   * nothing (the address already says it). Resolves once shown. */
  function run(mode) {
    var q = input.value.trim();
    var f = chosen();
    if (mode && window.history && history.pushState) {
      var s = query();
      var url = window.location.pathname + (s ? '?' + s : '');
      if (url !== window.location.pathname + window.location.search) {
        if (mode === 'push') history.pushState(null, '', url); else history.replaceState(null, '', url);
      }
    }
    if (!index || (q && !engine)) status.textContent = texts.loading;
    // Let the browser paint the loading line before indexing.
    return load().then(function () {
      return new Promise(function (done) { setTimeout(function () { show(q, f); done(); }, 0); });
    }, function () { status.textContent = texts.failed; });
  }

  var timer = null;
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    limit = PAGE;
    run('push');
  });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    limit = PAGE;
    timer = setTimeout(function () { run('replace'); }, 300);
  });
  form.addEventListener('change', function (ev) {
    if (ev.target === input) return;
    clearTimeout(timer);
    limit = PAGE;
    run('push');
  });
  reset.addEventListener('click', function (ev) {
    ev.preventDefault();
    form.reset();
    input.value = '';
    limit = PAGE;
    run('push');
  });
  more.addEventListener('click', function () {
    var first = list.children.length;
    limit += PAGE;
    // Keep the reader's place: the focus goes to the first new hit.
    run().then(function () {
      var a = list.children[first] && list.children[first].querySelector('a');
      if (a) a.focus();
    });
  });
  window.addEventListener('popstate', function () {
    restore(window.location.search);
    limit = PAGE;
    run();
  });

  if (window.location.search) {
    restore(window.location.search);
    run();
  } else {
    // Ready before the first word: fetch, then index while the reader reads.
    load().then(function () { setTimeout(searchEngine, 0); });
  }
})();
