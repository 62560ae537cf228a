/**
 * Figures across inspections, against expectations worked out by hand from the sample files
 * (counts with awk over cases.csv; ratings from each inspection.yaml's computed results).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { isPublic } from '../../src/model/project.ts';
import { childCharacteristics, datedOnlyByYear, disposalTypes, inPeriod, overallByYear, ratingsRow, recommendationCounts, reinspections, standardDistribution, sufficiencyByYear, suppressed } from '../../src/model/aggregates.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { project } = loadProject(root);
// The values below are worked out by hand from the fictional samples and Dudley; the historic records
// of seed 001 (published ratings only) are counted in tests/document/annual-report.test.ts.
const published = project.inspections.filter((i) => isPublic(i, '2026-11-23') && !i.historic);
const year2023 = inPeriod(published, { from: '2023-01-01', to: '2023-12-31' });

describe('aggregates over the sample inspections', () => {
  it('takes the period by fieldwork date', () => {
    expect(year2023.map((i) => i.slug).sort()).toEqual(['eastbrook-2023', 'harrowfield-2023']);
    // Fieldwork in 2026-11 (Aberwyn, embargoed) is not public on the build date anyway.
    expect(inPeriod(published, { from: '2026-01-01', to: '2026-12-31' }).map((i) => i.slug)).toEqual(['cwm-ty-gwyn-2026']);
  });

  it('counts overall ratings per year', () => {
    expect(overallByYear(published)).toEqual([
      { year: '2019', counts: { 'requires-improvement': 1 }, total: 1 },
      { year: '2022', counts: { inadequate: 1 }, total: 1 },
      { year: '2023', counts: { good: 1, outstanding: 1 }, total: 2 },
      { year: '2024', counts: { good: 1 }, total: 1 },
      { year: '2025', counts: { good: 1 }, total: 1 },
      { year: '2026', counts: { 'requires-improvement': 1 }, total: 1 },
    ]);
  });

  it('counts each standard’s ratings, "Not rated" included', () => {
    const distribution = standardDistribution(published);
    const resettlement = distribution.find((d) => d.id === '4.1')!;
    // 4.1 exists only in youth-2021: 6 public inspections use it; Cwm Tŷ-gwyn's was not rated.
    expect(resettlement.total).toBe(6);
    expect(resettlement.counts['not-rated']).toBe(1);
    const joint = distribution.find((d) => d.id === '3.4')!;
    expect(joint.total).toBe(7);
  });

  it('pools cases judged sufficient per key question by year: 2.1.1 in 2023 is 40 of 44, 91%', () => {
    const q = sufficiencyByYear(year2023).find((s) => s.id === '2.1.1')!;
    // eastbrook-2023: 21 yes of 24 relevant; harrowfield-2023: 19 of 20.
    expect(q.points).toEqual([{ label: '2023', year: '2023', framework: 'youth-2021', yes: 40, relevant: 44, percent: 91 }]);
    const dudley = sufficiencyByYear(published).find((s) => s.id === '2.4.3')!.points.find((p) => p.year === '2019')!;
    expect(dudley).toMatchObject({ yes: 8, relevant: 17, percent: 47 });
  });

  it('splits a year in which the framework changed', () => {
    const both = published.filter((i) => ['dudley-2019', 'northmoor-2022'].includes(i.slug)).map((i) => ({ ...i, source: { ...i.source, fieldwork: { start: '2021-05-01', end: '2021-05-05' } } }));
    both[1] = { ...both[1]!, source: { ...both[1]!.source, fieldwork: { start: '2021-09-01', end: '2021-09-05' } } };
    const labels = sufficiencyByYear(both).find((s) => s.id === '2.1.1')!.points.map((p) => p.label);
    expect(labels).toEqual(['2021 (youth-2018)', '2021 (youth-2021)']);
  });

  it('sets a reinspection against its original inspection, each score with its maximum', () => {
    expect(reinspections(published, project.inspections)).toEqual([
      {
        service: 'Northmoor Youth Justice Service',
        original: { slug: 'northmoor-2022', year: '2022', score: 4, maximum: 36, overall: { rating: 'inadequate', label: 'Inadequate', mark: '' } },
        reinspection: { slug: 'northmoor-2024', year: '2024', score: 22, maximum: 36, overall: { rating: 'good', label: 'Good', mark: '' } },
      },
    ]);
  });

  it('counts out-of-court disposal types in 2023 and hides the small ones so none can be worked out', () => {
    // community resolution 6 + 5 = 11, youth caution 2 + 3 = 5, conditional caution 2 + 3 = 5, other 2 + 1 = 3.
    const result = disposalTypes(year2023, ['community-resolution', 'youth-caution', 'youth-conditional-caution', 'other-out-of-court'], 5);
    expect(result.total).toBe(24);
    expect(result.cells).toEqual([
      { value: 'community-resolution', count: 11, percent: 46, suppressed: false },
      // Only "other" is below 5: the next smallest is hidden too, or 24 − 11 − 5 − 5 would give it away.
      { value: 'youth-caution', count: null, percent: null, suppressed: true },
      { value: 'youth-conditional-caution', count: 5, percent: 21, suppressed: false },
      { value: 'other-out-of-court', count: null, percent: null, suppressed: true },
    ]);
  });

  it('suppresses by the configured threshold, and never a zero', () => {
    expect(suppressed({ a: 10, b: 0, c: 7 }, ['a', 'b', 'c'], 5).cells.map((c) => c.suppressed)).toEqual([false, false, false]);
    expect(suppressed({ a: 10, b: 4, c: 7 }, ['a', 'b', 'c'], 3).cells.map((c) => c.suppressed)).toEqual([false, false, false]);
    expect(suppressed({ a: 10, b: 4, c: 2 }, ['a', 'b', 'c'], 5).cells.map((c) => c.suppressed)).toEqual([false, true, true]);
  });

  it('describes the children in the samples: 12 girls and 56 boys in 2023', () => {
    const [sex] = childCharacteristics(year2023, { sex: ['female', 'male'] }, 5);
    expect(sex).toEqual({ field: 'sex', total: 68, cells: [{ value: 'female', count: 12, percent: 18, suppressed: false }, { value: 'male', count: 56, percent: 82, suppressed: false }] });
  });

  it('counts recommendations by theme against the previous period', () => {
    const previous = inPeriod(published, { from: '2022-01-01', to: '2022-12-31' });
    const { byTheme } = recommendationCounts(year2023, previous);
    const expected = (inspections: typeof published, theme: string) => inspections.flatMap((i) => i.source.recommendations).filter((r) => r.themes.includes(theme)).length;
    for (const row of byTheme) {
      expect(row.count, row.key).toBe(expected(year2023, row.key));
      expect(row.previous, row.key).toBe(expected(previous, row.key));
    }
    expect(byTheme.length).toBeGreaterThan(2);
  });

  it('gives a ratings row per inspection with the professional judgement mark', () => {
    const dudley = ratingsRow(published.find((i) => i.slug === 'dudley-2019')!);
    expect(dudley.composite).toEqual({ score: 15, maximum: 36 });
    expect(dudley.standards['3.4']).toEqual({ rating: 'good', label: 'Good', mark: '*' });
    expect(dudley.standards['4.1']).toBeUndefined();
  });

  it('puts a historic record known only by its year into a period only when the period holds the whole year, and orders it after the dated reports of that year', () => {
    const all = project.inspections.filter((i) => isPublic(i, '2026-11-23'));
    const westernBay = all.find((i) => i.slug === 'western-bay-2018')!;
    expect(westernBay.source.published).toBe('2018');
    expect(inPeriod(all, { from: '2018-01-01', to: '2018-12-31' }).map((i) => i.slug)).toContain('western-bay-2018');
    expect(inPeriod(all, { from: '2017-10-01', to: '2019-03-31' }).map((i) => i.slug)).toContain('western-bay-2018');
    // A period that cuts through 2018: left out, and named as left out.
    const cut = { from: '2017-10-01', to: '2018-09-30' };
    expect(inPeriod(all, cut).map((i) => i.slug)).not.toContain('western-bay-2018');
    expect(datedOnlyByYear(all, cut).map((i) => i.slug)).toEqual(['western-bay-2018']);
    expect(datedOnlyByYear(all, { from: '2019-01-01', to: '2019-12-31' })).toEqual([]);
    expect(overallByYear([westernBay])).toEqual([{ year: '2018', counts: { inadequate: 1 }, total: 1 }]);
  });

  it('compares reinspections across a lineage, with no score where the source of either gives none', () => {
    const all = project.inspections.filter((i) => isPublic(i, '2026-11-23'));
    const pairs = reinspections(all.filter((i) => ['bridgend-2022', 'cardiff-2022'].includes(i.slug)), all);
    const bridgend = pairs.find((p) => p.reinspection.slug === 'bridgend-2022')!;
    expect(bridgend.original).toMatchObject({ slug: 'western-bay-2018', year: '2018', score: null });
    expect(bridgend.reinspection.score).toBe(11);
    expect(pairs.find((p) => p.reinspection.slug === 'cardiff-2022')!.original.score).toBe(0);
  });
});
