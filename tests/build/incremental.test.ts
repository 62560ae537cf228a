/**
 * Rebuilding after one inspection is edited (issue 7): only the PDFs whose inputs changed are drawn
 * again, the reports whose files did not change are found in the PDF cache without their document
 * models being made, and the result is byte for byte a fresh build's.
 *
 * It starts from a copy of the shared sample build (tests/support/shared-site.ts), its PDF cache
 * included: that build was the cold one, drawing every PDF once (a document published twice, such
 * as a planted annual report's ratings table and its year's, is drawn once and copied).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, epochOf, runTool, snapshotTree } from '../support/project-copy.ts';
import { BUILD_DATE, sharedSite, unplannedStderr } from '../support/shared-site.ts';

const env = { SOURCE_DATE_EPOCH: epochOf(BUILD_DATE) };
let project: string;

/** The build's PDF line: "PDFs: 1 rendered on worker threads, 20 from cache (19 found by their unchanged files, …), 0.9 s." */
function pdfLine(stdout: string) {
  const match = /PDFs: (\d+) rendered[^,]*, (\d+) from cache(?: \((\d+) found by their unchanged files[^)]*\))?/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return { rendered: Number(match![1]), fromCache: Number(match![2]), byFiles: Number(match![3] ?? 0) };
}

function build() {
  const result = runTool(project, 'src/build/cli.ts', [], env);
  expect(unplannedStderr(result.stderr)).toBe('');
  expect(result.status).toBe(0);
  return pdfLine(result.stdout);
}

let cold: ReturnType<typeof pdfLine>;
let published: number;
beforeAll(async () => {
  const shared = await sharedSite();
  cold = pdfLine(shared.stdout);
  published = fs.readdirSync(shared.dist, { recursive: true }).filter((file) => String(file).endsWith('.pdf')).length;
  project = copyProject({ from: shared.project });
}, 600_000);
afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe('an incremental build', () => {
  it('draws only the edited report, finds the others by their unchanged files, and gives a fresh build’s bytes', () => {
    // The shared build was cold: every PDF drawn, but a document published twice drawn once.
    expect(cold.rendered).toBeGreaterThan(10);
    expect(cold.rendered + cold.fromCache).toBe(published);
    expect(cold.byFiles).toBe(0);
    const total = published;

    // Nothing changed: every per-report PDF is found by its files alone.
    const again = build();
    expect(again.rendered).toBe(0);
    expect(again.fromCache).toBe(total);
    const perReport = again.byFiles;
    expect(perReport).toBeGreaterThan(10);

    // One sentence added to one inspection without an easy-read version: one report PDF drawn again.
    const mdx = path.join(project, 'content/inspections/eastbrook-2023/report.mdx');
    fs.writeFileSync(mdx, `${fs.readFileSync(mdx, 'utf8').trimEnd()}\n\nThis sentence was added after the first build.\n`);
    const edited = build();
    expect(edited.rendered).toBe(1);
    expect(edited.byFiles).toBe(perReport - 1);
    const incremental = snapshotTree(path.join(project, 'dist'));

    // The same output as a build with no cache at all.
    fs.rmSync(path.join(project, '.cache'), { recursive: true, force: true });
    const fresh = build();
    // As cold as the shared build: only a document published twice comes from the cache.
    expect(fresh).toEqual(cold);
    const freshTree = snapshotTree(path.join(project, 'dist'));
    expect([...incremental.keys()].sort()).toEqual([...freshTree.keys()].sort());
    for (const [file, bytes] of freshTree) expect(incremental.get(file)!.equals(bytes), file).toBe(true);
  }, 300_000);

  // Each test goes on from the output and PDF cache the one before left, without building it again.
  it('draws a report again when a shared file changes only if its document changed', () => {
    // The publisher's details appear in every report: every report PDF must be drawn again.
    const publisher = path.join(project, 'content/publisher.yaml');
    const text = fs.readFileSync(publisher, 'utf8');
    expect(text).toMatch(/HM Inspectorate of Probation/);
    fs.writeFileSync(publisher, text.replace('HM Inspectorate of Probation', 'HM Inspectorate of Probation (test)'));
    const changed = build();
    expect(changed.byFiles).toBe(0);
    expect(changed.rendered).toBeGreaterThan(10);

    // A code comment changes the shared inputs, but no document: every model is made again, nothing drawn.
    fs.appendFileSync(path.join(project, 'src/site/paths.ts'), '\n// A comment changes no document.\n');
    const comment = build();
    expect(comment.byFiles).toBe(0);
    expect(comment.rendered).toBe(0);
  }, 300_000);

  it('draws a report again when one of its pictures changes', () => {
    const images = path.join(project, 'content/inspections/dudley-2019/images');
    const picture = fs.readdirSync(images).find((name) => name.endsWith('.svg'))!;
    const file = path.join(images, picture);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</svg>', '<rect x="0" y="0" width="1" height="1" fill="#000"/></svg>'));
    const changed = build();
    expect(changed.rendered).toBe(1);
  }, 300_000);
});
