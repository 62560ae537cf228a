/**
 * Historic records in the shared sample build: their own page (historic notice, link to the
 * original), no PDF or easy-read version, and a place in the ratings table, the service pages, the
 * open data and the feed, each marked as historic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedSite } from '../support/shared-site.ts';

let dist = '';
const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
const LISTING = 'https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/';

beforeAll(async () => {
  dist = (await sharedSite()).dist;
}, 300_000);

describe('a historic record in the build', () => {
  it('has a page that says it is a historic record and links to the original publication, and no PDF or easy-read version', () => {
    const page = read('inspections/york-2022/index.html');
    expect(page).toContain('This is a historic record.');
    expect(page).toMatch(new RegExp(`<a[^>]*href="${LISTING}"[^>]*>Read the original publication`));
    // Its published ratings: York 2022 was Outstanding, 32 out of 36.
    expect(page).toContain('32 out of 36');
    expect(page).not.toContain('report.pdf');
    expect(fs.readdirSync(path.join(dist, 'inspections/york-2022'))).toEqual(['index.html']);
    // A full report keeps its PDF.
    expect(fs.existsSync(path.join(dist, 'inspections/northmoor-2024/report.pdf'))).toBe(true);
  });

  it('is in the ratings table (page and year page), marked as a historic record, with its published composite', () => {
    for (const file of ['ratings/index.html', 'ratings/2022/index.html']) {
      const page = read(file);
      const row = /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*href="\/inspections\/york-2022\/"(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(page)?.[0] ?? '';
      expect(row, file).toContain('(historic record)');
      expect(row, file).toContain('32/36');
      expect(page, file).toContain('A historic record is a report published before this site');
    }
  });

  it('is in its service’s history, with the reinspection that followed it', () => {
    const page = read('services/cardiff/index.html');
    expect(page).toContain('/inspections/cardiff-2020/');
    expect(page).toContain('/inspections/cardiff-2022/');
    expect(read('inspections/cardiff-2022/index.html')).toMatch(/Reinspection of[\s\S]*href="\/inspections\/cardiff-2020\/"/);
  });

  it('is marked as historic in the open data, with no case figures', () => {
    const csv = read('data/ratings.csv').split('\r\n');
    const header = csv[0]!.split(',');
    const york = csv.find((line) => line.startsWith('york-2022,'))!.split(',');
    expect(york[header.indexOf('record')]).toBe('historic');
    expect(york[header.indexOf('fieldwork start')]).toBe('');
    const northmoor = csv.find((line) => line.startsWith('northmoor-2024,'))!.split(',');
    expect(northmoor[header.indexOf('record')]).toBe('full');
    const json = JSON.parse(read('data/inspections.json')) as { slug: string; record: string; original: string | null; sampleSize: unknown }[];
    const list = Array.isArray(json) ? json : (Object.values(json).find(Array.isArray) as typeof json);
    const entry = list.find((i) => i.slug === 'york-2022')!;
    expect(entry).toMatchObject({ record: 'historic', original: LISTING, sampleSize: null });
  });

  it('is in the feed, dated by its original publication, without a PDF link', () => {
    const feed = read('feed.xml');
    const entry = /<entry>(?:(?!<\/entry>)[\s\S])*inspections\/york-2022\/(?:(?!<\/entry>)[\s\S])*<\/entry>/.exec(feed)?.[0] ?? '';
    expect(entry).toContain('historic record');
    expect(entry).toContain('2022-12-15');
    expect(entry).not.toContain('.pdf');
  });
});
