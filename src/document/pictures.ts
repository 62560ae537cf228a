/**
 * Easy-read pictures by name. "openmoji:<name>" names an OpenMoji pictogram (CC BY-SA 4.0) by its
 * annotation written with hyphens ("openmoji:woman-office-worker", "openmoji:keycap-1"); any other
 * address is a file of the author's, relative to the easy-read file.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { resolveNamedFile, type NamedFileProblem } from '../source/content-path.ts';

const require = createRequire(import.meta.url);
const openmojiFolder = path.dirname(require.resolve('openmoji/package.json'));

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

export type PictureSource =
  | { kind: 'openmoji'; name: string; file: string }
  | { kind: 'file'; file: string }
  | { kind: 'unknown-openmoji' }
  /** A file that cannot be used: an absolute path, a path out of content/, or no such file. */
  | { kind: 'refused'; problem: NamedFileProblem };

/** Where a picture's file is: OpenMoji from the package, any other file only from inside `contentFolder`. */
export function resolvePicture(url: string, folder: string, contentFolder: string): PictureSource {
  if (url.startsWith('openmoji:')) {
    const name = url.slice('openmoji:'.length);
    const hexcode = openmojiNames().get(name);
    return hexcode ? { kind: 'openmoji', name, file: path.join(openmojiFolder, 'color/svg', `${hexcode}.svg`) } : { kind: 'unknown-openmoji' };
  }
  const named = resolveNamedFile(url, folder, [contentFolder]);
  return named.ok ? { kind: 'file', file: named.file } : { kind: 'refused', problem: named.problem };
}

/** The problem with a picture's address as the author wrote it (`url`, relative to `folder`), or undefined when it can be used. */
export function unusablePicture(url: string, folder: string, contentFolder: string, root: string): { message: string; hint: string } | undefined {
  const resolved = resolvePicture(url, folder, contentFolder);
  if (resolved.kind === 'unknown-openmoji') {
    return { message: `there is no OpenMoji picture called "${url.slice('openmoji:'.length)}"`, hint: 'find the picture on openmoji.org and write its name with hyphens, such as openmoji:woman-office-worker' };
  }
  if (resolved.kind === 'refused') return pictureFileProblem(url, resolved.problem, path.relative(root, path.resolve(folder, url)).split(path.sep).join('/'));
  return undefined;
}

/** What is wrong with a picture's path, in plain words, and how to put it right. */
export function pictureFileProblem(url: string, problem: NamedFileProblem, lookedFor: string): { message: string; hint: string } {
  const fix = 'keep the picture in the content folder, next to the file that shows it (such as in an images/ folder), and write its path from that file, such as ./images/structure.svg';
  switch (problem) {
    case 'absolute':
      return { message: `the picture "${url}" is written as a path from the top of the computer's disk: only pictures kept in the content folder are published`, hint: fix };
    case 'outside':
      return { message: `the picture "${url}" is outside the content folder (through ".." or a link): only pictures kept in the content folder are published`, hint: fix };
    case 'missing':
      return { message: `the picture "${url}" is not there (looked for ${lookedFor})`, hint: fix };
    case 'not-a-file':
      return { message: `the picture "${url}" is a folder, not a picture file (looked for ${lookedFor})`, hint: fix };
  }
}
