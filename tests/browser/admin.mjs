// Browser tests of the editor at /admin/ (the real Decap CMS, vendored in
// the theme) against `wegweiser serve` on a temporary copy of the sample:
// it saves through serve's local backend (`POST /api/v1`).
//
//   node --test tests/browser/admin.mjs     (run.mjs imports it)
//
// Creates a group through the form and checks the file, `check` and the
// served page; changes an existing group's meeting time (only that
// changes); is refused an ended group without a date (German message, file
// unchanged); uploads an image; deletes a group. Every request is
// recorded: none may leave 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegweiser-admin-'));
const root = path.join(tmp, 'root');

/** The project's binary ($WEGWEISER_BIN, as scripts/test sets it, or `cargo run`). */
function command(args) {
  return process.env.WEGWEISER_BIN
    ? [process.env.WEGWEISER_BIN, args]
    : ['cargo', ['run', '--quiet', '--locked', '--', ...args]];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

let serve, browser, base, page;
const requests = [];

before(async () => {
  fs.cpSync(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'wegweiser.toml'), path.join(root, 'wegweiser.toml'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const [cmd, args] = command(['serve', '--root', root, '--port', String(port), '--quiet']);
  serve = spawn(cmd, args, { cwd: repo, stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, NO_COLOR: '1' } });
  // Wait for the first good build.
  for (let i = 0; ; i++) {
    try {
      const s = await (await fetch(`${base}/__wegweiser/status`)).json();
      if (s.ok) break;
    } catch {}
    if (i > 1200) throw new Error('serve did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await launch();
  browser.context.on('request', (req) => requests.push(req.url()));
  page = await browser.context.newPage();
  page.on('dialog', (d) => d.accept());
  await page.goto(`${base}/admin/`);
  // The local backend's login page: one button, no account.
  const login = page.getByRole('button', { name: /Anmelden|Login/ });
  await login.click({ timeout: 20000 }).catch(() => {});
  await page.getByText('Gruppen', { exact: true }).first().waitFor({ timeout: 30000 });
});

after(async () => {
  await browser?.close();
  serve?.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
});

const file = (rel) => path.join(root, 'content', rel);

/** The id of the input a label (its text up to " (optional)") belongs to. */
async function field(label, nth = 0) {
  const labels = page.locator('label').filter({ hasText: new RegExp(`^${label}( \\(optional\\))?$`) });
  const id = await labels.nth(nth).getAttribute('for');
  return page.locator(`[id="${id}"]`);
}

/** Picks options of a select widget (react-select) by their labels. */
async function choose(label, ...options) {
  const input = await field(label);
  for (const o of options) {
    await input.click();
    await page.keyboard.type(o);
    await page.keyboard.press('Enter');
  }
}

/** Opens an existing entry and waits until its form shows it. */
async function open(collection, slug, name) {
  // From the list: a jump from one entry's form straight to another's keeps the first.
  await page.goto(`${base}/admin/#/collections/${collection}`);
  await page.getByText(name).first().waitFor();
  await page.goto(`${base}/admin/#/collections/${collection}/entries/${slug}`);
  await until(`${slug} shown`, async () => {
    try {
      return (await (await field('Name')).inputValue({ timeout: 500 })) === name;
    } catch {
      return false;
    }
  });
}

async function publish() {
  await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
  await page.getByText('Jetzt veröffentlichen').click();
}

function check() {
  const [cmd, args] = command(['check', '--root', root]);
  return spawnSync(cmd, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

async function until(what, test, ms = 15000) {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a group created through the form is saved, passes check and is shown', async () => {
  await page.goto(`${base}/admin/#/collections/groups/new`);
  await (await field('Name')).fill('Angehörige Glücksspielsucht Nord');
  await choose('Themen', 'Glücksspielsucht', 'Depression');
  await choose('Für wen', 'Betroffene', 'Angehörige');
  await choose('Form', 'vor Ort');
  await choose('Stand', 'aktiv');
  await (await field('Zuletzt bestätigt am')).fill('2026-11-02');
  await choose('Kontaktstelle', 'KISS Musterstadt');
  await page.getByRole('button', { name: /Treffen hinzufügen/i }).click();
  await choose('Rhythmus', 'monatlich');
  await choose('Wochentag', 'Mittwoch');
  await choose('Wochen im Monat', '2. Woche', '4. Woche');
  await (await field('Beginn \\(HH:MM\\)')).fill('19:00');
  await (await field('Ende \\(HH:MM\\)')).fill('21:00');
  await (await field('Nur über die Kontaktstelle erreichbar')).click();
  await page.locator('[contenteditable]').first().click();
  await page.keyboard.type('Wir treffen uns zweimal im Monat.');
  await publish();
  const rel = 'groups/angehoerige-gluecksspielsucht-nord.md';
  await until('file written', () => fs.existsSync(file(rel)));
  const text = fs.readFileSync(file(rel), 'utf8');
  assert.match(text, /^\+\+\+\nname = "Angehörige Glücksspielsucht Nord"\n/);
  assert.match(text, /weeks = \[2, 4\]/);
  assert.match(text, /weekday = "wednesday"/);
  assert.match(text, /via_contact_point = true/);
  assert.match(text, /\+\+\+\nWir treffen uns zweimal im Monat\.\n?$/);
  const c = check();
  assert.equal(c.status, 0, c.stdout + c.stderr);
  await until('page served', async () => {
    const r = await fetch(`${base}/gruppen/angehoerige-gluecksspielsucht-nord/`);
    return r.status === 200 && (await r.text()).includes('Angehörige Glücksspielsucht Nord');
  });
});

test('changing a meeting time changes only that', async () => {
  const rel = 'groups/1000-schritte-rauchfrei.md';
  const before = fs.readFileSync(file(rel), 'utf8');
  await open('groups', '1000-schritte-rauchfrei', '1000 Schritte rauchfrei');
  const start = await field('Beginn \\(HH:MM\\)');
  assert.equal(await start.inputValue(), '09:30');
  await start.fill('10:00');
  await publish();
  await until('file changed', () => fs.readFileSync(file(rel), 'utf8') !== before);
  const after = fs.readFileSync(file(rel), 'utf8');
  // Decap rebuilds the front matter; editor.js keeps the form's key order
  // inside [[meetings]] too, so the file differs in that line alone.
  assert.equal(after, before.replace('start = "09:30"', 'start = "10:00"'));
  const c = check();
  assert.equal(c.status, 0, c.stdout + c.stderr);
});

test('a cleared optional field is left out, not written as ""', async () => {
  const rel = 'groups/diabetes-selbsthilfegruppe-musterstadt-nord.md';
  const before = fs.readFileSync(file(rel), 'utf8');
  assert.match(before, /\ndistrict = "Nord"\n/);
  await open('groups', 'diabetes-selbsthilfegruppe-musterstadt-nord', 'Diabetes-Selbsthilfegruppe Musterstadt-Nord');
  await (await field('Stadtteil')).fill('');
  await publish();
  await until('file changed', () => fs.readFileSync(file(rel), 'utf8') !== before);
  assert.equal(fs.readFileSync(file(rel), 'utf8'), before.replace('district = "Nord"\n', ''));
});

test('an ended group without a date is refused with the German message', async () => {
  const rel = 'groups/adhs-bei-erwachsenen.md';
  const before = fs.readFileSync(file(rel));
  await open('groups', 'adhs-bei-erwachsenen', 'ADHS bei Erwachsenen');
  await choose('Stand', 'beendet');
  await publish();
  await page.getByText(/fehlt `ended`/).first().waitFor({ timeout: 15000 });
  assert.deepEqual(fs.readFileSync(file(rel)), before, 'nothing written');
});

test('an image is uploaded into content/images/', async () => {
  await page.goto(`${base}/admin/#/collections/groups`);
  await page.getByRole('button', { name: 'Medien' }).click();
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478' +
      '9c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
    'hex',
  );
  await page.locator('input[type="file"]').first().setInputFiles({ name: 'treffpunkt.png', mimeType: 'image/png', buffer: png });
  await until('image written', () => fs.existsSync(file('images/treffpunkt.png')));
  assert.deepEqual(fs.readFileSync(file('images/treffpunkt.png')), png);
  await page.keyboard.press('Escape');
});

test('a group is deleted', async () => {
  const rel = 'groups/50plus-und-arbeitslos.md';
  assert.ok(fs.existsSync(file(rel)));
  await open('groups', '50plus-und-arbeitslos', '50plus und arbeitslos');
  await page.getByRole('button', { name: /Lösche veröffentlichten Beitrag|Lösche Beitrag/ }).click();
  await until('file deleted', () => !fs.existsSync(file(rel)));
  const c = check();
  assert.equal(c.status, 0, c.stdout + c.stderr);
});

test('no request leaves 127.0.0.1; of /admin/ only decap-cms.js and editor.js are loaded', () => {
  const outside = requests.filter((u) => {
    const h = new URL(u);
    return ['http:', 'https:'].includes(h.protocol) && h.hostname !== '127.0.0.1';
  });
  assert.deepEqual(outside, []);
  const scripts = [...new Set(requests.filter((u) => u.includes('/admin/') && u.endsWith('.js')).map((u) => new URL(u).pathname))];
  assert.deepEqual(scripts.sort(), ['/admin/decap-cms.js', '/admin/editor.js']);
});
