// Query side of issue 3, in Node (no browser): how long the first query
// takes and what it downloads, for wegweiser's index + MiniSearch and for a
// pagefind bundle. Files are read from disk; "bytes" are what a browser
// would transfer (index.json gzip-compressed by the server; pagefind's
// files are compressed already). One engine per process, so each run is a
// cold start:
//
//   node query.mjs minisearch SITE_DIR  QUERY...
//   node --experimental-default-type=module query.mjs pagefind BUNDLE_DIR QUERY...
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [engine, dir, ...queries] = process.argv.slice(2);
const ms = (t) => +(performance.now() - t).toFixed(1);
const out = { engine, queries: [] };

if (engine === 'minisearch') {
  // Same configuration as themes/default/static/search.js.
  const fetched = [];
  const get = (p) => { const b = readFileSync(`${dir}/${p}`); fetched.push([p, gzipSync(b, { level: 6 }).length]); return b; };
  let t = performance.now();
  get('static/minisearch.min.js'); get('static/search.js');
  const MiniSearch = createRequire(import.meta.url)(`${dir}/static/minisearch.min.js`);
  const ix = JSON.parse(get('suche/index.json'));
  out.parse_ms = ms(t);
  const STOP = {};
  ('und oder der die das den dem des ein eine einer eines einem einen fuer mit von zu zum zur ' +
    'im in am an auf bei nach aus ueber unter ist sind wir sie es ich bei gruppe gruppen selbsthilfe ' +
    'selbsthilfegruppe selbsthilfegruppen').split(' ').forEach((w) => { STOP[w] = true; });
  const fold = (s) => s.normalize('NFC').toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const docs = [];
  ix.topics.forEach((tp, i) => docs.push({ id: 't' + i, kind: 'topic', name: tp[1], aliases: tp[2].join(' '), topics: '',
    district: '', languages: '', text: '', url: ix.prefix.topic + tp[0] + '/', primary: '', place: '', status: '' }));
  ix.entries.forEach((e, i) => docs.push({ id: i, kind: e[0], name: e[2], aliases: e[3].join(' '),
    topics: e[4].map((n) => ix.topics[n][1] + ' ' + ix.topics[n][2].join(' ')).join(' '),
    district: e[5], languages: e[6].join(' '), text: e[7], url: ix.prefix[e[0]] + e[1] + '/',
    primary: e[4].length ? ix.topics[e[4][0]][1] : '', place: e[5], status: e[8] }));
  t = performance.now();
  const engine = new MiniSearch({
    fields: ['name', 'aliases', 'topics', 'district', 'languages', 'text'],
    storeFields: ['kind', 'name', 'url', 'primary', 'place', 'status'],
    processTerm: (term) => { const f = fold(term); return f && !STOP[f] ? f : null; },
    searchOptions: {
      boost: { name: 4, aliases: 3, topics: 2, district: 1.5, languages: 1.5, text: 0.5 },
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
      boostDocument: (id, term, stored) => (stored && stored.kind === 'topic' ? 1.5 : 1),
    },
  });
  engine.addAll(docs);
  out.index_ms = ms(t);
  out.documents = docs.length;
  for (const q of queries) {
    t = performance.now();
    const hits = engine.search(q);
    out.queries.push({ q, ms: ms(t), hits: hits.length, top: hits.slice(0, 3).map((h) => h.name) });
  }
  out.files = fetched.length;
  out.bytes = fetched.reduce((a, f) => a + f[1], 0);
  out.heap_mb = +(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1);
  out.array_buffers_mb = +(process.memoryUsage().arrayBuffers / 2 ** 20).toFixed(1); // WASM memory, file buffers
  out.rss_mb = +(process.memoryUsage().rss / 2 ** 20).toFixed(1);
} else if (engine === 'pagefind') {
  // Serve file:// URLs from disk and count every file pagefind fetches.
  const fetched = [];
  globalThis.fetch = async (url) => {
    const path = decodeURIComponent(new URL(String(url)).pathname);
    const b = readFileSync(path);
    fetched.push([path.slice(dir.length + 1), b.length]);
    return new Response(b, { status: 200 });
  };
  const counts = () => ({ files: fetched.length, bytes: fetched.reduce((a, f) => a + f[1], 0) });
  const jsBytes = readFileSync(`${dir}/pagefind.js`).length;
  const jsGzip = gzipSync(readFileSync(`${dir}/pagefind.js`), { level: 6 }).length;
  let t = performance.now();
  const pagefind = await import(`${dir}/pagefind.js`);
  await pagefind.options({ basePath: `file://${dir}/` });
  await pagefind.init();
  out.init_ms = ms(t);
  let seen = 0, seenBytes = jsGzip;
  for (const q of queries) {
    t = performance.now();
    const r = await pagefind.search(q);
    const searchMs = ms(t);
    const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    const c = counts();
    out.queries.push({ q, search_ms: searchMs, with_10_results_ms: ms(t), hits: r.results.length,
      top: data.slice(0, 3).map((d) => d.meta.title), new_files: c.files - seen + (seen ? 0 : 1),
      new_bytes: c.bytes + jsGzip - seenBytes, fetched: fetched.slice(seen).map((f) => f[0].replace(/_[0-9a-f]+\./, '_*.')).join(' ') });
    seen = c.files; seenBytes = c.bytes + jsGzip;
  }
  const c = counts();
  out.files = c.files + 1; // + pagefind.js itself (served gzip by a web server: see README)
  out.bytes = c.bytes + jsGzip;
  out.pagefind_js_bytes = jsBytes;
  out.heap_mb = +(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1);
  out.array_buffers_mb = +(process.memoryUsage().arrayBuffers / 2 ** 20).toFixed(1); // WASM memory, file buffers
  out.rss_mb = +(process.memoryUsage().rss / 2 ** 20).toFixed(1);
} else {
  console.error('usage: node query.mjs minisearch|pagefind DIR QUERY...');
  process.exit(2);
}
console.log(JSON.stringify(out));
