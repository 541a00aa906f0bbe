/**
 * Renders a site profile's public/favicon.svg into the PNG icons of the web app manifest (run once
 * when the icon changes): `npm run icons` for the default profile, `npm run icons -- --profile <name>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chosenProfile, SITE_DIR } from '../compiler/site.ts';
import { findChromium } from './chromium.ts';

const publicDir = path.join(SITE_DIR, chosenProfile(process.argv.slice(2)), 'public');
const svg = readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8');
// The background of the maskable icon: the colour of the icon's own rounded square.
const background = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#ffffff';
const plain = svg.replace('rx="14"', 'rx="0"');
// A maskable icon keeps its drawing inside the middle 80%, on a full-bleed background.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${background}"/><g transform="translate(9.6 9.6) scale(0.7)">${plain}</g></svg>`;

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [name, size, source] of [
  ['icon-192', 192, svg],
  ['icon-512', 512, svg],
  ['maskable-512', 512, maskable],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${sized}`);
  await page.screenshot({ path: path.join(publicDir, 'icons', `${name}.png`), omitBackground: true });
}
await browser.close();
