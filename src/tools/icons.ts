/** Renders public/favicon.svg into the PNG icons of the web app manifest (run once when the icon changes). */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.ts';

const svg = readFileSync('public/favicon.svg', 'utf8');
const plain = svg.replace('rx="14"', 'rx="0"');
// A maskable icon keeps its drawing inside the middle 80%, on a full-bleed background.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#0e5c63"/><g transform="translate(9.6 9.6) scale(0.7)">${plain}</g></svg>`;

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
  await page.screenshot({ path: `public/icons/${name}.png`, omitBackground: true });
}
await browser.close();
