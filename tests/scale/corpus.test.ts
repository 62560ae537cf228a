/**
 * scripts/corpus.ts (`npm run corpus`): a synthetic corpus is the same for the same seed, checks
 * without errors with the tool copied into it, and has what a realistic corpus has: both
 * frameworks, reinspections, joint inspections, drafts and embargoed reports, easy-read versions,
 * thematic reports, case samples of 20 to 40, ratings in every band and narratives of report length.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPORT_WORDS, MIN_REPORT_WORDS, generateCorpus, wordCount, type CorpusSummary } from '../../scripts/corpus.ts';
import type { Inspection } from '../../src/model/project.ts';
import { loadProject, type LoadResult } from '../../src/check/load-project.ts';
import { runTool, snapshotTree } from '../support/project-copy.ts';

const INSPECTIONS = 12;
/** Historic records asked for besides them (a tenth of the inspections unless told). */
const HISTORIC = 3;
let base: string;
let first: string;
let second: string;
let otherSeed: string;
let loaded: LoadResult;
let summary: CorpusSummary;
/** The inspections written with the tool (not historic records). */
let full: Inspection[];

/** Every generated file: the content tree, and the marker that says who made the folder. */
function generatedFiles(dir: string): Map<string, Buffer> {
  const files = snapshotTree(path.join(dir, 'content'));
  files.set('.synthetic-corpus', fs.readFileSync(path.join(dir, '.synthetic-corpus')));
  return files;
}

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-test-'));
  first = path.join(base, 'first');
  second = path.join(base, 'second');
  otherSeed = path.join(base, 'other-seed');
  summary = generateCorpus({ out: first, inspections: INSPECTIONS, seed: 1, historic: HISTORIC });
  generateCorpus({ out: second, inspections: INSPECTIONS, seed: 1, historic: HISTORIC });
  generateCorpus({ out: otherSeed, inspections: INSPECTIONS, seed: 2, historic: HISTORIC });
  loaded = loadProject(first);
  full = loaded.project.inspections.filter((i) => !i.historic);
}, 120_000);

afterAll(() => {
  if (base) fs.rmSync(base, { recursive: true, force: true });
});

describe('npm run corpus', () => {
  it('gives byte-identical files for the same seed, and a different corpus for another seed', () => {
    const a = generatedFiles(first);
    const b = generatedFiles(second);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
    const c = generatedFiles(otherSeed);
    const same = [...a].filter(([file, bytes]) => file.startsWith('inspections/') && c.get(file)?.equals(bytes));
    expect(same).toEqual([]);
  });

  it('writes a complete project: the tool, shared content, and node_modules linked', () => {
    for (const part of ['src/check/cli.ts', 'templates/easy-read/inspection.yaml', 'schemas', 'package.json', 'astro.config.mjs', 'tsconfig.json', 'content/frameworks/youth-2018.yaml', 'content/frameworks/youth-2021.yaml', 'content/glossary/terms.yaml', 'content/publisher.yaml', 'content/easy-read-checks.yaml']) {
      expect(fs.existsSync(path.join(first, part)), part).toBe(true);
    }
    expect(fs.lstatSync(path.join(first, 'node_modules')).isSymbolicLink()).toBe(true);
  });

  it('refuses to overwrite a folder it did not make, and replaces its own only with force', () => {
    expect(() => generateCorpus({ out: path.join(first, 'content'), inspections: 1 })).toThrow(/not made by this generator/);
    expect(() => generateCorpus({ out: second, inspections: 1 })).toThrow(/--force/);
  });

  it('has a service in Wales, even when small, so the checks of Welsh services run on it', () => {
    expect(loaded.project.services.some((service) => service.nation === 'Wales')).toBe(true);
  });

  it('checks with no errors, with the tool copied into the corpus', () => {
    const result = runTool(first, 'src/check/cli.ts', ['--json']);
    expect(result.stderr).toBe('');
    const diagnostics = JSON.parse(result.stdout) as { severity: string; rule: string; file: string; message: string }[];
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Warnings are only the easy-read language hints, and few.
    expect(diagnostics.filter((d) => !['readability', 'passive-voice', 'hard-word', 'sentence-length', 'number-words'].includes(d.rule))).toEqual([]);
    expect(diagnostics.length).toBeLessThanOrEqual(INSPECTIONS);
    expect(result.status).toBe(0);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }, 120_000);

  it('spans both frameworks, with reinspections, joint inspections, drafts, embargoed reports and easy-read versions', () => {
    const { thematics } = loaded.project;
    const inspections = full;
    expect(inspections).toHaveLength(INSPECTIONS);
    expect(new Set(inspections.map((i) => i.framework.id))).toEqual(new Set(['youth-2018', 'youth-2021']));
    for (const inspection of inspections) {
      // youth-2018 for fieldwork before July 2021, youth-2021 from then.
      expect(inspection.framework.id, inspection.slug).toBe(inspection.source.fieldwork.start < '2021-07-01' ? 'youth-2018' : 'youth-2021');
    }
    const slugs = new Set(inspections.map((i) => i.slug));
    const reinspections = inspections.filter((i) => i.source.reinspectionOf);
    expect(reinspections.length).toBeGreaterThan(0);
    for (const r of reinspections) expect(slugs.has(r.source.reinspectionOf!)).toBe(true);
    expect(inspections.some((i) => i.source.partners.length > 0)).toBe(true);
    const statuses = new Set(inspections.map((i) => i.source.status));
    expect(statuses).toEqual(new Set(['published', 'draft', 'embargoed']));
    expect(inspections.filter((i) => i.easyRead).length).toBeGreaterThan(0);
    expect(inspections.filter((i) => !i.easyRead).length).toBeGreaterThan(0);
    expect(thematics.length).toBeGreaterThan(0);
    expect(thematics.some((t) => t.easyRead)).toBe(true);
  });

  it('has case samples of 20 to 40 with every case key question answered, and ratings in every band', () => {
    const bands = new Set<string>();
    for (const inspection of full) {
      expect(inspection.cases.length, inspection.slug).toBeGreaterThanOrEqual(20);
      expect(inspection.cases.length, inspection.slug).toBeLessThanOrEqual(40);
      expect(new Set(inspection.cases.map((c) => c.type))).toEqual(new Set(['court', 'out-of-court']));
      expect(inspection.source.recommendations.length).toBeGreaterThanOrEqual(3);
      expect(inspection.source.recommendations.length).toBeLessThanOrEqual(6);
      for (const standard of inspection.rating.standards) if (standard.method === 'case-sample') bands.add(standard.awarded);
    }
    expect([...bands].sort()).toEqual(expect.arrayContaining(['good', 'inadequate', 'outstanding', 'requires-improvement']));
  });

  it('writes narratives of report length, with a section per standard', () => {
    for (const inspection of full) {
      const text = fs.readFileSync(path.join(first, 'content/inspections', inspection.slug, 'report.mdx'), 'utf8');
      const words = wordCount(text);
      expect(words, inspection.slug).toBeGreaterThanOrEqual(MIN_REPORT_WORDS);
      expect(words, inspection.slug).toBeLessThanOrEqual(MAX_REPORT_WORDS);
      for (const standard of inspection.rating.standards) expect(text, `${inspection.slug} ${standard.id}`).toContain(`\n## ${standard.id} ${standard.name}\n`);
    }
  });

  it('adds historic records besides the inspections: published ratings only, each before its service’s first inspection', () => {
    const historic = loaded.project.inspections.filter((i) => i.historic);
    expect(historic.map((i) => i.slug).sort()).toEqual([...summary.historic].sort());
    expect(historic.length).toBeGreaterThan(0);
    expect(historic.length).toBeLessThanOrEqual(HISTORIC);
    for (const record of historic) {
      expect(fs.readdirSync(path.join(first, 'content/inspections', record.slug))).toEqual(['inspection.yaml']);
      expect(record.cases).toEqual([]);
      expect(record.source.status).toBe('published');
      expect(record.framework.id).toBe('youth-2018');
      const later = full.filter((i) => i.service.slug === record.service.slug);
      expect(later.length, record.slug).toBeGreaterThan(0);
      for (const inspection of later) expect(inspection.source.published > record.source.published, `${record.slug} before ${inspection.slug}`).toBe(true);
    }
  });
});
