/**
 * What the live preview's check keeps between one save and the next, in memory: each inspection
 * folder's result (what loadInspection gave and everything it reported), and each of its easy-read
 * versions' checks, so a check after an edit does again only the folder that changed, and the
 * rules that look across files (run on everything, every time).
 *
 * A folder's result is reused only while nothing it can depend on changed: the files in the folder
 * (their names, sizes and modification times) and everything else loadInspection reads or looks
 * for, which is outside the inspection folders (frameworks, services, glossary, templates, the
 * settings), a picture file anywhere (a narrative may show one from another folder), which
 * inspection folders there are, and the build date. That "context" is a stamp of every file of
 * content/ and templates/ except the text files of the inspection folders (each folder's own stamp
 * covers those). Edit a report.mdx: one folder is checked again; edit the glossary: everything.
 *
 * Only for a long-lived process that checks the same project again and again (the dev server,
 * src/site/model.ts): a build checks once, through the disk cache (check-cache.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostics.ts';
import type { ContentFile } from './content-reader.ts';
import type { PictureUse } from './pictures/decode.ts';
import type { EasyReadFile } from '../model/project.ts';

/**
 * The files of an inspection folder that only its own check reads: its text files, and an editor's
 * hidden and backup files. Any other (a picture another narrative may show) is in the context.
 */
export const ownFile = (name: string) => /\.(mdx|md|ya?ml|csv)$/i.test(name) || name.startsWith('.') || name.endsWith('~');

/** Everything one folder's check did, to be done again without checking it. */
export interface FolderRecord<T> {
  stamp: string;
  context: string;
  result: T;
  diagnostics: Diagnostic[];
  files: ContentFile[];
  pictures: PictureUse[];
  filesChecked: number;
  unreadableYaml: string[];
}

/** What an easy-read version's check reported and found, to be reported again in the same order. */
export interface EasyReadRecord {
  context: string;
  /** The problems of the built version, each where it is written, before the ones said once are dropped. */
  problems: { file: string; at: { line: number; column: number } | undefined; rule: string; message: string; hint: string; glossary: boolean }[];
  /** Each picture file's problem, or its use for the decoding pass. */
  pictures: ({ problem: { file: string; at: { line: number; column: number } | undefined; message: string; hint: string } } | { use: PictureUse })[];
  /** The language findings, before the ones said once are dropped. */
  language: Diagnostic[];
}

export class LiveMemo {
  readonly folders = new Map<string, FolderRecord<unknown>>();
  readonly easyRead = new WeakMap<EasyReadFile, EasyReadRecord>();
  /** The context of the check under way (contextStamp). */
  context = '';
  /** How many folders the last check reused, and how many it checked. */
  reused = 0;
  checked = 0;
}

const stampOf = (file: string, stats: fs.Stats) => `${file}\u0000${stats.size}\u0000${stats.mtimeMs}\u0000${stats.ino}\n`;

/**
 * Walks a folder in name order into a hash: each folder by its name, each link by its target too,
 * and each file as `leaf` hashes it; `skip` leaves out a file (by its path) or folder.
 */
export function hashTree(folder: string, hash: ReturnType<typeof createHash>, skip: (file: string, isFolder: boolean) => boolean, leaf: (file: string, stats: fs.Stats) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    // A plain file or folder left out is known to be by its listing, without its stat: the context
    // leaves out every inspection's own text files, and stat-ing them took 0.5 s of each live
    // preview's check at 10,000 reports. (A link is skipped or not by what it leads to, below.)
    if ((entry.isFile() || entry.isDirectory()) && skip(file, entry.isDirectory())) continue;
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    if (!stats || skip(file, stats.isDirectory())) continue;
    // Links are hashed as what they lead to, and their own target.
    if (entry.isSymbolicLink()) hash.update(`${file}\u0000->${fs.readlinkSync(file)}\n`);
    if (stats.isDirectory()) {
      hash.update(`${file}/\n`);
      hashTree(file, hash, skip, leaf);
    } else leaf(file, stats);
  }
}

/** Files under a folder, with their stamps; `skip` leaves out a file (by its path) or folder. */
function stampFiles(folder: string, hash: ReturnType<typeof createHash>, skip: (file: string, isFolder: boolean) => boolean): void {
  hashTree(folder, hash, skip, (file, stats) => hash.update(stampOf(file, stats)));
}

/** The stamp of one inspection folder: its files, their sizes and modification times. */
export function folderStamp(folder: string): string {
  const hash = createHash('sha256');
  stampFiles(folder, hash, () => false);
  return hash.digest('hex');
}

/** The stamp of everything a folder's check depends on outside its own text files (see the top of this file). */
export function contextStamp(root: string, buildDate: string): string {
  const hash = createHash('sha256').update(`${buildDate}\n`);
  const inspections = path.join(root, 'content', 'inspections');
  for (const part of ['content', 'templates']) {
    stampFiles(path.join(root, part), hash, (file, isFolder) => !isFolder && path.dirname(path.dirname(file)) === inspections && ownFile(path.basename(file)));
  }
  return hash.digest('hex');
}
