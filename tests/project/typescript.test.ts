/** The tool's own code type-checks under strict TypeScript (after Astro generates its content types). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

it('type-checks with tsc --noEmit', () => {
  const run = (script: string, args: string[]) => spawnSync(process.execPath, [path.resolve(script), ...args], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const sync = run('node_modules/astro/bin/astro.mjs', ['sync']);
  expect(sync.status, sync.stderr).toBe(0);
  const result = run('node_modules/typescript/bin/tsc', ['--noEmit', '-p', 'tsconfig.json']);
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 120_000);
