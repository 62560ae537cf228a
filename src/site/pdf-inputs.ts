/**
 * Which files a report's PDF is made from, as one hash (see src/pdf/input-index.ts): the report's
 * own folder (inspection.yaml, cases.csv, report.mdx, easy-read.mdx, pictures), and everything
 * every report shares: the code (all of src/ and the locked package versions), templates/, and
 * every content file outside the folders of single reports (frameworks, services, glossary,
 * publisher, easy-read checks). A report never reads another report's folder or the annual
 * reports, so those stay out; whether drafts are shown goes in, since it adds a watermark.
 *
 * The shared part is conservative on purpose: editing any shared file, or any code, changes every
 * report's inputs; the PDFs themselves are still found by their model's key when the model did
 * not change.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Content folders that hold one report each (or an annual report): not shared inputs. */
const REPORT_FOLDERS = new Set(['content/inspections', 'content/thematic', 'content/annual-reports']);
const SHARED = ['src', 'templates', 'content', 'package-lock.json'];

function linkedFileInside(root: string, link: string): string | undefined {
  try {
    const target = fs.realpathSync(link);
    return target.startsWith(fs.realpathSync(root) + path.sep) && fs.statSync(target).isFile() ? target : undefined;
  } catch {
    return undefined;
  }
}

function hashFiles(hash: ReturnType<typeof createHash>, root: string, relative: string, skip: (relative: string) => boolean): void {
  const file = path.join(root, relative);
  if (skip(relative)) return;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return; // not there: nothing to hash
  }
  // A link to a file in the project is hashed by that file's bytes; any other link by where it
  // points, never followed: the check refuses links that leave content/, and following one (to
  // /dev/zero, say) could make the build read forever.
  if (stat.isSymbolicLink()) {
    const target = linkedFileInside(root, file);
    if (target) hash.update(relative).update('\u0000').update(fs.readFileSync(target)).update('\u0000');
    else hash.update(relative).update('\u0000link:').update(fs.readlinkSync(file)).update('\u0000');
  } else if (stat.isDirectory()) for (const name of fs.readdirSync(file).sort()) hashFiles(hash, root, `${relative}/${name}`, skip);
  else if (stat.isFile()) hash.update(relative).update('\u0000').update(fs.readFileSync(file)).update('\u0000');
}

/** The hash of what every report shares: made once per build. */
export function sharedInputs(root: string, drafts: boolean): string {
  const hash = createHash('sha256').update(`pdf-inputs-1\u0000drafts:${drafts}\u0000`);
  for (const part of SHARED) hashFiles(hash, root, part, (relative) => REPORT_FOLDERS.has(relative));
  return hash.digest('hex');
}

/**
 * Each report folder's files as one digest, read once per build: a report's PDFs (English, Welsh,
 * easy-read) and its pages' keys (src/site/page-keys.ts) are all made from its folder, which at a
 * thousand reports was read and hashed two to three times over (a third of a second of an edit's build).
 */
export class FolderDigests {
  private readonly digests = new Map<string, string>();
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** The digest of a folder's files (project-relative, / or the system's separator), their names and bytes. */
  of(folder: string): string {
    const relative = folder.split(path.sep).join('/');
    let digest = this.digests.get(relative);
    if (digest === undefined) {
      const hash = createHash('sha256');
      hashFiles(hash, this.root, relative, () => false);
      this.digests.set(relative, (digest = hash.digest('hex')));
    }
    return digest;
  }
}

/** The inputs hash of one document of a report: its kind, the shared inputs and the digest of the report's folder. */
export function reportInputs(shared: string, kind: string, folderDigest: string): string {
  return createHash('sha256').update(`${shared}\u0000${kind}\u0000${folderDigest}`).digest('hex');
}
