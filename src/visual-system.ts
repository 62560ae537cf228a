/**
 * The one visual system of every output, as data: the pages' Sass, both PDF writers and the charts
 * read their colours, rating marks, type sizes and spacing from here, so a rating looks the same in
 * every table, chart, page and PDF. Contrast is measured by tests/project/visual-system.test.ts:
 * text colours at least 4.5:1 on white, graphics colours at least 3:1.
 */

/** Colours of text and furniture (GOV.UK's palette, which the pages' design system already uses). */
export const COLOURS = {
  /** Body text and headings. */
  text: '#0b0c0c',
  /** Secondary text: captions, hints, "PDF, 34 pages". */
  secondaryText: '#484949',
  link: '#1a65a6',
  /** Links where text must reach 7:1 (easy-read documents). */
  strongLink: '#003078',
  linkVisited: '#54319f',
  /** Lines that only separate (table rules, dividers): never the only cue for anything. */
  border: '#cecece',
  /** Lines that mean something (axes, the rule under a table's head, form boxes). */
  strongBorder: '#0b0c0c',
  /** The brand band at the top of pages and PDF covers. */
  brand: '#1d70b8',
  /** A light background for table heads, asides and summaries. */
  lightBackground: '#f3f2f1',
  background: '#ffffff',
  focus: '#ffdd00',
  /** Warnings (the draft watermark, error summaries). */
  error: '#ca3535',
} as const;

export type RatingMark = 'star' | 'circle' | 'triangle' | 'square' | 'dash';

export interface RatingStyle {
  /** The shape, as SVG path data on a 0–10 box: pages draw it inline, PDFs as a vector path. */
  path: string;
  /** At least 3:1 against white as a graphic, and 4.5:1 so a word in it would still be readable. */
  colour: string;
  /** A pale tint of the colour, for a cell or bar background behind text in `COLOURS.text`. */
  tint: string;
  /** A fill pattern for areas (bars, segments) so ratings differ without colour: see `PATTERNS`. */
  pattern: PatternName;
}

/**
 * Each rating's mark, highest first: a four-point scale's Outstanding, Good, Requires improvement
 * and Inadequate, then `dash` for Not rated. The word always goes with the mark (the framework
 * names the ratings); the shape is the second cue and colour only the third.
 */
export const RATING_MARKS: readonly RatingMark[] = ['star', 'circle', 'triangle', 'square'];

export const RATING_STYLES: Record<RatingMark, RatingStyle> = {
  star: { path: 'M5 0.3 L6.2 3.6 L9.8 3.7 L7 5.9 L8 9.4 L5 7.3 L2 9.4 L3 5.9 L0.2 3.7 L3.8 3.6 Z', colour: '#00703c', tint: '#cce2d8', pattern: 'solid' },
  circle: { path: 'M5 0.8 A4.2 4.2 0 1 1 4.99 0.8 Z', colour: '#1d70b8', tint: '#d2e2f1', pattern: 'dots' },
  triangle: { path: 'M5 0.6 L9.6 9.2 L0.4 9.2 Z', colour: '#a14a00', tint: '#f6d7bf', pattern: 'diagonal' },
  square: { path: 'M1 1 L9 1 L9 9 L1 9 Z', colour: '#c3311c', tint: '#f6d7d2', pattern: 'cross' },
  dash: { path: 'M1 4 L9 4 L9 6 L1 6 Z', colour: '#505a5f', tint: '#e5e6e7', pattern: 'horizontal' },
};

/** The mark of the rating `fromTop` steps below the top of its scale (0 = the highest). */
export function ratingMarkFromTop(fromTop: number): RatingMark {
  return RATING_MARKS[Math.min(Math.max(0, fromTop), RATING_MARKS.length - 1)]!;
}

export type PatternName = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical';

/**
 * Patterns drawn in white over a fill, on an 8 × 8 tile: SVG path data (lines are stroked 2 wide,
 * dots are filled). The same data feeds the SVG `<pattern>` and the PDF's drawing.
 */
export const PATTERNS: Record<PatternName, { lines?: string; dots?: { cx: number; cy: number; r: number }[] }> = {
  solid: {},
  diagonal: { lines: 'M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6' },
  dots: { dots: [{ cx: 2, cy: 2, r: 1.3 }, { cx: 6, cy: 6, r: 1.3 }] },
  cross: { lines: 'M0 0 L8 8 M8 0 L0 8' },
  horizontal: { lines: 'M0 4 L8 4' },
  vertical: { lines: 'M4 0 L4 8' },
};

/**
 * Series that are not ratings (years, kinds of case): colours of their own, none of them a rating's
 * colour, each paired with a pattern, so a chart of years never looks like a chart of ratings.
 */
export const SERIES_STYLES: readonly { colour: string; pattern: PatternName }[] = [
  { colour: '#12436d', pattern: 'solid' },
  { colour: '#801650', pattern: 'diagonal' },
  { colour: '#1f7a72', pattern: 'dots' },
  { colour: '#3d3d3d', pattern: 'cross' },
  { colour: '#6a4ca0', pattern: 'horizontal' },
  { colour: '#7a5200', pattern: 'vertical' },
];

export const seriesStyle = (index: number) => SERIES_STYLES[index % SERIES_STYLES.length]!;

/**
 * Type sizes: CSS px on the pages, pt in the PDFs. The pages follow GOV.UK's scale (19 px body);
 * the PDFs are set for A4 paper. Nothing is ever set below `smallest`.
 */
export const TYPE = {
  web: { smallest: 14, small: 16, body: 19, h3: 19, h2: 24, h1: 36, chartMinimum: 12 },
  pdf: { smallest: 8, small: 9, body: 11, h3: 12, h2: 15, h1: 22, chartMinimum: 8 },
  easyReadPdf: { smallest: 12, body: 16, h2: 22, h1: 28 },
} as const;

/** Spacing steps: px on the pages (GOV.UK's scale), pt in the PDFs. */
export const SPACING = {
  web: [0, 5, 10, 15, 20, 25, 30, 40, 50, 60],
  pdf: [0, 3, 6, 9, 12, 15, 18, 24, 30, 36],
} as const;

/** WCAG 2.2's contrast ratio between two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
