/**
 * The rating symbols as plain shape data (SVG path data on a 0–10 box), so the page (inline SVG)
 * and the PDF (vector path) draw the same shapes. The word always accompanies the shape; colour
 * is a third, redundant cue, each at least 4.5:1 against white.
 */
import type { RatingSymbol } from './blocks.ts';

export const ratingSymbolPaths: Record<RatingSymbol, { path: string; filled: boolean; colour: string }> = {
  // Five-pointed star.
  star: { path: 'M5 0.3 L6.2 3.6 L9.8 3.7 L7 5.9 L8 9.4 L5 7.3 L2 9.4 L3 5.9 L0.2 3.7 L3.8 3.6 Z', filled: true, colour: '#00703c' },
  circle: { path: 'M5 0.8 A4.2 4.2 0 1 1 4.99 0.8 Z', filled: true, colour: '#1d70b8' },
  triangle: { path: 'M5 0.6 L9.6 9.2 L0.4 9.2 Z', filled: true, colour: '#a14a00' },
  square: { path: 'M1 1 L9 1 L9 9 L1 9 Z', filled: true, colour: '#d4351c' },
  dash: { path: 'M1 4 L9 4 L9 6 L1 6 Z', filled: true, colour: '#505a5f' },
};
