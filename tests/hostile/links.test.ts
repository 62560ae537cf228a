/**
 * One link policy (src/model/url-policy.ts) for every address an author can write: the policy
 * itself, the checks that report a refused address where it is written (report.mdx and YAML), and
 * both renderers, which drop such a link and keep its words even if the check were bypassed.
 */
import fs from 'node:fs';
import { wordsIn } from '../support/messages.ts';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import type { DocumentModel, Inline } from '../../src/document/blocks.ts';
import { renderBlocks, renderContext } from '../../src/html/render-blocks.ts';
import { messagesIn } from '../support/messages.ts';
import { isSafeLink } from '../../src/model/url-policy.ts';
import { renderDocumentPdf } from '../../src/pdf/render-document.ts';
import { readPdf } from '../support/pdf.ts';

const ATTACKS = [
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'java&#x09;script:alert(1)',
  'javascript&#58;alert(1)',
  'javascript&colon;alert(1)',
  '%6a%61vascript:alert(1)',
  '%256a%2561vascript:alert(1)',
  '  javascript:alert(1)',
  '\u0001\u0000 javascript:alert(1)',
  'java\nscript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'skype:someone?call',
  '//evil.example/',
  '/\\evil.example/',
];

const ALLOWED = ['https://example.org/a?b=1&c=2', 'HTTPS://EXAMPLE.ORG/', 'http://example.org/', 'mailto:team@example.org', 'tel:+441234567890', '/inspections/', '#introduction', './report.pdf', 'images/plan.png', 'report.pdf#page=2', '?q=youth', ''];

describe('the link policy', () => {
  it.each(ATTACKS)('refuses %j', (url) => expect(isSafeLink(url)).toBe(false));
  it.each(ALLOWED)('allows %j', (url) => expect(isSafeLink(url)).toBe(true));
});

describe('the checks', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-links-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const fixtures = path.resolve(import.meta.dirname, '../fixtures');
  fs.cpSync(path.join(fixtures, 'valid'), root, { recursive: true });
  fs.cpSync(path.join(fixtures, 'hostile/links'), root, { recursive: true });
  const { diagnostics } = loadProject(root);
  const found = diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`);

  it('reports every refused link in report.mdx at its line and column, and nothing else', () => {
    const report = 'content/inspections/eastbrook-2023/report.mdx';
    const expected = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((line) => `${report}:${line}:3 error unsafe-link`);
    expected.push(`${report}:19:1 error unsafe-link`); // the link definition
    expect(found.filter((line) => line.startsWith(report))).toEqual(expected);
  });

  it('reports a refused link in an easy-read sentence at its line and column', () => {
    expect(found.filter((line) => line.includes('unsafe-link') && line.includes('easy-read.mdx'))).toEqual(['content/inspections/eastbrook-2023/easy-read.mdx:5:6 error unsafe-link']);
  });

  it('reports a refused address in a YAML field on that field, once, with how to fix it', () => {
    expect(found.filter((line) => line.startsWith('content/publisher.yaml'))).toEqual(['content/publisher.yaml:5:10 error unsafe-link', 'content/publisher.yaml:15:8 error unsafe-link']);
    const website = diagnostics.find((d) => d.file === 'content/publisher.yaml')!;
    expect(website.message).toBe('website "javascript:alert(document.domain)" is not allowed: its address starts with "javascript:", which is not a kind of address a link may go to');
    expect(website.hint).toMatch(/https:\/\/…/);
  });

  it('says plainly what is wrong in report.mdx', () => {
    const first = diagnostics.find((d) => d.rule === 'unsafe-link' && d.file.endsWith('.mdx'))!;
    expect(first.message).toBe('the link to "javascript:alert(document.domain)" is not allowed: its address starts with "javascript:", which is not a kind of address a link may go to');
  });
});

/** A paragraph of one link per address, each link's words naming it. */
const linkParagraph = (urls: readonly string[]): Inline[] => urls.flatMap((url, i): Inline[] => [{ type: 'link', url, children: [{ type: 'text', value: `link${i}` }] }, { type: 'text', value: ' ' }]);

describe('the renderers', () => {
  const blocks = [{ type: 'paragraph' as const, inlines: linkParagraph(ATTACKS) }, { type: 'paragraph' as const, inlines: linkParagraph(['https://example.org/', 'mailto:team@example.org', '#top']) }];

  it('draws a refused link on the page as its words only', () => {
    const html = renderBlocks(blocks, renderContext({ words: messagesIn('en') }));
    expect(html.match(/<a /g)).toHaveLength(3);
    expect(html).not.toMatch(/script|data:|file:|skype|evil/i);
    for (let i = 0; i < ATTACKS.length; i++) expect(html).toContain(`link${i}`);
    expect(html).toContain('href="https://example.org/"');
    expect(html).toContain('href="mailto:team@example.org"');
  });

  it('gives a refused link no annotation in the PDF, and keeps its words', async () => {
    const model: DocumentModel = { title: 'Links', subtitle: '', language: 'en-GB',
    words: wordsIn('en'), date: '2024-01-01', author: 'Test', subject: 'links', keywords: [], runningHeader: 'Links', cover: [], credits: [], body: blocks, images: [] };
    const pdf = await readPdf((await renderDocumentPdf(model)).bytes);
    const links = pdf.links.flat();
    expect(links.map((link) => link.url ?? `#${link.dest}`)).toEqual(['https://example.org/', 'mailto:team@example.org', '#top']);
    const text = pdf.pages.flat().map((item) => item.text).join(' ');
    for (let i = 0; i < ATTACKS.length; i++) expect(text).toContain(`link${i}`);
  });
});
