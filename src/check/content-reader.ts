/**
 * Reads content files for the checks: lists folders in a stable order, keeps every file read,
 * reports YAML syntax errors, and never reads a file that a link leads out of content/ or
 * templates/ (such a link is an error, not silently followed or skipped).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DiagnosticList } from './diagnostics.ts';
import { readYaml, type YamlSource } from '../source/yaml-file.ts';
import { isInside } from '../source/content-path.ts';
import type { PictureUse } from './pictures/decode.ts';
import { reportFailureOn } from './tool-failure.ts';

/**
 * The largest content file read, in bytes: far above any real one (the longest sample narrative is
 * under 30 KB), and small enough that checking and building stay quick. The Markdown parser slows
 * down more than in proportion on larger files (a 4 MB narrative took 12 s to check).
 */
export const MAX_FILE_SIZE = 1024 * 1024;
const sizeOf = (bytes: number) => `${bytes.toLocaleString('en-GB')} bytes (${(bytes / (1024 * 1024)).toFixed(1)} MB)`;

export interface ContentFile {
  /** Project-relative path with forward slashes, as printed in diagnostics. */
  file: string;
  text: string;
}

export class ContentReader {
  filesChecked = 0;
  readonly root: string;
  readonly diagnostics: DiagnosticList;
  constructor(root: string, diagnostics: DiagnosticList) {
    this.root = root;
    this.diagnostics = diagnostics;
  }

  /** The folder the pictures content names must be in. */
  get contentFolder(): string {
    return path.join(this.root, 'content');
  }

  /** The folders content may read from: a link out of them is refused. */
  get allowedFolders(): string[] {
    return [this.contentFolder, path.join(this.root, 'templates')];
  }

  /** Whether the file or folder stays inside the allowed folders once links are followed; reports it when not. */
  private staysInside(absolute: string): boolean {
    if (isInside(absolute, this.allowedFolders)) return true;
    this.diagnostics.error(
      this.relative(absolute),
      undefined,
      'outside-content',
      `${this.relative(absolute)} is a link to something outside content/ and templates/, so it is not read`,
      'put the file itself in the content folder instead of a link to it',
    );
    return false;
  }

  relative(absolute: string): string {
    return path.relative(this.root, absolute).split(path.sep).join('/');
  }

  /** Files directly in a folder with one of the extensions, sorted so output never depends on the disk. */
  list(folder: string, extensions: readonly string[]): string[] {
    return this.entries(path.join(this.root, folder), (entry) => extensions.some((ext) => entry.name.endsWith(ext)), (stats) => stats.isFile());
  }

  /** The folders directly in a folder (such as one per inspection), sorted. */
  folders(absolute: string): string[] {
    return this.entries(absolute, () => true, (stats) => stats.isDirectory());
  }

  /** A folder's entries of one kind, links included when they stay inside (and reported when not). */
  private entries(absolute: string, named: (entry: fs.Dirent) => boolean, kind: (stats: fs.Stats) => boolean): string[] {
    if (!fs.existsSync(absolute)) return [];
    return fs
      .readdirSync(absolute, { withFileTypes: true })
      .filter(named)
      .map((entry) => path.join(absolute, entry.name))
      .filter((entry) => {
        const stats = fs.statSync(entry, { throwIfNoEntry: false });
        return stats !== undefined && kind(stats) && (!fs.lstatSync(entry).isSymbolicLink() || this.staysInside(entry));
      })
      .sort();
  }

  /** Every picture file a content file names, for the decoding pass after loading (pictures/decode.ts). */
  readonly pictures: PictureUse[] = [];

  /** Every file read, for checks over the text as written (such as characters the fonts lack). */
  readonly files: ContentFile[] = [];

  /** The file read last: the one an unexpected failure is reported on. */
  private current: string | undefined;

  /**
   * The file's text; undefined, and reported, when a link leads out of the project's content or
   * the file is larger than MAX_FILE_SIZE.
   */
  read(absolute: string): ContentFile | undefined {
    if (!this.staysInside(absolute)) return undefined;
    this.filesChecked += 1;
    this.current = this.relative(absolute);
    const size = fs.statSync(absolute).size;
    if (size > MAX_FILE_SIZE) {
      this.diagnostics.error(this.current, undefined, 'file-too-large', `the file is ${sizeOf(size)}: a content file may be at most ${sizeOf(MAX_FILE_SIZE)}, so it is not read`, 'check it is the file you meant: the longest sample narrative is under 30 KB');
      return undefined;
    }
    const file = { file: this.current, text: fs.readFileSync(absolute, 'utf8') };
    this.files.push(file);
    return file;
  }

  /**
   * Reads and checks one file (or folder) with `work`. An unexpected exception, a bug in the tool,
   * becomes an error on the file being read, and the other files are still checked.
   */
  guarded<T>(absolute: string, work: () => T): T | undefined {
    this.current = undefined;
    try {
      return work();
    } catch (error) {
      // Reported on the file read last: the failure is in reading or checking it.
      reportFailureOn(this.diagnostics, this.current ?? this.relative(absolute), error);
      return undefined;
    }
  }

  /** The YAML files (and front matter) that could not be read as data: checks drawing on them say nothing. */
  readonly unreadableYaml = new Set<string>();

  /** Reports what stops a YAML file (or front matter) being read: syntax, duplicate keys, tags, reserved keys, aliases. */
  reportYamlProblems(file: string, source: YamlSource): void {
    if (source.syntaxErrors.length) this.unreadableYaml.add(file);
    for (const problem of source.syntaxErrors) this.diagnostics.error(file, problem.at, problem.rule, problem.message, problem.hint);
  }

  /** Reads YAML, reporting syntax errors; undefined data when the file cannot be read. */
  yaml(absolute: string): { file: string; source: YamlSource } {
    const content = this.read(absolute);
    if (!content) {
      this.unreadableYaml.add(this.relative(absolute));
      return { file: this.relative(absolute), source: { data: undefined, syntaxErrors: [], positionOf: () => ({ line: 1, column: 1 }) } };
    }
    const { file, text } = content;
    const source = readYaml(text);
    this.reportYamlProblems(file, source);
    return { file, source };
  }
}
