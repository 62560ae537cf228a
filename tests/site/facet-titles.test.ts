/**
 * The titles of the inspections list's filter pages (/inspections/kind/reinspection/ and so on):
 * one phrase per filter, from FACETS, read as English rather than "Kind of inspection: Inspection".
 * Pure functions over the sample content's public inspections; the built pages are checked in
 * site-pages.test.ts (title, h1 and breadcrumb agree).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { isPublic } from '../../src/model/project.ts';
import { FACETS, facetOf, facetTitle, facetValues } from '../../src/site/listing.ts';
import { BUILD_DATE } from '../support/planted.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { project } = loadProject(root);
const inspections = project.inspections.filter((i) => isPublic(i, BUILD_DATE));
const m = project.messages.en;

describe('filter page titles', () => {
  it('names each value of each filter in English', () => {
    const titles = Object.fromEntries(FACETS.flatMap((f) => facetValues(inspections, f.id).map((v) => [`${f.id}/${v.value}`, facetTitle(inspections, f.id, v.value, m)])));
    // The sample has each kind, both nations and several ratings and years.
    expect(titles).toMatchObject({
      'kind/inspection': 'Standard inspections',
      'kind/joint-reinspection': 'Joint reinspections',
      'kind/joint': 'Joint inspections',
      'nation/wales': 'Inspections in Wales',
      'nation/england': 'Inspections in England',
      'rating/good': 'Inspections rated Good',
      'rating/requires-improvement': 'Inspections rated Requires improvement',
    });
    for (const { value } of facetValues(inspections, 'year')) expect(titles[`year/${value}`]).toBe(`Inspections published in ${value}`);
  });

  it('gives every filter page a title of its own, without the filter panel\'s "Label: value" form', () => {
    const titles = FACETS.flatMap((f) => facetValues(inspections, f.id).map((v) => facetTitle(inspections, f.id, v.value, m)!));
    expect(titles.length).toBeGreaterThanOrEqual(10);
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of titles) {
      expect(title).not.toMatch(/:|Kind of|Overall rating|Year published/);
      // A title names what its page lists: every word of it is plain, and it says inspections.
      expect(title.toLowerCase()).toContain('inspections');
    }
  });

  it('takes the title from the value as the inspections have it, and has none for a value no inspection has', () => {
    const inspection = inspections.find((i) => i.source.reinspectionOf && i.source.partners.length === 0) ?? inspections.find((i) => i.source.reinspectionOf)!;
    const { value, label } = facetOf(inspection, 'rating');
    expect(facetTitle([inspection], 'rating', value, m)).toBe(`Inspections rated ${label}`);
    expect(facetTitle([inspection], 'kind', 'inspection', m)).toBeUndefined();
    expect(facetTitle(inspections, 'nation', 'atlantis', m)).toBeUndefined();
  });

  it('names them in Welsh from the Welsh messages, each title its own and none the English one', () => {
    const cy = project.messages.cy;
    const titles = FACETS.flatMap((f) => facetValues(inspections, f.id, cy).map((v) => [facetTitle(inspections, f.id, v.value, cy)!, facetTitle(inspections, f.id, v.value, m)!] as const));
    expect(Object.fromEntries(titles)).toMatchObject({ 'Arolygiadau yng Nghymru': 'Inspections in Wales', 'Ailarolygiadau ar y cyd': 'Joint reinspections' });
    expect(new Set(titles.map(([welsh]) => welsh)).size).toBe(titles.length);
    for (const [welsh, english] of titles) expect(welsh).not.toBe(english);
  });
});
