/** The format a picture file really has, from its first bytes, whatever its name says. */
import fs from 'node:fs';

export function pictureFormat(absolute: string): string | undefined {
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(absolute, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const bytes = head.subarray(0, read);
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (/^GIF8[79]a/.test(bytes.subarray(0, 6).toString('latin1'))) return 'gif';
  if (bytes.subarray(0, 2).toString('latin1') === 'BM') return 'bmp';
  if (['II*\0', 'MM\0*'].includes(bytes.subarray(0, 4).toString('latin1'))) return 'tiff';
  if (/^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)?<svg[\s>]/i.test(bytes.toString('utf8'))) return 'svg';
  return undefined;
}

/** "a PNG", "an SVG": a format's name in a sentence. */
export const formatName = (format: string) => ({ png: 'a PNG', jpg: 'a JPEG', webp: 'a WebP', svg: 'an SVG', gif: 'a GIF', bmp: 'a BMP', tiff: 'a TIFF' })[format] ?? `a ${format.toUpperCase()}`;
