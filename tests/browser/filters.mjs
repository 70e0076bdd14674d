// Browser tests of the filters on /suche/ (issue 17), run from run.mjs on
// the same server and browser. The expected groups are computed here from
// the site's JSON export (/daten/wegweiser.json: audience, format, status,
// district, languages, meetings), not from the search index the page uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';

/** Registers the tests; `env()` gives { server, browser, axe } once run.mjs
 * has started them. */
export function filterTests(env) {
  let groups = null;
  async function exported() {
    if (!groups) {
      const r = await fetch(env().server.url + '/daten/wegweiser.json');
      groups = (await r.json()).groups;
    }
    return groups;
  }

  const hour = (m) => Number(m.start.split(':')[0]);
  const timeOf = (m) => (hour(m) < 12 ? 'morning' : hour(m) < 17 ? 'afternoon' : 'evening');
  const regular = (g) => g.meetings.filter((m) => m.weekday && m.start);
  // What each filter value means, in the export's terms.
  const MEANS = {
    'fuer=relatives': (g) => g.audience.includes('relatives'),
    'fuer=affected': (g) => g.audience.includes('affected'),
    'form=online': (g) => g.format === 'online' || g.format === 'hybrid',
    'form=in-person': (g) => g.format === 'in-person' || g.format === 'hybrid',
    'zugang=step-free': (g) => g.meetings.some((m) => m.accessible === true),
    'tag=tuesday': (g) => regular(g).some((m) => m.weekday === 'tuesday'),
    'zeit=morning': (g) => regular(g).some((m) => timeOf(m) === 'morning'),
    'zeit=afternoon': (g) => regular(g).some((m) => timeOf(m) === 'afternoon'),
    'zeit=evening': (g) => regular(g).some((m) => timeOf(m) === 'evening'),
    'stadtteil=Nord': (g) => g.district === 'Nord',
    'sprache=en': (g) => g.languages.includes('en'),
    'stand=founding': (g) => g.status === 'founding',
    'ohne=full': (g) => g.status !== 'full',
  };

  /** Names of the exported groups (A–Z) for which every predicate holds. */
  async function expected(...preds) {
    return (await exported()).filter((g) => preds.every((p) => p(g))).map((g) => g.name);
  }

  /** Waits until the page shows `n` hits and the status names `n`, then
   * opens every further page of hits; returns the shown names and the status. */
  async function results(page, n) {
    await page
      .waitForFunction(
        (n) => {
          const s = document.getElementById('suche-status').textContent;
          const shown = document.querySelectorAll('#suche-ergebnisse li').length;
          return s.startsWith(n === 0 ? 'Kein' : n + ' ') && (shown === Math.min(n, 50) || n === 0);
        },
        n,
        { timeout: 5000 },
      )
      .catch(() => {});
    while (await page.isVisible('#suche-mehr')) {
      const before = await page.$$eval('#suche-ergebnisse li', (l) => l.length);
      await page.click('#suche-mehr');
      await page.waitForFunction((b) => document.querySelectorAll('#suche-ergebnisse li').length > b, before);
    }
    return {
      names: await page.$$eval('#suche-ergebnisse a', (as) => as.map((a) => a.textContent)),
      status: await page.textContent('#suche-status'),
    };
  }

  test('filters: each filter alone lists exactly its groups, A–Z', async () => {
    const page = await env().browser.context.newPage();
    for (const [query, pred] of Object.entries(MEANS)) {
      const want = await expected(pred);
      assert.ok(want.length > 0, `${query}: the sample has such groups`);
      await page.goto(env().server.url + '/suche/?' + query);
      const got = await results(page, want.length);
      assert.deepEqual(got.names, want, query);
      assert.match(got.status, new RegExp(`^${want.length} (Gruppe passt|Gruppen passen) zu den gewählten Filtern`), query);
      // The control shows the state of the address.
      const [name, value] = query.split('=');
      const control = await page.$(`[name="${name}"][value="${value}"]`);
      if (control) assert.ok(await control.isChecked(), `${query}: box ticked`);
      else assert.equal(await page.inputValue(`select[name="${name}"]`), value, `${query}: chosen`);
    }
    await page.close();
  });

  test('filters: combinations, the same meeting for day and time, and with a search word', async () => {
    const page = await env().browser.context.newPage();
    const open = async (query, want) => {
      await page.goto(env().server.url + '/suche/?' + query);
      return results(page, want.length);
    };
    const combos = [
      ['fuer=relatives&form=online&zeit=evening', [MEANS['fuer=relatives'], MEANS['form=online'], MEANS['zeit=evening']]],
      ['stand=founding&form=in-person', [MEANS['stand=founding'], MEANS['form=in-person']]],
      ['zugang=step-free&stadtteil=Nord&ohne=full', [MEANS['zugang=step-free'], MEANS['stadtteil=Nord'], MEANS['ohne=full']]],
      // Two ticks in one filter: either may match.
      ['zeit=morning&zeit=afternoon', [(g) => MEANS['zeit=morning'](g) || MEANS['zeit=afternoon'](g)]],
      // Day and time must hold for one and the same meeting.
      ['tag=tuesday&zeit=evening', [(g) => regular(g).some((m) => m.weekday === 'tuesday' && timeOf(m) === 'evening')]],
    ];
    for (const [query, preds] of combos) {
      const want = await expected(...preds);
      assert.ok(want.length > 0, `${query}: the sample has such groups`);
      assert.deepEqual((await open(query, want)).names, want, query);
    }
    // The three-click question of issue 17 has more than one answer.
    assert.ok((await expected(...combos[0][1])).length >= 2);

    // With a word: the word's group hits, narrowed by the filters.
    for (const [q, query] of [['Diabetes', 'form=online'], ['Angst', 'zeit=evening'], ['Musterstadt', 'fuer=relatives&zugang=step-free']]) {
      await page.goto(env().server.url + '/suche/?q=' + encodeURIComponent(q));
      await page.waitForFunction(() => /Treffer/.test(document.getElementById('suche-status').textContent));
      while (await page.isVisible('#suche-mehr')) await page.click('#suche-mehr');
      const plain = await page.$$eval('#suche-ergebnisse a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      const preds = query.split('&').map((p) => MEANS[p]);
      const matching = new Set(await expected(...preds));
      const want = plain.filter(([name, href]) => href.startsWith('/gruppen/') && matching.has(name)).map(([name]) => name);
      assert.ok(want.length > 0 && want.length < plain.length, `${q} & ${query}: the filter narrows`);
      await page.goto(env().server.url + `/suche/?q=${encodeURIComponent(q)}&${query}`);
      const got = await results(page, want.length);
      assert.deepEqual([...got.names].sort(), [...want].sort(), `${q} & ${query}`);
      assert.match(got.status, new RegExp(`Treffer für „${q}“ mit den gewählten Filtern`));
      assert.equal(await page.inputValue('#q'), q);
    }
    // No hit: the contact point is offered.
    const none = await open('q=Diabetes&stand=founding&sprache=ar', []);
    assert.deepEqual(none.names, []);
    assert.match(none.status, /^Keine Treffer/);
    assert.ok(await page.isVisible('#suche-hilfe'));
    await page.close();
  });

  test('filters: three clicks, state in the address, back and forward buttons', async () => {
    const page = await env().browser.context.newPage();
    const url = env().server.url + '/suche/';
    await page.goto(url);
    const want = await expected(MEANS['form=online'], MEANS['fuer=relatives'], MEANS['zeit=evening']);
    // Three clicks on visible labels: online, für Angehörige, abends.
    await page.getByLabel('online', { exact: true }).click();
    await page.getByLabel('für Angehörige', { exact: true }).click();
    await page.getByLabel('abends (ab 17 Uhr)', { exact: true }).click();
    const got = await results(page, want.length);
    assert.deepEqual(got.names, want);
    assert.equal(new URL(page.url()).search, '?fuer=relatives&form=online&zeit=evening');
    assert.equal(await page.getAttribute('#suche-status', 'role'), 'status', 'the count is announced');
    // Shareable: the address alone gives the same list in a fresh page.
    const other = await env().browser.context.newPage();
    await other.goto(page.url());
    assert.deepEqual((await results(other, want.length)).names, want);
    await other.close();
    // Back: one filter fewer (online, für Angehörige).
    await page.goBack();
    await page.waitForURL((u) => u.search === '?fuer=relatives&form=online');
    const two = await expected(MEANS['form=online'], MEANS['fuer=relatives']);
    assert.deepEqual((await results(page, two.length)).names, two);
    assert.equal(await page.isChecked('#zeit-evening'), false);
    assert.equal(await page.isChecked('#fuer-relatives'), true);
    await page.goBack();
    await page.goBack();
    await page.waitForURL((u) => u.search === '');
    await page.waitForFunction(() => document.querySelectorAll('#suche-ergebnisse li').length === 0);
    assert.equal(await page.isChecked('#form-online'), false);
    assert.match(await page.textContent('#suche-status'), /Suchbegriff/);
    await page.goForward();
    await page.waitForURL((u) => u.search === '?form=online');
    assert.deepEqual((await results(page, (await expected(MEANS['form=online'])).length)).names, await expected(MEANS['form=online']));
    // "Alle Filter löschen" empties the form and the address.
    await page.click('#filter-reset');
    await page.waitForURL((u) => u.search === '');
    assert.equal(await page.isChecked('#form-online'), false);
    await page.close();
  });

  test('filters: by keyboard only', async () => {
    const page = await env().browser.context.newPage();
    await page.goto(env().server.url + '/suche/');
    const tabTo = async (id) => {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((id) => document.activeElement.id === id, id)) return;
      }
      throw new Error(`focus never reached #${id}`);
    };
    await tabTo('fuer-relatives');
    await page.keyboard.press('Space');
    await tabTo('form-online');
    await page.keyboard.press('Space');
    // A select by keyboard: the first day after "jeder Tag" is Monday …
    await tabTo('tag');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.inputValue('#tag'), 'tuesday');
    await tabTo('zeit-evening');
    await page.keyboard.press('Space');
    const want = await expected(
      MEANS['fuer=relatives'],
      MEANS['form=online'],
      (g) => regular(g).some((m) => m.weekday === 'tuesday' && timeOf(m) === 'evening'),
    );
    assert.ok(want.length > 0);
    assert.deepEqual((await results(page, want.length)).names, want);
    // Tab on to the first hit and open it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((t) => document.activeElement.textContent === t, want[0])) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement.textContent), want[0]);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/gruppen/**');
    assert.equal(await page.textContent('h1'), want[0]);
    await page.close();
  });

  test('filters: axe-core finds no violation on /suche/ with filters set', async () => {
    const page = await env().browser.context.newPage();
    const problems = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const query of ['fuer=relatives&form=online&zeit=evening', 'q=Diabetes&zugang=step-free&ohne=full', 'stadtteil=Nord&sprache=en']) {
        await page.goto(env().server.url + '/suche/?' + query);
        await page.waitForFunction(() => /Gruppe|Treffer/.test(document.getElementById('suche-status').textContent));
        const v = await env().axe(page);
        if (v.length) problems.push({ query, width, violations: v });
      }
      for (const p of ['/suche/gruendung/', '/suche/online/', '/leichte-sprache/']) {
        await page.goto(env().server.url + p);
        const v = await env().axe(page);
        if (v.length) problems.push({ page: p, width, violations: v });
      }
    }
    await page.close();
    assert.deepEqual(problems, [], JSON.stringify(problems, null, 2));
  });

  test('filters without JavaScript: the form still submits, the static lists list', async () => {
    const context = await env().browser.context.browser()?.newContext({ javaScriptEnabled: false });
    const page = context ? await context.newPage() : await env().browser.context.newPage();
    if (!context) await page.route('**/*.js', (r) => r.abort());
    await page.goto(env().server.url + '/suche/');
    await page.check('#form-online');
    await page.click('button[type="submit"]');
    // A GET of the whole form (empty fields too), harmless without a script.
    await page.waitForURL((u) => u.pathname === '/suche/' && u.searchParams.getAll('form').join() === 'online');
    const main = await page.textContent('main');
    assert.ok(main.includes('Die Suche braucht JavaScript'), main);
    await page.click('a[href="/suche/online/"]');
    await page.waitForURL('**/suche/online/');
    const names = await page.$$eval('main ul.entries a', (as) => as.map((a) => a.textContent));
    assert.deepEqual(names, await expected(MEANS['form=online']));
    await page.close();
    await context?.close();
  });
}
