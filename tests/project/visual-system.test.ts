import { describe, expect, it } from 'vitest';
import { COLOURS, contrastRatio, PATTERNS, RATING_STYLES, SERIES_STYLES } from '../../src/visual-system.ts';

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
});
