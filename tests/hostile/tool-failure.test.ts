/**
 * Failures of the tool itself (issue 13): `npm run check` prints one line saying it is a bug, exits
 * with 2, and shows the stack only with DEBUG=1; an unexpected failure reading one content file is
 * an error on that file, and the other files are still checked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(repo, 'tests/fixtures');
// Preloaded into the check: listing content/inspections throws, as a bug outside any one file would.
const listingFails = pathToFileURL(path.join(fixtures, 'hostile/internal-failure/listing-fails.mjs')).href;

function checkWithBug(env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', listingFails, 'src/check/cli.ts', 'tests/fixtures/valid'], {
    cwd: repo,
    env: { ...process.env, NO_COLOR: '1', DEBUG: '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check when the tool itself fails', () => {
  it('prints one line saying it is a bug in the tool, exits with 2, and shows no stack', () => {
    const { status, stdout, stderr } = checkWithBug();
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^The check failed: simulated failure listing the inspections; this is a bug in the tool, .*please report it/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('shows the stack with DEBUG=1', () => {
    const { status, stderr } = checkWithBug({ DEBUG: '1' });
    expect(status).toBe(2);
    expect(stderr).toMatch(/^The check failed: simulated failure listing the inspections; this is a bug in the tool/);
    expect(stderr).toMatch(/\n\s+at .*load-project\.ts/);
  });
});

describe('an unexpected failure reading one content file', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-read-'));
    fs.cpSync(path.join(fixtures, 'valid'), root, { recursive: true });
    // A second inspection whose inspection.yaml is a folder: reading it throws (EISDIR).
    fs.mkdirSync(path.join(root, 'content/inspections/eastbrook-2024/inspection.yaml'), { recursive: true });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is an error on that file, and the other files are still checked', () => {
    const { diagnostics, project } = loadProject(root);
    expect(diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([['content/inspections/eastbrook-2024/inspection.yaml', 1, 'internal-error']]);
    expect(diagnostics[0]!.message).toMatch(/^could not be read: EISDIR.*; this is a bug in the tool/);
    expect(project.inspections.map((i) => i.slug)).toEqual(['eastbrook-2023']);
  });
});
