/**
 * The command line for tools and scripts: `npx inspection-reports check --json` and
 * `npm run -s check -- --json` print JSON and nothing else on stdout, and every command exits with
 * 0 (no errors), 1 (errors in the content) or 2 (the tool failed), as the README says.
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { toolEnvironment } from '../support/project-copy.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const run = (command: string, args: string[], cwd = repo) => {
  const result = spawnSync(command, args, { cwd, env: { ...toolEnvironment(), NO_COLOR: '1' }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const readme = (await import('node:fs')).readFileSync(path.join(repo, 'README.md'), 'utf8');
const brokenCount = loadProject(path.join(repo, 'tests/fixtures/broken')).diagnostics.length;

describe('JSON only on stdout', () => {
  it('npx inspection-reports check --json: the problems as JSON, exit 1 on errors, from any folder of the project', () => {
    // Run from content/: the folder given is still the project's (the command runs in the project folder, as npm run does).
    const broken = run('npx', ['--no-install', 'inspection-reports', 'check', '--json', 'tests/fixtures/broken'], path.join(repo, 'content'));
    expect(broken.status, broken.stderr).toBe(1);
    const problems = JSON.parse(broken.stdout) as unknown[];
    expect(problems).toHaveLength(brokenCount);
    expect(readme).toContain('npx inspection-reports check --json');
  });

  it('npm run -s check -- --json: JSON with no npm banner before it, exit 0 on correct content', () => {
    const valid = run('npm', ['run', '-s', 'check', '--', '--json', 'tests/fixtures/valid']);
    expect(valid.status, valid.stderr).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual([]);
    expect(readme).toContain('npm run -s check -- --json');
  });
});

describe('inspection-reports', () => {
  it('gives its usage on stderr with exit 2 for an unknown command', () => {
    const unknown = run(process.execPath, ['bin/inspection-reports.mjs', 'chekc']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^Unknown command "chekc"\. Usage:\n {2}inspection-reports check/);
  });
});
