/**
 * Pictures from the content folder, normalised once for both outputs: the page serves these bytes
 * and the PDF embeds them, so both show the same picture at the same proportions. No Astro here.
 */
import sharp from 'sharp';
import type { ImageRef } from './blocks.ts';

export interface NormalisedImage {
  data: Buffer;
  width: number;
  height: number;
  format: 'png' | 'jpeg';
}

/** Wide enough for a full-width figure on a large screen and sharp on an A4 page. */
const MAX_WIDTH = 1600;

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
  const source = image.source;
  // autoOrient applies the EXIF orientation before the metadata that carries it is dropped.
  const isSvg = image.svg !== undefined || source.endsWith('.svg');
  // SVG drawings are rasterised at twice their size (or to fill their square) so lines stay sharp in print.
  const input = image.svg !== undefined ? Buffer.from(image.svg) : source;
  let pipeline = sharp(input, { density: isSvg ? (image.square ? image.square : 144) : 72 }).autoOrient();
  pipeline = image.square
    ? pipeline.resize({ width: image.square, height: image.square, fit: 'contain', background: '#ffffff' })
    : pipeline.resize({ width: MAX_WIDTH, withoutEnlargement: true });
  pipeline = pipeline.toColourspace('srgb');
  // Pictures sit on white in both outputs; without an alpha channel pdfkit embeds a PNG as it is, instead of decoding it.
  pipeline = pipeline.flatten({ background: '#ffffff' });
  pipeline = format === 'jpeg' ? pipeline.jpeg({ quality: 82, mozjpeg: false }) : pipeline.png({ compressionLevel: 9 });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, format };
}
