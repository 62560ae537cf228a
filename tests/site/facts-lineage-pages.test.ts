/**
 * Facts that combine and the lineage of services, on the shared sample build: Northmoor's 2024
 * inspection is a joint reinspection (partners and reinspectionOf) of the 2022 inspection of
 * Northmoor and Fellside Youth Offending Service, the name Northmoor had before it was renamed.
 * Everything reads files of the shared build: no build of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedSite, unplannedStderr } from '../support/shared-site.ts';

let dist: string;
const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
const page = (file: string): Root => fromHtml(read(file));
const textOf = (node: Root | Element): string => node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  const shared = await sharedSite();
  expect(unplannedStderr(shared.stderr)).toBe('');
  dist = shared.dist;
}, 600_000);

describe('a joint reinspection, wherever its kind is shown', () => {
  it('is listed and filtered as a joint reinspection', () => {
    const row = select('#inspections tbody tr[data-slug="northmoor-2024"]', page('inspections/index.html'))!;
    expect(row.properties.dataKind).toBe('joint-reinspection');
    expect(squash(textOf(row))).toContain('Joint reinspection, England');
    const filter = page('inspections/kind/joint-reinspection/index.html');
    expect(squash(textOf(select('h1', filter)!))).toMatch(/Joint reinspection/);
    // Cardiff 2022 too: a historic record, joint by "joint: true" (its source does not name the partners).
    expect(selectAll('#inspections tbody tr', filter).map((tr) => tr.properties.dataSlug)).toEqual(['northmoor-2024', 'cardiff-2022']);
  });

  it('is titled so on its report page, its PDF and in the feed', async () => {
    expect(squash(textOf(select('main h1', page('inspections/northmoor-2024/index.html'))!))).toBe('A joint reinspection of Northmoor Youth Justice Service');
    const pdf = await getDocument({ data: new Uint8Array(fs.readFileSync(path.join(dist, 'inspections/northmoor-2024/report.pdf'))), verbosity: 0 }).promise;
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    await pdf.destroy();
    expect(info.Title).toBe('A joint reinspection of Northmoor Youth Justice Service');
    expect(read('feed.xml')).toContain('<category term="joint-reinspection" label="Joint reinspection"/>');
  });

  it('is marked "(joint reinspection)" in the ratings table and the annual report, and so in the open data', () => {
    const header = selectAll('.app-ratings-table tbody th', page('ratings/index.html')).find((th) => select('a[href="/inspections/northmoor-2024/"]', th))!;
    expect(squash(textOf(header))).toBe('Northmoor Youth Justice Service (joint reinspection)');
    expect(read('annual-reports/2026/index.html')).toContain('Northmoor Youth Justice Service (joint reinspection)');
    const ratings = JSON.parse(read('data/ratings.json')) as { rows: Record<string, unknown>[] };
    expect(ratings.rows.find((r) => r.slug === 'northmoor-2024')!.kind).toBe('joint-reinspection');
    expect(read('data/ratings.csv').split('\n').find((line) => line.startsWith('northmoor-2024,'))).toContain(',joint-reinspection,');
    const { inspections } = JSON.parse(read('data/inspections.json')) as { inspections: Record<string, unknown>[] };
    expect(inspections.find((i) => i.slug === 'northmoor-2024')).toMatchObject({ kind: 'joint-reinspection', kindLabel: 'Joint reinspection', partners: ['Ofsted'], reinspectionOf: 'northmoor-2022' });
  });
});

describe('a service page across its lineage', () => {
  it('says how the service came to be, linking the service it came from', () => {
    const main = select('main', page('services/northmoor/index.html'))!;
    const lineage = select('.app-lineage', main)!;
    expect(squash(textOf(select('h2', lineage)!))).toBe('Changes to the service');
    expect(selectAll('li', lineage).map((li) => squash(textOf(li)))).toEqual(['Northmoor and Fellside Youth Offending Service was renamed Northmoor Youth Justice Service on 1 April 2023.']);
    expect(selectAll('a', lineage).map((a) => a.properties.href)).toEqual(['/services/northmoor-and-fellside/']);
  });

  it('lists the ratings history across the lineage, the predecessor’s inspection marked as its own', () => {
    const main = select('main', page('services/northmoor/index.html'))!;
    const rows = selectAll('#inspections tbody tr', main);
    expect(rows.map((tr) => tr.properties.dataSlug)).toEqual(['northmoor-2024', 'northmoor-2022']);
    expect(select('.app-lineage-mark', rows[0]!)).toBeFalsy();
    expect(squash(textOf(select('.app-lineage-mark', rows[1]!)!))).toBe('An inspection of Northmoor and Fellside Youth Offending Service, which this service came from');
    expect(selectAll('th, td', rows[0]!).map((cell) => squash(textOf(cell)))).toEqual(['2024 joint reinspectionwith Ofsted', '4 March 2024 to 8 March 2024', '30 April 2024', 'Good', '22 out of 36']);
    // The reinspection set against the inspection of the service it came from.
    expect(squash(textOf(select('.app-compare h2', main)!))).toBe('The 2024 joint reinspection compared with the 2022 inspection of Northmoor and Fellside Youth Offending Service');
  });

  it('gives the older service its own page, linking the service it became', () => {
    const main = select('main', page('services/northmoor-and-fellside/index.html'))!;
    expect(selectAll('.app-lineage a', main).map((a) => a.properties.href)).toEqual(['/services/northmoor/']);
    expect(selectAll('#inspections tbody tr', main).map((tr) => tr.properties.dataSlug)).toEqual(['northmoor-2022']);
    expect(select('.app-lineage-mark', main)).toBeFalsy();
  });

  it('gives no page to a service without a public inspection, nor links to one', () => {
    // Western Bay has one now: its 2018 inspection (a historic record).
    for (const slug of ['swansea']) expect(fs.existsSync(path.join(dist, `services/${slug}/index.html`)), slug).toBe(false);
  });
});
