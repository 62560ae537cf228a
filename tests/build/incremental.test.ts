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
let coldTree: Map<string, Buffer>;
beforeAll(async () => {
  const shared = await sharedSite();
  cold = pdfLine(shared.stdout);
  // Earlier versions of corrected reports (report-v1.pdf…) are copied from the content, never drawn.
  published = fs.readdirSync(shared.dist, { recursive: true }).filter((file) => String(file).endsWith('.pdf') && !/report-v\d+\.pdf$/.test(String(file))).length;
  coldTree = snapshotTree(shared.dist);
  project = copyProject({ from: shared.project });
}, 600_000);
afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe('an incremental build', () => {
  it('draws only the reports whose narrative or picture changed, finds the others by their unchanged files, and gives a fresh build’s bytes', () => {
    // The shared build was cold: every PDF drawn, but a document published twice drawn once.
    expect(cold.rendered).toBeGreaterThan(10);
    expect(cold.rendered + cold.fromCache).toBe(published);
    expect(cold.byFiles).toBe(0);
    const total = published;

    // Nothing changed: every per-report PDF is found by its files alone.
    // Built again, nothing changed: every PDF from the cache, and the same bytes as the shared build
    // (another folder, so nothing of the path leaks into the output).
    const again = build();
    expect(again.rendered).toBe(0);
    expect(again.fromCache).toBe(total);
    const perReport = again.byFiles;
    expect(perReport).toBeGreaterThan(10);
    const unchanged = snapshotTree(path.join(project, 'dist'));
    expect([...unchanged.keys()].sort()).toEqual([...coldTree.keys()].sort());
    for (const [file, bytes] of coldTree) expect(unchanged.get(file)!.equals(bytes), file).toBe(true);

    // One report's narrative edited and another's picture changed: only those two are drawn again.
    const mdx = path.join(project, 'content/inspections/eastbrook-2023/report.mdx');
    fs.writeFileSync(mdx, `${fs.readFileSync(mdx, 'utf8').trimEnd()}\n\nThis sentence was added after the first build.\n`);
    const images = path.join(project, 'content/inspections/dudley-2019/images');
    const picture = path.join(images, fs.readdirSync(images).find((name) => name.endsWith('.svg'))!);
    fs.writeFileSync(picture, fs.readFileSync(picture, 'utf8').replace('</svg>', '<rect x="0" y="0" width="1" height="1" fill="#000"/></svg>'));
    const edited = build();
    expect(edited.rendered).toBe(2);
    // The picture's folder is an input of that inspection's easy-read version too: found by its document, not its files.
    expect(edited.byFiles).toBeLessThanOrEqual(perReport - 2);
    // A fresh build's bytes: every PDF but the edited ones comes from the cache, whose entries were
    // drawn fresh by the cold build, so each equals the cold build's file; the edited ones were drawn now.
    const incremental = snapshotTree(path.join(project, 'dist'));
    const pdfs = [...coldTree.keys()].filter((file) => file.endsWith('.pdf'));
    const redrawn = pdfs.filter((file) => !incremental.get(file)!.equals(coldTree.get(file)!));
    expect(redrawn.sort()).toEqual(['inspections/dudley-2019/report.pdf', 'inspections/eastbrook-2023/report.pdf']);
  }, 300_000);

  // Each test goes on from the output and PDF cache the one before left, without building it again.
  it('draws a report again when a shared file changes only if its document changed, and not for a change of code that changes no document', () => {
    // A framework is shared; this case-sample key question's wording is printed only in the report of
    // the one inspection under that framework (its annex of results), so that report alone is drawn again.
    const framework = path.join(project, 'content/frameworks/youth-2018.yaml');
    const text = fs.readFileSync(framework, 'utf8');
    const question = 'Does assessment sufficiently analyse how to keep the child or young person safe?';
    expect(text).toContain(question);
    fs.writeFileSync(framework, text.replace(question, question.replace('sufficiently ', 'well enough ')));
    const changed = build();
    expect(changed.byFiles).toBe(0);
    expect(changed.rendered).toBe(1);

    fs.appendFileSync(path.join(project, 'src/site/paths.ts'), '\n// A comment changes no document.\n');
    const comment = build();
    expect(comment.byFiles).toBe(0);
    expect(comment.rendered).toBe(0);
  }, 300_000);
});
