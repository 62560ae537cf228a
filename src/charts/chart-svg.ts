/**
 * One chart specification drawn as SVG: shown inline on the page and drawn into the PDF as
 * vectors (svg-to-pdfkit), so the two cannot differ. Accessible by construction: a title and a
 * description, every value written as a data label, and series told apart by name, pattern and
 * marker shape as well as colour.
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ChartSpec } from '../document/blocks.ts';

export interface ChartText {
  id: string;
  title: string;
  description: string;
}

const WIDTH = 640;
const FONT = "Atkinson Hyperlegible Next, system-ui, -apple-system, 'Segoe UI', Arial, sans-serif";
const INK = '#0b0c0c';
const GRID = '#b1b4b6';
/** Colours with at least 3:1 contrast against white, each paired with its own pattern. */
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#6f3c97', '#8f4d00', '#505a5f'];
/** The first series is a plain colour; the others carry a pattern as well. */
const fillOf = (id: string, series: number) => (series === 0 ? COLOURS[0]! : `url(#${id}-p${series})`);
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'circle', 'square'] as const;
const DASHES = ['', '8 4', '2 3', '10 3 2 3', '', '8 4'];

const round = (n: number) => Math.round(n * 100) / 100;

export function formatValue(value: number | null, unit: ChartSpec['unit']): string {
  if (value === null) return '–';
  return unit === '%' ? `${value}%` : String(value);
}

/** The top of the axis: the given maximum, 100 for percentages, else the largest value rounded up to a tidy number. */
function axisMax(spec: ChartSpec, largest: number): number {
  if (spec.max !== undefined) return spec.max;
  if (spec.unit === '%') return 100;
  if (largest <= 0) return 1;
  const step = largest <= 5 ? 1 : largest <= 10 ? 2 : largest <= 50 ? 10 : 10 ** Math.floor(Math.log10(largest));
  return Math.ceil(largest / step) * step;
}

function ticks(max: number): number[] {
  const step = max <= 5 ? 1 : max <= 10 ? 2 : max <= 20 ? 5 : max <= 50 ? 10 : max <= 100 ? 20 : max / 5;
  const values: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) values.push(round(v));
  return values;
}

/** Pattern fills: series 1 solid, then diagonal lines, dots, cross-hatch, horizontal lines, vertical lines. */
function patternDefs(id: string, count: number): Element[] {
  const shapes = [
    [],
    [s('path', { d: 'M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6', stroke: '#ffffff', 'stroke-width': 2 })],
    [s('circle', { cx: 4, cy: 4, r: 1.6, fill: '#ffffff' })],
    [s('path', { d: 'M0 0 L8 8 M8 0 L0 8', stroke: '#ffffff', 'stroke-width': 1.5 })],
    [s('path', { d: 'M0 4 L8 4', stroke: '#ffffff', 'stroke-width': 2 })],
    [s('path', { d: 'M4 0 L4 8', stroke: '#ffffff', 'stroke-width': 2 })],
  ];
  return Array.from({ length: count }, (_, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    return s('pattern', { id: `${id}-p${i}`, patternUnits: 'userSpaceOnUse', width: 8, height: 8 }, [s('rect', { x: -1, y: -1, width: 10, height: 10, fill: colour }), ...shapes[i % shapes.length]!]);
  });
}

function marker(shape: (typeof MARKERS)[number], x: number, y: number, colour: string): Element {
  switch (shape) {
    case 'circle':
      return s('circle', { cx: round(x), cy: round(y), r: 5, fill: colour });
    case 'square':
      return s('rect', { x: round(x - 4.5), y: round(y - 4.5), width: 9, height: 9, fill: colour });
    case 'triangle':
      return s('path', { d: `M${round(x)} ${round(y - 6)} L${round(x + 6)} ${round(y + 4.5)} L${round(x - 6)} ${round(y + 4.5)} Z`, fill: colour });
    case 'diamond':
      return s('path', { d: `M${round(x)} ${round(y - 6)} L${round(x + 6)} ${round(y)} L${round(x)} ${round(y + 6)} L${round(x - 6)} ${round(y)} Z`, fill: colour });
  }
}

function text(x: number, y: number, value: string, options: { anchor?: 'start' | 'middle' | 'end'; size?: number; bold?: boolean; fill?: string } = {}): Element {
  return s(
    'text',
    { x: round(x), y: round(y), 'font-family': FONT, 'font-size': options.size ?? 12, 'font-weight': options.bold ? 'bold' : undefined, fill: options.fill ?? INK, 'text-anchor': options.anchor ?? 'start' },
    value,
  );
}

/** A plotted line: a grid line or axis, or a series' line with its dash pattern. */
function line(d: string, stroke: string, width: number, options: { dash?: string; fill?: string } = {}): Element {
  return s('path', { d, fill: options.fill, stroke, 'stroke-width': width, 'stroke-dasharray': options.dash || undefined });
}

/** Splits a label into at most `lines` lines of about `chars` characters. */
function wrap(label: string, chars: number, lines = 2): string[] {
  const words = label.split(' ');
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && (line + ' ' + word).length > chars) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length > lines) return [...out.slice(0, lines - 1), `${out.slice(lines - 1).join(' ').slice(0, chars - 1)}…`];
  return out;
}

function legend(spec: ChartSpec, id: string, y: number): Element[] {
  if (spec.series.length < 2) return [];
  let x = 0;
  return spec.series.flatMap((series, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const swatch =
      spec.kind === 'line'
        ? [line(`M${x} ${y - 4} L${x + 22} ${y - 4}`, colour, 2.5, { dash: DASHES[i % DASHES.length] }), marker(MARKERS[i % MARKERS.length]!, x + 11, y - 4, colour)]
        : [s('rect', { x, y: y - 12, width: 16, height: 16, fill: fillOf(id, i), stroke: INK, 'stroke-width': 0.5 })];
    const label = text(x + (spec.kind === 'line' ? 28 : 22), y + 1, series.name);
    x += (spec.kind === 'line' ? 36 : 30) + series.name.length * 7;
    return [...swatch, label];
  });
}

/** The chart as a tree, for a page to place inline. */
export function chartTree(spec: ChartSpec, about: ChartText): Element {
  const id = about.id.replace(/[^a-zA-Z0-9-]/g, '-');
  const body = spec.kind === 'stacked-bar' ? stackedBars(spec, id) : spec.kind === 'line' ? lines(spec, id) : bars(spec, id);
  return s(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, width: WIDTH, height: body.height, viewBox: `0 0 ${WIDTH} ${body.height}`, class: 'app-chart' },
    [
      s('title', { id: `${id}-title` }, about.title),
      s('desc', { id: `${id}-desc` }, about.description),
      s('defs', patternDefs(id, spec.series.length)),
      s('rect', { width: WIDTH, height: body.height, fill: '#ffffff' }),
      ...body.svg,
    ],
  );
}

/** The chart as an SVG document, as svg-to-pdfkit draws it into the PDF: empty elements self-closed, as XML wants. */
export function chartSvg(spec: ChartSpec, about: ChartText): string {
  return toHtml(chartTree(spec, about), { space: 'svg', closeEmptyElements: true, tightSelfClosing: true, allowDangerousCharacters: true, characterReferences: { useNamedReferences: true } });
}

/** The values of bars and lines, up the page: a plot 240 high below `top`, from 0 to the axis maximum. */
function verticalScale(spec: ChartSpec, top: number) {
  const plotHeight = 240;
  const bottom = top + plotHeight;
  const max = axisMax(spec, Math.max(0, ...spec.series.flatMap((series) => series.values.map((v) => v ?? 0))));
  return { bottom, max, y: (v: number) => bottom - (v / max) * plotHeight };
}

/** The value axis: a grid line at each tick, labelled on the left. */
function valueAxis(spec: ChartSpec, max: number, left: number, y: (v: number) => number): Element[] {
  return ticks(max).flatMap((tick) => [
    line(`M${left} ${round(y(tick))} L${WIDTH - 12} ${round(y(tick))}`, GRID, tick === 0 ? 1.5 : 0.75),
    text(left - 6, y(tick) + 4, formatValue(tick, spec.unit), { anchor: 'end', size: 11 }),
  ]);
}

/** Grouped vertical bars: categories along the bottom, one bar per series, each with its value. */
function bars(spec: ChartSpec, id: string) {
  // Room above the plot for the value axis label, clear of the label of a bar that reaches the top.
  const top = spec.series.length > 1 ? 64 : 38;
  const left = 48;
  const plotWidth = WIDTH - left - 12;
  const { bottom, max, y } = verticalScale(spec, top);
  const parts: Element[] = [...legend(spec, id, 16), ...valueAxis(spec, max, left, y)];
  const group = plotWidth / spec.categories.length;
  const barWidth = Math.min(56, (group * 0.74) / spec.series.length);
  spec.categories.forEach((category, c) => {
    const start = left + c * group + (group - barWidth * spec.series.length) / 2;
    spec.series.forEach(({ values }, series) => {
      const value = values[c] ?? null;
      const x = start + series * barWidth;
      if (value !== null && value > 0) parts.push(s('rect', { x: round(x + 1), y: round(y(value)), width: round(barWidth - 2), height: round(bottom - y(value)), fill: fillOf(id, series), stroke: INK, 'stroke-width': 0.5 }));
      // Narrow bars side by side take smaller labels, so that "100%" over one does not run into the next.
      parts.push(text(x + barWidth / 2, y(value ?? 0) - 5, formatValue(value, spec.unit), { anchor: 'middle', size: barWidth < 34 ? 9.5 : 11, bold: true }));
    });
    wrap(category, Math.max(6, Math.floor(group / 7))).forEach((line, i) => parts.push(text(left + c * group + group / 2, bottom + 18 + i * 14, line, { anchor: 'middle', size: 11 })));
  });
  parts.push(text(0, top - 24, spec.valueLabel, { size: 11 }));
  return { svg: parts, height: bottom + 48 };
}

/** Horizontal stacked bars: one row per category, segments per series, each labelled with its value. */
function stackedBars(spec: ChartSpec, id: string) {
  const top = 44;
  const left = 190;
  const right = 52;
  const rowHeight = 30;
  const plotWidth = WIDTH - left - right;
  const totals = spec.categories.map((_, c) => spec.series.reduce((sum, series) => sum + (series.values[c] ?? 0), 0));
  const max = axisMax(spec, Math.max(0, ...totals));
  const x = (v: number) => left + (v / max) * plotWidth;
  const parts: Element[] = legend(spec, id, 18);
  spec.categories.forEach((category, c) => {
    const rowTop = top + c * rowHeight;
    const lines = wrap(category, 28);
    lines.forEach((line, i) => parts.push(text(left - 8, rowTop + 12 + i * 12 - (lines.length - 1) * 6 + 4, line, { anchor: 'end', size: 11 })));
    let sum = 0;
    spec.series.forEach(({ values }, series) => {
      const value = values[c] ?? 0;
      if (value <= 0) return;
      const from = x(sum);
      const to = x(sum + value);
      parts.push(s('rect', { x: round(from), y: rowTop + 4, width: round(to - from), height: rowHeight - 8, fill: fillOf(id, series), stroke: '#ffffff', 'stroke-width': 1 }));
      // The value sits in a white label on its segment, readable over any pattern.
      const label = formatValue(value, spec.unit);
      const labelWidth = label.length * 7 + 6;
      if (to - from >= labelWidth + 2) {
        parts.push(s('rect', { x: round((from + to) / 2 - labelWidth / 2), y: rowTop + 8, width: labelWidth, height: 15, rx: 3, fill: '#ffffff' }));
        parts.push(text((from + to) / 2, rowTop + 20, label, { anchor: 'middle', size: 11, bold: true }));
      }
      sum += value;
    });
    parts.push(text(x(sum) + 6, rowTop + 20, `${formatValue(totals[c]!, spec.unit)}`, { size: 11 }));
  });
  const bottom = top + spec.categories.length * rowHeight;
  parts.push(line(`M${left} ${top} L${left} ${bottom}`, INK, 1));
  return { svg: parts, height: bottom + 10 };
}

/** Lines: one per series, each with its own dash and marker shape, every point labelled. */
function lines(spec: ChartSpec, id: string) {
  void id;
  const top = spec.series.length > 1 ? 58 : 30;
  const left = 48;
  const plotWidth = WIDTH - left - 30;
  const { bottom, max, y } = verticalScale(spec, top);
  const step = spec.categories.length > 1 ? plotWidth / (spec.categories.length - 1) : 0;
  const x = (c: number) => (spec.categories.length > 1 ? left + 15 + c * (step - 30 / Math.max(1, spec.categories.length - 1)) : left + plotWidth / 2);
  const parts: Element[] = [...legend(spec, id, 16), ...valueAxis(spec, max, left, y)];
  spec.categories.forEach((category, c) => wrap(category, 12).forEach((label, i) => parts.push(text(x(c), bottom + 18 + i * 14, label, { anchor: 'middle', size: 11 }))));
  spec.series.forEach(({ values }, series) => {
    const colour = COLOURS[series % COLOURS.length]!;
    const points = values.map((v, c) => (v === null ? null : { x: x(c), y: y(v), v }));
    // A gap in the data is a gap in the line.
    let path = '';
    points.forEach((p, i) => {
      if (!p) return;
      path += `${points[i - 1] ? 'L' : 'M'}${round(p.x)} ${round(p.y)} `;
    });
    if (path) parts.push(line(path.trim(), colour, 2.5, { fill: 'none', dash: DASHES[series % DASHES.length] }));
    points.forEach((p) => {
      if (!p) return;
      parts.push(marker(MARKERS[series % MARKERS.length]!, p.x, p.y, colour));
      // Alternate series label above and below their points, so labels of close values do not collide.
      parts.push(text(p.x, series % 2 === 0 ? p.y - 10 : p.y + 20, formatValue(p.v, spec.unit), { anchor: 'middle', size: 11, bold: true }));
    });
  });
  parts.push(text(0, top - 14, spec.valueLabel, { size: 11 }));
  return { svg: parts, height: bottom + 48 };
}
