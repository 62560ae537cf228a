/**
 * What the shared sample build publishes, read as an attacker would look for a way in: every page
 * parsed (hast) for event-handler attributes, unsafe addresses and scripts that are not the site's
 * own files; every page's Content Security Policy; every PDF's link annotations (pdfjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSafeLink } from '../../src/model/url-policy.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/site/content-security-policy.ts';
import { filesUnder } from '../support/browser.ts';
import { sharedSite } from '../support/shared-site.ts';

/** Attributes whose value is an address a browser may follow or load. */
const ADDRESS_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'data', 'xLinkHref', 'srcSet'];

let dist: string;
let pages: { file: string; tree: Root }[];

beforeAll(async () => {
  ({ dist } = await sharedSite());
  pages = filesUnder(dist)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, tree: fromHtml(fs.readFileSync(path.join(dist, file), 'utf8')) }));
}, 300_000);

const elements = (tree: Root): Element[] => {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => void found.push(node));
  return found;
};

describe('every page of the built site', () => {
  it('has pages to judge', () => {
    expect(pages.length).toBeGreaterThan(40);
  });

  it('has no event-handler attribute', () => {
    const handlers = pages.flatMap(({ file, tree }) =>
      elements(tree).flatMap((element) => Object.keys(element.properties).filter((name) => /^on[A-Z]/.test(name) || /^on/i.test(name)).map((name) => `${file}: <${element.tagName} ${name}>`)),
    );
    expect(handlers).toEqual([]);
  });

  it('has no address outside the link policy (no javascript:, data:, file: or unknown schemes)', () => {
    const unsafe = pages.flatMap(({ file, tree }) =>
      elements(tree).flatMap((element) =>
        ADDRESS_ATTRIBUTES.flatMap((name) => {
          const value = element.properties[name];
          if (value === undefined || value === null) return [];
          const addresses = name === 'srcSet' ? String(value).split(',').map((part) => part.trim().split(/\s+/)[0]!) : [String(value)];
          return addresses.filter((address) => !isSafeLink(address)).map((address) => `${file}: <${element.tagName} ${name}="${address}">`);
        }),
      ),
    );
    expect(unsafe).toEqual([]);
  });

  it('runs no script but the site’s own files, and no inline script', () => {
    const scripts = pages.flatMap(({ file, tree }) => elements(tree).filter((element) => element.tagName === 'script').map((script) => ({ file, script })));
    expect(scripts.length).toBeGreaterThan(0);
    const foreign = scripts.filter(({ script }) => {
      const src = script.properties.src;
      return typeof src !== 'string' || !/^\/(_astro|pagefind)\//.test(src) || script.children.length > 0;
    });
    expect(foreign.map(({ file, script }) => `${file}: ${JSON.stringify(script.properties)}`)).toEqual([]);
    // Each script the pages load is a file the build wrote.
    for (const { script } of scripts) expect(fs.existsSync(path.join(dist, String(script.properties.src)))).toBe(true);
  });

  it('carries the Content Security Policy', () => {
    const without = pages.filter(({ tree }) => {
      const meta = elements(tree).find((element) => element.tagName === 'meta' && String(element.properties.httpEquiv).toLowerCase() === 'content-security-policy');
      return meta?.properties.content !== CONTENT_SECURITY_POLICY;
    });
    expect(without.map(({ file }) => file)).toEqual([]);
  });
});

describe('every PDF of the built site', () => {
  it('links only to addresses inside the link policy', async () => {
    const pdfs = filesUnder(dist).filter((file) => file.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(10);
    const links: string[] = [];
    const unsafe: string[] = [];
    for (const file of pdfs) {
      const document = await getDocument({ data: new Uint8Array(fs.readFileSync(path.join(dist, file))), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
      for (let number = 1; number <= document.numPages; number++) {
        for (const annotation of await (await document.getPage(number)).getAnnotations()) {
          if (annotation.subtype !== 'Link' || typeof annotation.url !== 'string') continue;
          links.push(annotation.url);
          if (!isSafeLink(annotation.url)) unsafe.push(`${file} page ${number}: ${annotation.url}`);
        }
      }
      await document.destroy();
    }
    expect(links.length).toBeGreaterThan(0);
    expect(unsafe).toEqual([]);
  }, 120_000);
});
