/**
 * Front matter: YAML between a `---` line at the top of an MDX file and the next `---` line. Read
 * with the same YAML reader as every other content file, keeping positions, and moved down to the
 * lines where it stands in the file; the MDX after it is handed on with the front matter blanked
 * out, so that its lines and columns are the file's too.
 */
import type { Position } from '../model/position.ts';
import { readYaml, type YamlSource } from './yaml-file.ts';

export interface FrontMatterFile {
  /** The front matter, positions as in the file; undefined when the file does not start with `---`. */
  frontMatter?: YamlSource;
  /** Set when the front matter is opened but never closed. */
  unclosed?: Position;
  /** The MDX after the front matter, with blank lines in its place. */
  body: string;
}

export function readFrontMatter(text: string): FrontMatterFile {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.trim() !== '---') return { body: text };
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) return { unclosed: { line: 1, column: 1 }, body: '' };
  const yaml = readYaml(lines.slice(1, end).join('\n'));
  const shift = (at: Position): Position => ({ line: at.line + 1, column: at.column });
  const frontMatter: YamlSource = {
    data: yaml.data ?? (yaml.syntaxErrors.length ? undefined : {}),
    syntaxErrors: yaml.syntaxErrors.map((error) => ({ ...error, at: shift(error.at) })),
    positionOf: (path, target) => (path.length === 0 ? { line: 1, column: 1 } : shift(yaml.positionOf(path, target))),
  };
  return { frontMatter, body: '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n') };
}
