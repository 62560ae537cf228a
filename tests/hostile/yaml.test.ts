/**
 * Hostile YAML, front matter and CSV (issue 13): an alias bomb, tags that would make functions or
 * binary data, keys that mean something to JavaScript objects, and keys or columns written twice.
 * Each is reported at its line, by its rule, the check returns normally, and nothing of the file
 * reaches the model.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type LoadResult } from '../../src/check/load-project.ts';
import { readYaml } from '../../src/source/yaml-file.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const E = 'error';

/** A temporary copy of the valid fixture with the hostile files (tests/fixtures/hostile/yaml) laid over it. */
function hostileProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-yaml-'));
  fs.cpSync(path.join(fixtures, 'valid'), root, { recursive: true });
  fs.cpSync(path.join(fixtures, 'hostile/yaml/content'), path.join(root, 'content'), { recursive: true });
  return root;
}

describe('hostile YAML, front matter and CSV in a project', () => {
  let root: string;
  let result: LoadResult;
  beforeAll(() => {
    root = hostileProject();
    result = loadProject(root); // returns normally: a throw fails every test here
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports each attack at its file, line and column, by its rule, and nothing else', () => {
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['content/services/duplicate-keys.yaml', 5, 1, E, 'duplicate-key'], // second "name:"
      ['content/services/duplicate-keys.yaml', 8, 3, E, 'duplicate-key'], // "east" again, nested and quoted
      ['content/services/reserved-keys.yaml', 2, 1, E, 'yaml-key'], // __proto__ at the top
      ['content/services/reserved-keys.yaml', 8, 3, E, 'yaml-key'], // constructor, nested
      ['content/services/reserved-keys.yaml', 10, 7, E, 'yaml-key'], // prototype, in a list item
      ['content/glossary/billion-laughs.yaml', 2, 8, E, 'yaml-alias'], // the first alias
      ['content/glossary/custom-tags.yaml', 2, 9, E, 'yaml-tag'], // !include
      ['content/glossary/custom-tags.yaml', 4, 15, E, 'yaml-tag'], // !!binary
      ['content/glossary/js-function.yaml', 2, 9, E, 'yaml-tag'], // !!js/function
      ['content/inspections/eastbrook-2023/cases.csv', 1, 195, E, 'duplicate-column'], // "sex" again
      ['content/annual-reports/2026.mdx', 6, 1, E, 'duplicate-key'], // second "published:" in the front matter
    ]);
  });

  it('names the key or tag in its message', () => {
    const messages = result.diagnostics.map((d) => d.message);
    for (const word of ['"name"', '"east"', '"published"', '"__proto__"', '"constructor"', '"prototype"', '"!include"', '"!!binary"', '"!!js/function"']) {
      expect(messages.some((m) => m.includes(word)), word).toBe(true);
    }
  });

  it('keeps nothing of the hostile files in the model, and still checks the others', () => {
    expect(result.project.services.map((s) => s.slug)).toEqual(['eastbrook']);
    expect(result.project.glossary.map((t) => t.id)).toEqual(['assetplus', 'camhs', 'safeguarding']);
    expect(result.project.annualReports).toEqual([]);
    expect(result.project.inspections.map((i) => i.slug)).toEqual(['eastbrook-2023']);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('readYaml', () => {
  const rules = (text: string) => readYaml(text).syntaxErrors.map((p) => [p.at.line, p.at.column, p.rule]);

  it('gives no data when the file has any problem, so nothing of it is used', () => {
    for (const text of ['a: &a [1, 2]\nb: [*a, *a]\n__proto__: { polluted: true }\n', 'f: !!js/function "function () {}"\n', 'a: 1\na: 2\n']) {
      expect(readYaml(text).data, text).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts plain data, the core tags and a few aliases', () => {
    const source = readYaml('a: !!str 12\nb: &b { c: 1 }\nd: *b\nn: !!null\nlist: [1, 2.5, true, null, 2026-01-01]\n');
    expect(source.syntaxErrors).toEqual([]);
    expect(source.data).toEqual({ a: '12', b: { c: 1 }, d: { c: 1 }, n: null, list: [1, 2.5, true, null, '2026-01-01'] });
  });

  it('refuses a core tag on a value of another kind, and a list or mapping as a key', () => {
    expect(rules('n: !!int twelve\n')).toEqual([[1, 4, 'yaml-tag']]);
    expect(rules('? [a, b]\n: 1\n')).toEqual([[1, 3, 'yaml-key']]);
  });

  it('refuses aliases that repeat data 100 times or more (the anchored value counts once)', () => {
    const uses = (n: number) => `a: &a x\nb: [${Array(n).fill('*a').join(', ')}]\n`;
    expect(rules(uses(99))).toEqual([]);
    expect(rules(uses(100))).toEqual([[2, 5, 'yaml-alias']]);
  });
});
