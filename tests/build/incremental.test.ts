/**
 * Building again over an earlier build, on one copy of the shared sample build (tests/support/
 * shared-site.ts), its dist/ and PDF cache included; that build was the cold one, drawing every PDF
 * once (a document published twice, such as a planted annual report's ratings table and its year's,
 * is drawn once and copied). Each test goes on from the output and PDF cache the one before left.
 *
 * An incremental build (issue 7): only the PDFs whose inputs changed are drawn again, the reports
 * whose files did not change are found in the PDF cache without their document models being made,
 * and the result is byte for byte a fresh build's.
 *
 * `npm run build` never half-publishes: it builds into .build/dist/next and replaces dist/ only when
 * everything succeeded. A build killed half-way, one whose site-building child process is killed, or
 * one that crashes half-way, leaves the previous dist/ byte for byte as it was, and the next build
 * still succeeds. (A content error, which stops the build before anything is built, is tested in
 * build.test.ts.)
 *
 * A whole build costs about 15 s, most of it Astro's pages, which tell nothing about the PDFs: the
 * builds that only have PDFs to show are killed once their PDF line is out, half-way (PDFs written
 * into the work folder, pages not), and each of them shows that dist/ is left as it was. One whole
 * build remains, the unchanged one, which must give the cold build's bytes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, epochOf, runTool, snapshotTree, toolEnvironment } from '../support/project-copy.ts';
import { BUILD_DATE, sharedSite, unplannedStderr } from '../support/shared-site.ts';

const env = { SOURCE_DATE_EPOCH: epochOf(BUILD_DATE) };
let project: string;
let dist: string;
let next: string;

interface PdfCounts {
  rendered: number;
  fromCache: number;
  byFiles: number;
}

/** The build's PDF line: "PDFs: 1 rendered on worker threads, 20 from cache (19 found by their unchanged files, …), 0.9 s." */
const PDF_LINE = /PDFs: (\d+) rendered[^,]*, (\d+) from cache(?: \((\d+) found by their unchanged files[^)]*\))?/;
function pdfLine(stdout: string): PdfCounts {
  const match = PDF_LINE.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return { rendered: Number(match![1]), fromCache: Number(match![2]), byFiles: Number(match![3] ?? 0) };
}

/** A whole build, which must succeed. */
function build(): PdfCounts {
  const result = runTool(project, 'src/build/cli.ts', [], env);
  expect(unplannedStderr(result.stderr)).toBe('');
  expect(result.status).toBe(0);
  return pdfLine(result.stdout);
}

/** How many files a folder holds, at any depth (0 when it is not there). */
function fileCount(dir: string): number {
  try {
    return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  } catch {
    return 0;
  }
}

/** Every file of dist/ with its bytes, inode and modification time: a file written again, even with the same bytes, differs. */
function distState(): Map<string, string> {
  return new Map(
    [...snapshotTree(dist)].map(([file, bytes]) => {
      const stat = fs.statSync(path.join(dist, file), { bigint: true });
      return [file, `${crypto.createHash('sha256').update(bytes).digest('hex')} ${stat.ino} ${stat.mtimeNs}`];
    }),
  );
}

function expectDistAsItWas(before: Map<string, string>): void {
  const after = distState();
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [file, state] of before) expect(after.get(file) === state, `${file} was changed`).toBe(true);
}

/**
 * A build killed half-way: once it has said how it made the PDFs (all written into the work folder,
 * at least 20 files there) and is building the pages. Its own process group, so that the kill
 * reaches tsx's node child and Pagefind too. dist/ must be exactly as it was before.
 */
async function buildKilledAfterPdfs(): Promise<{ counts: PdfCounts; stderr: string }> {
  const before = distState();
  const child = spawn(process.execPath, ['src/build/cli.ts'], { cwd: project, env: { ...toolEnvironment(), NO_COLOR: '1', ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let running = true;
  void exited.then(() => (running = false));
  const pdfsDone = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (PDF_LINE.test(stdout)) resolve();
    }),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([pdfsDone, exited, new Promise((resolve) => (timer = setTimeout(resolve, 150_000)))]);
  clearTimeout(timer);
  const written = fileCount(next);
  expect(running, `the build ended before it could be killed half-way:\n${stdout}\n${stderr}`).toBe(true);
  process.kill(-child.pid!, 'SIGKILL');
  expect((await exited).signal).toBe('SIGKILL');
  expect(written, 'files in the work folder when the build was killed').toBeGreaterThanOrEqual(20);
  expect(unplannedStderr(stderr)).toBe('');
  expectDistAsItWas(before);
  return { counts: pdfLine(stdout), stderr };
}

let cold: PdfCounts;
let published: number;
let coldTree: Map<string, Buffer>;
beforeAll(async () => {
  const shared = await sharedSite();
  cold = pdfLine(shared.stdout);
  // Earlier versions of corrected reports (report-v1.pdf…) are copied from the content, never drawn.
  published = fs.readdirSync(shared.dist, { recursive: true }).filter((file) => String(file).endsWith('.pdf') && !/report-v\d+\.pdf$/.test(String(file))).length;
  coldTree = snapshotTree(shared.dist);
  project = copyProject({ from: shared.project });
  dist = path.join(project, 'dist');
  next = path.join(project, '.build/dist/next');
}, 600_000);
afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe('an incremental build, and npm run build never half-publishes', () => {
  /** Per-report PDFs found by their unchanged files alone, in a build with nothing changed. */
  let perReport: number;
  let editedByFiles: number;

  it('draws only the reports whose narrative or picture changed, in a build killed half-way that leaves dist/ exactly as it was', async () => {
    // The shared build was cold: every PDF drawn, but a document published twice drawn once.
    expect(cold.rendered).toBeGreaterThan(10);
    expect(cold.rendered + cold.fromCache).toBe(published);
    expect(cold.byFiles).toBe(0);

    // One report's narrative edited and another's picture changed: only those two are drawn again.
    const mdx = path.join(project, 'content/inspections/eastbrook-2023/report.mdx');
    const images = path.join(project, 'content/inspections/dudley-2019/images');
    const picture = path.join(images, fs.readdirSync(images).find((name) => name.endsWith('.svg'))!);
    const originals = new Map([mdx, picture].map((file) => [file, fs.readFileSync(file)]));
    fs.writeFileSync(mdx, `${fs.readFileSync(mdx, 'utf8').trimEnd()}\n\nThis sentence was added after the first build.\n`);
    fs.writeFileSync(picture, fs.readFileSync(picture, 'utf8').replace('</svg>', '<rect x="0" y="0" width="1" height="1" fill="#000"/></svg>'));
    const { counts: edited } = await buildKilledAfterPdfs();
    expect(edited.rendered).toBe(2);
    expect(edited.rendered + edited.fromCache).toBe(published);
    editedByFiles = edited.byFiles;
    // Every PDF but the edited ones comes from the cache, whose entries were drawn fresh by the cold
    // build, so each equals the cold build's file; the edited ones were drawn now.
    const written = snapshotTree(next);
    const pdfs = [...coldTree.keys()].filter((file) => file.endsWith('.pdf'));
    for (const file of pdfs) expect(written.has(file), `${file} in the work folder`).toBe(true);
    const redrawn = pdfs.filter((file) => !written.get(file)!.equals(coldTree.get(file)!));
    expect(redrawn.sort()).toEqual(['inspections/dudley-2019/report.pdf', 'inspections/eastbrook-2023/report.pdf']);
    // Put back as they were, for the unchanged build next.
    for (const [file, bytes] of originals) fs.writeFileSync(file, bytes);
  }, 300_000);

  it('succeeds after a build killed half-way, finds every PDF by its unchanged files, and gives the cold build’s bytes', () => {
    const distFolder = fs.statSync(dist).ino;
    // Built again with nothing changed (the edits put back): every PDF from the cache, and the same
    // bytes as the shared build (another folder, so nothing of the path leaks into the output).
    const again = build();
    expect(again.rendered).toBe(0);
    expect(again.fromCache).toBe(published);
    perReport = again.byFiles;
    expect(perReport).toBeGreaterThan(10);
    // The picture's folder is an input of that inspection's easy-read version too: found by its document, not its files.
    expect(editedByFiles).toBeLessThanOrEqual(perReport - 2);
    const unchanged = snapshotTree(dist);
    expect([...unchanged.keys()].sort()).toEqual([...coldTree.keys()].sort());
    for (const [file, bytes] of coldTree) expect(unchanged.get(file)!.equals(bytes), file).toBe(true);
    // A new dist/ was swapped in (not the old one left in place; its unchanged pages are the same
    // files, linked from Astro's cache), and the work folder left by the killed build is gone.
    expect(fs.statSync(dist).ino).not.toBe(distFolder);
    expect(fs.existsSync(path.join(project, '.build/dist'))).toBe(false);
  }, 300_000);

  it('draws a report again when a shared file changes only if its document changed, and not for a change of code that changes no document', async () => {
    // A framework is shared; this case-sample key question's wording is printed only in the report of
    // the one inspection under that framework (its annex of results), so that report alone is drawn again.
    const framework = path.join(project, 'content/frameworks/youth-2018.yaml');
    const text = fs.readFileSync(framework, 'utf8');
    const question = 'Does assessment sufficiently analyse how to keep the child or young person safe?';
    expect(text).toContain(question);
    fs.writeFileSync(framework, text.replace(question, question.replace('sufficiently ', 'well enough ')));
    const { counts: changed } = await buildKilledAfterPdfs();
    expect(changed.byFiles).toBe(0);
    expect(changed.rendered).toBe(1);

    fs.appendFileSync(path.join(project, 'src/site/paths.ts'), '\n// A comment changes no document.\n');
    const { counts: comment } = await buildKilledAfterPdfs();
    expect(comment.byFiles).toBe(0);
    expect(comment.rendered).toBe(0);
  }, 300_000);

  // Finding the child process reads /proc: Linux only (CI is Linux).
  it.skipIf(process.platform !== 'linux')('leaves dist/ exactly as it was when the site-building child process is killed, and says so', async () => {
    const before = distState();
    // The build runs the check, PDFs and pages in a child process (BUILD_STAGE=site), then indexes and swaps.
    const child = spawn(process.execPath, ['src/build/cli.ts'], { cwd: project, env: { ...toolEnvironment(), NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const siteStage = () =>
      fs.readdirSync('/proc').find((entry) => {
        if (!/^\d+$/.test(entry)) return false;
        try {
          return fs.readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes('BUILD_STAGE=site') && fs.realpathSync(`/proc/${entry}/cwd`) === fs.realpathSync(project);
        } catch {
          return false;
        }
      });
    let pid: string | undefined;
    const deadline = Date.now() + 60_000;
    while (!pid && Date.now() < deadline) {
      pid = siteStage();
      if (!pid) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(pid, 'no site-building child process was seen').toBeDefined();
    // With --expose-gc, which its phases' ends need to give the heap they freed back (src/build/pipeline.ts).
    expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0')).toContain('--expose-gc');
    process.kill(Number(pid), 'SIGKILL');
    // Stopped from outside, the tool failed (2), whatever the content: exit codes as in the README.
    expect(await exited).toBe(2);
    expect(stderr).toContain('The build failed: the site build was stopped (SIGKILL); dist/ was not changed.');
    expectDistAsItWas(before);
  }, 200_000);

  it('leaves dist/ exactly as it was when the build crashes half-way (writing a PDF fails after the checks passed)', () => {
    const before = distState();
    // The checks cannot be fooled any more (they decode every picture), so the crash is made the way a
    // bug or a full disk would make it: writing one report's PDF into the work folder fails.
    const failure = path.resolve(import.meta.dirname, '../fixtures/hostile/internal-failure/pdf-write-fails.mjs');
    const failed = runTool(project, 'src/build/cli.ts', [], { ...env, NODE_OPTIONS: `--import ${pathToFileURL(failure).href}` });
    // A failure past the checks is a bug in the tool: one line, exit 2, no stack (issue 13).
    expect(failed.status, failed.stderr).toBe(2);
    expect(failed.stderr).toMatch(/^The build failed.*this is a bug in the tool.*dist\/ was not changed\./m);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(failed.stderr).toMatch(/inspections\/dudley-2019\/report\.pdf/);
    // It failed half-way: past the checks, with the work folder started.
    expect(fs.existsSync(path.join(project, '.build/dist'))).toBe(true);
    expectDistAsItWas(before);
    // That the next build succeeds over the work folder left behind is the second test's to show.
  }, 400_000);
});
