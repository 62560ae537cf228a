import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * A throwaway copy of the project (sharing node_modules) to build and break without touching the real
 * one, in `to` or a new temporary folder. With `from`, a copy of that already built copy instead, its
 * dist/ and PDF cache included (not its preview/ or work folders), to build again without starting cold.
 */
export function copyProject({ from, to }: { from?: string; to?: string } = {}): string {
  const dir = to ?? fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-build-'));
  if (from) {
    fs.cpSync(from, dir, { recursive: true, verbatimSymlinks: true, filter: (file) => !['preview', '.build'].includes(path.relative(from, file)) });
    return dir;
  }
  for (const entry of ['src', 'content', 'templates', 'public', 'schemas', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    const source = path.join(repo, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * The environment the tool runs in, as a person's shell would give it: without what vitest adds
 * (NODE_ENV=test, and import.meta.env's MODE, DEV, PROD, SSR and BASE_URL copied into
 * process.env), which Astro would otherwise read into the pages it builds.
 */
export function toolEnvironment(): NodeJS.ProcessEnv {
  const added = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !added.has(name) && !name.startsWith('VITEST')));
}

/**
 * Runs a TypeScript entry point of the tool in a project folder, on the Node that runs the tests
 * (the project's Node 24), as `npm run build` does: on Node's own type stripping, without tsx, whose
 * loader in the tool's process and each of its children cost a CPU-second or two a build.
 */
export function runTool(cwd: string, script: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, env: { ...toolEnvironment(), NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder with its bytes, for comparing whole outputs. */
export function snapshotTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), fs.readFileSync(full));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return files;
}

/** SOURCE_DATE_EPOCH for a calendar date. */
export function epochOf(date: string): string {
  return String(Date.parse(`${date}T12:00:00Z`) / 1000);
}
