/** Reads content files for the checks: lists folders in a stable order, keeps every file read, reports YAML syntax errors. */
import fs from 'node:fs';
import path from 'node:path';
import type { DiagnosticList } from './diagnostics.ts';
import { readYaml, type YamlSource } from '../source/yaml-file.ts';

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

  read(absolute: string): ContentFile {
    this.filesChecked += 1;
    const file = { file: this.relative(absolute), text: fs.readFileSync(absolute, 'utf8') };
    this.files.push(file);
    return file;
  }

  /** Reads YAML, reporting syntax errors; undefined data when the file cannot be read. */
  yaml(absolute: string): { file: string; source: YamlSource } {
    const { file, text } = this.read(absolute);
    const source = readYaml(text);
    for (const error of source.syntaxErrors) {
      this.diagnostics.error(file, error.at, 'yaml-syntax', error.message, 'check the indentation and that every "key: value" has a space after the colon');
    }
    return { file, source };
  }
}
