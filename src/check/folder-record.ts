/**
 * An inspection folder's whole check kept in the check's cache (check-cache.ts), so that a check
 * after one report is edited reads the other folders' results instead of checking them again: what
 * loadInspection gave (the inspection and what inspection.yaml says), everything it reported, and
 * the files and pictures it read, written as plain data and read back into the same objects.
 *
 * The key is the folder's every file (names and bytes), everything else a folder's check can read
 * (contextHash: frameworks, services, glossary, templates, settings, every picture, which folders
 * there are; as live-memo.ts's context, by content), the build date and the tool's version. A folder
 * whose inspection.yaml has problems is not kept: its check runs every time.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { Diagnostic } from './diagnostics.ts';
import type { ContentFile } from './content-reader.ts';
import type { PictureUse } from './pictures/decode.ts';
import type { LoadedInspection } from './rules/inspection.ts';
import type { EasyReadFile, Inspection } from '../model/project.ts';
import type { Framework } from '../model/schemas/framework.ts';
import type { Service } from '../model/schemas/service.ts';
import type { InspectionSource } from '../model/schemas/inspection.ts';
import { yamlSourceOf, type StoredYaml } from '../source/yaml-file.ts';
import { easyReadTreeOf, rememberEasyReadTree } from './easy-read/load.ts';
import { hashTree, type FolderRecord } from './live-memo.ts';

export type FolderResult = { loaded?: LoadedInspection; inspection?: Inspection; known?: string } | undefined;

interface StoredEasyRead {
  file: string;
  source: EasyReadFile['source'];
  tree?: Root;
}

interface StoredInspection {
  /** Its fields in the order they were made, so that the object read back is written out (JSON) the same. */
  keys: string[];
  rest: Omit<Inspection, 'service' | 'framework' | 'source' | 'easyRead' | 'translations'>;
  service: string;
  framework: string;
  /** The inspection's source is inspection.yaml's data as loaded (the same object), else its own. */
  source: InspectionSource | 'loaded';
  easyRead?: StoredEasyRead;
  translations?: Record<string, { narrativeFile: string; narrative: Root; easyRead?: StoredEasyRead }>;
}

interface StoredFolder {
  loaded?: { slug: string; file: string; yaml: StoredYaml; data: InspectionSource; broken: string[] };
  inspection?: StoredInspection;
  known?: string;
  diagnostics: Diagnostic[];
  files: string[];
  pictures: PictureUse[];
  filesChecked: number;
  unreadableYaml: string[];
}

const storeEasyRead = (file: EasyReadFile): StoredEasyRead => {
  const tree = easyReadTreeOf(file);
  return { file: file.file, source: file.source, ...(tree ? { tree } : {}) };
};

function restoreEasyRead(stored: StoredEasyRead): EasyReadFile {
  const file: EasyReadFile = { file: stored.file, source: stored.source };
  if (stored.tree) rememberEasyReadTree(file, stored.tree);
  return file;
}

/** The folder's record as plain data, or undefined when it cannot be kept (inspection.yaml with problems, or a failure). */
export function storeFolder(record: FolderRecord<FolderResult>): StoredFolder | undefined {
  const { result } = record;
  if (!result) return undefined;
  const { loaded, inspection, known } = result;
  if (loaded && !loaded.source.stored) return undefined;
  if (inspection && loaded === undefined) return undefined;
  const stored: StoredFolder = {
    ...(known !== undefined ? { known } : {}),
    diagnostics: record.diagnostics,
    files: record.files.map((f) => f.file),
    pictures: record.pictures,
    filesChecked: record.filesChecked,
    unreadableYaml: record.unreadableYaml,
  };
  if (loaded) stored.loaded = { slug: loaded.slug, file: loaded.file, yaml: loaded.source.stored!, data: loaded.data, broken: [...loaded.broken] };
  if (inspection) {
    const { service, framework, source, easyRead, translations, ...rest } = inspection;
    stored.inspection = {
      keys: Object.keys(inspection),
      rest,
      service: service.slug,
      framework: framework.id,
      source: source === loaded?.data ? 'loaded' : source,
      ...(easyRead ? { easyRead: storeEasyRead(easyRead) } : {}),
      ...(translations
        ? { translations: Object.fromEntries(Object.entries(translations).map(([lang, t]) => [lang, { narrativeFile: t.narrativeFile, narrative: t.narrative, ...(t.easyRead ? { easyRead: storeEasyRead(t.easyRead) } : {}) }])) }
        : {}),
    };
  }
  return stored;
}

/** The folder's record read back, or undefined when it names a service or framework there is not (then checked again). */
export function restoreFolder(stored: StoredFolder, root: string, texts: ReadonlyMap<string, string>, services: ReadonlyMap<string, Service>, frameworkById: ReadonlyMap<string, Framework>): Omit<FolderRecord<FolderResult>, 'stamp' | 'context'> | undefined {
  const loaded: LoadedInspection | undefined = stored.loaded && { slug: stored.loaded.slug, file: stored.loaded.file, source: yamlSourceOf(stored.loaded.yaml), data: stored.loaded.data, broken: new Set(stored.loaded.broken) };
  let inspection: Inspection | undefined;
  if (stored.inspection) {
    const { rest, easyRead, translations } = stored.inspection;
    const service = services.get(stored.inspection.service);
    const framework = frameworkById.get(stored.inspection.framework);
    if (!service || !framework || !loaded) return undefined;
    const fields: Record<string, unknown> = {
      ...rest,
      source: stored.inspection.source === 'loaded' ? loaded.data : stored.inspection.source,
      service,
      framework,
      ...(easyRead ? { easyRead: restoreEasyRead(easyRead) } : {}),
      ...(translations
        ? { translations: Object.fromEntries(Object.entries(translations).map(([lang, t]) => [lang, { narrativeFile: t.narrativeFile, narrative: t.narrative, ...(t.easyRead ? { easyRead: restoreEasyRead(t.easyRead) } : {}) }])) }
        : {}),
    };
    inspection = Object.fromEntries(stored.inspection.keys.map((name) => [name, fields[name]])) as unknown as Inspection;
  }
  const files: ContentFile[] = [];
  for (const file of stored.files) {
    const absolute = path.join(root, file);
    const text = texts.get(absolute) ?? (fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8') : undefined);
    if (text === undefined) return undefined;
    files.push({ file, text });
  }
  return {
    result: { ...(loaded ? { loaded } : {}), ...(inspection ? { inspection } : {}), ...(stored.known !== undefined ? { known: stored.known } : {}) },
    diagnostics: stored.diagnostics,
    files,
    pictures: stored.pictures,
    filesChecked: stored.filesChecked,
    unreadableYaml: stored.unreadableYaml,
  };
}

function hashFiles(folder: string, hash: ReturnType<typeof createHash>, skip: (file: string, isFolder: boolean) => boolean, texts?: Map<string, string>): void {
  hashTree(folder, hash, skip, (file) => {
    const bytes = fs.readFileSync(file);
    hash.update(`${file}\u0000${bytes.length}\u0000`).update(bytes).update('\n');
    texts?.set(file, bytes.toString('utf8'));
  });
}

/** A folder's content key (its files' names and bytes), and the text of each file, for the record read back. */
export function folderContent(folder: string): { hash: string; texts: Map<string, string> } {
  const hash = createHash('sha256');
  const texts = new Map<string, string>();
  hashFiles(folder, hash, () => false, texts);
  return { hash: hash.digest('hex'), texts };
}

/**
 * Everything a folder's check can read outside the folder's own text files, by content: the files
 * of content/ and templates/ but those (live-memo.ts's context, by content rather than by stamp).
 */
export function contextHash(root: string, buildDate: string, ownFile: (name: string) => boolean): string {
  const hash = createHash('sha256').update(`${buildDate}\n`);
  const inspections = path.join(root, 'content', 'inspections');
  for (const part of ['content', 'templates']) {
    hashFiles(path.join(root, part), hash, (file, isFolder) => (!isFolder && path.dirname(path.dirname(file)) === inspections && ownFile(path.basename(file))) || (isFolder && path.basename(file) === '.cache'));
  }
  return hash.digest('hex');
}
