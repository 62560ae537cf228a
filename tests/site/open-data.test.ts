/**
 * Issue 16, items 4 and 8: the professional-judgement rationale published (report page and PDF,
 * ratings page and PDF, open data), and the richer open data. Figures are computed here from the
 * model, never typed; the built files come from the shared sample build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { judgementNoteId } from '../../src/document/report-tables.ts';
import { isPublic } from '../../src/model/project.ts';
import { pdftotext } from '../support/extracted-words.ts';
import { BUILD_DATE, sharedSite } from '../support/shared-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { project } = loadProject(root);
const published = project.inspections.filter((i) => isPublic(i, BUILD_DATE));
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

// Northmoor 2024 carries a `*` in the ratings table: its rationale as the inspectors wrote it.
const northmoor = published.find((i) => i.slug === 'northmoor-2024')!;
const judged = northmoor.rating.standards.filter((s) => s.professionalJudgement);
const written = (id: string) => squash(northmoor.source.ratings[id]?.override?.rationale ?? '');

let dist = '';
const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');

beforeAll(async () => {
  dist = (await sharedSite()).dist;
}, 600_000);

describe('professional judgement explained (item 4)', () => {
  it('the sample has a rating by professional judgement with a written rationale, and the model carries it', () => {
    expect(judged.length).toBeGreaterThan(0);
    for (const standard of judged) {
      expect(written(standard.id).length).toBeGreaterThan(40);
      expect(squash(standard.judgementRationale ?? '')).toBe(written(standard.id));
    }
    // A rating the figures give keeps no rationale.
    expect(northmoor.rating.standards.filter((s) => !s.professionalJudgement).every((s) => s.judgementRationale === null)).toBe(true);
  });

  it('the report page gives the rationale beside the rating and under the ratings summary', () => {
    const page = fromHtml(read('inspections/northmoor-2024/index.html'));
    for (const standard of judged) {
      const note = select(`#${judgementNoteId(standard.id)}`, page);
      expect(note, `a note on ${standard.id}`).toBeDefined();
      expect(squash(toString(select('main', page)!))).toContain(written(standard.id));
      // Twice: beside the rating in the standard's section and in the summary table's note.
      expect(squash(toString(select('main', page)!)).split(written(standard.id)).length - 1).toBeGreaterThanOrEqual(2);
    }
  });

  it('the report PDF gives the rationale', () => {
    const text = pdftotext(fs.readFileSync(path.join(dist, 'inspections/northmoor-2024/report.pdf')));
    if (text === undefined) return; // no pdftotext on this machine
    // Line breaks and hyphenation aside: the first and last words of the rationale are in the text.
    const flat = squash(text);
    for (const standard of judged) {
      const words = written(standard.id).split(' ');
      expect(flat).toContain(words.slice(0, 6).join(' '));
      expect(flat).toContain(`${standard.id} ${standard.name}:`);
    }
  });

  it('the ratings page quotes each rationale under the table and links to it in the report', () => {
    const page = fromHtml(read('ratings/index.html'));
    const main = squash(toString(select('main', page)!));
    for (const standard of judged) {
      expect(main).toContain(written(standard.id));
      expect(select(`a[href="/inspections/northmoor-2024/#${judgementNoteId(standard.id)}"]`, page)).toBeDefined();
    }
    expect(main).toContain('the reasons are quoted after the table');
  });

  it('the ratings PDF quotes the rationale after the table', () => {
    const text = pdftotext(fs.readFileSync(path.join(dist, 'ratings/ratings.pdf')));
    if (text === undefined) return;
    const flat = squash(text);
    expect(flat).toContain('Ratings by professional judgement');
    for (const standard of judged) expect(flat).toContain(written(standard.id).split(' ').slice(0, 6).join(' '));
  });

  it('the open data gives the rationale: inspections.json, ratings.json and ratings.csv', () => {
    const inspections = JSON.parse(read('data/inspections.json')) as { inspections: { slug: string; standards: { id: string; judgementRationale: string | null }[] }[] };
    const ratings = JSON.parse(read('data/ratings.json')) as { rows: Record<string, string | null>[] };
    const csv = read('data/ratings.csv');
    const entry = inspections.inspections.find((i) => i.slug === 'northmoor-2024')!;
    const row = ratings.rows.find((r) => r.slug === 'northmoor-2024')!;
    for (const standard of judged) {
      expect(squash(entry.standards.find((s) => s.id === standard.id)!.judgementRationale ?? '')).toBe(written(standard.id));
      expect(squash(row[`${standard.id} rationale`] ?? '')).toBe(written(standard.id));
      expect(row[`${standard.id} judgement`]).toBe('yes');
    }
    expect(csv.split('\r\n')[0]).toContain(`${judged[0]!.id} rationale`);
    expect(squash(csv)).toContain(written(judged[0]!.id).replace(/"/g, '""'));
    // Standards rated from the figures have no rationale in the data.
    for (const r of ratings.rows) for (const [name, value] of Object.entries(r)) if (name.endsWith(' rationale') && r[name.replace(' rationale', ' judgement')] !== 'yes') expect(value).toBeNull();
  });
});
