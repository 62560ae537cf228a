/**
 * The rating symbols as plain shape data, from the one visual system (`src/visual-system.ts`), so
 * the page (inline SVG) and the PDF (vector path) draw the same shapes in the same colours. The
 * word always accompanies the shape; colour is a third, redundant cue.
 */
import { RATING_STYLES, type RatingMark } from '../visual-system.ts';

export const ratingSymbolPaths: Record<RatingMark, { path: string; filled: boolean; colour: string }> = Object.fromEntries(
  Object.entries(RATING_STYLES).map(([mark, style]) => [mark, { path: style.path, filled: true, colour: style.colour }]),
) as Record<RatingMark, { path: string; filled: boolean; colour: string }>;
