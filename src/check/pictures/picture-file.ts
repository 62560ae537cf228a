/**
 * What a picture file must be, whoever names it (report.mdx, an annual report, easy-read.mdx):
 * one of the formats both outputs draw, really that format whatever its name says, no bigger than
 * the size limit, and, for an SVG, a plain drawing (svg-rule.ts). Decoding it, and its pixel
 * limit, come after loading, in decode.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PICTURE_LIMITS } from '../../document/images.ts';
import { formatName, pictureFormat } from '../rules/narrative/picture-format.ts';
import { svgProblem } from './svg-rule.ts';

/** Picture formats both outputs can draw (sharp normalises them to PNG or JPEG). */
export const PICTURE_FORMATS = ['png', 'jpg', 'jpeg', 'webp', 'svg'] as const;

const SAVE_AGAIN = 'save the picture again as PNG (a photograph as JPEG, a diagram as SVG)';
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The problem with a picture file's name or contents (first found), or undefined when it can be published. */
export function pictureFileContentProblem(url: string, absolute: string): { message: string; hint: string } | undefined {
  const extension = path.extname(url).slice(1).toLowerCase();
  if (!(PICTURE_FORMATS as readonly string[]).includes(extension)) {
    return {
      message: `the picture "${url}" is ${extension ? `a .${extension} file` : 'a file without an extension'}: reports show PNG, JPEG, WebP and SVG pictures (.${PICTURE_FORMATS.join(', .')})`,
      hint: 'save it as PNG (a photograph as JPEG, a diagram as SVG) and change the path',
    };
  }
  const { size } = fs.statSync(absolute);
  if (size > PICTURE_LIMITS.bytes) {
    return { message: `the picture "${url}" is ${megabytes(size)}, more than the ${megabytes(PICTURE_LIMITS.bytes)} a picture may be`, hint: 'make it smaller: save a photograph as JPEG, or at a smaller size (1600 pixels wide is enough)' };
  }
  const found = pictureFormat(absolute);
  const expected = extension === 'jpeg' ? 'jpg' : extension;
  if (found !== expected) {
    const usable = found !== undefined && (PICTURE_FORMATS as readonly string[]).includes(found);
    return {
      message: `the file "${url}" is named .${extension} but is ${found ? `${formatName(found)} picture` : `not ${formatName(expected)} picture`}`,
      hint: usable ? `rename it to end in .${found}, and change the path` : SAVE_AGAIN,
    };
  }
  if (found === 'svg') {
    const unsafe = svgProblem(fs.readFileSync(absolute, 'utf8'));
    if (unsafe) return { message: `the SVG picture "${url}" cannot be published: ${unsafe}`, hint: 'export the drawing again as a plain SVG (in Inkscape, "Plain SVG"; elsewhere, without scripts, links or embedded content), or as PNG' };
  }
  return undefined;
}
