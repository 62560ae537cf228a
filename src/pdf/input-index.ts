/**
 * The PDF cache's index by inputs: for a hash of the files a document is made from, the cache key
 * its document model had last time. A rebuild whose inputs hash is known finds the PDF without
 * making the document model at all, so editing one inspection of a thousand makes one report's
 * model and PDF, not a thousand models to hash.
 *
 * The inputs hash is the caller's (src/site/pdf-inputs.ts says which files feed a report). The
 * pictures are checked here as well, whatever folder they are in: each entry lists the picture
 * files the document used with their hashes, and an entry whose pictures changed is not used.
 * Entries live in `.cache/pdf/inputs/<hash>.json` and are written, like the cache's own entries,
 * under a temporary name and renamed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImageRef } from '../document/blocks.ts';
import { pictureHash, picturePathOf, storedImage, storedPicturePath } from './cache.ts';

/** Pictures' files are stored relative to the project (storedPicturePath), so a moved project's index still fits it. */
interface InputEntry {
  key: string;
  pictures: [source: string, hash: string][];
  /** The document's picture list, so the pages that publish the pictures need no model either. */
  images: ImageRef[];
}

const resolved = (image: ImageRef): ImageRef => (image.svg === undefined ? { ...image, source: picturePathOf(image.source) } : image);

export type KnownInputs = Pick<InputEntry, 'key' | 'images'>;

const entryFile = (dir: string, inputs: string) => path.join(dir, 'inputs', `${inputs}.json`);

/** The cache key stored for these inputs, when its PDF is in the cache and its pictures are unchanged. */
export function keyForInputs(inputs: string, dir: string): KnownInputs | undefined {
  try {
    const entry = JSON.parse(fs.readFileSync(entryFile(dir, inputs), 'utf8')) as InputEntry;
    if (!fs.existsSync(path.join(dir, `${entry.key}.json`))) return undefined;
    if (entry.pictures.some(([source, hash]) => pictureHash(picturePathOf(source)) !== hash)) return undefined;
    return { key: entry.key, images: entry.images.map(resolved) };
  } catch {
    return undefined;
  }
}

/** Stores which cache key a document made from these inputs had, and its pictures. */
export function rememberInputs(inputs: string, key: string, images: ImageRef[], dir: string): void {
  try {
    const file = entryFile(dir, inputs);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const entry: InputEntry = { key, images: images.map(storedImage), pictures: images.filter((image) => image.svg === undefined).map((image) => [storedPicturePath(image.source), pictureHash(image.source)]) };
    const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(temporary, JSON.stringify(entry));
    fs.renameSync(temporary, file);
  } catch {
    // An index that cannot be written only costs time: the model is made and hashed next time.
  }
}
