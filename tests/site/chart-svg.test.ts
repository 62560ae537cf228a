/** The chart SVG built as a tree: hostile labels stay text, and the string drawn into the PDF is well-formed XML. */
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import type { ChartSpec } from '../../src/document/blocks.ts';
import { chartSvg, chartTree } from '../../src/charts/chart-svg.ts';
import { SERIES_STYLES } from '../../src/visual-system.ts';

/** The text of an SVG text, title or desc element. */
const toString = (node: Element) => node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');

const hostile = 'Courts & <script>alert("x")</script>';
const spec: ChartSpec = { kind: 'bar', categories: [hostile, 'Out of court'], series: [{ name: 'A & B', values: [3, 5] }, { name: '<b>C</b>', values: [4, null] }], unit: 'count', valueLabel: 'Cases > 0' };
const about = { id: 'figure 1&2', title: hostile, description: `Two bars; "quoted" & <i>marked</i>.` };

describe('the chart SVG', () => {
  it('keeps hostile titles, descriptions and labels as text, never as elements', () => {
    const svg = chartSvg(spec, about);
    expect(svg).not.toMatch(/<(script|b|i)[ >]/);
    const tree = fromHtml(svg, { fragment: true });
    expect(selectAll('script, b, i', tree)).toHaveLength(0);
    expect(toString(selectAll('title', tree)[0]!)).toBe(hostile);
    expect(toString(selectAll('desc', tree)[0]!)).toBe(about.description);
    const labels = selectAll('text', tree).map((node) => toString(node));
    for (const label of ['A & B', '<b>C</b>', 'Cases > 0']) expect(labels).toContain(label);
  });

  it('names its ids from a safe form of the given id', () => {
    const svg = chartSvg(spec, about);
    expect(svg).toContain('aria-labelledby="figure-1-2-title figure-1-2-desc"');
    expect(svg).toContain('<title id="figure-1-2-title">');
  });

  it('closes empty elements as XML does, for svg-to-pdfkit, and gives the page the same tree', () => {
    const svg = chartSvg(spec, about);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" aria-labelledby="[^"]+" width="640" height="[\d.]+" viewBox="0 0 640 [\d.]+" class="app-chart app-chart--wide">/);
    // The second series' pattern tile, in the series palette's second colour.
    expect(svg).toContain(`<rect x="-1" y="-1" width="10" height="10" fill="${SERIES_STYLES[1]!.colour}"/>`);
    expect(svg).not.toMatch(/<\/(rect|path|circle)>/);
    expect(svg).toContain("font-family=\"Atkinson Hyperlegible Next, system-ui, -apple-system, 'Segoe UI', Arial, sans-serif\"");
    // The page serialises the tree as HTML; parsed, both are the same SVG.
    const asHtml = toHtml(chartTree(spec, about));
    expect(toHtml(fromHtml(asHtml, { fragment: true }))).toBe(toHtml(fromHtml(svg, { fragment: true })));
  });
});
