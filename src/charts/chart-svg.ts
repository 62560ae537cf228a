/**
 * One chart specification drawn as SVG: shown inline on the page and drawn into the PDF as
 * vectors (svg-to-pdfkit), so the two cannot differ. Accessible by construction: a title and a
 * description, every value written as a data label, and series told apart by name, pattern and
 * marker shape as well as colour. Colours, patterns and rating marks come from the visual system:
 * a series that is a rating looks as that rating does in every table.
 *
 * Two layouts, so that text is never drawn smaller than 12 CSS px: a narrow one (300 wide) for
 * phones and narrow columns, and a wide one (640 wide, the text measure) for wide screens and the
 * PDF. Sizes are in SVG units, drawn 1:1 on the page; the page shows one layout and hides the other.
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ChartSpec } from '../document/blocks.ts';
import { COLOURS, PATTERNS, RATING_STYLES, seriesStyle, type PatternName } from '../visual-system.ts';

export interface ChartText {
  id: string;
  title: string;
  description: string;
}

export type ChartLayoutName = 'narrow' | 'wide';

/**
 * Each layout's width and type sizes in SVG units. The narrow one is drawn down to a 290 px column
 * (a 320 px screen less its gutters): 13 × 290/300 is still over 12 px. The wide one is drawn at
 * 640 px on the page, and at the PDF's text width (at most 480 pt): 12 × 467/640 is over 8 pt.
 */
export const CHART_LAYOUTS: Record<ChartLayoutName, { width: number; small: number; body: number }> = {
  narrow: { width: 300, small: 13, body: 14 },
  wide: { width: 640, small: 12, body: 13 },
};

/** The widest a chart is drawn in a PDF, in points: 640 SVG units at 0.75 pt each, as on screen. */
export const PDF_CHART_MAX_WIDTH = 480;

const FONT = "Atkinson Hyperlegible Next, system-ui, -apple-system, 'Segoe UI', Arial, sans-serif";
const INK = COLOURS.text;
const GRID = COLOURS.border;
const PAPER = COLOURS.background;
/** A generous average advance of Atkinson Hyperlegible Next, in ems, for laying out labels. */
const CHAR_WIDTH = 0.6;
const LINE_MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
const DASHES = ['', '8 4', '2 3', '10 3 2 3', '', '8 4'];

const round = (n: number) => Math.round(n * 100) / 100;

/** How a language writes a chart's numbers (its counts and whole percentages): made once per language. */
const valueFormats = new Map<string, { plain: Intl.NumberFormat; percent: Intl.NumberFormat }>();

/** A value as a data label or axis tick: "46%", "12", in the language of the chart's words. */
export function formatValue(value: number | null, unit: ChartSpec['unit'], locale = 'en-GB'): string {
  if (value === null) return '–';
  let formats = valueFormats.get(locale);
  if (!formats) valueFormats.set(locale, (formats = { plain: new Intl.NumberFormat(locale), percent: new Intl.NumberFormat(locale, { style: 'percent' }) }));
  return unit === '%' ? formats.percent.format(value / 100) : formats.plain.format(value);
}

/** Steps an axis may take: 1, 2, 2.5 and 5 times a power of ten (whole numbers only). */
function niceSteps(upTo: number): number[] {
  const steps: number[] = [];
  for (let power = 1; power <= Math.max(10, upTo); power *= 10) for (const m of [1, 2, 2.5, 5]) if (Number.isInteger(m * power)) steps.push(m * power);
  return steps;
}

/**
 * The ticks of a value axis from 0: to `max` exactly when the axis has a given top (a score "out
 * of 36" gets 0, 6 … 36), else to the largest value rounded up to a tidy step. Always 3 to 8
 * ticks, evenly spaced by a tidy step (1, 2, 2.5 or 5 × 10ⁿ) or, for a given top that no tidy step
 * divides, by a divisor of it; the last tick is never below the data.
 */
export function axisTicks(largest: number, max?: number): number[] {
  const make = (step: number, top: number) => Array.from({ length: Math.round(top / step) + 1 }, (_, i) => round(i * step));
  const closestToSix = (steps: number[], top: number) => steps.sort((a, b) => Math.abs(top / a + 1 - 6) - Math.abs(top / b + 1 - 6) || a - b)[0];
  if (max !== undefined && max > 0 && max >= largest) {
    const fits = (step: number) => Math.abs(max / step - Math.round(max / step)) < 1e-9 && max / step + 1 >= 3 && max / step + 1 <= 8;
    const nice = niceSteps(max).filter(fits);
    if (nice.length) return make(closestToSix(nice, max)!, max);
    const divisors = Array.from({ length: Math.floor(max) }, (_, i) => i + 1).filter(fits);
    if (divisors.length) return make(closestToSix(divisors, max)!, max);
  }
  const top = Math.max(largest, max ?? 0, 0);
  for (const step of niceSteps(top)) {
    const end = Math.max(Math.ceil(top / step - 1e-9) * step, 2 * step);
    if (end / step + 1 <= 8) return make(step, end);
  }
  return [0, top];
}

/** Each series' colour, pattern and (for a rating) mark: the rating's own, or the series palette. */
function seriesLook(spec: ChartSpec, index: number): { colour: string; pattern: PatternName; mark?: string } {
  const rating = spec.series[index]!.rating;
  if (rating) {
    const style = RATING_STYLES[rating];
    return { colour: style.colour, pattern: style.pattern, mark: style.path };
  }
  return seriesStyle(spec.series.filter((s, i) => i < index && !s.rating).length);
}

const fillOf = (id: string, spec: ChartSpec, series: number) => (seriesLook(spec, series).pattern === 'solid' ? seriesLook(spec, series).colour : `url(#${id}-p${series})`);

/** Each series' fill pattern: its colour with the pattern's lines and dots drawn in white over it. */
function patternDefs(id: string, spec: ChartSpec): Element[] {
  return spec.series.flatMap((_, i) => {
    const { colour, pattern } = seriesLook(spec, i);
    if (pattern === 'solid') return [];
    const { lines, dots } = PATTERNS[pattern];
    return [
      s('pattern', { id: `${id}-p${i}`, patternUnits: 'userSpaceOnUse', width: 8, height: 8 }, [
        s('rect', { x: -1, y: -1, width: 10, height: 10, fill: colour }),
        ...(lines ? [s('path', { d: lines, stroke: PAPER, 'stroke-width': 2 })] : []),
        ...(dots ?? []).map((dot) => s('circle', { ...dot, fill: PAPER })),
      ]),
    ];
  });
}

function marker(shape: (typeof LINE_MARKERS)[number], x: number, y: number, colour: string): Element {
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

function text(x: number, y: number, value: string, size: number, options: { anchor?: 'start' | 'middle' | 'end'; bold?: boolean } = {}): Element {
  return s(
    'text',
    { x: round(x), y: round(y), 'font-family': FONT, 'font-size': size, 'font-weight': options.bold ? 'bold' : undefined, fill: INK, 'text-anchor': options.anchor ?? 'start' },
    value,
  );
}

const textWidth = (value: string, size: number) => value.length * size * CHAR_WIDTH;

/** A plotted line: a grid line or axis, or a series' line with its dash pattern. */
function line(d: string, stroke: string, width: number, options: { dash?: string; fill?: string } = {}): Element {
  return s('path', { d, fill: options.fill, stroke, 'stroke-width': width, 'stroke-dasharray': options.dash || undefined });
}

/** Splits a label into at most `lines` lines of about `chars` characters. */
function wrap(label: string, chars: number, lines = 3): string[] {
  const words = label.split(' ');
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && (current + ' ' + word).length > chars) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  if (out.length > lines) return [...out.slice(0, lines - 1), `${out.slice(lines - 1).join(' ').slice(0, chars - 1)}…`];
  return out;
}

interface Layout {
  name: ChartLayoutName;
  width: number;
  small: number;
  body: number;
  lineHeight: number;
}

/**
 * The legend, wrapped onto as many lines as the width needs: a swatch of each series' fill, the
 * rating's mark for a rating (as tables show it), and the series' name. Returns its height.
 */
function legend(spec: ChartSpec, id: string, layout: Layout, top: number): { svg: Element[]; height: number } {
  if (spec.series.length < 2 && !spec.series[0]?.rating) return { svg: [], height: 0 };
  const svg: Element[] = [];
  const rowHeight = layout.lineHeight + 6;
  let x = 0;
  let y = top + layout.body;
  spec.series.forEach((series, i) => {
    const look = seriesLook(spec, i);
    const swatchWidth = spec.kind === 'line' ? 26 : 18;
    const markWidth = look.mark ? layout.body + 4 : 0;
    const itemWidth = swatchWidth + 6 + markWidth + textWidth(series.name, layout.body) + 16;
    if (x > 0 && x + itemWidth > layout.width) {
      x = 0;
      y += rowHeight;
    }
    const mid = y - layout.body * 0.35;
    if (spec.kind === 'line') svg.push(line(`M${x} ${round(mid)} L${x + 22} ${round(mid)}`, look.colour, 2.5, { dash: DASHES[i % DASHES.length] }), marker(LINE_MARKERS[i % LINE_MARKERS.length]!, x + 11, mid, look.colour));
    else svg.push(s('rect', { x, y: round(mid - 8), width: 16, height: 16, fill: fillOf(id, spec, i), stroke: INK, 'stroke-width': 0.5 }));
    let labelX = x + swatchWidth + 6;
    if (look.mark) {
      const size = layout.body;
      svg.push(s('path', { d: look.mark, fill: look.colour, transform: `translate(${round(labelX)} ${round(mid - size / 2)}) scale(${round(size / 10)})` }));
      labelX += markWidth;
    }
    svg.push(text(labelX, y, series.name, layout.body));
    x += itemWidth;
  });
  return { svg, height: y - top + 10 };
}

/** The chart as a tree, in one layout: the PDF takes the wide one, the page both (see `chartTrees`). */
export function chartTree(spec: ChartSpec, about: ChartText, layoutName: ChartLayoutName = 'wide'): Element {
  const id = about.id.replace(/[^a-zA-Z0-9-]/g, '-');
  const layout: Layout = { name: layoutName, ...CHART_LAYOUTS[layoutName], lineHeight: Math.round(CHART_LAYOUTS[layoutName].body * 1.25) };
  const key = legend(spec, id, layout, 0);
  const draw = spec.kind === 'line' ? lines : spec.kind === 'stacked-bar' ? stackedBars : bars;
  const body = draw(spec, id, layout, key.height + (key.height ? 8 : 0));
  const { width } = layout;
  return s(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, width, height: body.height, viewBox: `0 0 ${width} ${body.height}`, class: ['app-chart', `app-chart--${layoutName}`] },
    [s('title', { id: `${id}-title` }, about.title), s('desc', { id: `${id}-desc` }, about.description), s('defs', patternDefs(id, spec)), s('rect', { width, height: body.height, fill: PAPER }), ...key.svg, ...body.svg],
  );
}

/** Both layouts for a page, their ids kept apart: the page's styles show one and hide the other. */
export function chartTrees(spec: ChartSpec, about: ChartText): Element[] {
  return [chartTree(spec, { ...about, id: `${about.id}-narrow` }, 'narrow'), chartTree(spec, about, 'wide')];
}

/** The chart as an SVG document, as svg-to-pdfkit draws it into the PDF: empty elements self-closed, as XML wants. */
export function chartSvg(spec: ChartSpec, about: ChartText, layout: ChartLayoutName = 'wide'): string {
  return toHtml(chartTree(spec, about, layout), { space: 'svg', closeEmptyElements: true, tightSelfClosing: true, allowDangerousCharacters: true, characterReferences: { useNamedReferences: true } });
}

const largestOf = (values: (number | null)[]) => Math.max(0, ...values.map((v) => v ?? 0));

/**
 * A horizontal value axis from `left` to `right`, ticks labelled under `y`, a grid line at each
 * from `top` down to `y`. Returns the scale.
 */
function horizontalAxis(spec: ChartSpec, layout: Layout, largest: number, left: number, right: number, spans: [number, number][], y: number) {
  const ticks = spec.unit === '%' ? axisTicks(largest, spec.max ?? 100) : axisTicks(largest, spec.max);
  const max = ticks[ticks.length - 1]!;
  const x = (v: number) => left + (v / max) * (right - left);
  // Grid lines run beside the bars only, never through a category label set above its bars.
  const svg = ticks.flatMap((tick, i) => [
    line(spans.map(([from, to]) => `M${round(x(tick))} ${round(from)} L${round(x(tick))} ${round(to)}`).join(' '), tick === 0 ? INK : GRID, tick === 0 ? 1.5 : 0.75),
    text(x(tick), y + layout.small + 4, formatValue(tick, spec.unit, spec.locale), layout.small, { anchor: i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle' }),
  ]);
  return { x, svg, height: layout.small + 8 };
}

/**
 * Grouped horizontal bars: each category's label, then one bar per series under it, a fixed
 * thickness each, so the chart grows with its data (one pair of bars is a small chart). Each
 * value is written at the end of its bar; the value axis runs along the bottom.
 */
function bars(spec: ChartSpec, id: string, layout: Layout, top: number) {
  const barHeight = layout.name === 'narrow' ? 20 : 22;
  // Category labels go beside the bars when the layout has room, else above them.
  const beside = layout.name === 'wide';
  const labelWidth = beside ? 200 : 0;
  const chars = Math.floor((beside ? labelWidth - 12 : layout.width) / (layout.body * CHAR_WIDTH));
  const valueRoom = textWidth(formatValue(largestOf(spec.series.flatMap((s) => s.values)), spec.unit, spec.locale), layout.small) + 10;
  const left = labelWidth;
  const right = layout.width - Math.max(valueRoom, 16);
  const parts: Element[] = [text(0, top + layout.small, spec.valueLabel, layout.small)];
  let y = top + layout.small + 10;
  const plotTop = y;
  const rows: { y: number; labels: string[] }[] = [];
  for (const category of spec.categories) {
    const labels = wrap(category, chars);
    const labelHeight = beside ? 0 : labels.length * layout.lineHeight + 2;
    const groupHeight = Math.max(spec.series.length * barHeight, beside ? labels.length * layout.lineHeight : 0);
    rows.push({ y: y + labelHeight, labels });
    y += labelHeight + groupHeight + 12;
  }
  const plotBottom = y - 6;
  const largest = largestOf(spec.series.flatMap((s) => s.values));
  const spans = rows.map(({ y: rowTop }, i): [number, number] => [rowTop - 4, i === rows.length - 1 ? plotBottom : beside ? rows[i + 1]!.y - 4 : rowTop + spec.series.length * barHeight + 4]);
  const axis = horizontalAxis(spec, layout, largest, left, right, beside ? [[plotTop, plotBottom]] : spans, plotBottom);
  parts.push(...axis.svg);
  rows.forEach(({ y: rowTop, labels }, c) => {
    labels.forEach((label, i) => parts.push(beside ? text(labelWidth - 12, rowTop + layout.body + i * layout.lineHeight, label, layout.body, { anchor: 'end' }) : text(0, rowTop - labels.length * layout.lineHeight + layout.body - 2 + i * layout.lineHeight, label, layout.body)));
    spec.series.forEach(({ values }, series) => {
      const value = values[c] ?? null;
      const barTop = rowTop + series * barHeight;
      const end = axis.x(value ?? 0);
      if (value !== null && value > 0) parts.push(s('rect', { x: round(left), y: round(barTop + 1), width: round(end - left), height: barHeight - 2, fill: fillOf(id, spec, series), stroke: INK, 'stroke-width': 0.5 }));
      parts.push(text(end + 5, barTop + barHeight / 2 + layout.small * 0.35, formatValue(value, spec.unit, spec.locale), layout.small, { bold: true }));
    });
  });
  return { svg: parts, height: plotBottom + axis.height + 4 };
}

/** Horizontal stacked bars: one row per category, segments per series, each labelled with its value. */
function stackedBars(spec: ChartSpec, id: string, layout: Layout, top: number) {
  const barHeight = 26;
  const beside = layout.name === 'wide';
  const labelWidth = beside ? 200 : 0;
  const chars = Math.floor((beside ? labelWidth - 12 : layout.width) / (layout.body * CHAR_WIDTH));
  const totals = spec.categories.map((_, c) => spec.series.reduce((sum, series) => sum + (series.values[c] ?? 0), 0));
  const left = labelWidth;
  const right = layout.width - (textWidth(formatValue(Math.max(0, ...totals), spec.unit, spec.locale), layout.small) + 10);
  const parts: Element[] = [text(0, top + layout.small, spec.valueLabel, layout.small)];
  let y = top + layout.small + 10;
  const plotTop = y;
  const rows: { y: number; labels: string[] }[] = [];
  for (const category of spec.categories) {
    const labels = wrap(category, chars);
    const labelHeight = beside ? 0 : labels.length * layout.lineHeight + 2;
    rows.push({ y: y + labelHeight, labels });
    y += labelHeight + Math.max(barHeight, beside ? labels.length * layout.lineHeight : 0) + 10;
  }
  const plotBottom = y - 5;
  const spans = rows.map(({ y: rowTop }, i): [number, number] => [rowTop - 4, i === rows.length - 1 ? plotBottom : rowTop + barHeight + 4]);
  const axis = horizontalAxis(spec, layout, Math.max(0, ...totals), left, right, beside ? [[plotTop, plotBottom]] : spans, plotBottom);
  parts.push(...axis.svg);
  rows.forEach(({ y: rowTop, labels }, c) => {
    const middle = rowTop + Math.max(0, barHeight - labels.length * layout.lineHeight) / 2;
    labels.forEach((label, i) => parts.push(beside ? text(labelWidth - 12, middle + layout.body * 0.9 + i * layout.lineHeight, label, layout.body, { anchor: 'end' }) : text(0, rowTop - labels.length * layout.lineHeight + layout.body - 2 + i * layout.lineHeight, label, layout.body)));
    let sum = 0;
    spec.series.forEach(({ values }, series) => {
      const value = values[c] ?? 0;
      if (value <= 0) return;
      const from = axis.x(sum);
      const to = axis.x(sum + value);
      parts.push(s('rect', { x: round(from), y: rowTop, width: round(to - from), height: barHeight, fill: fillOf(id, spec, series), stroke: PAPER, 'stroke-width': 1 }));
      // The value sits in a white label on its segment, readable over any pattern; a segment too
      // narrow for it leaves the value to the data table.
      const label = formatValue(value, spec.unit, spec.locale);
      const labelWidth = textWidth(label, layout.small) + 6;
      if (to - from >= labelWidth + 2) {
        parts.push(s('rect', { x: round((from + to) / 2 - labelWidth / 2), y: rowTop + 4, width: round(labelWidth), height: barHeight - 8, rx: 3, fill: PAPER }));
        parts.push(text((from + to) / 2, rowTop + barHeight / 2 + layout.small * 0.35, label, layout.small, { anchor: 'middle', bold: true }));
      }
      sum += value;
    });
    parts.push(text(axis.x(sum) + 5, rowTop + barHeight / 2 + layout.small * 0.35, formatValue(totals[c]!, spec.unit, spec.locale), layout.small));
  });
  return { svg: parts, height: plotBottom + axis.height + 4 };
}

/** Lines: one per series, each with its own dash and marker shape, every point labelled. */
function lines(spec: ChartSpec, _id: string, layout: Layout, top: number) {
  const ticks = spec.unit === '%' ? axisTicks(largestOf(spec.series.flatMap((s) => s.values)), spec.max ?? 100) : axisTicks(largestOf(spec.series.flatMap((s) => s.values)), spec.max);
  const max = ticks[ticks.length - 1]!;
  const plotTop = top + layout.small + 24;
  const plotHeight = layout.name === 'narrow' ? 180 : 220;
  const bottom = plotTop + plotHeight;
  const y = (v: number) => bottom - (v / max) * plotHeight;
  const left = textWidth(formatValue(max, spec.unit, spec.locale), layout.small) + 10;
  const right = layout.width - 20;
  const count = spec.categories.length;
  const x = (c: number) => (count > 1 ? left + 20 + (c * (right - left - 40)) / (count - 1) : (left + right) / 2);
  const parts: Element[] = [text(0, top + layout.small, spec.valueLabel, layout.small)];
  for (const tick of ticks) parts.push(line(`M${left} ${round(y(tick))} L${right} ${round(y(tick))}`, tick === 0 ? INK : GRID, tick === 0 ? 1.5 : 0.75), text(left - 6, y(tick) + layout.small * 0.35, formatValue(tick, spec.unit, spec.locale), layout.small, { anchor: 'end' }));
  const chars = Math.max(4, Math.floor((right - left) / Math.max(1, count) / (layout.small * CHAR_WIDTH)));
  let labelLines = 0;
  spec.categories.forEach((category, c) => {
    const labels = wrap(category, chars);
    labelLines = Math.max(labelLines, labels.length);
    labels.forEach((label, i) => parts.push(text(x(c), bottom + layout.small + 6 + i * layout.lineHeight, label, layout.small, { anchor: 'middle' })));
  });
  spec.series.forEach(({ values }, series) => {
    const { colour } = seriesLook(spec, series);
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
      parts.push(marker(LINE_MARKERS[series % LINE_MARKERS.length]!, p.x, p.y, colour));
      // Alternate series label above and below their points, so labels of close values do not collide.
      parts.push(text(p.x, series % 2 === 0 ? p.y - 10 : p.y + 10 + layout.small, formatValue(p.v, spec.unit, spec.locale), layout.small, { anchor: 'middle', bold: true }));
    });
  });
  return { svg: parts, height: bottom + layout.small + 10 + labelLines * layout.lineHeight };
}
