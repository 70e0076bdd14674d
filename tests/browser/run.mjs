// Browser tests of the website: the sample directory is built with the real
// binary, served from a tiny loopback server and opened in headless
// Chromium (Debian package `chromium`, driven by playwright-core).
//
//   node tests/browser/run.mjs        (scripts/test runs it after cargo test)
//
// Checks: axe-core reports no violation (WCAG 2.1 A/AA and best practices)
// on every page type; the search finds by synonym, umlaut spelling, prefix,
// district and language, also under a base path; keyboard-only navigation
// reaches a group page; e-mail addresses become links; the filters of the
// search (filters.mjs); no request leaves the machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';
// The editor at /admin/ against `serve` (its own before/after and tests).
import './admin.mjs';
import { filterTests } from './filters.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegweiser-browser-'));

/** Builds a directory root's website into `out` with the project's binary
 * ($WEGWEISER_BIN, as scripts/test sets it, or else `cargo run`). */
function build(root, out) {
  const args = ['build', '--root', root, '--out', out, '--only', 'web'];
  const [cmd, cmdArgs] = process.env.WEGWEISER_BIN
    ? [process.env.WEGWEISER_BIN, args]
    : ['cargo', ['run', '--quiet', '--locked', '--', ...args]];
  execFileSync(cmd, cmdArgs, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  return path.join(out, 'site');
}

/** A copy of the sample whose base_url has a path. */
function sampleUnderPath(sub) {
  const root = path.join(tmp, 'root-sub');
  fs.cpSync(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
  const settings = fs.readFileSync(path.join(repo, 'wegweiser.toml'), 'utf8')
    .replace(/^base_url = .*$/m, `base_url = "https://example.github.io${sub}"`);
  fs.writeFileSync(path.join(root, 'wegweiser.toml'), settings);
  return root;
}

let server, subServer, browser;
const outside = [];

before(async () => {
  const site = build(repo, path.join(tmp, 'out'));
  const subSite = build(sampleUnderPath('/wegweiser'), path.join(tmp, 'out-sub'));
  server = await serve(site);
  subServer = await serve(subSite, '/wegweiser');
  browser = await launch();
  // Every request must stay on the loopback server: no fonts, scripts,
  // maps or analytics from third parties.
  browser.context.on('request', (req) => {
    const u = new URL(req.url());
    if (!['http:', 'https:'].includes(u.protocol)) return;
    if (u.hostname !== '127.0.0.1') outside.push(req.url());
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  subServer?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}

// One page of every type (the search page with hits, an empty letter, a
// confidential group, an ended group, a group without own contact, …).
const PAGES = [
  ['start page', '/'],
  ['letter', '/a-z/a/'],
  ['letter 0-9', '/a-z/0-9/'],
  ['empty letter', '/a-z/q/'],
  ['topics', '/themen/'],
  ['topic', '/themen/diabetes/'],
  ['topic without group', '/themen/stottern/'],
  ['group', '/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/'],
  ['group in founding', '/gruppen/1000-schritte-rauchfrei/'],
  ['confidential group', '/gruppen/frauen-nach-gewalterfahrung/'],
  ['ended group', '/gruppen/kaufsucht-gespraechskreis-musterstadt/'],
  ['organisation', '/organisationen/landesverband-diabetes-musterland/'],
  ['contact point', '/kontaktstellen/kiss-musterstadt/'],
  ['free page', '/impressum/'],
  ['free page with list', '/so-hilft-die-kontaktstelle/'],
  ['search with hits', '/suche/?q=Diabetes'],
  ['search without hits', '/suche/?q=Xylophon'],
  ['404', '/gibt-es-nicht/'],
];

// At phone width (reflow, 320 CSS px at 400 %), a few pages suffice.
const PHONE = new Set(['/', '/a-z/a/', '/themen/diabetes/', '/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/', '/suche/?q=Diabetes']);

test('axe-core: no violations on any page type (desktop and phone width)', async () => {
  const page = await browser.context.newPage();
  const problems = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, p] of PAGES.filter(([, p]) => width > 400 || PHONE.has(p))) {
      await page.goto(server.url + p);
      if (p.startsWith('/suche/')) {
        await page.waitForFunction(() => /Treffer/.test(document.getElementById('suche-status').textContent));
      }
      const v = await axe(page);
      if (v.length) problems.push({ page: `${name} ${p} @${width}px`, violations: v });
    }
  }
  await page.close();
  assert.deepEqual(problems, [], JSON.stringify(problems, null, 2));
});

test('a former slug sends the reader on to the current page', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url + '/gruppen/diabetes-nord/');
  await page.waitForURL('**/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/');
  assert.equal(await page.textContent('h1'), 'Diabetes-Selbsthilfegruppe Musterstadt-Nord');
  await page.close();
});

async function search(page, base, q) {
  await page.goto(base + '/suche/');
  await page.fill('#q', q);
  await page.press('#q', 'Enter');
  await page.waitForFunction(
    (q) => document.getElementById('suche-status').textContent.includes(q),
    q,
  );
  const status = await page.textContent('#suche-status');
  const hits = await page.$$eval('#suche-ergebnisse a', (as) => as.map((a) => ({ name: a.textContent, href: a.getAttribute('href') })));
  return { status, hits };
}

test('search: synonym, umlaut spelling, prefix, district, language', async () => {
  const page = await browser.context.newPage();
  const names = (r) => r.hits.map((h) => h.name);

  const sugar = await search(page, server.url, 'Zuckerkrankheit');
  assert.ok(names(sugar).includes('Diabetes-Selbsthilfegruppe Musterstadt-Nord'), JSON.stringify(sugar));
  assert.ok(names(sugar).includes('Diabetes'), 'the topic itself is found');
  assert.match(sugar.status, /\d+ Treffer für „Zuckerkrankheit“/);

  for (const q of ['Zoeliakie', 'Zöliakie', 'zöliakie']) {
    const r = await search(page, server.url, q);
    assert.ok(names(r).includes('Zöliakie-Treff Musterstadt'), `${q}: ${JSON.stringify(r)}`);
  }
  const prefix = await search(page, server.url, 'Diab');
  assert.ok(names(prefix).includes('Diabetes-Treff Musterdorf'), JSON.stringify(prefix));
  const turkish = await search(page, server.url, 'Türkisch');
  assert.ok(names(turkish).includes('Diabetes-Selbsthilfegruppe Musterstadt-Nord'), JSON.stringify(turkish));
  const district = await search(page, server.url, 'Weststadt');
  assert.ok(names(district).includes('50plus – Leben nach Krebs'), JSON.stringify(district));
  const alias = await search(page, server.url, 'Diabetiker Nord');
  assert.equal(alias.hits[0]?.name, 'Diabetes-Selbsthilfegruppe Musterstadt-Nord', JSON.stringify(alias));

  // Ended groups and confidential details are not in the index.
  const ended = await search(page, server.url, 'Kaufsucht');
  assert.ok(!names(ended).includes('Kaufsucht-Gesprächskreis Musterstadt'), JSON.stringify(ended));
  const hidden = await search(page, server.url, 'Stillgasse');
  assert.equal(hidden.hits.length, 0);
  assert.match(hidden.status, /Keine Treffer/);
  assert.ok(await page.isVisible('#suche-hilfe'), 'no hits: the contact point is offered');

  // The query is kept in the address, so a result list can be bookmarked.
  await page.goto(server.url + '/suche/?q=Zuckerkrankheit');
  await page.waitForSelector('#suche-ergebnisse a');
  assert.equal(await page.inputValue('#q'), 'Zuckerkrankheit');
  await page.close();
});

test('search and links work under a base path', async () => {
  const page = await browser.context.newPage();
  const r = await search(page, subServer.url, 'Zuckerkrankheit');
  const hit = r.hits.find((h) => h.name === 'Diabetes-Selbsthilfegruppe Musterstadt-Nord');
  assert.equal(hit?.href, '/wegweiser/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/');
  await page.click(`#suche-ergebnisse a[href="${hit.href}"]`);
  await page.waitForURL('**/wegweiser/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/');
  assert.equal(await page.textContent('h1'), 'Diabetes-Selbsthilfegruppe Musterstadt-Nord');
  await page.close();
});

/** Presses Tab until the focused element matches, at most `max` times. */
async function tabTo(page, predicate, arg, max = 250) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`focus never reached ${arg}`);
}

test('keyboard only: skip link, topic, group page, search', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url + '/');
  // The first Tab reaches the skip link, which is visible when focused.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  assert.ok(await page.isVisible('a.skip'));
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'inhalt', 'skip link moves focus to main');
  // Tab to the topic "Diabetes", open it, tab to a group, open it.
  await tabTo(page, (t) => document.activeElement.textContent === t, 'Diabetes');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/themen/diabetes/');
  await tabTo(page, (t) => document.activeElement.textContent === t, 'Diabetes-Treff Musterdorf');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/gruppen/diabetes-treff-musterdorf/');
  assert.equal(await page.textContent('h1'), 'Diabetes-Treff Musterdorf');
  // The focus ring is visible (not suppressed by the theme).
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');

  // The search, by keyboard: type, Enter, Tab to the first hit, Enter.
  await page.goto(server.url + '/');
  await tabTo(page, () => document.activeElement.id === 'q');
  await page.keyboard.type('Zuckerkrankheit');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/suche/?q=Zuckerkrankheit');
  await page.waitForSelector('#suche-ergebnisse a');
  await tabTo(page, (t) => document.activeElement.textContent === t, 'Diabetes-Selbsthilfegruppe Musterstadt-Nord');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/');
  await page.close();
});

test('e-mail addresses: protected in the source, links in the browser', async () => {
  const page = await browser.context.newPage();
  const res = await page.goto(server.url + '/kontaktstellen/kiss-musterstadt/');
  const source = await res.text();
  assert.doesNotMatch(source, /[\w.+-]+@[\w-]+\.[\w.-]+/, 'no e-mail address in the page source');
  assert.ok(!source.includes('mailto:'), 'no mailto: in the page source');
  const mail = await page.$$eval('a[href^="mailto:"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(mail.includes('mailto:info@kiss-musterstadt.example'), JSON.stringify(mail));
  await page.close();
});

test('without JavaScript: the search page points to A–Z and topics, e-mail stays readable', async () => {
  const context = await browser.context.browser()?.newContext({ javaScriptEnabled: false });
  // launchPersistentContext has no browser object to open a second context;
  // use a page with scripts blocked instead.
  const page = context ? await context.newPage() : await browser.context.newPage();
  if (!context) await page.route('**/*.js', (r) => r.abort());
  await page.goto(server.url + '/suche/');
  const text = await page.textContent('main');
  assert.ok(text.includes('A–Z') && text.includes('Themen'), text);
  await page.goto(server.url + '/kontaktstellen/kiss-musterstadt/');
  assert.ok((await page.textContent('main')).includes('info (at) kiss-musterstadt.example'));
  await page.close();
  await context?.close();
});

// The filters of /suche/ (tests/browser/filters.mjs), on the same server.
filterTests(() => ({ server, browser, axe }));

test('no request left the machine', () => {
  assert.deepEqual(outside, []);
});
