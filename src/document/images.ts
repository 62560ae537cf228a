/**
 * Pictures from the content folder, normalised once for both outputs: the page serves these bytes
 * and the PDF embeds them, so both show the same picture at the same proportions. No Astro here.
 */
import fs from 'node:fs';
import sharp, { type Sharp } from 'sharp';
import { COLOURS, TYPE } from '../visual-system.ts';
import type { ImageRef } from './blocks.ts';

export interface NormalisedImage {
  data: Buffer;
  width: number;
  height: number;
  format: 'png' | 'jpeg';
  /**
   * An author's SVG drawing as well as its raster: the PDF draws it as vectors, in its own fonts'
   * place the PDF's embedded ones; the page sets it no narrower than `minWidth` CSS px, so its
   * smallest text (`smallestText`, in its own units) is never drawn under 12 px.
   */
  vector?: { svg: string; width: number; height: number; smallestText?: number; minWidth?: number };
}

/** Wide enough for a full-width figure on a large screen and sharp on an A4 page. */
const MAX_WIDTH = 1600;

/**
 * What a picture may be (README, "Pictures"): a 20 MB file is far more than any figure needs, and
 * 40 megapixels (such as 8000 × 5000) is more than any camera a team uses; beyond these a picture
 * would take the build's time and memory. `npm run check` enforces both, and sharp refuses to
 * decode more pixels than this even if a picture somehow reached the renderers unchecked.
 */
export const PICTURE_LIMITS = { bytes: 20 * 1024 * 1024, pixels: 40_000_000 } as const;

type PictureInput = Pick<ImageRef, 'source' | 'svg' | 'square'>;

/**
 * The picture opened as the renderers decode it (`npm run check` decodes it the same way first).
 * SVG drawings are rasterised at twice their size (or twice their square) so lines stay sharp in
 * print, at a lower density when that would go over the pixel limit.
 */
export async function openPicture(image: PictureInput): Promise<Sharp> {
  const input = image.svg !== undefined ? Buffer.from(image.svg) : image.source;
  const options = { limitInputPixels: PICTURE_LIMITS.pixels };
  if (image.svg === undefined && !image.source.endsWith('.svg')) return sharp(input, { ...options, density: 72 });
  const { width = 1, height = 1 } = await sharp(input, options).metadata();
  // A square picture is drawn 1.5 times the square along its longer side, whatever size the SVG says, so its drawing is still as large as the square once its padding is trimmed.
  const wanted = image.square ? (72 * 1.5 * image.square) / Math.max(width, height) : 144;
  const density = Math.min(wanted, 72 * Math.sqrt(PICTURE_LIMITS.pixels / (width * height)));
  return sharp(input, { ...options, density });
}

/** The even margin left around a square picture once its own padding is trimmed, as a share of the side. */
export const SQUARE_MARGIN = 0.04;

/**
 * A picture fitted into its square as large as it can be: OpenMoji's SVGs (and many authors')
 * carry a wide empty border, which would leave a small drawing in a big box, so the border is
 * trimmed first (transparent or the corner's colour), then the drawing is fitted with a small even
 * margin on all sides.
 */
async function fillSquare(pipeline: Sharp, square: number): Promise<Sharp> {
  const inner = Math.round(square * (1 - 2 * SQUARE_MARGIN));
  const margin = Math.floor((square - inner) / 2);
  const white = COLOURS.background;
  // Trimmed, fitted and put on white in one pass, given its margin in a second: within one pass sharp would flatten before it extends.
  const { data, info } = await pipeline.trim({ threshold: 10 }).resize({ width: inner, height: inner, fit: 'contain', background: white }).flatten({ background: white }).raw().toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).extend({
    top: margin,
    bottom: square - inner - margin,
    left: margin,
    right: square - inner - margin,
    background: white,
  });
}

const cache = new Map<string, Promise<NormalisedImage>>();

/** At most 1600 px wide (never enlarged), sRGB, turned upright, metadata stripped; memoised per source file. */
export async function normaliseImage(image: ImageRef): Promise<NormalisedImage> {
  const key = `${image.source}#${image.square ?? ''}`;
  let result = cache.get(key);
  if (!result) {
    result = normalise(image, /\.jpe?g$/i.test(image.name) ? 'jpeg' : 'png');
    // A failure is not remembered, so a fixed file is read again in the dev server.
    result.catch(() => cache.delete(key));
    cache.set(key, result);
  }
  return result;
}

async function normalise(image: ImageRef, format: 'png' | 'jpeg'): Promise<NormalisedImage> {
  // autoOrient applies the EXIF orientation before the metadata that carries it is dropped.
  let pipeline = (await openPicture(image)).autoOrient();
  pipeline = image.square ? await fillSquare(pipeline, image.square) : pipeline.resize({ width: MAX_WIDTH, withoutEnlargement: true });
  pipeline = pipeline.toColourspace('srgb');
  // Pictures sit on white in both outputs; without an alpha channel pdfkit embeds a PNG as it is, instead of decoding it.
  pipeline = pipeline.flatten({ background: COLOURS.background });
  pipeline = format === 'jpeg' ? pipeline.jpeg({ quality: 82, mozjpeg: false }) : pipeline.png({ compressionLevel: 9 });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  // An author's drawing (not a square pictogram) is also kept as vectors, for the PDF and the page's minimum width.
  const vector = image.svg === undefined && image.square === undefined && /\.svg$/i.test(image.source) ? await vectorOf(image.source) : undefined;
  return { data, width: info.width, height: info.height, format, ...(vector ? { vector } : {}) };
}

/** The smallest text a picture may be drawn at on a page, in CSS px (the visual system's minimum for charts). */
const SMALLEST_TEXT_PX = TYPE.web.chartMinimum;

async function vectorOf(source: string): Promise<NormalisedImage['vector']> {
  const svg = await fs.promises.readFile(source, 'utf8');
  const { width = 1, height = 1 } = await sharp(Buffer.from(svg), { limitInputPixels: PICTURE_LIMITS.pixels }).metadata();
  // Font sizes in attributes or styles, in the drawing's own units (px or unitless).
  const sizes = [...svg.matchAll(/font-size\s*[:=]\s*["']?\s*(\d+(?:\.\d+)?)(?:px)?\b/g)].map((m) => Number(m[1])).filter((n) => n > 0);
  const smallestText = sizes.length ? Math.min(...sizes) : undefined;
  const minWidth = smallestText ? Math.ceil((width * SMALLEST_TEXT_PX) / smallestText) : undefined;
  return { svg, width, height, ...(smallestText ? { smallestText } : {}), ...(minWidth ? { minWidth } : {}) };
}
