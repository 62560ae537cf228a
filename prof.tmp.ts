import { discoverPages, groupByRoute, launchBrowser, serveDirectory } from './tests/support/browser.ts';
import { compareImages, compactPng } from './tests/support/visual.ts';
const server = await serveDirectory('dist');
let s = performance.now();
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 320, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
const page = await context.newPage();
const devtools = await context.newCDPSession(page);
const t: Record<string, number> = { launch: performance.now() - s };
const time = async <T>(k: string, f: () => Promise<T>) => { const s = performance.now(); const r = await f(); t[k] = (t[k] ?? 0) + performance.now() - s; return r; };
const types = [...groupByRoute(discoverPages('dist').all, 'src/pages')].map(([, m]) => [...m].sort()[0]!);
const stored: Buffer[] = [];
for (const address of types) for (const [i, width] of [320, 768, 1280].entries()) {
  if (i === 0) { await page.setViewportSize({ width, height: 800 }); await time('goto', () => page.goto(server.origin + address, { waitUntil: 'load' })); }
  else await time('resize', () => page.setViewportSize({ width, height: 800 }));
  const { height } = await time('evaluate', () => page.evaluate(async () => { await document.fonts.ready; await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); return { height: document.documentElement.scrollHeight }; }));
  const png = await time('capture', async () => Buffer.from((await devtools.send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width, height: Math.min(height, 2400), scale: 1 }, captureBeyondViewport: true, optimizeForSpeed: true })).data, 'base64'));
  const snap = await compactPng(png);
  await time('compare', () => compareImages(snap, png));
}
console.log(types.length, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v / 1000).toFixed(2)])));
await browser.close(); await server.close();
