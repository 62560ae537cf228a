/**
 * `npm run check` as inspectors run it: a child process printing one line per problem, a summary,
 * exit code 1 on any error and 0 on correct content; `--json` for tools.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../support/project-copy.ts';
import { loadProject } from '../../src/check/load-project.ts';
import { sortDiagnostics } from '../../src/check/diagnostics.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const check = (...args: string[]) => runTool(repo, 'src/check/cli.ts', args);

const LINE = /^(\S+):(\d+):(\d+) {2}(error|warning) {2}([a-z]+(?:-[a-z]+)*) {2}(\S.*)$/;
const HINT = /^ {4}hint: \S/;
const SUMMARY = /^Checked \d+ files?: \d+ errors? and \d+ warnings? in \d+ files?\.$/;

describe('npm run check (the command)', () => {
  const expected = sortDiagnostics(loadProject(path.join(repo, 'tests/fixtures/broken')).diagnostics);
  let broken: ReturnType<typeof check>;
  beforeAll(() => {
    broken = check('tests/fixtures/broken');
  });

  it('exits with 1 when there are errors, without crashing', () => {
    expect(broken.stderr).toBe('');
    expect(broken.status).toBe(1);
    expect(broken.stdout).not.toContain('    at ');
  });

  it('prints "path:line:column  severity  rule  message" lines, hints beneath, and a summary', () => {
    const lines = broken.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    expect(summary).toMatch(SUMMARY);
    const errors = expected.filter((d) => d.severity === 'error').length;
    expect(summary).toContain(`${errors} errors and ${expected.length - errors} warnings`);
    for (const line of lines) expect(line.match(LINE) ?? line.match(HINT), line).not.toBeNull();
    const problems = lines.filter((line) => LINE.test(line));
    expect(problems).toHaveLength(expected.length);
    expect(problems).toContain('content/inspections/saltmarsh-2021/inspection.yaml:11:1  error  unknown-field  unknown field "teem"');
    expect(problems.map((line) => line.match(LINE)!.slice(1, 6))).toEqual(expected.map((d) => [d.file, String(d.line), String(d.column), d.severity, d.rule]));
  });

  it('gives the same problems as JSON with --json', () => {
    const json = check('tests/fixtures/broken', '--json');
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(expected.length);
    for (const item of parsed) {
      expect(item).toEqual(
        expect.objectContaining({ file: expect.any(String), line: expect.any(Number), column: expect.any(Number), severity: expect.stringMatching(/^(error|warning)$/), rule: expect.any(String), message: expect.any(String) }),
      );
    }
    expect(parsed).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('exits with 0 and says so on correct content', () => {
    const valid = check('tests/fixtures/valid');
    expect(valid.stderr).toBe('');
    expect(valid.stdout.trim()).toMatch(/^Checked \d+ files: no problems found\.$/);
    expect(valid.status).toBe(0);
    const json = check('tests/fixtures/valid', '--json');
    expect(JSON.parse(json.stdout)).toEqual([]);
    expect(json.status).toBe(0);
  });
});
