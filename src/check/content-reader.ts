/** Reads content files for the checks: lists folders in a stable order, keeps every file read, reports YAML syntax errors. */
import fs from 'node:fs';
import path from 'node:path';
import type { DiagnosticList } from './diagnostics.ts';
import { readYaml, type YamlSource } from '../source/yaml-file.ts';
import { reportFailureOn } from './tool-failure.ts';

export interface ContentFile {
  /** Project-relative path with forward slashes, as printed in diagnostics. */
  file: string;
  text: string;
}

export class ContentReader {
  filesChecked = 0;
  constructor(
    readonly root: string,
    readonly diagnostics: DiagnosticList,
  ) {}

  relative(absolute: string): string {
    return path.relative(this.root, absolute).split(path.sep).join('/');
  }

  /** Files directly in a folder with one of the extensions, sorted so output never depends on the disk. */
  list(folder: string, extensions: readonly string[]): string[] {
    const absolute = path.join(this.root, folder);
    if (!fs.existsSync(absolute)) return [];
    return fs
      .readdirSync(absolute, { withFileTypes: true })
      .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
      .map((entry) => path.join(absolute, entry.name))
      .sort();
  }

  /** Every file read, for checks over the text as written (such as characters the fonts lack). */
  readonly files: ContentFile[] = [];

  /** The file read last: the one an unexpected failure is reported on. */
  private current: string | undefined;

  read(absolute: string): ContentFile {
    this.filesChecked += 1;
    this.current = this.relative(absolute);
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

  /** Whether any YAML file could not be read as data: checks drawing on all of them then say nothing. */
  someYamlUnreadable = false;

  /** Reports what stops a YAML file (or front matter) being read: syntax, duplicate keys, tags, reserved keys, aliases. */
  reportYamlProblems(file: string, source: YamlSource): void {
    if (source.syntaxErrors.length) this.someYamlUnreadable = true;
    for (const problem of source.syntaxErrors) this.diagnostics.error(file, problem.at, problem.rule, problem.message, problem.hint);
  }

  /** Reads YAML, reporting syntax errors; undefined data when the file cannot be read. */
  yaml(absolute: string): { file: string; source: YamlSource } {
    const { file, text } = this.read(absolute);
    const source = readYaml(text);
    this.reportYamlProblems(file, source);
    return { file, source };
  }
}
