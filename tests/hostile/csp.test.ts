/**
 * The Content Security Policy: what it allows, that every page carries it, and that no page,
 * component or layout has what it would block (an inline script, an inline event handler, an
 * inline style). The built pages themselves are checked in headless Chromium (see README, "Deploying").
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/site/content-security-policy.ts';

const src = path.resolve(import.meta.dirname, '../../src');
const astroFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? astroFiles(file) : entry.name.endsWith('.astro') ? [file] : [];
  });
const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((directive) => [directive.split(' ')[0]!, directive.split(' ').slice(1)]));

describe('the Content Security Policy', () => {
  it('runs scripts only from the site (and WebAssembly, for search), never inline', () => {
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  });

  it('allows no plugins, no other base address, and styles from the site only', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('is in the head of every page', () => {
    const layout = fs.readFileSync(path.join(src, 'layouts/Page.astro'), 'utf8');
    expect(layout).toContain('<meta http-equiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />');
  });

  it('has nothing in the pages, components and layouts that it would block', () => {
    const found = astroFiles(src).flatMap((file) => {
      const template = fs.readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---/, '');
      const name = path.relative(src, file);
      return [
        // An inline script (is:inline without src is left in the page as written).
        ...[...template.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>/g)].filter(([tag]) => !/\bsrc=/.test(tag)).map(() => `${name}: inline script`),
        ...[...template.matchAll(/<[a-zA-Z][^>]*\s(on[a-z]+)=/g)].map((match) => `${name}: ${match[1]} handler`),
        ...[...template.matchAll(/<style\b|\sstyle=/g)].map(() => `${name}: inline style`),
      ];
    });
    expect(found).toEqual([]);
  });
});

describe('README, "Deploying"', () => {
  it('gives hosts the same policy as a header, with frame-ancestors, and the other headers', () => {
    const readme = fs.readFileSync(path.resolve(src, '../README.md'), 'utf8');
    expect(readme).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'\n`);
    for (const header of ['X-Content-Type-Options: nosniff', 'Referrer-Policy: ', 'Strict-Transport-Security: ']) expect(readme).toContain(header);
  });
});
