/**
 * The one sample build the site, browser and document tests share: a copy of the project with every
 * planting of planted.ts, built once as the public site (dist/) and once as the drafts preview
 * (preview/), both on BUILD_DATE. Built by whichever test file asks first; the files running in
 * other workers wait for it (a lock folder, then a result file) instead of building again. The folder
 * comes from tests/support/global-setup.ts, which removes it after the run. Tests must only read it:
 * to change content or rebuild, take a copy with copyProject(project).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { BUILD_DATE, plantAll, TRACKER_THEMATICS } from './planted.ts';
import { copyProject, epochOf, runTool, snapshotTree } from './project-copy.ts';

export { BUILD_DATE };

export interface BuildRun {
  stdout: string;
  stderr: string;
  seconds: number;
}

export interface SharedSite extends BuildRun {
  project: string;
  dist: string;
  /** dist/ right after the public build, file by file (SHA-256), to show the preview build leaves it alone. */
  distHashes: Record<string, string>;
}

export interface SharedPreview extends SharedSite {
  preview: string;
  previewRun: BuildRun;
}

/**
 * A build's stderr without the one warning planted on purpose (tracker.test.ts's thematic report with
 * a recommendation not yet ready for the tracker) and the check's count of it: '' when the build said
 * nothing else.
 */
export function unplannedStderr(stderr: string): string {
  return stderr
    .replace(new RegExp(`^content/thematic/${TRACKER_THEMATICS.awkward}/thematic\\.yaml:\\d+:\\d+ {2}warning {2}tracker-incomplete .*\n(?: {4}hint: .*\n)?`, 'm'), '')
    .replace(/^Checked \d+ files: 0 errors and 1 warning in 1 file\.\n/m, '');
}

/** Every file under a folder with the SHA-256 of its bytes. */
export function hashTree(root: string): Record<string, string> {
  return Object.fromEntries([...snapshotTree(root)].map(([file, bytes]) => [file, crypto.createHash('sha256').update(bytes).digest('hex')]));
}

function build(project: string, args: string[]): BuildRun {
  const started = Date.now();
  const result = runTool(project, 'src/build/cli.ts', args, { SOURCE_DATE_EPOCH: epochOf(BUILD_DATE) });
  if (result.status !== 0) throw new Error(`The shared build ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}\n${result.stdout}`);
  return { stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
}

/** Runs `make` in exactly one test process per run; the others wait for its result file. */
async function once<T>(name: string, make: () => Promise<T>): Promise<T> {
  const root = inject('sharedSiteRoot');
  const resultFile = path.join(root, `${name}.json`);
  let mine = true;
  try {
    fs.mkdirSync(path.join(root, `${name}.lock`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    mine = false;
  }
  if (mine) {
    let result: { value?: T; error?: string };
    try {
      result = { value: await make() };
    } catch (error) {
      result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    // Written whole, then renamed: a waiting process never reads half a file.
    fs.writeFileSync(`${resultFile}.part`, JSON.stringify(result));
    fs.renameSync(`${resultFile}.part`, resultFile);
  }
  while (!fs.existsSync(resultFile)) await new Promise((resolve) => setTimeout(resolve, 200));
  const { value, error } = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { value?: T; error?: string };
  if (error !== undefined) throw new Error(`The shared sample build failed:\n${error}`);
  return value!;
}

/** The shared copy, built as the public site. */
export function sharedSite(): Promise<SharedSite> {
  return once('site', async () => {
    const project = path.join(inject('sharedSiteRoot'), 'project');
    copyProject({ to: project });
    await plantAll(project);
    const run = build(project, []);
    const dist = path.join(project, 'dist');
    return { project, dist, distHashes: hashTree(dist), ...run };
  });
}

/** The shared copy, built as the public site and then as the drafts preview (so its PDF cache is complete too). */
export function sharedPreview(): Promise<SharedPreview> {
  return once('preview', async () => {
    const site = await sharedSite();
    const previewRun = build(site.project, ['--drafts']);
    return { ...site, preview: path.join(site.project, 'preview'), previewRun };
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    sharedSiteRoot: string;
  }
}
