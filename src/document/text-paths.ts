/**
 * Words drawn as outlines of the PDFs' own font (Atkinson Hyperlegible Next), for pictures the tool
 * makes as SVG (the rating scale): rasterised by sharp, text in an SVG would be drawn in whatever
 * font the machine has, so the same content could give different pictures on different machines.
 */
import { createRequire } from 'node:module';
import { FONT_FILES } from '../fonts.ts';

interface Glyph {
  path: { toSVG(): string };
}
interface Font {
  unitsPerEm: number;
  capHeight: number;
  layout(text: string): { glyphs: Glyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[]; advanceWidth: number };
}

const require = createRequire(import.meta.url);
const faces = new Map<'regular' | 'bold', Font>();

function face(weight: 'regular' | 'bold'): Font {
  let font = faces.get(weight);
  if (!font) faces.set(weight, (font = (require('fontkit') as { openSync(path: string): Font }).openSync(FONT_FILES[weight])));
  return font;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** How wide `text` is at `size` user units. */
export function textWidth(text: string, weight: 'regular' | 'bold', size: number): number {
  const font = face(weight);
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
}

/** The height of a capital letter at `size`, for centring a line on something. */
export function capHeight(weight: 'regular' | 'bold', size: number): number {
  const font = face(weight);
  return (font.capHeight * size) / font.unitsPerEm;
}

/** Words at `size` units with their baseline's left end at (x, baseline), as one SVG group of glyph outlines. */
export function textPathsSvg(text: string, weight: 'regular' | 'bold', size: number, x: number, baseline: number, colour: string): string {
  const font = face(weight);
  const run = font.layout(text);
  const scale = size / font.unitsPerEm;
  const parts: string[] = [];
  let pen = 0;
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index]!;
    const d = glyph.path.toSVG();
    if (d) parts.push(`<path transform="translate(${round(pen + position.xOffset)} ${round(position.yOffset)})" d="${d}"/>`);
    pen += position.xAdvance;
  });
  // Font units go up from the baseline; SVG's go down.
  return `<g transform="translate(${round(x)} ${round(baseline)}) scale(${round(scale * 10000) / 10000} ${-round(scale * 10000) / 10000})" fill="${colour}">${parts.join('')}</g>`;
}
