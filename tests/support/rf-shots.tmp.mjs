import { chromium } from 'playwright-core';
const pages = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const width of [320, 768, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const p of pages) {
    await page.goto(`http://127.0.0.1:${process.env.PORT}${p}`);
    const name = p.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home';
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    try { await page.screenshot({ path: `/tmp/rf-${name}-${width}.png`, fullPage: true }); } catch { await page.screenshot({ path: `/tmp/rf-${name}-${width}.png` }); }
    console.log(width, p, 'overflow', overflow);
  }
  await page.close();
}
await browser.close();
