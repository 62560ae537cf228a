/**
 * Documents built for the Welsh view of the project: the tool's words are Welsh (author text may
 * still be English until the sample content has Welsh), the language is cy, and no English message
 * value that differs from its Welsh one appears in what the tool writes.
 */
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { reportDocument } from '../../src/document/report-document.ts';
import { easyReadDocument } from '../../src/document/easy-read-document.ts';
import { inlineText, type Block, type DocumentModel } from '../../src/document/blocks.ts';
import { wordsOf } from '../../src/document/words.ts';
import { annualReportDocument } from '../../src/document/annual-report-document.ts';
import {
  annualReportContext,
  casesSufficient,
  childCharacteristicsTable,
  disposalTypeFigure,
  overallRatings,
  recommendationAddresseesFigure,
  recommendationThemesTable,
  reinspectionScores,
  standardRatings,
  yearOnlyNote,
  type AnnualReportContext,
} from '../../src/document/annual-report-figures.ts';
import { allComponents } from '../../src/document/components.ts';
import { chartSvg } from '../../src/charts/chart-svg.ts';
import { readMarkdown } from '../../src/source/markdown-file.ts';
import { inWelsh, projectIn } from '../../src/model/translations.ts';
import { englishFragments } from '../support/welsh.ts';
import type { AnnualReport, Project } from '../../src/model/project.ts';

const root = path.resolve(import.meta.dirname, '../..');
let english: Project;
let welsh: Project;

beforeAll(() => {
  ({ project: english } = loadProject(root));
  welsh = projectIn(english, 'cy');
}, 60_000);

/** The text of blocks the tool writes from data (cover and credits hold no narrative). */
const textOf = (blocks: readonly Block[]): string =>
  blocks
    .map((b) => (b.type === 'paragraph' ? inlineText(b.inlines) : b.type === 'heading' ? b.text : b.type === 'rating-line' ? b.label : ''))
    .join('\n');

describe('documents for the Welsh view', () => {
  it('a Welsh report is in cy, with a Welsh title, cover, credits and renderer words', () => {
    const inspection = welsh.inspections.find((i) => !i.historic && i.service.nation === 'Wales')!;
    expect(inspection, 'a published inspection of a service in Wales').toBeDefined();
    const cy = reportDocument(welsh, inspection, root);
    const en = reportDocument(english, english.inspections.find((i) => i.slug === inspection.slug)!, root);
    expect(cy.language).toBe('cy');
    expect(en.language).toBe('en-GB');
    expect(cy.title).not.toBe(en.title);
    expect(cy.subject).not.toBe(en.subject);
    expect(wordsOf(cy).t('documents.page-of', { page: 1, pages: 9 })).toBe('Tudalen 1 o 9');
    const written = `${cy.title}\n${cy.subject}\n${cy.runningHeader}\n${textOf(cy.cover)}\n${textOf(cy.credits.slice(0, 4))}`;
    expect(written).toMatch(/Cyhoeddwyd/);
    for (const fragment of englishFragments(english.messages, /^(report|documents|easy-read)\./)) expect(written, fragment).not.toContain(fragment);
  });

  it('a Welsh report names the standards in the words of the Welsh framework, though the rating is shared', () => {
    const inspection = welsh.inspections.find((i) => !i.historic && i.service.nation === 'Wales')!;
    const englishInspection = english.inspections.find((i) => i.slug === inspection.slug)!;
    expect(inspection.rating).toBe(englishInspection.rating);
    const headings = reportDocument(welsh, inspection, root).body.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    const pairs = inspection.framework.domains.flatMap((d) => d.standards.map((s) => [s.id, s.name] as const));
    const englishName = (id: string) => englishInspection.framework.domains.flatMap((d) => d.standards).find((s) => s.id === id)!.name;
    const translated = pairs.filter(([id, name]) => name !== englishName(id) && inspection.rating.standards.some((r) => r.id === id && r.awarded !== 'not-rated'));
    expect(translated.length, 'standards with Welsh names in the sample').toBeGreaterThan(0);
    for (const [id, name] of translated) {
      expect(headings, id).toContain(`${id} ${name}`);
      expect(headings, id).not.toContain(`${id} ${englishName(id)}`);
    }
  });

  it('the easy-read sentences the tool writes are Welsh', () => {
    const inspection = welsh.inspections.find((i) => i.easyRead && i.service.nation === 'Wales' && i.source.recommendations.length);
    if (!inspection) throw new Error('the sample has no easy-read version of an inspection in Wales with recommendations');
    const { document } = easyReadDocument(welsh, { kind: 'inspection', inspection }, root);
    expect(document.language).toBe('cy');
    expect(document.subject).toMatch(/^Fersiwn hawdd ei ddeall: /);
    const alts = document.body.flatMap((b) => (b.type === 'row' ? [b.alt] : []));
    expect(alts.some((alt) => /^Rhif \d+$/.test(alt))).toBe(true);
    expect(alts.some((alt) => /^Number \d+$/.test(alt))).toBe(false);
  });
});

let report: AnnualReport;
/** The sample report read in Welsh, as <year>.cy.mdx and cy: { title } would give it. */
let welshReport: AnnualReport;

/** Every component an annual report may use: as the sample report uses them, then each one's example. */
function everyFigure(narrative: Root): Root {
  const used = narrative.children.filter((node) => node.type === 'mdxJsxFlowElement');
  const examples = allComponents()
    .filter((component) => component.context === 'annual-report')
    .flatMap((component) => readMarkdown(`${component.example}\n`).tree!.children);
  const heading: RootContent = { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Y ffigurau' }] };
  return { type: 'root', children: [heading, ...used, ...examples] };
}

/** Every text of a document model, its renderer's words (checked elsewhere) apart, and each chart as drawn. */
function textsOf(document: Pick<DocumentModel, 'body'> & Partial<DocumentModel>): string[] {
  const texts: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (key === 'words' || key === 'images' || key === 'id') return;
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(document);
  for (const block of document.body) if (block.type === 'chart') texts.push(chartSvg(block.chart, { id: 'chart', title: block.title, description: block.description }));
  return texts;
}

/** The sample report's period with other settings, over the inspections of the view. */
const variant = (project: Project, changes: Partial<AnnualReport['source']>): AnnualReportContext => annualReportContext(project, { source: { ...report.source, ...changes } });

/** The figures of a context: every branch a figure has (nothing to show, small counts hidden, historic records left out…). */
const figuresOf = (ctx: AnnualReportContext): Block[] => [
  ...overallRatings(ctx),
  ...overallRatings(ctx, true),
  ...standardRatings(ctx, undefined),
  ...standardRatings(ctx, '4'),
  ...casesSufficient(ctx, 'court', undefined),
  ...casesSufficient(ctx, 'out-of-court', undefined, true),
  ...reinspectionScores(ctx),
  ...disposalTypeFigure(ctx),
  ...childCharacteristicsTable(ctx),
  ...recommendationThemesTable(ctx),
  ...recommendationAddresseesFigure(ctx),
];

/**
 * The annual report is not yet published in Welsh, but the same code builds it from the project read
 * in Welsh: every word the tool writes in it (cover, annexes, each figure's title, description, chart
 * labels, table and notes, and the numbers in its charts) comes from the Welsh messages, and its
 * figures count the very same inspections as the English report's.
 */
describe('the annual report built from the project read in Welsh', () => {
  beforeAll(() => {
    report = english.annualReports.find((r) => r.year === '2026')!;
    welshReport = { ...report, source: { ...inWelsh(report.source), title: 'Arolygiadau cyfiawnder ieuenctid: adroddiad blynyddol 2026' }, narrative: everyFigure(report.narrative) };
  });

  it('writes none of the English words of the messages it uses, in the report or in any branch of its figures', () => {
    const document = annualReportDocument(welsh, welshReport, root);
    expect(document.language).toBe('cy');
    expect(document.body.filter((b) => b.type === 'chart').length).toBeGreaterThan(15);
    // Branches the sample report does not reach: small counts hidden, no previous period, a record known only by its year,
    // two frameworks in one year, and a period with no inspections.
    const contexts = [
      variant(welsh, { period: { from: '2023-01-01', to: '2023-12-31' } }),
      variant(welsh, { period: { from: '2022-01-01', to: '2022-12-31' }, previousPeriod: undefined }),
      variant(welsh, { period: { from: '2017-10-01', to: '2018-09-30' }, previousPeriod: { from: '2015-01-01', to: '2016-12-31' } }),
      variant(welsh, { period: { from: '2030-01-01', to: '2030-12-31' } }),
    ];
    const ctx = annualReportContext(welsh, welshReport);
    const split = { ...ctx, inspections: ctx.all.filter((i) => ['dudley-2019', 'northmoor-2022'].includes(i.slug)).map((i, n) => ({ ...i, source: { ...i.source, fieldwork: { start: n === 0 ? '2021-05-01' : '2021-09-01', end: '2021-09-05' } } })) };
    const yearOnly = yearOnlyNote(contexts[2]!);
    expect(yearOnly).toHaveLength(1);
    const branches = [...[...contexts, split, { ...ctx, minimumCount: 20 }].flatMap(figuresOf), ...yearOnly];
    const texts = [...textsOf(document), ...textsOf({ body: branches })];
    const written = texts.join('\n');
    // Welsh words the tool writes, from each part of it: so the text searched is the tool's.
    for (const welshWords of ['Atodiad 1', 'Atodiad 2', 'Graddau cyffredinol', 'llai na 5', 'heb ei ddangos', 'Nid oes gan', 'Ni chafodd unrhyw arolygiad', 'Newidiodd y safonau arolygu']) expect(written).toContain(welshWords);
    const areas = /^(annual-report|report|documents)\./;
    const fragments = englishFragments(english.messages, areas);
    expect(fragments.length).toBeGreaterThan(100);
    for (const fragment of fragments) expect(written, fragment).not.toContain(fragment);
    // Short words ("All", "not shown", "Cases") are too common to look for inside sentences, but no heading, cell, label or series is one.
    const shortWords = new Set(englishFragments(english.messages, areas, 2));
    expect(texts.map((t) => t.trim()).filter((t) => shortWords.has(t))).toEqual([]);
  });

  it('counts the very same inspections as the English report, every one of them in whichever language it is published', () => {
    const cy = annualReportContext(welsh, welshReport);
    const en = annualReportContext(english, report);
    expect(cy.inspections.map((i) => i.slug)).toEqual(en.inspections.map((i) => i.slug));
    expect(cy.inspections.some((i) => i.service.nation !== 'Wales')).toBe(true);
    const values = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'chart' ? [b.chart.categories.length, b.chart.series.map((s) => s.values)] : []));
    expect(values(figuresOf(cy))).toEqual(values(figuresOf(en)));
    // The standards named in the words of the Welsh framework.
    const [chart] = standardRatings(cy, '4') as Extract<Block, { type: 'chart' }>[];
    const resettlement = welsh.frameworks.at(-1)!.domains.find((d) => d.id === '4')!.standards[0]!;
    expect(chart!.chart.categories[0]).toBe(`${resettlement.id} ${resettlement.name}`);
    expect(chart!.chart.locale).toBe('cy');
  });
});
