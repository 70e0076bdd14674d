// Times the search page in headless Chromium: the first result after
// opening /suche/ with filters in the address against with a word (both
// download and index the same index.json), then later results after a
// click on a filter against after typing a word. A fresh browser profile
// per run, so nothing comes from the cache.
//   node bench/filters/browser.mjs SITE_DIR RUNS
import { serve } from '../../tests/browser/serve.mjs';
import { launch } from '../../tests/browser/browser.mjs';

const [site, runs = '5'] = process.argv.slice(2);
const server = await serve(site);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Milliseconds from `action` until the page shows its result: the
 * script writes the status line once per result (after the debounce or
 * index loading), so the first write of a count after the action is it. */
async function timed(page, action) {
  await page.evaluate(() => {
    const status = document.getElementById('suche-status');
    window.__done = new Promise((resolve) => {
      const t = performance.now();
      new MutationObserver((_, o) => {
        if (/Treffer|Gruppe/.test(status.textContent)) { o.disconnect(); resolve(performance.now() - t); }
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
  });
  await action();
  return page.evaluate(() => Promise.race([window.__done, new Promise((_, no) => setTimeout(() => no(new Error('no result in 30 s')), 30000))]));
}

/** Opens /suche/?QUERY and returns the time from navigation start to the
 * first result shown. */
async function first(page, query) {
  await page.goto(server.url + '/suche/?' + query);
  await page.waitForFunction(() => /Treffer|Gruppe/.test(document.getElementById('suche-status').textContent), null, { timeout: 60000 });
  return page.evaluate(() => performance.now());
}

const r = { word_first: [], filter_first: [], word_later: [], filter_later: [], filter_hits: [], word_after_filters: [] };
for (let i = 0; i < Number(runs); i++) {
  const browser = await launch();
  const page = await browser.context.newPage();
  r.word_first.push(await first(page, 'q=Diabetes'));
  for (const w of ['Zuckerkrankheit', 'Nord', 'Angehoerige', 'Selbsthilfe Musterstadt']) {
    r.word_later.push(await timed(page, async () => { await page.fill('#q', w); await page.press('#q', 'Enter'); }));
  }
  await browser.close();

  const b2 = await launch();
  const p2 = await b2.context.newPage();
  r.filter_first.push(await first(p2, 'form=online'));
  for (const id of ['#fuer-relatives', '#zeit-evening', '#zugang-step-free', '#stand-founding', '#ohne-full']) {
    r.filter_later.push(await timed(p2, () => p2.click(id)));
  }
  r.filter_hits.push(await p2.textContent('#suche-status'));
  // A filter with a word: type a word while filters are set.
  r.word_after_filters.push(await timed(p2, async () => { await p2.fill('#q', 'Diabetes'); await p2.press('#q', 'Enter'); }));
  await b2.close();
}
server.close();
const f = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
console.log(`first result, word "Diabetes" (today's search):   ${f(r.word_first)}`);
console.log(`first result, filter "online" in the address:     ${f(r.filter_first)}`);
console.log(`later results, a word and Enter (4 words × runs):    ${f(r.word_later)}`);
console.log(`later results, clicking a filter (5 steps × runs): ${f(r.filter_later)}`);
console.log(`first word with filters set (indexes then):     ${f(r.word_after_filters)}`);
console.log(`last filter state: ${r.filter_hits.at(-1)}`);
