/**
 * The tool's words as data: templates/messages/<lang>/*.yaml loaded, checked against the keys the
 * code uses, and formatted (plurals, dates and HTML) in English and Welsh.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentReader } from '../../src/check/content-reader.ts';
import { DiagnosticList, formatDiagnostic } from '../../src/check/diagnostics.ts';
import { loadMessages } from '../../src/check/messages.ts';
import { MESSAGE_KEYS } from '../../src/model/message-keys.ts';
import { loadProject } from '../../src/check/load-project.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const folders: string[] = [];
afterAll(() => folders.forEach((f) => fs.rmSync(f, { recursive: true, force: true })));

/** The project's message files with some changed: what the check says, and the catalogues. */
function load(change: (files: Map<string, string>) => void = () => {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'messages-'));
  folders.push(root);
  fs.cpSync(path.join(repo, 'templates/messages'), path.join(root, 'templates/messages'), { recursive: true });
  const files = new Map<string, string>();
  for (const lang of ['en', 'cy']) for (const name of fs.readdirSync(path.join(root, 'templates/messages', lang))) files.set(`${lang}/${name}`, fs.readFileSync(path.join(root, 'templates/messages', lang, name), 'utf8'));
  change(files);
  for (const [name, text] of files) fs.writeFileSync(path.join(root, 'templates/messages', name), text);
  const diagnostics = new DiagnosticList();
  const messages = loadMessages(new ContentReader(root, diagnostics));
  return { messages, said: diagnostics.items.map(formatDiagnostic) };
}

describe('the message files', () => {
  it('have every message the code uses, in English and Welsh, with nothing to say', () => {
    const { said, messages } = load();
    expect(said).toEqual([]);
    for (const key of MESSAGE_KEYS) {
      expect(messages.en.has(key), key).toBe(true);
      expect(messages.cy.has(key), key).toBe(true);
    }
    expect(loadProject(repo).diagnostics.filter((d) => d.rule.includes('message'))).toEqual([]);
  });

  it('reports a Welsh message that is missing, with the English words to translate', () => {
    const { said } = load((files) => files.set('cy/site.yaml', files.get('cy/site.yaml')!.replace(/^ {2}search: .*\n/m, '')));
    expect(said).toEqual([expect.stringMatching(/^templates\/messages\/cy\/site\.yaml:1:1 {2}error {2}missing-message {2}the message site\.nav\.search is missing \(in English: "Search"\)/)]);
  });

  it('reports a message in a language whose placeholders differ from the English ones, at its line', () => {
    const { said } = load((files) => {
      files.set('en/site.yaml', `${files.get('en/site.yaml')}extra: '{count, plural, one {# case} other {# cases}} in {service}'\n`);
      files.set('cy/site.yaml', `${files.get('cy/site.yaml')}extra: '{count} achos yn {gwasanaeth}'\n`);
    });
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^templates\/messages\/cy\/site\.yaml:\d+:8 {2}error {2}message-placeholders {2}the message site\.extra uses \{count\}, \{gwasanaeth\}, but the en message uses \{count\}, \{service\}/),
        expect.stringMatching(/^templates\/messages\/en\/site\.yaml:\d+:8 {2}warning {2}unused-message/),
      ]),
    );
  });

  it('reports a message that is not valid MessageFormat, and one that is not text', () => {
    const { said } = load((files) => files.set('cy/site.yaml', files.get('cy/site.yaml')!.replace(/^ {2}search: .*$/m, "  search: 'Chwilio {'").replace(/^skip-link: .*$/m, 'skip-link: [a, b]')));
    expect(said).toEqual(
      expect.arrayContaining([expect.stringMatching(/cy\/site\.yaml:\d+:\d+ {2}error {2}message-syntax {2}the message site\.nav\.search cannot be read/), expect.stringMatching(/cy\/site\.yaml:\d+:\d+ {2}error {2}message-not-text {2}the message site\.skip-link/)]),
    );
  });
});

describe('formatting messages', () => {
  const { messages } = load((files) => {
    const add = (lang: string, text: string) => files.set(`${lang}/site.yaml`, `${files.get(`${lang}/site.yaml`)}${text}`);
    add('en', "cases: '{count, plural, one {# case} other {# cases}}'\nlicence: 'Under the <link>{name}</link> & more'\nkind: '{kind, select, joint {A joint <b>inspection</b> & more} other {An inspection of {name}}}'\n");
    add('cy', "cases: '{count, plural, zero {# achos} one {# achos} two {# achos} few {# achos} many {# achos} other {# achos}}'\nlicence: 'O dan y <link>{name}</link> a mwy'\nkind: '{kind, select, joint {Arolygiad <b>ar y cyd</b> a mwy} other {Arolygiad o {name}}}'\n");
  });

  it('fills placeholders with plurals by the language’s own rules', () => {
    expect(messages.en.t('site.cases', { count: 1 })).toBe('1 case');
    expect(messages.en.t('site.cases', { count: 3 })).toBe('3 cases');
    expect(messages.cy.t('site.cases', { count: 3 })).toBe('3 achos');
  });

  it('writes dates in the language, in UTC', () => {
    expect(messages.en.date('2026-03-04')).toBe('4 March 2026');
    expect(messages.cy.date('2026-03-04')).toBe('4 Mawrth 2026');
    expect(messages.cy.date('2026-06-30', 'month')).toBe('Mehefin 2026');
  });

  it('draws tags as HTML and escapes the words and the values', () => {
    expect(messages.en.html('site.licence', { name: 'Open <Government> Licence' }, { link: (inner) => `<a href="/l">${inner}</a>` })).toBe('Under the <a href="/l">Open &lt;Government&gt; Licence</a> &amp; more');
  });

  it('chooses a select branch by a string value in HTML too, escaping the branch’s words', () => {
    expect(messages.en.html('site.kind', { kind: 'joint', name: 'x' }, { b: (inner) => `<strong>${inner}</strong>` })).toBe('A joint <strong>inspection</strong> &amp; more');
    expect(messages.en.html('site.kind', { kind: 'plain', name: 'A & B' })).toBe('An inspection of A &amp; B');
    expect(messages.cy.html('site.kind', { kind: 'joint', name: 'x' }, { b: (inner) => `<strong>${inner}</strong>` })).toBe('Arolygiad <strong>ar y cyd</strong> a mwy');
  });

  it('refuses a key no file has: a fault in the tool, not the content', () => {
    expect(() => messages.cy.t('site.no-such-message')).toThrow(/No message "site\.no-such-message" in templates\/messages\/cy\//);
  });
});
