/** The sample content: it checks clean, Dudley reproduces its published figures, and the fictional set covers every case. */
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { NOT_RATED } from '../../src/model/rating.ts';

const { project, diagnostics } = loadProject(process.cwd());
const inspection = (slug: string) => project.inspections.find((i) => i.slug === slug)!;

describe('sample content', () => {
  it('has no errors and no warnings', () => {
    expect(diagnostics).toEqual([]);
  });

  it('has a glossary of at least 30 terms', () => {
    expect(project.glossary.length).toBeGreaterThanOrEqual(30);
  });
});

describe('Dudley 2019, the worked example', () => {
  const dudley = inspection('dudley-2019');

  it('computes composite 15 out of 36 and Requires improvement', () => {
    expect(dudley.rating.composite).toMatchObject({ score: 15, maximum: 36 });
    expect(dudley.rating.overall.rating).toBe('requires-improvement');
  });

  it('awards 3.4 Good by professional judgement over a computed Requires improvement', () => {
    expect(dudley.rating.standards.find((s) => s.id === '3.4')).toMatchObject({ computed: 'requires-improvement', awarded: 'good', professionalJudgement: true });
  });

  it('reproduces every rating and key-question percentage of the published results annex', () => {
    // Annex 2 of the published report (seed 002): rating and % yes per key question.
    const published: Record<string, [string, number[]]> = {
      '2.1': ['requires-improvement', [88, 63, 67]],
      '2.2': ['good', [92, 74, 73]],
      '2.3': ['requires-improvement', [88, 83, 59]],
      '2.4': ['inadequate', [88, 63, 47]],
      '3.1': ['inadequate', [62, 36, 43]],
      '3.2': ['requires-improvement', [86, 79, 64]],
      '3.3': ['good', [93, 79, 73]],
      '3.4': ['good', [64, 100]],
      '1.1': ['requires-improvement', []],
      '1.2': ['good', []],
      '1.3': ['requires-improvement', []],
      '1.4': ['good', []],
    };
    for (const standard of dudley.rating.standards) {
      const [rating, percents] = published[standard.id]!;
      expect(standard.awarded, standard.id).toBe(rating);
      expect(standard.keyQuestions.filter((q) => q.percent).map((q) => q.percent!.shown), standard.id).toEqual(percents);
    }
  });

  it('has the published samples: 24 court and 14 out-of-court cases, five recommendations', () => {
    expect(dudley.rating.sampleSize).toEqual({ court: 24, 'out-of-court': 14 });
    expect(dudley.source.recommendations.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('the fictional sample inspections', () => {
  const fictional = project.inspections.filter((i) => i.service.fictional && i.framework.id === 'youth-2021');

  it('cover at least six services, each with 20 to 40 case records', () => {
    expect(new Set(fictional.map((i) => i.service.slug)).size).toBeGreaterThanOrEqual(6);
    for (const i of fictional) {
      expect(i.cases.length, i.slug).toBeGreaterThanOrEqual(20);
      expect(i.cases.length, i.slug).toBeLessThanOrEqual(40);
    }
  });

  it('cover every band of every kind of standard, and every overall rating', () => {
    const bands = ['inadequate', 'requires-improvement', 'good', 'outstanding'];
    for (const method of ['case-sample', 'judgement'] as const) {
      const awarded = new Set(fictional.flatMap((i) => i.rating.standards.filter((s) => s.method === method).map((s) => s.awarded)));
      for (const band of bands) expect(awarded.has(band), `${method} ${band}`).toBe(true);
    }
    const overall = new Set(fictional.map((i) => i.rating.overall.rating));
    for (const band of bands) expect(overall.has(band), `overall ${band}`).toBe(true);
  });

  it('include a reinspection, a joint inspection, a draft and an embargoed report', () => {
    const reinspection = fictional.find((i) => i.source.reinspectionOf)!;
    const original = inspection(reinspection.source.reinspectionOf!);
    expect(original.source.fieldwork.end < reinspection.source.fieldwork.start).toBe(true);
    expect(fictional.some((i) => i.source.partners.length > 0)).toBe(true);
    expect(fictional.some((i) => i.source.status === 'draft')).toBe(true);
    expect(fictional.some((i) => i.source.status === 'embargoed' && i.source.embargoedUntil)).toBe(true);
  });

  it('include resettlement not rated, and a domain not rated for want of cases', () => {
    expect(fictional.some((i) => i.rating.standards.find((s) => s.id === '4.1')!.awarded === NOT_RATED)).toBe(true);
    const smallSample = fictional.find((i) => i.rating.sampleSize['out-of-court'] < 6)!;
    expect(smallSample.rating.standards.filter((s) => s.domainId === '3' && s.method === 'case-sample').every((s) => s.awarded === NOT_RATED)).toBe(true);
    expect(smallSample.rating.composite.maximum).toBe(27);
  });

  it('include professional judgement', () => {
    expect(fictional.some((i) => i.rating.standards.some((s) => s.professionalJudgement))).toBe(true);
  });
});
