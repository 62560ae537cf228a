/**
 * The pictures' pass after loading: each picture file a content file names is decoded by sharp
 * exactly as the renderers will decode it, so a damaged file or one over the pixel limit is an
 * error at the line that names it, and the build never meets one. Async, as sharp is; loadProject
 * stays synchronous and collects the pictures (ContentReader.pictures) for this pass.
 */
import sharp from 'sharp';
import type { DiagnosticList } from '../diagnostics.ts';
import type { Position } from '../../model/position.ts';
import { openPicture, PICTURE_LIMITS } from '../../document/images.ts';

/** A picture file named by a content file, already found inside content/ and of an allowed format. */
export interface PictureUse {
  /** The content file that names it, project-relative, and where; the rule its problems are reported under. */
  file: string;
  rule: string;
  at: Position | undefined;
  /** The path as written. */
  url: string;
  /** The picture file, and the square it is drawn in (easy-read pictures). */
  source: string;
  square?: number;
}

const megapixels = (pixels: number) => `${(pixels / 1_000_000).toFixed(1).replace(/\.0$/, '')} megapixels`;

/** What is wrong when sharp decodes the picture, or undefined. */
async function decodeProblem(use: PictureUse): Promise<{ message: string; hint: string } | undefined> {
  try {
    // The header only: metadata never decodes pixels, so it reads a huge picture's size without the limit.
    const { width = 0, height = 0 } = await sharp(use.source, { limitInputPixels: false }).metadata();
    if (width * height > PICTURE_LIMITS.pixels) {
      return {
        message: `the picture "${use.url}" is ${width} × ${height} pixels (${megapixels(width * height)}), more than the ${megapixels(PICTURE_LIMITS.pixels)} a picture may have`,
        hint: 'save it at a smaller size: 1600 pixels wide is enough for the page and the PDF',
      };
    }
    // Every pixel decoded, as the renderers will: a file damaged after its header fails here.
    await (await openPicture(use)).stats();
    return undefined;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return { message: `the picture "${use.url}" cannot be read: the file is damaged or not a complete picture (${reason})`, hint: 'open it in a picture editor and save it again as PNG (a photograph as JPEG, a diagram as SVG)' };
  }
}

/** Decodes every picture once (one at a time, to keep memory low) and reports each problem at every place it is named. */
export async function checkPictureDecoding(uses: readonly PictureUse[], diagnostics: DiagnosticList): Promise<void> {
  const results = new Map<string, Promise<{ message: string; hint: string } | undefined>>();
  for (const use of uses) {
    const key = `${use.source}#${use.square ?? ''}`;
    if (!results.has(key)) results.set(key, decodeProblem(use));
    const problem = await results.get(key)!;
    if (problem) diagnostics.error(use.file, use.at, use.rule, problem.message, problem.hint);
  }
}
