import { chromium } from 'playwright-core';
const [path, widthText, ...rest] = process.argv.slice(2);
const width = Number(widthText);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width, height: 900 } });
await page.goto(`http://127.0.0.1:${process.env.PORT}${path}`);
const height = await page.evaluate(() => document.documentElement.scrollHeight);
const chunk = width < 500 ? 1100 : 1400;
const start = Number(rest[0] ?? 0), end = Math.min(height, Number(rest[1] ?? height));
let n = 0;
for (let y = start; y < end; y += chunk) {
  await page.screenshot({ path: `/tmp/rfc-${n++}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(chunk, height - y) } });
}
console.log('height', height, 'chunks', n);
await browser.close();
