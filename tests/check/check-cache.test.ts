/**
 * The check's cache (src/check/check-cache.ts): a check with it says exactly what a check without
 * it says, in the same order, whether the cache is empty or full; a change to anything a cached
 * result is computed from (the tool, the settings, the glossary) is seen; and a YAML file read back
 * from the cache points at the same places as the file parsed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject, type LoadResult } from '../../src/check/load-project.ts';
import { CheckCache, toolVersionOf } from '../../src/check/check-cache.ts';
import { readYaml, useYamlStore, type StoredYaml } from '../../src/source/yaml-file.ts';
import { LiveMemo } from '../../src/check/live-memo.ts';
import { checkGlyphs } from '../../src/check/rules/glyphs.ts';
import { DiagnosticList } from '../../src/check/diagnostics.ts';
import { parseNarrativesAhead } from '../../src/check/markdown-workers.ts';
import { checkLive } from '../../src/site/model.ts';
import { checkCacheIsEmpty, warmUpCheckCache } from '../../src/check/warm-up.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'check-cache-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Everything a check gives that later steps use: the diagnostics in their order, the model, the files and pictures. */
const said = (result: LoadResult) => JSON.stringify({ diagnostics: result.diagnostics, project: result.project, filesChecked: result.filesChecked, pictures: result.pictures });

function threeWays(root: string, cacheRoot: string) {
  const off = loadProject(root, { cache: new CheckCache(cacheRoot, { enabled: false }) });
  const empty = new CheckCache(cacheRoot, { version: 'test' });
  const cold = loadProject(root, { cache: empty });
  const full = new CheckCache(cacheRoot, { version: 'test' });
  const warm = loadProject(root, { cache: full });
  return { off, cold, warm, empty, full };
}

describe('the check with and without its cache', () => {
  it('says the same things in the same order of content full of mistakes, from an empty cache and a full one', () => {
    const { off, cold, warm, empty, full } = threeWays(path.join(repo, 'tests/fixtures/broken'), path.join(scratch, 'broken'));
    expect(off.diagnostics.length).toBeGreaterThan(50);
    expect(said(cold)).toBe(said(off));
    expect(said(warm)).toBe(said(off));
    // The second check read every folder's check (and the other files' YAML) from the cache and computed none.
    expect(empty.misses).toBeGreaterThan(0);
    expect(full.hits).toBeGreaterThan(20);
    expect(full.misses).toBe(0);
  });

  it('sees a change to the easy-read settings and the glossary its cached findings were computed with', () => {
    const root = path.join(scratch, 'project');
    for (const part of ['content', 'templates']) fs.cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
    // The inspections with easy-read versions, English and Welsh, are enough (and quicker to check).
    const inspections = path.join(root, 'content/inspections');
    for (const slug of fs.readdirSync(inspections)) if (!['dudley-2019', 'cwm-ty-gwyn-2026'].includes(slug)) fs.rmSync(path.join(inspections, slug), { recursive: true });
    // The cache filled from the content as it is; then each change is checked with it and without it.
    const before = loadProject(root, { cache: new CheckCache(root, { version: 'test' }) });
    const withAndWithout = () => ({ off: loadProject(root, { cache: new CheckCache(root, { enabled: false }) }), cached: loadProject(root, { cache: new CheckCache(root, { version: 'test' }) }) });
    // Much stricter sentences: findings the cached ones do not have.
    const settings = path.join(root, 'content/easy-read-checks.yaml');
    fs.writeFileSync(settings, fs.readFileSync(settings, 'utf8').replace(/warningAbove: 15\n  errorAbove: 25/, 'warningAbove: 4\n  errorAbove: 6'));
    const stricter = withAndWithout();
    expect(stricter.off.diagnostics.filter((d) => d.rule === 'sentence-length').length).toBeGreaterThan(before.diagnostics.filter((d) => d.rule === 'sentence-length').length);
    expect(said(stricter.cached)).toBe(said(stricter.off));
    // The glossary's easy words changed (a hard word in each): the versions that use them are checked again.
    const terms = path.join(root, 'content/glossary/terms.yaml');
    fs.writeFileSync(terms, fs.readFileSync(terms, 'utf8').replace(/(easyRead: >-\n(\s+))/g, '$1We facilitate this. '));
    const withGlossary = withAndWithout();
    expect(said(withGlossary.off)).not.toBe(said(stricter.off));
    expect(said(withGlossary.cached)).toBe(said(withGlossary.off));
  });

  it('keeps the results of one version of the tool from another, and a changed source file or package gives a new version', () => {
    const cacheRoot = path.join(scratch, 'versions');
    expect(new CheckCache(cacheRoot, { version: 'a' }).memo('step', 'input', () => 1)).toBe(1);
    expect(new CheckCache(cacheRoot, { version: 'a' }).memo('step', 'input', () => 2)).toBe(1);
    expect(new CheckCache(cacheRoot, { version: 'b' }).memo('step', 'input', () => 3)).toBe(3);

    const tool = path.join(scratch, 'tool');
    fs.mkdirSync(path.join(tool, 'src/check'), { recursive: true });
    fs.writeFileSync(path.join(tool, 'src/check/rule.ts'), 'export const limit = 15;\n');
    fs.writeFileSync(path.join(tool, 'package-lock.json'), '{"packages":{"node_modules/remark-parse":{"version":"11.0.0"}}}\n');
    const before = toolVersionOf(path.join(tool, 'src'), tool);
    expect(toolVersionOf(path.join(tool, 'src'), tool)).toBe(before);
    fs.writeFileSync(path.join(tool, 'src/check/rule.ts'), 'export const limit = 16;\n');
    const changedRule = toolVersionOf(path.join(tool, 'src'), tool);
    expect(changedRule).not.toBe(before);
    fs.writeFileSync(path.join(tool, 'package-lock.json'), '{"packages":{"node_modules/remark-parse":{"version":"11.0.1"}}}\n');
    expect(toolVersionOf(path.join(tool, 'src'), tool)).not.toBe(changedRule);
  });
});

describe("the live preview's check, again after an edit", () => {
  it('checks again only the folder that changed, and says what a check from scratch says', () => {
    const root = path.join(scratch, 'memo');
    fs.cpSync(path.join(repo, 'tests/fixtures/broken'), root, { recursive: true });
    const cache = new CheckCache(root, { version: 'test' });
    const memo = new LiveMemo();
    const fresh = () => loadProject(root, { cache: new CheckCache(root, { enabled: false }) });
    const first = loadProject(root, { cache, memo });
    const folders = memo.checked;
    expect(folders).toBeGreaterThan(10);
    // Nothing changed: every folder reused.
    expect(said(loadProject(root, { cache, memo }))).toBe(said(first));
    expect([memo.checked, memo.reused]).toEqual([0, folders]);
    // One narrative edited (a broken component in it): that folder alone is checked again.
    const narrative = path.join(root, 'content/inspections/eastbrook-2024/report.mdx');
    fs.appendFileSync(narrative, '\n<Unknown thing="x" />\n');
    const edited = loadProject(root, { cache, memo });
    expect([memo.checked, memo.reused]).toEqual([1, folders - 1]);
    expect(edited.diagnostics.length).toBeGreaterThan(first.diagnostics.length);
    expect(said(edited)).toBe(said(fresh()));
    // A service edited: every folder may draw on it, so every one is checked again.
    const service = path.join(root, 'content/services/eastbrook.yaml');
    fs.writeFileSync(service, fs.readFileSync(service, 'utf8').replace(/^name: .*$/m, 'name: Eastbrook renamed'));
    const renamed = loadProject(root, { cache, memo });
    expect(memo.reused).toBe(0);
    expect(said(renamed)).toBe(said(fresh()));
  });
});

describe("the live preview's first check", () => {
  it('has the narratives parsed on the other cores meanwhile, for the first check only, and says what a check from scratch says', () => {
    const root = path.join(scratch, 'first-live');
    fs.cpSync(path.join(repo, 'tests/fixtures/broken'), root, { recursive: true });
    const asked: string[] = [];
    let started = false;
    const parseAhead: typeof parseNarrativesAhead = (folder, cache) => {
      asked.push(folder);
      const stop = parseNarrativesAhead(folder, cache, 1);
      return async () => {
        started = true;
        await stop();
      };
    };
    const memo = new LiveMemo();
    const first = checkLive(root, memo, parseAhead);
    expect(asked).toEqual([root]);
    expect(started, 'the workers were stopped once the check ended').toBe(true);
    const fresh = loadProject(root, { cache: new CheckCache(root, { enabled: false }) });
    expect(said(first)).toBe(said(fresh));
    // Again, nothing changed: every folder comes from the memo, and no worker is started.
    expect(said(checkLive(root, memo, parseAhead))).toBe(said(fresh));
    expect(asked).toEqual([root]);
  });
});

describe("the live preview's warm-up", () => {
  it('fills an empty cache on another thread, after which a check finds every result there and says what a check from scratch says', async () => {
    const root = path.join(scratch, 'warm-up');
    // Not the cache another test's check of the fixture may have left in it.
    fs.cpSync(path.join(repo, 'tests/fixtures/broken'), root, { recursive: true, filter: (file) => path.basename(file) !== '.cache' });
    expect(checkCacheIsEmpty(root)).toBe(true);
    await warmUpCheckCache(root);
    expect(checkCacheIsEmpty(root)).toBe(false);
    const cache = new CheckCache(root);
    const warm = loadProject(root, { cache });
    expect(cache.hits).toBeGreaterThan(20);
    expect(cache.misses).toBe(0);
    expect(said(warm)).toBe(said(loadProject(root, { cache: new CheckCache(root, { enabled: false }) })));
  });
});

describe('characters the PDF fonts lack', () => {
  it('are reported once per file, at their column counted in UTF-16 units as editors count, and not in YAML comments', () => {
    const found = new DiagnosticList();
    checkGlyphs([{ file: 'a.mdx', text: 'plain\nA 😀 then ☃ and é “q” ☃ ⅞\n' }, { file: 'b.yaml', text: '# ☃ comment\nk: 😀☃\n' }, { file: 'c.csv', text: '☃' }], found);
    expect(found.items.map((d) => `${d.file}:${d.line}:${d.column} ${d.message.split(' ')[0]}`)).toEqual(['a.mdx:2:3 "😀"', 'a.mdx:2:11 "☃"', 'a.mdx:2:25 "⅞"', 'b.yaml:2:4 "😀"', 'b.yaml:2:6 "☃"']);
  });

  it('are reported again, the same, for a file the live preview hands on unchanged, and found afresh in a new one', () => {
    const files = [{ file: 'a.mdx', text: 'A ☃ here\n' }, { file: 'b.md', text: 'plain\n' }];
    const first = new DiagnosticList();
    checkGlyphs(files, first);
    const again = new DiagnosticList();
    checkGlyphs(files, again);
    expect(again.items).toEqual(first.items);
    expect(first.items.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['a.mdx:1:3']);
    const edited = new DiagnosticList();
    checkGlyphs([{ file: 'a.mdx', text: 'now\nA ⅞ here\n' }, files[1]!], edited);
    expect(edited.items.map((d) => `${d.file}:${d.line}:${d.column} ${d.message.split(' ')[0]}`)).toEqual(['a.mdx:2:3 "⅞"']);
  });
});

describe('YAML read back from the cache', () => {
  /** Every path to a value of the data, and a missing key under each mapping. */
  function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
    const own = [at, [...at, 'no-such-key'], [...at, 99]];
    if (Array.isArray(value)) return [...own, ...value.flatMap((item, index) => pathsOf(item, [...at, index]))];
    if (value !== null && typeof value === 'object') return [...own, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...at, key]))];
    return own;
  }

  it('points at the same place as the parsed file, for every key and value and for missing ones', () => {
    const files = ['content', 'templates', 'tests/fixtures/broken/content'].flatMap((folder) => (fs.readdirSync(path.join(repo, folder), { recursive: true }) as string[]).map((file) => path.join(repo, folder, file)).filter((file) => /\.ya?ml$/.test(file)));
    expect(files.length).toBeGreaterThan(20);
    const kept = new Map<string, StoredYaml>();
    const previous = useYamlStore({ get: (text) => structuredClone(kept.get(text)), set: (text, stored) => kept.set(text, JSON.parse(JSON.stringify(stored)) as StoredYaml) });
    let compared = 0;
    try {
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const parsed = readYaml(text);
        if (!kept.has(text)) continue; // a file with problems is never kept
        const stored = readYaml(text);
        expect(stored.data).toEqual(parsed.data);
        for (const at of pathsOf(parsed.data)) {
          for (const target of ['key', 'value'] as const) {
            expect(stored.positionOf(at, target), `${file} ${at.join('.')} ${target}`).toEqual(parsed.positionOf(at, target));
            compared += 1;
          }
        }
      }
    } finally {
      useYamlStore(previous);
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
