/**
 * `npm run build`: checks the content first (the same messages as `npm run check`), then builds the
 * site into a temporary folder and swaps it into dist/ only when everything succeeded, so a failed
 * build leaves the previous output untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadProject } from '../check/load-project.ts';
import { formatReport } from '../check/diagnostics.ts';

const root = process.cwd();
const outDir = path.join(root, 'dist');
const workDir = path.join(root, '.build');
const nextDir = path.join(workDir, 'next');
const oldDir = path.join(workDir, 'previous');

async function main(): Promise<number> {
  const { diagnostics, filesChecked } = loadProject(root);
  if (diagnostics.length > 0) process.stderr.write(`${formatReport(diagnostics, filesChecked)}\n`);
  if (diagnostics.some((d) => d.severity === 'error')) {
    process.stderr.write('Build stopped: fix the errors above. dist/ was not changed.\n');
    return 1;
  }

  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const { build } = await import('astro');
  await build({ root, outDir: nextDir, logLevel: 'warn' });

  // Swap: the old output is moved aside, then the new one moved in; both renames are atomic.
  if (fs.existsSync(outDir)) fs.renameSync(outDir, oldDir);
  fs.renameSync(nextDir, outDir);
  fs.rmSync(workDir, { recursive: true, force: true });
  process.stdout.write(`Built ${path.relative(root, outDir)}/ from ${filesChecked} content files.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`The build failed; dist/ was not changed.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
