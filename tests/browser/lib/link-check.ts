/**
 * Link check over a whole build: every reference from an HTML page (href, src, srcset, poster,
 * action, SVG links, Open Graph and canonical addresses), every url() in a stylesheet and every
 * address in the XML files (sitemap, feed) that points inside the site must resolve to a file of
 * dist/, a folder's index.html for an address ending in "/", and an element id for a fragment.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { filesUnder } from '../../support/browser.ts';

export interface BrokenLink {
  /** The file the reference is in, relative to dist/. */
  file: string;
  ref: string;
  problem: string;
}

/** Where the pages are served while checking: any origin that is not the site's is external. */
const LOCAL = 'http://site.invalid';

const SKIPPED_SCHEMES = /^(mailto|tel|sms|javascript|data|blob|about):/i;

interface Reference {
  ref: string;
  attribute: string;
}

function walk(node: Root | RootContent, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
  if (node.type === 'element' && node.tagName === 'template' && node.content) walk(node.content, visit);
}

function referencesOf(tree: Root): { refs: Reference[]; ids: Set<string> } {
  const refs: Reference[] = [];
  const ids = new Set<string>();
  walk(tree, (element) => {
    const p = element.properties;
    if (p.id !== undefined) ids.add(String(p.id));
    if ((element.tagName === 'a' || element.tagName === 'map') && p.name !== undefined) ids.add(String(p.name));
    const add = (attribute: string, value: unknown) => {
      if (typeof value === 'string' && value.trim() !== '') refs.push({ ref: value.trim(), attribute: `<${element.tagName} ${attribute}>` });
    };
    add('href', p.href);
    add('xlink:href', p.xLinkHref);
    add('src', p.src);
    add('poster', p.poster);
    if (element.tagName === 'form') add('action', p.action);
    if (element.tagName === 'object') add('data', p.data);
    const srcset = p.srcSet;
    for (const candidate of Array.isArray(srcset) ? srcset.join(',').split(',') : typeof srcset === 'string' ? srcset.split(',') : []) {
      add('srcset', candidate.trim().split(/\s+/)[0]);
    }
    if (element.tagName === 'meta') {
      const key = String(p.property ?? p.name ?? '');
      if (/^(og:(url|image|image:url|image:secure_url|audio|video)|twitter:image)$/i.test(key)) add(`content (${key})`, p.content);
      if (String(p.httpEquiv ?? '').toLowerCase() === 'refresh') {
        const match = /url\s*=\s*['"]?([^'"\s]+)/i.exec(String(p.content ?? ''));
        if (match) add('content (refresh)', match[1]);
      }
    }
  });
  return { refs, ids };
}

/** Checks every internal reference of a build; siteOrigin is the site's own address (https://…), when known. */
export function checkLinks(dist: string, siteOrigin?: string): { broken: BrokenLink[]; checked: number; files: number } {
  const files = filesUnder(dist);
  const fileSet = new Set(files);
  const idCache = new Map<string, Set<string> | undefined>();
  const parsed = new Map<string, Root>();
  const treeOf = (file: string) => {
    if (!parsed.has(file)) parsed.set(file, fromHtml(fs.readFileSync(path.join(dist, file), 'utf8')));
    return parsed.get(file)!;
  };
  const idsOf = (file: string) => {
    if (!idCache.has(file)) idCache.set(file, file.endsWith('.html') ? referencesOf(treeOf(file)).ids : undefined);
    return idCache.get(file);
  };
  const broken: BrokenLink[] = [];
  let checked = 0;

  /** The file an address inside the site is served from, or why there is none. */
  const target = (pathname: string): { file?: string; problem?: string } => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return { problem: 'badly encoded address' };
    }
    const relative = decoded.replace(/^\/+/, '');
    if (relative === '' || relative.endsWith('/')) {
      const index = `${relative}index.html`;
      return fileSet.has(index) ? { file: index } : { problem: `no ${index} in dist/` };
    }
    if (fileSet.has(relative)) return { file: relative };
    if (fileSet.has(`${relative}/index.html`)) return { file: `${relative}/index.html` };
    return { problem: `no ${relative} in dist/` };
  };

  const check = (file: string, documentUrl: string, { ref, attribute }: Reference, ownIds?: Set<string>) => {
    if (SKIPPED_SCHEMES.test(ref)) return;
    let url: URL;
    try {
      url = new URL(ref, documentUrl);
    } catch {
      broken.push({ file, ref, problem: `${attribute}: not a valid address` });
      return;
    }
    const internal = url.origin === LOCAL || (siteOrigin !== undefined && url.origin === siteOrigin);
    if (!internal) return;
    checked++;
    const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
    // A fragment-only reference stays in the page (even in 404.html, whatever address shows it).
    if (ref.startsWith('#')) {
      if (fragment && fragment !== 'top' && ownIds && !ownIds.has(fragment)) broken.push({ file, ref, problem: `${attribute}: no element with id "${fragment}" in this page` });
      return;
    }
    if (file === '404.html' && !/^([a-z][a-z0-9+.-]*:|\/)/i.test(ref)) {
      broken.push({ file, ref, problem: `${attribute}: a relative address in the 404 page breaks when it is shown for a nested missing address; start it with "/"` });
      return;
    }
    const found = target(url.pathname);
    if (!found.file) {
      broken.push({ file, ref, problem: `${attribute}: ${found.problem}` });
      return;
    }
    if (fragment && fragment !== 'top') {
      const ids = idsOf(found.file);
      if (ids && !ids.has(fragment)) broken.push({ file, ref, problem: `${attribute}: no element with id "${fragment}" in ${found.file}` });
    }
  };

  for (const file of files) {
    const documentUrl = `${LOCAL}/${file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file}`;
    if (file.endsWith('.html')) {
      const { refs, ids } = referencesOf(treeOf(file));
      idCache.set(file, ids);
      for (const ref of refs) check(file, documentUrl, ref, ids);
    } else if (file.endsWith('.css')) {
      const css = fs.readFileSync(path.join(dist, file), 'utf8');
      for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) check(file, documentUrl, { ref: match[2] ?? '', attribute: 'url()' });
      for (const match of css.matchAll(/@import\s+(['"])([^'"]+)\1/g)) check(file, documentUrl, { ref: match[2] ?? '', attribute: '@import' });
    } else if (/\.(xml|xsl|rss|atom)$/.test(file) && !file.startsWith('pagefind/')) {
      const xml = fs.readFileSync(path.join(dist, file), 'utf8').replace(/&amp;/g, '&');
      const refs = new Set<string>();
      for (const match of xml.matchAll(/<(loc|link|id|url)>\s*([^<\s]+)\s*<\/\1>/g)) refs.add(match[2] ?? '');
      for (const match of xml.matchAll(/\s(?:href|src|url)="([^"]+)"/g)) refs.add(match[1] ?? '');
      for (const ref of refs) {
        // Feeds and sitemaps use absolute addresses; only those of the site are checked.
        if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/')) check(file, documentUrl, { ref, attribute: 'XML address' });
      }
    }
  }
  return { broken, checked, files: files.length };
}

/** The site's address from the project's astro.config.mjs `site`, when it is written there as a literal. */
export function siteOriginFromConfig(project: string): string | undefined {
  const config = path.join(project, 'astro.config.mjs');
  if (!fs.existsSync(config)) return undefined;
  const match = /\bsite\s*:\s*['"`](https?:\/\/[^'"`]+)['"`]/.exec(fs.readFileSync(config, 'utf8'));
  return match?.[1] ? new URL(match[1]).origin : undefined;
}

/** The site's own address as the build states it: the sitemap's, else the home page's canonical link or og:url. */
export function siteOriginOf(dist: string, fromSitemap?: string): string | undefined {
  if (fromSitemap) return fromSitemap;
  const home = path.join(dist, 'index.html');
  if (!fs.existsSync(home)) return undefined;
  let origin: string | undefined;
  walk(fromHtml(fs.readFileSync(home, 'utf8')), (element) => {
    const p = element.properties;
    const rel = Array.isArray(p.rel) ? p.rel.map(String) : [];
    const value = element.tagName === 'link' && rel.includes('canonical') ? p.href : element.tagName === 'meta' && p.property === 'og:url' ? p.content : undefined;
    if (!origin && typeof value === 'string' && /^https?:/i.test(value)) origin = new URL(value).origin;
  });
  return origin;
}
