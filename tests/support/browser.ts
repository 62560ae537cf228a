/**
 * Helpers for the browser tests: Debian's chromium driven by playwright-core (no browser is ever
 * downloaded), a tiny static server for a built dist/, and discovery of the pages a build produced,
 * one per route pattern, so page types added later are covered without changing the tests.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium (package `chromium`, installed by .ci/run). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const inCi = () => process.env.CI === 'true' || process.env.CI === '1';

/**
 * Why the browser tests cannot run here, or undefined when they can. On CI a missing chromium is
 * never a reason to skip: the tests run and fail, saying what is missing.
 */
export function browserSkipReason(): string | undefined {
  if (fs.existsSync(CHROMIUM) || inCi()) return undefined;
  const reason = `browser tests skipped: no chromium at ${CHROMIUM} (install the Debian package "chromium", as .ci/run does)`;
  console.warn(reason);
  return reason;
}

/** The chromium of this test process, started by the first file that asks (test files share a worker: vitest's isolate: false). */
let running: Promise<Browser> | undefined;

/**
 * Chromium for one test file: the process's one browser, started once (about a CPU-second each
 * time) rather than once per file. Each file works in browser contexts of its own, as before, and
 * its `close()` closes those contexts only; playwright ends the browser when the process exits.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No chromium at ${CHROMIUM}: install the Debian package "chromium" (apt-get install chromium), as .ci/run does. Browser tests never download a browser.`);
  }
  let browser = await (running ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }));
  if (!browser.isConnected()) browser = await (running = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }));
  const opened = new Set<BrowserContext>();
  const own = (context: BrowserContext) => {
    opened.add(context);
    context.on('close', () => opened.delete(context));
    return context;
  };
  const shared = browser;
  return new Proxy(shared, {
    get(target, property) {
      if (property === 'newContext') return async (...args: Parameters<Browser['newContext']>) => own(await target.newContext(...args));
      if (property === 'newPage') return async (...args: Parameters<Browser['newPage']>) => {
        const page = await target.newPage(...args);
        own(page.context());
        return page;
      };
      if (property === 'contexts') return () => [...opened];
      if (property === 'close') return async () => void (await Promise.all([...opened].map((context) => context.close())));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a folder as a static host would: files with their content types, a folder's index.html
 * (a folder asked for without its trailing slash is redirected), and 404.html with status 404 for
 * anything else.
 */
export async function serveDirectory(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const send = (status: number, file: string | undefined, headers: Record<string, string> = {}) => {
      const body = file ? fs.readFileSync(file) : Buffer.from(status === 404 ? 'Not found' : '');
      // Pages are asked for afresh each time; the files they load (styles, scripts, fonts, the search
      // index, pictures) are kept by the browser for the run: each browser context then fetches,
      // parses and compiles each of them once rather than on every page it opens (a missing one still
      // answers 404, which is never kept).
      const kept = status === 200 && file !== undefined && !file.endsWith('.html') && process.env.SERVE_NO_STORE !== '1';
      response.writeHead(status, { 'content-type': file ? contentTypeOf(file) : 'text/plain; charset=utf-8', 'content-length': String(body.length), 'cache-control': kept ? 'max-age=3600' : 'no-store', ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => {
      const page = path.join(base, '404.html');
      send(404, fs.existsSync(page) ? page : undefined);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, undefined, { allow: 'GET, HEAD' });
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    const file = path.join(base, path.normalize(pathname));
    if (file !== base && !file.startsWith(base + path.sep)) return notFound();
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!url.pathname.endsWith('/')) return send(301, undefined, { location: `${url.pathname}/${url.search}` });
      const index = path.join(file, 'index.html');
      stat = fs.statSync(index, { throwIfNoEntry: false });
      return stat?.isFile() ? send(200, index) : notFound();
    }
    return stat?.isFile() ? send(200, file) : notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return found.sort();
}

/** The `<loc>`s of dist/sitemap.xml, following a sitemap index to its sitemaps in dist/. */
export function sitemapLocations(dist: string): string[] {
  const locs: string[] = [];
  const seen = new Set<string>();
  const read = (file: string) => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    const xml = fs.readFileSync(file, 'utf8');
    const found = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => decodeXml(m[1] ?? ''));
    if (/<sitemapindex[\s>]/.test(xml)) {
      for (const loc of found) read(path.join(dist, new URL(loc, 'http://localhost/').pathname));
    } else locs.push(...found);
  };
  for (const name of ['sitemap.xml', 'sitemap-index.xml']) read(path.join(dist, name));
  return locs;
}

const decodeXml = (value: string) => value.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

export interface SitePages {
  /** Every page path (with its trailing slash), from the sitemap and from index.html files. */
  all: string[];
  /** Paths listed in the sitemap. */
  inSitemap: string[];
  /** The origin the sitemap uses for this site, when there is a sitemap with absolute URLs. */
  siteOrigin?: string;
  /** One representative page per route pattern (the largest page of the pattern), by pattern. */
  byPattern: Map<string, string>;
  /** The 404 page's file, when the build has one. */
  notFoundPage?: string;
}

/**
 * Groups page paths by route pattern. The first segment is always literal (/ratings/, /glossary/).
 * Below it, segments that carry a number (dudley-2019, 2024) are instances of one route and become
 * `*`; so do segments without a number when more than three siblings have them (/services/dudley/,
 * /services/kingsmere/, …); a few plain siblings stay literal (/inspections/nation/). So
 * /inspections/dudley-2019/ is /inspections/x/ and /inspections/dudley-2019/easy-read/ is
 * /inspections/x/easy-read/ (with * for x).
 */
export function routePatterns(paths: string[]): Map<string, string[]> {
  type Item = { path: string; segments: string[] };
  const items: Item[] = paths.map((p) => ({ path: p, segments: p.split('/').filter(Boolean) }));
  const patterns = new Map<string, string[]>();
  const visit = (group: Item[], depth: number, prefix: string[]) => {
    const ended = group.filter((i) => i.segments.length === depth);
    if (ended.length) {
      const key = `/${prefix.map((s) => `${s}/`).join('')}`;
      patterns.set(key, [...(patterns.get(key) ?? []), ...ended.map((i) => i.path)]);
    }
    const rest = group.filter((i) => i.segments.length > depth);
    if (!rest.length) return;
    const values = [...new Set(rest.map((i) => i.segments[depth] ?? ''))].sort();
    const plain = values.filter((v) => !/\d/.test(v));
    const isInstance = (value: string) => depth > 0 && (/\d/.test(value) || plain.length > 3);
    const instances = rest.filter((i) => isInstance(i.segments[depth] ?? ''));
    if (instances.length) visit(instances, depth + 1, [...prefix, '*']);
    for (const value of values.filter((v) => !isInstance(v))) visit(rest.filter((i) => i.segments[depth] === value), depth + 1, [...prefix, value]);
  };
  visit(items, 0, []);
  return patterns;
}

/** A page route of the source: its pattern and how specific each of its segments is. */
interface SourceRoute {
  pattern: string;
  regex: RegExp;
  score: number[];
}

/**
 * The page routes under src/pages (Astro's file-based routing): .astro, .md, .mdx and .html files.
 * A page in src/pages/[...lang]/ is two routes, two page types: English at its own address, Welsh
 * under /cy/ (src/site/paths.ts).
 */
export function sourceRoutes(pagesDir: string): SourceRoute[] {
  return filesUnder(pagesDir)
    .filter((f) => /\.(astro|md|mdx|html)$/.test(f) && !f.split('/').some((part) => part.startsWith('_')))
    .flatMap((file) => (file.startsWith('[...lang]/') ? [file.slice('[...lang]/'.length), `cy/${file.slice('[...lang]/'.length)}`] : [file]))
    .map((file) => {
      const segments = file.replace(/\.(astro|md|mdx|html)$/, '').split('/');
      if (segments[segments.length - 1] === 'index') segments.pop();
      const score: number[] = [];
      const parts = segments.map((segment) => {
        if (/^\[\.\.\.[^\]]+\]$/.test(segment)) {
          score.push(0);
          return '(?:.*?)';
        }
        const dynamic = /\[[^\]]+\]/.test(segment);
        score.push(!dynamic ? 3 : /^\[[^\]]+\]$/.test(segment) ? 1 : 2);
        return segment.split(/(\[[^\]]+\])/).map((piece) => (/^\[.+\]$/.test(piece) ? '[^/]+' : piece.replace(/[.*+?^${}()|\\]/g, '\\$&'))).join('');
      });
      const pattern = `/${segments.map((s) => `${s}/`).join('')}`;
      const body = parts.map((part) => `${part}/`).join('').replace(/\(\?:\.\*\?\)\//g, '(?:.*/)?');
      return { pattern, regex: new RegExp(`^/${body}$`), score };
    });
}

const moreSpecific = (a: number[], b: number[]) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) > (b[i] ?? -1);
  }
  return false;
};

/**
 * The Welsh page types the costly per-type checks (axe, reflow, keyboard, visual snapshots) look
 * at: the Welsh pages are drawn by the same files as the English ones, so two of them (the home
 * page and a report) show the Welsh header, navigation and switch; the others cost ~4 s each.
 */
export const WELSH_PAGE_TYPES_CHECKED: ReadonlySet<string> = new Set(['/cy/', '/cy/inspections/[slug]/']);
export const checkedPageType = (pattern: string): boolean => !pattern.startsWith('/cy/') || WELSH_PAGE_TYPES_CHECKED.has(pattern);

/**
 * Groups page paths by the source route that made them (the most specific match, as Astro picks
 * it); paths no route explains are grouped by routePatterns.
 */
export function groupByRoute(paths: string[], pagesDir?: string): Map<string, string[]> {
  const routes = pagesDir && fs.existsSync(pagesDir) ? sourceRoutes(pagesDir) : [];
  const groups = new Map<string, string[]>();
  const unexplained: string[] = [];
  for (const p of paths) {
    let best: SourceRoute | undefined;
    for (const route of routes) if (route.regex.test(p) && (!best || moreSpecific(route.score, best.score))) best = route;
    if (!best) unexplained.push(p);
    else groups.set(best.pattern, [...(groups.get(best.pattern) ?? []), p]);
  }
  for (const [pattern, members] of routePatterns(unexplained)) groups.set(groups.has(pattern) ? `${pattern} (not from a route file)` : pattern, members);
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The pages of a built site: discovered from the sitemap and from every index.html in dist/, and
 * grouped into page types by the route files of src/pages when it is given, else by their paths.
 */
export function discoverPages(dist: string, pagesDir?: string): SitePages {
  const files = filesUnder(dist);
  const walked = files.filter((f) => f === 'index.html' || f.endsWith('/index.html')).map((f) => `/${f.slice(0, -'index.html'.length)}`);
  const locs = sitemapLocations(dist);
  const origins = new Set<string>();
  const inSitemap: string[] = [];
  for (const loc of locs) {
    const url = new URL(loc, 'http://localhost/');
    if (/^https?:/i.test(loc)) origins.add(url.origin);
    inSitemap.push(url.pathname);
  }
  // Sitemap entries only count as pages when they are HTML pages in dist/ (the link check reports the others).
  const isPage = (p: string) => (p.endsWith('/') ? fs.existsSync(path.join(dist, p, 'index.html')) : p.endsWith('.html') && fs.existsSync(path.join(dist, p)));
  const all = [...new Set([...walked, ...inSitemap.filter(isPage)])].sort();
  const size = (p: string) => fs.statSync(path.join(dist, p.endsWith('/') ? `${p}index.html` : p)).size;
  const byPattern = new Map<string, string>();
  for (const [pattern, members] of groupByRoute(all, pagesDir)) {
    const [largest] = [...members].sort((a, b) => size(b) - size(a) || a.localeCompare(b));
    if (largest) byPattern.set(pattern, largest);
  }
  const notFound = path.join(dist, '404.html');
  return { all, inSitemap, siteOrigin: origins.size === 1 ? [...origins][0] : undefined, byPattern, notFoundPage: fs.existsSync(notFound) ? notFound : undefined };
}

/**
 * Functions handed to page.evaluate are compiled by the test runner, which may wrap them in a
 * `__name` helper (esbuild's keepNames) that the page lacks: give the page a harmless one.
 */
export async function allowCompiledFunctions(page: import('playwright-core').Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}
