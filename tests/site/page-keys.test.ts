/**
 * The pages' cache keys (src/site/page-keys.ts): Astro's incremental build copies a page whose key
 * did not change, so a key must change with every file the page shows and with nothing else.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PageKeys, folderOf } from '../../src/site/page-keys.ts';
import { handedOver, handOver, type BuildHandoff } from '../../src/site/handoff.ts';
import { pictureKey } from '../../src/site/picture-routes.ts';
import { FolderDigests, reportInputs, sharedInputs } from '../../src/site/pdf-inputs.ts';

let root: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};
/** Keys as a build made now would have them (a new PageKeys per build, as the pipeline makes). */
const keys = (options: { drafts?: boolean; buildDate?: string } = {}) =>
  new PageKeys({ root, shared: sharedInputs(root, options.drafts ?? false), folders: new FolderDigests(root), buildDate: options.buildDate ?? '2026-12-01', drafts: options.drafts ?? false, siteUrl: 'https://reports.example/' });

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'page-keys-'));
  write('content/services/ashby.yaml', 'name: Ashby\n');
  for (const slug of ['ashby-2024', 'ashby-2025']) {
    write(`content/inspections/${slug}/inspection.yaml`, `service: ashby\nstatus: published\n`);
    write(`content/inspections/${slug}/cases.csv`, 'case,answer\n1,yes\n');
    write(`content/inspections/${slug}/report.mdx`, `# ${slug}\n\nWhat the inspectors found.\n`);
  }
  write('content/thematic/girls-2020/thematic.yaml', 'title: Girls\n');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the pages’ cache keys', () => {
  it('change for the edited report’s own pages only when its narrative is edited', () => {
    const before = keys();
    const [edited, other] = ['content/inspections/ashby-2024', 'content/inspections/ashby-2025'];
    const was = { site: before.site(), edited: before.report(edited), other: before.report(other), feed: before.reports([edited, other]) };
    write(`${edited}/report.mdx`, '# ashby-2024\n\nWhat the inspectors found, and one more sentence.\n');
    const after = keys();
    expect(after.report(edited)).not.toBe(was.edited);
    expect(after.reports([other, edited])).not.toBe(was.feed);
    expect(after.report(other)).toBe(was.other);
    expect(after.site()).toBe(was.site);
  });

  it('change for every page when a report’s metadata, a shared file, a new report, the build date or drafts change', () => {
    const base = keys();
    const was = { site: base.site(), report: base.report('content/inspections/ashby-2025') };
    const changes: [string, () => PageKeys][] = [
      ['ratings (cases.csv)', () => (write('content/inspections/ashby-2024/cases.csv', 'case,answer\n1,no\n'), keys())],
      ['inspection.yaml', () => (write('content/inspections/ashby-2024/inspection.yaml', 'service: ashby\nstatus: draft\n'), keys())],
      ['an easy-read version added', () => (write('content/inspections/ashby-2024/easy-read.mdx', 'Easy read.\n'), keys())],
      ['a service', () => (write('content/services/ashby.yaml', 'name: Ashby and Bray\n'), keys())],
      ['the build date', () => keys({ buildDate: '2026-12-02' })],
      ['drafts', () => keys({ drafts: true })],
    ];
    const seen = new Set([was.site]);
    for (const [what, change] of changes) {
      const after = change();
      expect(seen.has(after.site()), what).toBe(false);
      expect(after.report('content/inspections/ashby-2025'), what).not.toBe(was.report);
      seen.add(after.site());
    }
  });

  it('name a report’s folder from its narrative, its slug when it has none (a historic record), or its thematic.yaml', () => {
    expect(folderOf({ slug: 'ashby-2024', narrativeFile: 'content/inspections/ashby-2024/report.mdx' })).toBe('content/inspections/ashby-2024');
    expect(folderOf({ slug: 'ashby-2019', narrativeFile: '' })).toBe('content/inspections/ashby-2019');
    expect(folderOf({ file: 'content/thematic/girls-2020/thematic.yaml' })).toBe('content/thematic/girls-2020');
  });

  it('of a historic record (no narrative) stay the same from build to build, and no key is made from a folder that is not one report’s', () => {
    // A historic record's page was keyed by the project's own folder, output and caches included: a new key every build.
    write('content/inspections/ashby-2019/inspection.yaml', 'service: ashby\nstatus: published\nhistoric: true\n');
    const historic = { slug: 'ashby-2019', narrativeFile: '' };
    const was = keys().report(folderOf(historic));
    write('dist/inspections/ashby-2019/index.html', '<h1>Built</h1>');
    write('.cache/astro/incremental-build.json', '{}');
    expect(keys().report(folderOf(historic))).toBe(was);
    write('content/inspections/ashby-2019/inspection.yaml', 'service: ashby\nstatus: published\nhistoric: true\nrating: good\n');
    expect(keys().report(folderOf(historic))).not.toBe(was);
    for (const folder of ['.', '', 'content', 'content/inspections', 'content/frameworks/youth-2021', 'content/inspections/ashby-2024/images']) {
      expect(() => keys().report(folder), folder).toThrow(/not a report's folder/);
    }
  });

  it('read a report’s folder once per build for its pages and its PDFs, and read it afresh in the next build', () => {
    const folder = 'content/inspections/ashby-2024';
    const reads = vi.spyOn(fs, 'readFileSync');
    const readsOfFolder = () => reads.mock.calls.filter(([file]) => String(file).startsWith(path.join(root, folder) + path.sep)).length;
    try {
      const folders = new FolderDigests(root);
      const build = new PageKeys({ root, shared: sharedInputs(root, false), folders, buildDate: '2026-12-01', drafts: false, siteUrl: 'https://reports.example/' });
      const page = build.report(folder);
      const once = readsOfFolder();
      // Its report.mdx, cases.csv and inspection.yaml at least.
      expect(once).toBeGreaterThanOrEqual(3);
      const pdfs = ['report', 'easy-read', 'report:cy'].map((kind) => reportInputs('shared', kind, folders.of(folder)));
      expect(new Set(pdfs).size).toBe(3);
      expect(readsOfFolder()).toBe(once);
      // The next build's digests are its own: an edit made between the two is seen.
      write(`${folder}/report.mdx`, '# ashby-2024\n\nWhat the inspectors found, said again.\n');
      const next = new FolderDigests(root);
      expect(reportInputs('shared', 'report', next.of(folder))).not.toBe(pdfs[0]);
      expect(readsOfFolder()).toBeGreaterThan(once);
      expect(keys().report(folder)).not.toBe(page);
    } finally {
      reads.mockRestore();
    }
  });

  it('of a report’s pictures change with the picture and the code, not with its report’s narrative or metadata', () => {
    const folder = 'content/inspections/ashby-2025';
    write(`${folder}/images/team.svg`, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const image = { source: path.join(root, folder, 'images/team.svg'), name: 'team.png', square: 300 };
    const before = handedOver();
    const keyIn = (pageKeys: PageKeys) => {
      handOver({ ...before, pageKeys } as BuildHandoff);
      return pictureKey(image);
    };
    try {
      const was = keyIn(keys());
      expect(was).toMatch(/^[0-9a-f]{64}$/);
      write(`${folder}/report.mdx`, '# ashby-2025\n\nWhat the inspectors found, at more length.\n');
      write(`${folder}/cases.csv`, 'case,answer\n1,no\n');
      expect(keyIn(keys())).toBe(was);
      // Another size of the same picture, its bytes, the code (src/): each a new key.
      expect(pictureKey({ ...image, square: 200 })).not.toBe(was);
      write(`${folder}/images/team.svg`, '<svg xmlns="http://www.w3.org/2000/svg" width="12" height="10"/>');
      const redrawn = keyIn(keys());
      expect(redrawn).not.toBe(was);
      write('src/renderer.ts', '// the code changed\n');
      expect(keyIn(keys())).not.toBe(redrawn);
    } finally {
      handOver(before as BuildHandoff);
    }
  });

  it('of the code are the same in every folder, change with Astro’s configuration, and are read once per build however many pages ask', () => {
    write('astro.config.mjs', 'export default {};\n');
    const build = keys();
    const reads = vi.spyOn(fs, 'readFileSync');
    try {
      const code = build.code();
      const once = reads.mock.calls.length;
      for (let page = 0; page < 100; page++) expect(build.code()).toBe(code);
      expect(reads.mock.calls.length).toBe(once);
    } finally {
      reads.mockRestore();
    }
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'page-keys-copy-'));
    try {
      fs.cpSync(root, copy, { recursive: true });
      expect(new PageKeys({ root: copy, shared: sharedInputs(copy, false), folders: new FolderDigests(copy), buildDate: '2026-12-01', drafts: false, siteUrl: 'https://reports.example/' }).code()).toBe(build.code());
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
    write('astro.config.mjs', 'export default { trailingSlash: "always" };\n');
    expect(keys().code()).not.toBe(build.code());
  });
});
