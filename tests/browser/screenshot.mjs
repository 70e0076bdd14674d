// Manual helper: node screenshot.mjs SITE_DIR OUT_DIR [path …]
// Takes full-page PNG screenshots of the built site (desktop and phone width).
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const [site, out, ...paths] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const server = await serve(site);
const browser = await launch();
const page = await browser.context.newPage();
for (const p of paths.length ? paths : ['/']) {
  for (const [name, width] of [['desktop', 1280], ['phone', 390]]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url + p);
    await page.waitForTimeout(400);
    const file = path.join(out, `${p.replace(/[^a-z0-9]+/gi, '_')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
}
await browser.close();
server.close();
