/**
 * The ratings PDF as assistive technology reads it, from its structure tree (tests/support/pdf-tables.ts):
 * one row per inspection whose row header (TH, Row scope) holds the service and the date its report
 * was published, each rating as its word, composites out of 36, one "Not rated" and never "n/a",
 * short column headers read in full, and the table starting on page 1. Drawn in process from the
 * sample content (no build).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { formatDate } from '../../src/document/dates.ts';
import { ratingsDocument } from '../../src/document/ratings-document.ts';
import { ratingsOrder } from '../../src/document/ratings-table.ts';
import { hasComposite, isPublic } from '../../src/model/project.ts';
import { renderDocumentPdf } from '../../src/pdf/render-document.ts';
import { pdfTables, type PdfTable } from '../support/pdf-tables.ts';
import { BUILD_DATE } from '../support/shared-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { project } = loadProject(root);
const published = ratingsOrder(project.inspections.filter((i) => isPublic(i, BUILD_DATE)));
const RATING_WORD = /^(?:\S+ )?(Outstanding|Good|Requires improvement|Inadequate|Not rated|Unclear)\*?$/;

describe('the ratings PDF’s tables, read from the structure tree', () => {
  let tables: PdfTable[];
  beforeAll(async () => {
    const { bytes } = await renderDocumentPdf(ratingsDocument(project, published, { buildDate: BUILD_DATE }));
    tables = await pdfTables(bytes);
  });

  it('has one row per inspection in every ratings table, each led by a row header with the service and the date published', () => {
    const ratings = tables.filter((t) => t.caption.startsWith('Ratings of'));
    expect(ratings.length).toBeGreaterThan(0);
    for (const table of ratings) {
      const body = table.rows.filter((r) => r.section === 'TBody');
      expect(body, table.caption).toHaveLength(published.length);
      body.forEach((row, index) => {
        const inspection = published[index]!;
        const [first, ...rest] = row.cells;
        expect([first?.role, first?.scope], `${table.caption}, row ${index + 1}`).toEqual(['TH', 'Row']);
        expect(first!.text).toContain(inspection.service.name);
        expect(first!.text).toContain(formatDate(inspection.source.published));
        expect(rest.every((c) => c.role === 'TD')).toBe(true);
      });
      // Column headers: short, each standard's read in full through /Alt.
      const head = table.rows.filter((r) => r.section === 'THead');
      expect(head).toHaveLength(1);
      for (const th of head[0]!.cells) {
        expect([th.role, th.scope]).toEqual(['TH', 'Column']);
        if (/^\d+\.\d+$/.test(th.text)) expect(th.alt).toMatch(new RegExp(`^${th.text.replace('.', '\\.')} [A-Z]`));
      }
    }
  });

  it('shows every rating as its word, every composite out of 36, and "Not rated" (never "n/a") where a rating is missing', () => {
    const ratings = tables.filter((t) => t.caption.startsWith('Ratings of'));
    const cells = ratings.flatMap((t) => t.rows.flatMap((r) => r.cells));
    expect(cells.filter((c) => /\bn\/a\b/i.test(c.text)).map((c) => c.text)).toEqual([]);
    const first = ratings[0]!;
    const columns = first.rows[0]!.cells.map((c) => c.text);
    const score = columns.indexOf('Score');
    expect(score).toBeGreaterThan(0);
    for (const [index, row] of first.rows.filter((r) => r.section === 'TBody').entries()) {
      const composite = row.cells[score]!.text;
      if (published[index]!.rating.overall.rating === 'not-rated') expect(composite).toMatch(RATING_WORD);
      // A historic record whose source gives no score says so, never 0.
      else if (!hasComposite(published[index]!)) expect(composite).toBe('Not published');
      else expect(composite).toMatch(/^\d+\/36†?$/);
    }
    for (const table of ratings) {
      const standardColumns = table.rows[0]!.cells.flatMap((c, i) => (/^\d+\.\d+$|^Overall$/.test(c.text) ? [i] : []));
      expect(standardColumns.length).toBeGreaterThan(0);
      for (const row of table.rows.filter((r) => r.section === 'TBody')) for (const i of standardColumns) expect(row.cells[i]!.text).toMatch(RATING_WORD);
    }
    // Cwm Tŷ-gwyn 2026: 11 of a possible 27 points, shown scaled to 36.
    const cwm = published.findIndex((i) => i.slug === 'cwm-ty-gwyn-2026');
    expect(first.rows.filter((r) => r.section === 'TBody')[cwm]!.cells[score]!.text).toBe('15/36†');
  });

  it('starts the table on page 1', () => {
    const firstRow = tables.find((t) => t.caption.startsWith('Ratings of'))!.rows.find((r) => r.section === 'TBody')!;
    expect(firstRow.cells[0]!.pages).toEqual([1]);
  });
});
