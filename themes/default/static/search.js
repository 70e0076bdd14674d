/* wegweiser default theme: the search page. Loads the site's search index
 * (built by wegweiser, see src/render/web/search.rs), indexes it in the
 * browser with the vendored MiniSearch and shows the hits as a list of
 * links. All words come from the page (the theme's i18n/de.toml).
 * Folding: ä→ae, ö→oe, ü→ue, ß→ss, other accents removed, lower case, on
 * both the index and the query: "Zoeliakie" finds "Zöliakie". Prefix
 * matching ("Diab") and small typos (terms of 5+ letters) are tolerated. */
(function () {
  'use strict';
  var root = document.getElementById('suche');
  if (!root || !window.MiniSearch || !window.fetch) return;
  var form = root.querySelector('form');
  var input = root.querySelector('input[name="q"]');
  var status = document.getElementById('suche-status');
  var list = document.getElementById('suche-ergebnisse');
  var help = document.getElementById('suche-hilfe');
  var kinds = JSON.parse(root.getAttribute('data-kind'));
  var statuses = JSON.parse(root.getAttribute('data-status'));
  var texts = JSON.parse(root.getAttribute('data-texts'));
  var MAX = 50;
  var STOP = {};
  ('und oder der die das den dem des ein eine einer eines einem einen fuer mit von zu zum zur ' +
    'im in am an auf bei nach aus ueber unter ist sind wir sie es ich bei gruppe gruppen selbsthilfe ' +
    'selbsthilfegruppe selbsthilfegruppen').split(' ').forEach(function (w) { STOP[w] = true; });

  function fold(s) {
    return s.normalize('NFC').toLowerCase()
      .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  function documents(ix) {
    var docs = [];
    ix.topics.forEach(function (tp, i) {
      docs.push({ id: 't' + i, kind: 'topic', name: tp[1], aliases: tp[2].join(' '), topics: '', district: '',
        languages: '', text: '', url: ix.prefix.topic + tp[0] + '/', primary: '', place: '', status: '' });
    });
    ix.entries.forEach(function (e, i) {
      var topics = e[4].map(function (n) { return ix.topics[n][1] + ' ' + ix.topics[n][2].join(' '); });
      docs.push({ id: i, kind: e[0], name: e[2], aliases: e[3].join(' '), topics: topics.join(' '),
        district: e[5], languages: e[6].join(' '), text: e[7], url: ix.prefix[e[0]] + e[1] + '/',
        primary: e[4].length ? ix.topics[e[4][0]][1] : '', place: e[5], status: e[8] });
    });
    return docs;
  }

  var engine = null;
  var loading = null;
  function load() {
    if (!loading) {
      loading = fetch(root.getAttribute('data-index'))
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (ix) {
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
          engine.addAll(documents(ix));
          return engine;
        });
    }
    return loading;
  }

  function say(template, q, n) {
    return template.replace('{q}', q).replace('{n}', String(n));
  }

  function show(q) {
    list.textContent = '';
    help.hidden = true;
    if (!q) {
      list.hidden = true;
      status.textContent = texts.empty;
      return;
    }
    var hits = engine.search(q);
    var n = hits.length;
    status.textContent = say(n === 0 ? texts.count_none : n === 1 ? texts.count_one : texts.count_many, q, n) +
      (n > MAX ? ' ' + say(texts.more, q, MAX) : '');
    hits.slice(0, MAX).forEach(function (h) {
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
      list.appendChild(li);
    });
    list.hidden = n === 0;
    help.hidden = n !== 0;
  }

  var timer = null;
  function run(updateUrl) {
    var q = input.value.trim();
    if (updateUrl && window.history && history.replaceState) {
      var url = new URL(window.location.href);
      if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
      history.replaceState(null, '', url.toString());
    }
    if (!engine) status.textContent = texts.loading;
    load().then(function () { show(q); }, function () { status.textContent = texts.failed; });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    run(true);
  });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(true); }, 300);
  });

  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    run(false);
  } else {
    load();
  }
})();
