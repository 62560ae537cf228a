/** Diagnostics: what `npm run check` and `npm run build` tell an inspector, one problem per line. */

import type { Position } from '../model/position.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic extends Position {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  severity: Severity;
  /** A short kebab-case name for the kind of problem, stable for tests and tooling. */
  rule: string;
  message: string;
  /** How to fix it, in plain words. */
  hint?: string;
}

export class DiagnosticList {
  readonly items: Diagnostic[] = [];

  add(file: string, at: Position | undefined, severity: Severity, rule: string, message: string, hint?: string): void {
    const position = at ?? { line: 1, column: 1 };
    this.items.push({ file, line: position.line, column: position.column, severity, rule, message, ...(hint ? { hint } : {}) });
  }

  error(file: string, at: Position | undefined, rule: string, message: string, hint?: string): void {
    this.add(file, at, 'error', rule, message, hint);
  }

  warning(file: string, at: Position | undefined, rule: string, message: string, hint?: string): void {
    this.add(file, at, 'warning', rule, message, hint);
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** `path:line:column  severity  rule  message`, then the hint indented beneath. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.rule}  ${d.message}`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}

export function formatSummary(diagnostics: readonly Diagnostic[], filesChecked: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (diagnostics.length === 0) return `Checked ${plural(filesChecked, 'file')}: no problems found.`;
  return `Checked ${plural(filesChecked, 'file')}: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}.`;
}

export function formatReport(diagnostics: readonly Diagnostic[], filesChecked: number): string {
  const lines = sortDiagnostics(diagnostics).map(formatDiagnostic);
  lines.push(formatSummary(diagnostics, filesChecked));
  return lines.join('\n');
}

export function toJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(
    sortDiagnostics(diagnostics).map(({ file, line, column, severity, rule, message, hint }) => ({ file, line, column, severity, rule, message, ...(hint ? { hint } : {}) })),
    null,
    2,
  );
}
