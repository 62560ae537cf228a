/**
 * Files named by content (a picture's path, a symlinked cases.csv) are read only when, after every
 * symbolic link is followed, they are inside the folders the project allows (content/, templates/,
 * the picture library): a content file can never make the tool read, and publish, a file elsewhere.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Why a named file cannot be used. */
export type NamedFileProblem = 'absolute' | 'outside' | 'missing' | 'not-a-file';

export type NamedFile = { ok: true; file: string } | { ok: false; problem: NamedFileProblem };

const realOrUndefined = (file: string) => {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
};

const within = (file: string, folder: string) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);

/** Whether the path, with every link followed, is one of the folders or inside one; false when it does not exist. */
export function isInside(absolute: string, folders: readonly string[]): boolean {
  const real = realOrUndefined(absolute);
  return real !== undefined && folders.some((folder) => {
    const realFolder = realOrUndefined(folder);
    return realFolder !== undefined && within(real, realFolder);
  });
}

/**
 * The file a content file names by a path relative to its own folder (`from`): an absolute path,
 * a path that leads (by `..` or a link) out of the allowed folders, or no such file is refused.
 * The path returned is the one written (not the link's target), so output names do not change.
 */
export function resolveNamedFile(written: string, from: string, folders: readonly string[]): NamedFile {
  if (path.isAbsolute(written) || path.win32.isAbsolute(written)) return { ok: false, problem: 'absolute' };
  const file = path.resolve(from, written);
  if (!fs.existsSync(file)) {
    // Said before "missing", so a path out of the project is never looked for there.
    return { ok: false, problem: folders.some((folder) => within(file, path.resolve(folder))) ? 'missing' : 'outside' };
  }
  if (!isInside(file, folders)) return { ok: false, problem: 'outside' };
  return fs.statSync(file).isFile() ? { ok: true, file } : { ok: false, problem: 'not-a-file' };
}
