import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
async function shot(size, file, pad) {
  await page.setViewportSize({ width: size, height: size });
  const inner = pad ? svg.replace('rx="14"', 'rx="0"') : svg;
  const scale = pad ? 0.8 : 1;
  await page.setContent(`<html><body style="margin:0;background:${pad ? '#1f5f4a' : 'transparent'};display:grid;place-items:center;width:${size}px;height:${size}px">${inner.replace('<svg ', `<svg width="${size*scale}" height="${size*scale}" `)}</body></html>`);
  await page.screenshot({ path: file, omitBackground: !pad });
}
await shot(192, 'public/icons/icon-192.png', false);
await shot(512, 'public/icons/icon-512.png', false);
await shot(512, 'public/icons/maskable-512.png', true);
await shot(180, 'public/apple-touch-icon.png', true);
await browser.close();
