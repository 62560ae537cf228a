import { describe, expect, it } from 'vitest';
import { bandFor, compositeOf, NOT_RATED, overallOf, percentage, rateInspection, countCases, type StandardResult } from '../../src/model/rating.ts';
import type { Framework } from '../../src/model/schemas/framework.ts';
import type { CaseRecord } from '../../src/model/schemas/case.ts';
import { judgementRatings, loadFramework, uniformCounts } from '../helpers.ts';

const youth2018 = loadFramework('youth-2018');
const youth2021 = loadFramework('youth-2021');

function caseBand(framework: Framework, yes: number, relevant: number): string {
  const result = rateInspection(framework, {
    counts: uniformCounts(framework, yes, relevant),
    sampleSize: { court: relevant, 'out-of-court': relevant },
    authored: judgementRatings(framework, 'good'),
  });
  return result.standards.find((s) => s.id === '2.1')!.computed!;
}

describe('percentages', () => {
  it('rounds half up with whole-number arithmetic', () => {
    expect(percentage(15, 24, 'half-up').shown).toBe(63); // 62.5 → 63 (Dudley 2.1.2)
    expect(percentage(129, 200, 'half-up').shown).toBe(65); // 64.5 → 65
    expect(percentage(17, 23, 'half-up').shown).toBe(74); // Dudley 2.2.2
    expect(percentage(8, 17, 'half-up').shown).toBe(47); // Dudley 2.4.3
    expect(percentage(1, 3, 'half-up').shown).toBe(33);
    expect(percentage(2, 3, 'half-up').shown).toBe(67);
  });

  it('rounds half to even when a framework says so', () => {
    expect(percentage(129, 200, 'half-even').shown).toBe(64);
    expect(percentage(131, 200, 'half-even').shown).toBe(66);
    expect(percentage(15, 24, 'half-even').shown).toBe(62);
  });

  it('keeps the exact value beside the shown one', () => {
    expect(percentage(15, 24, 'half-up').exact).toBe(62.5);
  });
});

describe('bands of a case-sample standard (framework thresholds)', () => {
  it.each([
    [49, 100, 'inadequate'],
    [50, 100, 'requires-improvement'],
    [64, 100, 'requires-improvement'],
    [65, 100, 'good'],
    [79, 100, 'good'],
    [80, 100, 'outstanding'],
    [129, 200, 'good'], // 64.5% shows as 65%: banded on the displayed number
    [99, 200, 'requires-improvement'], // 49.5% shows as 50%
    [159, 200, 'outstanding'], // 79.5% shows as 80%
    [128, 200, 'requires-improvement'], // 64% exactly
  ])('%i of %i → %s', (yes, relevant, band) => {
    expect(caseBand(youth2021, yes, relevant)).toBe(band);
  });

  it('bands on the exact value when the framework says bandOn: exact', () => {
    const exact: Framework = { ...youth2021, caseSample: { ...youth2021.caseSample, bandOn: 'exact' } };
    expect(caseBand(exact, 129, 200)).toBe('requires-improvement');
  });

  it('takes its thresholds from the framework, not from code', () => {
    const stricter: Framework = { ...youth2021, caseSample: { ...youth2021.caseSample, bands: { ...youth2021.caseSample.bands, good: 70 } } };
    expect(caseBand(stricter, 68, 100)).toBe('requires-improvement');
    expect(caseBand(youth2021, 68, 100)).toBe('good');
  });

  it('takes the band of the lowest key question', () => {
    const counts = uniformCounts(youth2021, 90, 100);
    counts['2.1.2'] = { yes: 55, relevant: 100 };
    const result = rateInspection(youth2021, { counts, sampleSize: { court: 100, 'out-of-court': 100 }, authored: judgementRatings(youth2021, 'good') });
    const standard = result.standards.find((s) => s.id === '2.1')!;
    expect(standard.keyQuestions.map((q) => q.band)).toEqual(['outstanding', 'requires-improvement', 'outstanding']);
    expect(standard.computed).toBe('requires-improvement');
  });
});

describe('minimum sample', () => {
  it('leaves a domain not rated below the minimum, and rates it at the minimum', () => {
    const authored = judgementRatings(youth2021, 'good');
    const five = rateInspection(youth2021, { counts: uniformCounts(youth2021, 5, 5), sampleSize: { court: 20, 'out-of-court': 5 }, authored });
    expect(five.standards.filter((s) => s.domainId === '3' && s.method === 'case-sample').map((s) => s.awarded)).toEqual([NOT_RATED, NOT_RATED, NOT_RATED]);
    expect(five.standards.find((s) => s.id === '3.1')!.notRatedReason).toMatch(/5 out-of-court cases; at least 6/);
    const six = rateInspection(youth2021, { counts: uniformCounts(youth2021, 6, 6), sampleSize: { court: 20, 'out-of-court': 6 }, authored });
    expect(six.standards.find((s) => s.id === '3.1')!.awarded).toBe('outstanding');
  });
});

function standardsRated(framework: Framework, ratings: string[]): StandardResult[] {
  const ids = framework.domains.flatMap((d) => d.standards.filter((s) => (s.countsTowardsComposite ?? d.countsTowardsComposite)).map((s) => s.id));
  return ids.map((id, index) => ({
    id,
    name: id,
    statement: '',
    domainId: id.split('.')[0]!,
    method: 'judgement' as const,
    sampleSize: null,
    keyQuestions: [],
    computed: null,
    awarded: ratings[index] ?? NOT_RATED,
    professionalJudgement: false,
    judgementRationale: null,
    countsTowardsComposite: true,
    notRatedReason: null,
  }));
}

/** Twelve standards whose points add up to the given score. */
function scoring(score: number): string[] {
  const ratings: string[] = [];
  let left = score;
  for (let i = 0; i < 12; i += 1) {
    const points = Math.min(3, left);
    left -= points;
    ratings.push(['inadequate', 'requires-improvement', 'good', 'outstanding'][points]!);
  }
  return ratings;
}

describe('composite score and overall rating', () => {
  it.each([
    [6, 'inadequate'],
    [7, 'requires-improvement'],
    [18, 'requires-improvement'],
    [19, 'good'],
    [30, 'good'],
    [31, 'outstanding'],
    [0, 'inadequate'],
    [36, 'outstanding'],
  ])('a composite of %i is %s', (score, band) => {
    const standards = standardsRated(youth2021, scoring(score));
    const composite = compositeOf(youth2021, standards);
    expect(composite).toEqual({ score, maximum: 36, fullMaximum: 36, scaledScore: score });
    expect(overallOf(youth2021, standards, composite).rating).toBe(band);
  });

  it('York: 8 Outstanding and 4 Good make 32, Outstanding', () => {
    const standards = standardsRated(youth2021, [...Array(8).fill('outstanding'), ...Array(4).fill('good')]);
    const composite = compositeOf(youth2021, standards);
    expect(composite.score).toBe(32);
    expect(overallOf(youth2021, standards, composite).rating).toBe('outstanding');
  });

  it('Bridgend: a domain not rated gives 11 out of 24, scaled to 16.5 of 36: Requires improvement', () => {
    // Domains 1 and 2 rated (8 standards), domain 3 not rated (fewer than six out-of-court cases).
    const ratings = ['requires-improvement', 'requires-improvement', 'good', 'requires-improvement', 'good', 'requires-improvement', 'good', 'requires-improvement', NOT_RATED, NOT_RATED, NOT_RATED, NOT_RATED];
    const standards = standardsRated(youth2021, ratings);
    const composite = compositeOf(youth2021, standards);
    expect(composite).toEqual({ score: 11, maximum: 24, fullMaximum: 36, scaledScore: 16.5 });
    expect(overallOf(youth2021, standards, composite).rating).toBe('requires-improvement');
  });

  it('scaling moves a score across a band edge: 13 of 24 is 19.5 of 36, Good', () => {
    const ratings = [...scoring(13).slice(0, 8), NOT_RATED, NOT_RATED, NOT_RATED, NOT_RATED];
    const standards = standardsRated(youth2021, ratings);
    const composite = compositeOf(youth2021, standards);
    expect(composite.scaledScore).toBe(19.5);
    expect(overallOf(youth2021, standards, composite).rating).toBe('good');
    const unscaled: Framework = { ...youth2021, composite: { ...youth2021.composite, scaleWhenNotRated: false } };
    expect(overallOf(unscaled, standards, compositeOf(unscaled, standards)).rating).toBe('requires-improvement');
  });

  it('nothing rated gives no overall rating', () => {
    const standards = standardsRated(youth2021, []);
    const composite = compositeOf(youth2021, standards);
    expect(overallOf(youth2021, standards, composite).rating).toBe(NOT_RATED);
  });
});

describe('limiting judgement', () => {
  const counts = uniformCounts(youth2021, 90, 100);
  const sampleSize = { court: 100, 'out-of-court': 100 };

  it('caps the overall rating at Good when resettlement is Inadequate', () => {
    const authored = { ...judgementRatings(youth2021, 'outstanding'), '4.1': { rating: 'inadequate', evidence: 'No plan.' } };
    const result = rateInspection(youth2021, { counts, sampleSize, authored });
    expect(result.composite.score).toBe(36); // 4.1 does not count towards the composite
    expect(result.overall).toMatchObject({ rating: 'good', fromScore: 'outstanding', limitedBy: { standard: '4.1' } });
  });

  it('does not apply when resettlement is rated higher, or not rated', () => {
    const good = rateInspection(youth2021, { counts, sampleSize, authored: { ...judgementRatings(youth2021, 'outstanding'), '4.1': { rating: 'requires-improvement', evidence: 'x' } } });
    expect(good.overall).toMatchObject({ rating: 'outstanding', limitedBy: null });
    const notRated = rateInspection(youth2021, { counts, sampleSize, authored: { ...judgementRatings(youth2021, 'outstanding'), '4.1': { rating: NOT_RATED, notRatedReason: 'None.' } } });
    expect(notRated.overall.rating).toBe('outstanding');
  });

  it('does not raise a lower rating', () => {
    const authored = { ...judgementRatings(youth2021, 'requires-improvement'), '4.1': { rating: 'inadequate', evidence: 'x' } };
    const result = rateInspection(youth2021, { counts: uniformCounts(youth2021, 55, 100), sampleSize, authored });
    expect(result.overall).toMatchObject({ rating: 'requires-improvement', limitedBy: null });
  });
});

describe('professional judgement', () => {
  it('awards the overriding rating and marks it, keeping the computed one', () => {
    const counts = uniformCounts(youth2018, 90, 100);
    counts['3.4.1'] = { yes: 9, relevant: 14 }; // 64%: Requires improvement
    const authored = { ...judgementRatings(youth2018, 'good'), '3.4': { rating: 'good', override: { rationale: 'Joint work is strong.' } } };
    const result = rateInspection(youth2018, { counts, sampleSize: { court: 100, 'out-of-court': 100 }, authored });
    const standard = result.standards.find((s) => s.id === '3.4')!;
    expect(standard).toMatchObject({ computed: 'requires-improvement', awarded: 'good', professionalJudgement: true });
  });

  it('ignores an authored rating without an override (the checker reports the disagreement)', () => {
    const authored = { ...judgementRatings(youth2018, 'good'), '2.1': { rating: 'outstanding' } };
    const result = rateInspection(youth2018, { counts: uniformCounts(youth2018, 70, 100), sampleSize: { court: 100, 'out-of-court': 100 }, authored });
    expect(result.standards.find((s) => s.id === '2.1')).toMatchObject({ computed: 'good', awarded: 'good', professionalJudgement: false });
  });
});

describe('counting case records', () => {
  it('pools yes and relevant per question, skipping not applicable and the other case type', () => {
    const make = (id: string, type: CaseRecord['type'], answers: Record<string, CaseRecord['answers'][string]>): CaseRecord => ({
      id, type, disposal: type === 'court' ? 'referral-order' : 'youth-caution', looked_after: 'no', sex: 'male', ethnicity: 'white', disability: 'no', resettlement: 'no', answers,
    });
    const cases = [
      make('C1', 'court', { '2.1.1': 'yes', '2.1.3': 'n/a' }),
      make('C2', 'court', { '2.1.1': 'no', '2.1.3': 'yes' }),
      make('C3', 'out-of-court', { '3.1.1': 'yes' }),
    ];
    const { counts, sampleSize } = countCases(youth2021, cases);
    expect(sampleSize).toEqual({ court: 2, 'out-of-court': 1 });
    expect(counts['2.1.1']).toEqual({ yes: 1, relevant: 2 });
    expect(counts['2.1.3']).toEqual({ yes: 1, relevant: 1 });
    expect(counts['3.1.1']).toEqual({ yes: 1, relevant: 1 });
    expect(counts['2.1.2']).toBeUndefined();
  });

  it('bandFor picks the highest threshold reached', () => {
    expect(bandFor(18.99, youth2021.composite.bands, youth2021)).toBe('requires-improvement');
    expect(bandFor(19, youth2021.composite.bands, youth2021)).toBe('good');
  });
});
