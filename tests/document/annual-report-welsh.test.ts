/**
 * The annual report built by the same code from the project read in Welsh: not yet published in
 * Welsh, but every word the tool writes in it (cover, annexes, each figure's title, description,
 * chart labels, table and notes, and the numbers in its charts) comes from the Welsh messages, so
 * no English value of a message whose Welsh differs appears in it; its figures count the very same
 * inspections as the English report's.
 */
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
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
import type { Block, DocumentModel } from '../../src/document/blocks.ts';
import { allComponents } from '../../src/document/components.ts';
import { chartSvg } from '../../src/charts/chart-svg.ts';
import { readMarkdown } from '../../src/source/markdown-file.ts';
import { inWelsh, projectIn } from '../../src/model/translations.ts';
import type { AnnualReport, Project } from '../../src/model/project.ts';
import { englishFragments } from '../support/english-fragments.ts';

const root = path.resolve(import.meta.dirname, '../..');
let english: Project;
let welsh: Project;
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

beforeAll(() => {
  ({ project: english } = loadProject(root));
  welsh = projectIn(english, 'cy');
  report = english.annualReports.find((r) => r.year === '2026')!;
  welshReport = { ...report, source: { ...inWelsh(report.source), title: 'Arolygiadau cyfiawnder ieuenctid: adroddiad blynyddol 2026' }, narrative: everyFigure(report.narrative) };
});

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

describe('the annual report built from the project read in Welsh', () => {
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
