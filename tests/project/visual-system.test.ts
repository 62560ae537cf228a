import { describe, expect, it } from 'vitest';
import { COLOURS, contrastRatio, PATTERNS, RATING_MARKS, RATING_STYLES, ratingMarkFromTop, SERIES_STYLES, SPACING, TYPE } from '../../src/visual-system.ts';

describe('the visual system', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('gives text colours at least 4.5:1 on white and on the light background', () => {
    for (const name of ['text', 'secondaryText', 'link', 'linkVisited', 'error'] as const) {
      expect(contrastRatio(COLOURS[name], COLOURS.background), name).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(COLOURS[name], COLOURS.lightBackground), name).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(COLOURS.text, COLOURS.focus)).toBeGreaterThanOrEqual(4.5);
    // Easy-read documents ask 7:1 of their text and links.
    for (const name of ['text', 'strongLink'] as const) expect(contrastRatio(COLOURS[name], COLOURS.background), name).toBeGreaterThanOrEqual(7);
  });

  it('gives every rating a colour of at least 4.5:1, a tint text can sit on, and a shape and pattern of its own', () => {
    const styles = Object.values(RATING_STYLES);
    for (const style of styles) {
      expect(contrastRatio(style.colour, COLOURS.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(COLOURS.text, style.tint)).toBeGreaterThanOrEqual(4.5);
      expect(PATTERNS[style.pattern]).toBeDefined();
    }
    expect(new Set(styles.map((s) => s.path)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.pattern)).size).toBe(styles.length);
  });

  it('keeps series colours apart from rating colours, each at least 3:1 with a pattern of its own', () => {
    const ratingColours = new Set(Object.values(RATING_STYLES).map((s) => s.colour));
    for (const series of SERIES_STYLES) {
      expect(ratingColours.has(series.colour)).toBe(false);
      expect(contrastRatio(series.colour, COLOURS.background)).toBeGreaterThanOrEqual(3);
      // White pattern lines must show on the fill too.
      expect(contrastRatio(series.colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(SERIES_STYLES.map((s) => s.pattern)).size).toBe(SERIES_STYLES.length);
  });

  it('never sets type below its smallest size, and charts never below 12 px on pages nor 8 pt in PDFs', () => {
    for (const [medium, sizes] of Object.entries(TYPE)) {
      for (const [name, size] of Object.entries(sizes)) if (name !== 'chartMinimum') expect(size, `${medium}.${name}`).toBeGreaterThanOrEqual(sizes.smallest);
    }
    expect(TYPE.web.chartMinimum).toBeGreaterThanOrEqual(12);
    expect(TYPE.pdf.chartMinimum).toBeGreaterThanOrEqual(8);
    // Headings grow with their level.
    for (const sizes of [TYPE.web, TYPE.pdf]) expect(sizes.h1).toBeGreaterThan(sizes.h2);
  });

  it('spaces in steps that only grow, and gives ratings their marks from the top of the scale', () => {
    for (const steps of Object.values(SPACING)) for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThan(steps[i - 1]!);
    expect(RATING_MARKS.map((_, i) => ratingMarkFromTop(i))).toEqual(RATING_MARKS);
    expect(ratingMarkFromTop(9)).toBe(RATING_MARKS[RATING_MARKS.length - 1]);
  });
});
