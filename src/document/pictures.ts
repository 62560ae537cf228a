/**
 * Easy-read pictures by name. "openmoji:<name>" names an OpenMoji pictogram (CC BY-SA 4.0) by its
 * annotation written with hyphens ("openmoji:woman-office-worker", "openmoji:keycap-1"); any other
 * address is a file of the author's, relative to the easy-read file.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const openmojiFolder = path.dirname(require.resolve('openmoji/package.json'));

/** The credit OpenMoji's licence asks for, printed wherever its pictures are used. */
export const OPENMOJI_CREDIT = 'Pictures from OpenMoji, the open-source emoji and icon project, used under the licence CC BY-SA 4.0 (openmoji.org).';

let names: Map<string, string> | undefined;

export function openmojiNames(): Map<string, string> {
  if (!names) {
    names = new Map();
    const data = require('openmoji/data/openmoji.json') as { hexcode: string; annotation: string }[];
    for (const entry of data) {
      const name = entry.annotation.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      if (name && !names.has(name)) names.set(name, entry.hexcode);
    }
  }
  return names;
}

export type PictureSource = { kind: 'openmoji'; name: string; file: string } | { kind: 'file'; file: string };

/** Where a picture's file is, or undefined when an OpenMoji name is unknown. */
export function resolvePicture(url: string, folder: string): PictureSource | undefined {
  if (url.startsWith('openmoji:')) {
    const name = url.slice('openmoji:'.length);
    const hexcode = openmojiNames().get(name);
    return hexcode ? { kind: 'openmoji', name, file: path.join(openmojiFolder, 'color/svg', `${hexcode}.svg`) } : undefined;
  }
  return { kind: 'file', file: path.resolve(folder, url) };
}
