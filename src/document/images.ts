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
  let result = cache.get(image.source);
  if (!result) {
    result = normalise(image.source, /\.jpe?g$/i.test(image.name) ? 'jpeg' : 'png');
    // A failure is not remembered, so a fixed file is read again in the dev server.
    result.catch(() => cache.delete(image.source));
    cache.set(image.source, result);
  }
  return result;
}

async function normalise(source: string, format: 'png' | 'jpeg'): Promise<NormalisedImage> {
  // autoOrient applies the EXIF orientation before the metadata that carries it is dropped.
  // SVG drawings are rasterised at twice their size so their lines stay sharp in print.
  let pipeline = sharp(source, { density: source.endsWith('.svg') ? 144 : 72 }).autoOrient().resize({ width: MAX_WIDTH, withoutEnlargement: true }).toColourspace('srgb');
  // Pictures sit on white in both outputs; without an alpha channel pdfkit embeds a PNG as it is, instead of decoding it.
  pipeline = pipeline.flatten({ background: '#ffffff' });
  pipeline = format === 'jpeg' ? pipeline.jpeg({ quality: 82, mozjpeg: false }) : pipeline.png({ compressionLevel: 9 });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, format };
}
