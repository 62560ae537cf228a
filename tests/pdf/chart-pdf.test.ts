/** Charts in the PDF: the same SVG as the page, drawn as vectors in a tagged Figure, followed by its data. */
import { describe, expect, it } from 'vitest';
import { wordsIn } from '../support/messages.ts';
import type { Block, ChartSpec, DocumentModel } from '../../src/document/blocks.ts';
import { renderDocumentPdf } from '../../src/pdf/render-document.ts';
import { chartSvg } from '../../src/charts/chart-svg.ts';
import { linesOf, readPdf, walk } from '../support/pdf.ts';

const specs: { id: string; title: string; chart: ChartSpec }[] = [
  { id: 'figure-1', title: 'Overall ratings by year', chart: { kind: 'stacked-bar', categories: ['2023', '2024'], series: [{ name: 'Good', values: [7, 9] }, { name: 'Outstanding', values: [2, 3] }], unit: 'count', valueLabel: 'Inspections' } },
  { id: 'figure-2', title: 'Cases judged sufficient', chart: { kind: 'line', categories: ['2021', '2022', '2023'], series: [{ name: 'Court', values: [71, 74, 78] }, { name: 'Out of court', values: [64, null, 69] }], unit: '%', valueLabel: 'Per cent of cases' } },
  { id: 'figure-3', title: 'Scores before and after', chart: { kind: 'bar', categories: ['Northmoor'], series: [{ name: 'First inspection', values: [4] }, { name: 'Reinspection', values: [22] }], unit: 'score', max: 36, valueLabel: 'Score out of 36' } },
];

const chartBlock = ({ id, title, chart }: (typeof specs)[number], number: number): Block => ({
  type: 'chart',
  id,
  number,
  title,
  description: `${title}, as a ${chart.kind} chart.`,
  chart,
  table: { type: 'table', caption: '', head: [[{ inlines: [{ type: 'text', value: 'Category' }] }, ...chart.series.map((s) => ({ inlines: [{ type: 'text' as const, value: s.name }] }))]], rows: chart.categories.map((c, i) => [{ inlines: [{ type: 'text' as const, value: c }], rowHeader: true }, ...chart.series.map((s) => ({ inlines: [{ type: 'text' as const, value: String(s.values[i] ?? '–') }] }))]) },
});

const model: DocumentModel = {
  title: 'Charts',
  subtitle: '',
  language: 'en-GB',
    words: wordsIn('en'),
  date: '2024-01-01',
  author: 'Test',
  subject: 'charts',
  keywords: [],
  runningHeader: 'Charts',
  cover: [],
  credits: [],
  body: [{ type: 'heading', level: 2, id: 'charts', text: 'Charts', inContents: true }, ...specs.map((s, i) => chartBlock(s, i + 1))],
  images: [],
};

describe('charts in the PDF', () => {
  it('draws each chart with its numbered title, its data labels as text (an artifact), a Figure with alt text, and its data table', async () => {
    const pdf = await readPdf((await renderDocumentPdf(model)).bytes);
    const textOf = (artifacts: boolean) => pdf.pages.map((items) => linesOf(items, { artifacts }).map((l) => l.text).join('\n')).join('\n');
    const text = textOf(true);
    expect(text).toContain('Figure 1: Overall ratings by year');
    expect(text).toContain('Figure 3: Scores before and after');
    // Data labels drawn from the SVG: 22 and 4 for the reinspection chart, 78% on the line chart.
    for (const label of ['22', '78%', '64%', 'Reinspection', 'Out of court']) expect(text).toContain(label);
    // They are not read out after the Figure's alt text: the data table follows it.
    for (const label of ['78%', '64%', 'Score out of 36', 'Per cent of cases']) expect(textOf(false)).not.toContain(label);
    const figures = pdf.structure.flatMap((tree) => [...walk(tree)].filter((n) => n.role === 'Figure'));
    expect(figures.map((f) => f.alt)).toEqual(specs.map((s, i) => `Figure ${i + 1}: ${s.title}. ${s.title}, as a ${s.chart.kind} chart.`));
    const tables = pdf.structure.flatMap((tree) => [...walk(tree)].filter((n) => n.role === 'Table'));
    // Each chart's data follows it as a table with its caption (pdfjs gives a tree per page, so a
    // table that runs onto the next page is in both pages' trees).
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const [i, s] of specs.entries()) expect(textOf(false)).toContain(`The data in figure ${i + 1}: ${s.title}`);
    // Chart labels (artifacts drawn from the SVG) are never under 8 pt once scaled to the page.
    const chartLabels = pdf.pages.flat().filter((item) => item.artifact && ['22', '78%', 'Reinspection', 'Out of court', 'Score out of 36', '36'].includes(item.text.trim()));
    expect(chartLabels.length).toBeGreaterThanOrEqual(6);
    for (const item of chartLabels) expect(item.size, item.text).toBeGreaterThanOrEqual(8);
  });

  it('gives the page and the PDF the same SVG, with its title, description and a label for every value', () => {
    const svg = chartSvg(specs[2]!.chart, { id: 'x', title: 'Scores', description: 'Two bars.' });
    expect(svg).toContain('<title id="x-title">Scores</title>');
    expect(svg).toContain('<desc id="x-desc">Two bars.</desc>');
    expect(svg).toMatch(/role="img" aria-labelledby="x-title x-desc"/);
    expect(svg.match(/>22</g)).toHaveLength(1);
    expect(svg.match(/>4</g)).toHaveLength(1);
    // Two series: a solid fill and a pattern, told apart by more than colour.
    expect(svg.match(/<pattern /g)).toHaveLength(1);
  });
});
