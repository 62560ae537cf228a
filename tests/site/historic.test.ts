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

  it('records Cardiff 2022 as a joint reinspection whose partners the source does not name: page, lists and open data', () => {
    const page = read('inspections/cardiff-2022/index.html');
    expect(page).toMatch(/<h1[^>]*>Cardiff Youth Justice Service: historic record of the 2022 joint reinspection<\/h1>/);
    expect(page).toMatch(/Carried out with<\/dt><dd[^>]*>The source does not name the partner inspectorates\.<\/dd>/);
    expect(read('inspections/kind/joint-reinspection/index.html')).toContain('href="/inspections/cardiff-2022/"');
    expect(read('services/cardiff/index.html')).toContain('2022 joint reinspection</a><span class="govuk-body-s"><br>with partner inspectorates that the source does not name</span>');
    const csv = read('data/ratings.csv').split('\r\n');
    const header = csv[0]!.split(',');
    expect(csv.find((line) => line.startsWith('cardiff-2022,'))!.split(',')[header.indexOf('kind')]).toBe('joint-reinspection');
    const json = JSON.parse(read('data/inspections.json')) as unknown;
    const list = (Array.isArray(json) ? json : Object.values(json as object).find(Array.isArray)) as { slug: string; kind: string; partners: string[] | null; published: string; composite: { score: number | null } }[];
    expect(list.find((i) => i.slug === 'cardiff-2022')).toMatchObject({ kind: 'joint-reinspection', partners: null });
    // Western Bay 2018: the year alone, and no composite score.
    expect(list.find((i) => i.slug === 'western-bay-2018')).toMatchObject({ published: '2018', composite: { score: null } });
    expect(csv.find((line) => line.startsWith('western-bay-2018,'))!.split(',')[header.indexOf('composite score')]).toBe('');
  });

  it('records Western Bay 2018 by its year, without a score, followed up across the lineage by Bridgend and Neath Port Talbot', () => {
    const page = read('inspections/western-bay-2018/index.html');
    expect(page).toContain('The inspection was published in 2018, before this site');
    expect(page).toMatch(/Composite score<\/dt><dd[^>]*>Not published: the source does not give it/);
    expect(page).toMatch(/Followed up by<\/dt><dd[^>]*><ul[^>]*><li><a[^>]*href="\/inspections\/bridgend-2022\/">the 2022 reinspection of Bridgend Youth Justice Service<\/a><\/li><li><a[^>]*href="\/inspections\/neath-port-talbot-2022\/">/);
    const westernBay = read('services/western-bay/index.html');
    expect(westernBay).toMatch(/Followed up by the <a[^>]*href="\/inspections\/bridgend-2022\/"/);
    expect(westernBay).toMatch(/Followed up by the <a[^>]*href="\/inspections\/neath-port-talbot-2022\/"/);
    for (const service of ['bridgend', 'neath-port-talbot']) {
      const servicePage = read(`services/${service}/index.html`);
      expect(servicePage, service).toContain('href="/inspections/western-bay-2018/"');
      expect(servicePage, service).toContain('the scores cannot be compared, because the source of the 2018 inspection of Western Bay');
    }
    expect(read(`inspections/bridgend-2022/index.html`)).toMatch(/Reinspection of[\s\S]*href="\/inspections\/western-bay-2018\/"/);
    // A feed entry needs a day: a record known only by its year is left out of the feeds, not given a made-up one.
    expect(read('feed.xml')).not.toContain('western-bay-2018');
    expect(fs.existsSync(path.join(dist, 'services/western-bay/feed.xml'))).toBe(false);
    expect(westernBay).not.toContain('/services/western-bay/feed.xml');
    expect(read('services/bridgend/index.html')).toContain('href="/services/bridgend/feed.xml"');
  });
});
