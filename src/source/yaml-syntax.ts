/**
 * YAML syntax errors in an inspector's words: what was typed, at the line and column where it was
 * typed (the yaml package reports an unclosed bracket or quote where it gave up, often a line
 * later), and what to type instead, with the line itself corrected as the example. After an error
 * that leaves the rest of the file unreliable (a bracket or quote never closed, a line indented
 * wrongly) the parser's later complaints only follow from it, so they are left out.
 */
import type { YAMLError } from 'yaml';
import type { Position } from '../model/position.ts';

export interface SyntaxProblem {
  message: string;
  hint: string;
  at: Position;
  /** Whether everything the parser says after it may only follow from it. */
  derails: boolean;
}

/** Line `n` (1-based) of the text, without its line break. */
const lineOf = (lines: readonly string[], n: number) => lines[n - 1] ?? '';

/** `key: value` with the value in double quotes (single quotes when it holds a double quote). */
export function quoted(key: string, value: string): string {
  const text = value.trim();
  return text.includes('"') ? `${key}: '${text.replace(/'/g, "''")}'` : `${key}: "${text}"`;
}

/** Where the last bracket still open before `end` was opened, ignoring brackets inside quotes. */
function unclosedBracket(text: string, end: number, open: '{' | '['): number | undefined {
  const close = open === '{' ? '}' : ']';
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < end; i += 1) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\n' && quote === "'") quote = undefined;
    } else if ((char === '"' || char === "'") && /[\s[{,:]/.test(text[i - 1] ?? ' ')) quote = char;
    else if (char === '#' && /\s/.test(text[i - 1] ?? '\n')) i = text.indexOf('\n', i) < 0 ? end : text.indexOf('\n', i);
    else if (char === open) stack.push(i);
    else if (char === close) stack.pop();
  }
  return stack.at(-1);
}

/** Where the quote still open before `end` was opened: the last one that starts a value or key. */
function unclosedQuote(text: string, end: number, mark: '"' | "'"): number | undefined {
  let opened: number | undefined;
  for (let i = 0; i < end; i += 1) {
    if (text[i] !== mark) continue;
    if (opened === undefined) {
      if (/[\s[{,:]/.test(text[i - 1] ?? ' ')) opened = i;
    } else if (mark === "'" && text[i + 1] === "'") i += 1; // '' is a quote inside single quotes
    else if (mark === '"' && text[i - 1] === '\\') continue;
    else opened = undefined;
  }
  return opened;
}

/** The key a line starts with ("evidence" in "    evidence: text"), if any. */
const keyOfLine = (line: string) => /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^\s#:][^:#]*?):(?:\s|$)/.exec(line)?.[1];

/**
 * Turns the yaml package's errors into problems an inspector can act on. `toPosition` maps an
 * offset in `text` to its line and column.
 */
export function explainSyntaxErrors(errors: readonly YAMLError[], text: string, toPosition: (offset: number) => Position): SyntaxProblem[] {
  const lines = text.split('\n');
  const problems: SyntaxProblem[] = [];
  const tabLines: number[] = [];
  for (const error of errors) {
    const at = toPosition(error.pos[0]);
    const line = lineOf(lines, at.line);
    if (error.code === 'TAB_AS_INDENT') {
      tabLines.push(at.line);
      continue;
    }
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || /^Nested mappings are not allowed/.test(error.message)) {
      // "evidence: Staff told us: workloads…": the second ": " would start a field inside the text.
      const key = keyOfLine(line) ?? 'text';
      const value = line.slice(line.indexOf(':', line.indexOf(key) + key.length) + 1);
      problems.push({
        message: `the text after "${key}:" contains ": " (a colon and a space), which YAML reads as the start of another field`,
        hint: `put the text in quotes: ${quoted(key, value)}`,
        at,
        derails: false,
      });
      continue;
    }
    const flow = /^Flow (map|sequence) in block collection/.exec(error.message) ?? (error.code === 'MISSING_CHAR' && /Expected flow (map|sequence) to end/.exec(error.message));
    if (flow) {
      const open = flow[1] === 'map' ? '{' : '[';
      const close = open === '{' ? '}' : ']';
      const opened = unclosedBracket(text, error.pos[0], open);
      const where = opened === undefined ? at : toPosition(opened);
      const written = lineOf(lines, where.line).trimEnd();
      problems.push({
        message: `the "${open}" opened here is never closed with "${close}"`,
        hint: `end the ${open === '{' ? 'group' : 'list'} with "${close}" on the same line: ${written.trim()}${open === '{' ? ' }' : ']'}`,
        at: where,
        derails: true,
      });
      continue;
    }
    const missingQuote = /^Missing closing (["'])quote/.exec(error.message);
    if (missingQuote) {
      const mark = missingQuote[1] as '"' | "'";
      const opened = unclosedQuote(text, Math.min(error.pos[0] + 1, text.length), mark);
      const where = opened === undefined ? at : toPosition(opened);
      const written = lineOf(lines, where.line).trimEnd();
      problems.push({
        message: `the quote (${mark}) opened here is never closed`,
        hint: `end the text with ${mark} on the same line: ${written.trim()}${mark}`,
        at: where,
        derails: true,
      });
      continue;
    }
    if (error.code === 'BAD_INDENT' && /All mapping items must start at the same column/.test(error.message)) {
      const key = keyOfLine(line);
      const indent = line.length - line.trimStart().length;
      // A list (lines starting "- ") just above, at this indentation or deeper: a field written among its items.
      let listItem: string | undefined;
      for (let n = at.line - 1; n >= 1; n -= 1) {
        const above = lineOf(lines, n);
        if (above.trim() === '' || above.trimStart().startsWith('#')) continue;
        const aboveIndent = above.length - above.trimStart().length;
        if (aboveIndent < indent) break;
        if (aboveIndent === indent && above.trimStart().startsWith('- ')) listItem = above.trim();
        if (aboveIndent === indent && !above.trimStart().startsWith('- ')) break;
      }
      problems.push(
        listItem
          ? {
              message: `"${key ? `${key}:` : line.trim()}" is written among the items of a list (the lines starting with "- "): a list holds items only`,
              hint: `indent it under one item, in line with the text after "- ", or move it out of the list, level with the field the list belongs to`,
              at: { line: at.line, column: indent + 1 },
              derails: true,
            }
          : {
              message: `"${key ? `${key}:` : line.trim()}" is indented differently from the fields above it`,
              hint: 'start it at the same column as the other fields of its group, using spaces (two for each level)',
              at: { line: at.line, column: indent + 1 },
              derails: true,
            },
      );
      continue;
    }
    if (/^Implicit keys need to be on a single line|Unexpected block-seq-ind/.test(error.message) && line.trimStart().startsWith('- ')) {
      problems.push({
        message: `a list item ("${line.trim()}") is written among fields`,
        hint: `a list belongs to a field: write the field on its own line ("team:"), then the item indented under it ("  ${line.trim()}")`,
        at: { line: at.line, column: line.length - line.trimStart().length + 1 },
        derails: true,
      });
      continue;
    }
    if (error.code === 'MULTILINE_IMPLICIT_KEY' || /^Implicit map keys need to be followed by map values/.test(error.message)) {
      const trimmed = line.trim();
      const indent = line.length - line.trimStart().length;
      const noSpace = /^([^\s:#]+):(\S.*)$/.exec(trimmed);
      const above = lines.slice(0, at.line - 1).reverse().find((text) => text.trim() !== '' && !text.trimStart().startsWith('#'));
      const aboveKey = above && /:\s+\S/.test(above) ? keyOfLine(above) : undefined;
      problems.push(
        noSpace
          ? { message: `"${trimmed}" has no space after the colon`, hint: `write a space after the colon: ${noSpace[1]}: ${noSpace[2]}`, at: { line: at.line, column: indent + 1 }, derails: true }
          : {
              message: `"${trimmed}" is not a "key: value" line`,
              hint: [
                aboveKey && !trimmed.includes(': ') ? `if it continues the text of "${aboveKey}:" above, indent it with more spaces than "${aboveKey}:" (or join it to that line)` : '',
                /^[a-zA-Z]+\s+\S/.test(trimmed) && !trimmed.includes(':') ? `if it is a field, write a colon and a space after its name, as in "${trimmed.replace(/\s+/, ': ')}"` : '',
              ].filter(Boolean).join('; ') || 'write the field\'s name, a colon and a space, then its value',
              at: { line: at.line, column: indent + 1 },
              derails: true,
            },
      );
      continue;
    }
    const stray = /^Unexpected flow-(seq|map)-end token/.exec(error.message);
    if (stray) {
      const [close, open] = stray[1] === 'seq' ? [']', '['] : ['}', '{'];
      problems.push({ message: `there is a "${close}" here with no "${open}" before it`, hint: `delete the "${close}", or put the text in quotes if it is part of it`, at, derails: true });
      continue;
    }
    const badStart = /^Plain value cannot start with (?:flow indicator |reserved )?character (\S+)/.exec(error.message);
    if (badStart) {
      const key = keyOfLine(line) ?? 'text';
      problems.push({ message: `text cannot start with "${badStart[1]}" unless it is in quotes`, hint: `put the text in quotes: ${quoted(key, line.slice(line.indexOf(':') + 1))}`, at, derails: false });
      continue;
    }
    if (/^Comments must be separated from other tokens by white space/.test(error.message)) {
      problems.push({ message: 'a "#" written straight after other text: YAML needs a space before a comment', hint: 'put a space before "#" to start a comment, or, if the "#" is part of the text, put all of the text in quotes', at, derails: false });
      continue;
    }
    if (/^Block collections are not allowed within flow collections/.test(error.message)) {
      // "{ evidence: Staff told us: workloads… }": the second ": " inside { }.
      const before = line.slice(0, at.column - 1);
      const key = /([\w"'.-]+):\s*$/.exec(before)?.[1] ?? 'text';
      const value = line.slice(at.column - 1).replace(/\s*[}\]]\s*$/, '');
      problems.push({
        message: `the text after "${key}:" contains ": " (a colon and a space), which YAML reads as the start of another field`,
        hint: `put the text in quotes: ${quoted(key, value)}`,
        at,
        derails: true,
      });
      continue;
    }
    if (/^Unexpected scalar at node end/.test(error.message) && /[}\]]\s*,?\s*$/.test(text.slice(0, error.pos[0]))) {
      const close = /([}\]])\s*,?\s*$/.exec(text.slice(0, error.pos[0]))![1]!;
      problems.push({
        message: `there is more text after the "${close}" that closes the ${close === '}' ? 'group' : 'list'}`,
        hint: `move the text inside the brackets (in quotes if it holds ", " or ": "), or delete it`,
        at,
        derails: true,
      });
      continue;
    }
    if (/^Unexpected scalar at node end/.test(error.message)) {
      const key = keyOfLine(line) ?? 'text';
      problems.push({
        message: `there is more text after the closing quote of "${key}:"`,
        hint: `put all of the text inside the quotes: ${quoted(key, line.slice(line.indexOf(':') + 1).replace(/["]/g, ''))}`,
        at,
        derails: true,
      });
      continue;
    }
    problems.push({
      message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
      hint: 'check the indentation (spaces, two for each level), that every "key: value" has a space after the colon, and that text containing ": ", " #", or starting with a quote or bracket is in quotes',
      at,
      derails: true,
    });
  }
  if (tabLines.length) {
    const [first, ...more] = tabLines;
    const rest = lineOf(lines, first!).replace(/^\t+/, '');
    problems.push({
      message: `line ${first} is indented with a tab${more.length ? ` (so ${more.length === 1 ? 'is line' : 'are lines'} ${more.join(', ')})` : ''}: YAML counts only spaces`,
      hint: `replace each tab at the start of the line with spaces (two for each level), as in "  ${rest.trim()}"`,
      at: { line: first!, column: 1 },
      derails: false,
    });
  }
  problems.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  // One message per line, and nothing after a problem that derails the rest of the file.
  const kept: SyntaxProblem[] = [];
  for (const problem of problems) {
    if (kept.some((earlier) => earlier.at.line === problem.at.line)) continue;
    kept.push(problem);
    if (problem.derails) break;
  }
  return kept;
}
