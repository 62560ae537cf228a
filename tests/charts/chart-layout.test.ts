/** Chart axes, sizes and looks: ticks that reach the data, charts that grow with it, ratings drawn as tables draw them. */
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { ChartSpec } from '../../src/document/blocks.ts';
import { axisTicks, CHART_LAYOUTS, chartSvg, PDF_CHART_MAX_WIDTH, type ChartLayoutName } from '../../src/charts/chart-svg.ts';
import { RATING_STYLES, SERIES_STYLES, TYPE } from '../../src/visual-system.ts';

const about = { id: 'c', title: 'A chart', description: 'Bars.' };
const heightOf = (svg: string) => Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
const fontSizes = (svg: string) => selectAll('text', fromHtml(svg, { fragment: true })).map((node) => Number(node.properties.fontSize));

const isTidy = (step: number) => {
  const power = 10 ** Math.floor(Math.log10(step));
  return [1, 2, 2.5, 5, 10].some((m) => Math.abs(step - m * power) < 1e-9);
};

describe('axis ticks', () => {
  const check = (ticks: number[], largest: number, max?: number) => {
    const label = `largest ${largest}, max ${max}: ${ticks.join(' ')}`;
    expect(ticks[0], label).toBe(0);
    expect(ticks.length, label).toBeGreaterThanOrEqual(3);
    expect(ticks.length, label).toBeLessThanOrEqual(8);
    const step = ticks[1]! - ticks[0]!;
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!, label).toBeCloseTo(step, 9);
    expect(ticks[ticks.length - 1]!, label).toBeGreaterThanOrEqual(largest);
    if (max !== undefined) expect(ticks[ticks.length - 1]!, label).toBeGreaterThanOrEqual(max);
    expect(isTidy(step) || (max !== undefined && Number.isInteger(max / step)), label).toBe(true);
  };

  it('reaches a given top exactly: "out of 36" ends at 36, percentages at 100 by 20 or 25', () => {
    expect(axisTicks(22, 36)).toEqual([0, 6, 12, 18, 24, 30, 36]);
    expect([20, 25]).toContain(axisTicks(78, 100)[1]);
    expect(axisTicks(78, 100).at(-1)).toBe(100);
    for (let max = 2; max <= 400; max++) {
      const ticks = axisTicks(max / 2, max);
      check(ticks, max / 2, max);
    }
  });

  it('rounds the largest value up to a tidy step when no top is given', () => {
    expect(axisTicks(22)).toEqual([0, 5, 10, 15, 20, 25]);
    for (const largest of [0, 0.5, 1, 2, 3, 4, 7, 9, 11, 13, 17, 22, 29, 31, 44, 49, 51, 77, 99, 101, 149, 333, 999, 1001, 2600, 12345]) check(axisTicks(largest), largest);
  });
});

const bars = (categories: number, series = 2): ChartSpec => ({
  kind: 'bar',
  categories: Array.from({ length: categories }, (_, i) => `Service ${i + 1}`),
  series: Array.from({ length: series }, (_, s) => ({ name: `Series ${s + 1}`, values: Array.from({ length: categories }, (_, i) => i * 3 + s) })),
  unit: 'score',
  max: 36,
  valueLabel: 'Score out of 36',
});

describe('chart sizes', () => {
  it('grows with its categories, and one pair of bars makes a small chart', () => {
    for (const layout of ['narrow', 'wide'] as ChartLayoutName[]) {
      const heights = [1, 2, 4, 8].map((n) => heightOf(chartSvg(bars(n), about, layout)));
      for (let i = 1; i < heights.length; i++) expect(heights[i]!).toBeGreaterThan(heights[i - 1]!);
      // One pair of bars: well under a fifth of an A4 page's text height (about 700 pt) once in the PDF.
      expect(heights[0]! * (layout === 'wide' ? PDF_CHART_MAX_WIDTH / CHART_LAYOUTS.wide.width : 1)).toBeLessThan(200);
    }
    expect(heightOf(chartSvg(bars(2, 4), about))).toBeGreaterThan(heightOf(chartSvg(bars(2, 2), about)));
  });

  it('never sets text under 12 px on the page (narrow: down to a 290 px column) nor under 8 pt in a PDF', () => {
    const kinds: ChartSpec[] = [bars(3), { ...bars(3), kind: 'stacked-bar' }, { ...bars(3), kind: 'line' }];
    for (const spec of kinds) {
      const narrow = Math.min(...fontSizes(chartSvg(spec, about, 'narrow')));
      const wide = Math.min(...fontSizes(chartSvg(spec, about, 'wide')));
      expect(narrow * (290 / CHART_LAYOUTS.narrow.width)).toBeGreaterThanOrEqual(TYPE.web.chartMinimum);
      expect(wide).toBeGreaterThanOrEqual(TYPE.web.chartMinimum);
      // The PDF draws the wide layout at most 480 pt wide.
      expect(wide * (PDF_CHART_MAX_WIDTH / CHART_LAYOUTS.wide.width)).toBeGreaterThanOrEqual(TYPE.pdf.chartMinimum);
    }
  });

  it('labels the top of an "out of 36" axis', () => {
    const labels = selectAll('text', fromHtml(chartSvg(bars(1), about), { fragment: true })).map((node) => String((node.children[0] as { value: string }).value));
    expect(labels).toContain('36');
    expect(labels).not.toContain('40');
  });
});

describe('chart looks', () => {
  it('draws a series that is a rating in its colour and pattern, with its mark in the legend; other series from the series palette', () => {
    const spec: ChartSpec = {
      kind: 'stacked-bar',
      categories: ['2023', '2024'],
      series: [
        { name: 'Outstanding', values: [1, 2], rating: 'star' },
        { name: 'Good', values: [3, 4], rating: 'circle' },
        { name: 'Requires improvement', values: [2, 1], rating: 'triangle' },
        { name: 'Inadequate', values: [1, 0], rating: 'square' },
      ],
      unit: 'count',
      valueLabel: 'Inspections',
    };
    const tree = fromHtml(chartSvg(spec, about), { fragment: true });
    // Outstanding is solid: its bars are filled with its colour; the others by their pattern, in their colour.
    expect(selectAll(`rect[fill="${RATING_STYLES.star.colour}"]`, tree).length).toBeGreaterThanOrEqual(2);
    for (const [i, mark] of (['circle', 'triangle', 'square'] as const).entries()) {
      const pattern = select(`pattern#c-p${i + 1}`, tree)!;
      expect(select('rect', pattern)!.properties.fill).toBe(RATING_STYLES[mark].colour);
    }
    // Each rating's mark, in its colour, in the legend.
    for (const mark of ['star', 'circle', 'triangle', 'square'] as const) expect(select(`path[d="${RATING_STYLES[mark].path}"][fill="${RATING_STYLES[mark].colour}"]`, tree), mark).not.toBeNull();

    const years: ChartSpec = { kind: 'bar', categories: ['1.1', '1.2'], series: ['2022', '2023', '2024'].map((name) => ({ name, values: [50, 60] })), unit: '%', valueLabel: 'Per cent' };
    const yearTree = fromHtml(chartSvg(years, about), { fragment: true });
    const ratingColours = new Set(Object.values(RATING_STYLES).map((s) => s.colour));
    const fills = selectAll('rect, pattern rect', yearTree).map((node) => String(node.properties.fill));
    expect(fills.filter((fill) => ratingColours.has(fill))).toEqual([]);
    expect(fills).toContain(SERIES_STYLES[0]!.colour);
    expect(select('pattern#c-p1 rect', yearTree)!.properties.fill).toBe(SERIES_STYLES[1]!.colour);
  });
});
