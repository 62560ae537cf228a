/**
 * "How we rate": the rating rules of each framework in content/frameworks, written out as document
 * blocks. Every number, name, statement and key question comes from the framework file, which is
 * also what the rating engine (src/model/rating.ts) computes with, so the page cannot disagree with
 * the ratings in the reports. Only the connecting sentences are written here.
 */
import type { Inspection } from '../model/project.ts';
import type { Framework } from '../model/schemas/framework.ts';
import { NOT_RATED, allStandards, ratingLabel } from '../model/rating.ts';
import type { Block, Inline } from '../document/blocks.ts';
import { ratingInline } from '../document/report-tables.ts';
import { formatDate } from '../document/dates.ts';
import { cell, headingMaker, IdMaker, paragraph, text, type Heading } from '../document/make-blocks.ts';
import { countOf, listOf } from '../document/phrases.ts';

/** The frameworks to explain on the build date: those already in use, newest first. */
export function frameworksInUse(frameworks: readonly Framework[], buildDate: string): Framework[] {
  return frameworks.filter((f) => f.inEffectFrom <= buildDate).sort((a, b) => (a.inEffectFrom < b.inEffectFrom ? 1 : a.inEffectFrom > b.inEffectFrom ? -1 : a.id.localeCompare(b.id)));
}

/** A rating as the reports show it, word and symbol: the symbol depends only on the framework's scale. */
function rating(framework: Framework, id: string): Inline {
  return ratingInline({ framework } as Inspection, id, false);
}

/** Each rating's range of a banded value, best first: "80% or more", "65% to 79%", "less than 50%". */
export function bandRanges(framework: Framework, thresholds: Record<string, number>, options: { unit: string; whole: boolean; top?: number }): { rating: string; range: string }[] {
  const scale = [...framework.ratingScale].reverse(); // best first
  return scale.map((level, index) => {
    const min = thresholds[level.id]!;
    const above = index === 0 ? undefined : thresholds[scale[index - 1]!.id];
    const value = (n: number) => `${n}${options.unit}`;
    let range: string;
    if (index === scale.length - 1) range = above === undefined ? 'any' : `less than ${value(above)}`;
    else if (above === undefined) range = options.top === undefined ? `${value(min)} or more` : `${value(min)} to ${value(options.top)}`;
    else if (options.whole) range = `${value(min)} to ${value(above - 1)}`;
    else range = `${value(min)} or more, but less than ${value(above)}`;
    return { rating: level.id, range };
  });
}

export function methodologyBlocks(frameworks: readonly Framework[]): Block[] {
  const heading = headingMaker(new IdMaker());
  return frameworks.flatMap((framework) => frameworkBlocks(framework, heading));
}

type Domain = Framework['domains'][number];

/** What the sections about one framework are written from. */
interface FrameworkFacts {
  framework: Framework;
  heading: Heading;
  label: (rating: string) => string;
  standards: { domain: Domain; standard: Domain['standards'][number] }[];
  caseStandards: FrameworkFacts['standards'];
  judgementStandards: FrameworkFacts['standards'];
  /** The standards whose ratings add to the overall score, and the domains that have any. */
  counting: FrameworkFacts['standards'];
  countingDomains: Domain[];
  /** The most the counting standards can score. */
  fullMaximum: number;
}

/** One framework's rules, section by section. */
function frameworkBlocks(framework: Framework, heading: Heading): Block[] {
  const facts = frameworkFacts(framework, heading);
  return [
    ...introduction(facts),
    ...ratingScale(facts),
    ...caseSampleRules(facts),
    ...judgementRules(facts),
    ...overallRating(facts),
    ...framework.domains.flatMap((domain) => domainDetails(facts, domain)),
  ];
}

function frameworkFacts(framework: Framework, heading: Heading): FrameworkFacts {
  const standards = [...allStandards(framework)];
  const counting = standards.filter(({ domain, standard }) => standard.countsTowardsComposite ?? domain.countsTowardsComposite);
  const top = Math.max(...framework.ratingScale.map((level) => level.points));
  return {
    framework,
    heading,
    label: (id) => ratingLabel(framework, id),
    standards,
    caseStandards: standards.filter(({ standard }) => standard.method === 'case-sample'),
    judgementStandards: standards.filter(({ standard }) => standard.method === 'judgement'),
    counting,
    countingDomains: framework.domains.filter((d) => d.standards.some((s) => s.countsTowardsComposite ?? d.countsTowardsComposite)),
    fullMaximum: counting.length * top,
  };
}

function introduction({ framework, heading, standards, caseStandards, judgementStandards }: FrameworkFacts): Block[] {
  return [
    heading(2, framework.name),
    paragraph(
      text(
        framework.inEffectUntil
          ? `Used for inspections from ${formatDate(framework.inEffectFrom)} to ${formatDate(framework.inEffectUntil)}.`
          : `Used for inspections from ${formatDate(framework.inEffectFrom)}.`,
      ),
    ),
    paragraph(
      text(
        `It has ${countOf(framework.domains.length, 'domain')} and ${countOf(standards.length, 'standard')}: ${countOf(caseStandards.length, 'standard')} rated from the cases inspectors read, and ${countOf(judgementStandards.length, 'standard')} rated by inspectors’ judgement of the evidence.`,
      ),
    ),
  ];
}

function ratingScale({ framework, heading }: FrameworkFacts): Block[] {
  return [
    heading(3, 'Ratings'),
    paragraph(text(`Each standard, and the service overall, gets one of ${countOf(framework.ratingScale.length, 'rating')}. The reports show each rating as a word and a shape, never by colour alone.`)),
    {
      type: 'table',
      caption: 'The ratings, best first, and the points each adds to the overall score',
      head: [[cell('Rating'), cell('Points', { align: 'right' })]],
      rows: [...framework.ratingScale].reverse().map((level) => [{ inlines: [rating(framework, level.id)], rowHeader: true }, cell(String(level.points), { align: 'right' })]),
      widths: [3, 1],
    },
    paragraph(text('A standard that could not be rated is shown as '), rating(framework, NOT_RATED), text('.')),
  ];
}

/** How standards are rated from the case sample: percentages, bands, the least sample, professional judgement. */
function caseSampleRules({ framework, heading, label, caseStandards }: FrameworkFacts): Block[] {
  if (!caseStandards.length) return [];
  const rules = framework.caseSample;
  const rounding = rules.rounding === 'half-up' ? 'a half is rounded up, so 62.5% is shown as 63%' : 'a half is rounded to the nearest even number, so 62.5% is shown as 62% and 63.5% as 64%';
  const domainsWithCases = framework.domains.filter((d) => d.caseType && d.standards.some((s) => s.method === 'case-sample'));
  const judgement = framework.professionalJudgement;
  return [
    heading(3, 'Standards rated from cases'),
    paragraph(
      text(
        `For each key question, inspectors count the cases in the sample where the question applied, and how many of those they judged sufficient. The share of sufficient cases is shown as a whole percentage: ${rounding}.`,
      ),
    ),
    paragraph(
      text(
        `A standard takes the rating of its lowest key question, ${rules.bandOn === 'displayed' ? 'read from the whole percentage that the report shows' : 'read from the exact percentage, before it is rounded'}:`,
      ),
    ),
    {
      type: 'table',
      caption: 'The rating of a standard from its lowest key question',
      head: [[cell('Rating'), cell('Lowest key question')]],
      rows: bandRanges(framework, rules.bands, { unit: '%', whole: rules.bandOn === 'displayed', top: 100 }).map(({ rating: id, range }) => [{ inlines: [rating(framework, id)], rowHeader: true }, cell(range)]),
      widths: [2, 2],
    },
    paragraph(
      text(
        `Each domain’s standards are rated from one kind of case: ${listOf(domainsWithCases.map((d) => `domain ${d.id} (${d.name}) from ${d.caseType === 'court' ? 'court' : 'out-of-court'} cases`))}. When the sample has fewer than ${countOf(rules.minimumSample, 'case')} of that kind, the domain’s standards are ${label(NOT_RATED)}.`,
      ),
    ),
    paragraph(
      text('Professional judgement. ', { bold: true }),
      text(
        judgement.maxBandsFromComputed === 0
          ? 'Inspectors may not change the rating that the cases give.'
          : `Inspectors may award a rating up to ${countOf(judgement.maxBandsFromComputed, 'step')} above or below the one the cases give, when the evidence calls for it, and they write down why. Such a rating is marked ${judgement.mark} in the report: “${judgement.footnote}”.`,
      ),
    ),
  ];
}

function judgementRules({ heading, label, judgementStandards }: FrameworkFacts): Block[] {
  if (!judgementStandards.length) return [];
  const mayBeNotRated = judgementStandards.filter(({ standard }) => standard.mayBeNotRated);
  return [
    heading(3, 'Standards rated by judgement'),
    paragraph(
      text(
        `Inspectors rate ${judgementStandards.length === 1 ? 'standard' : 'standards'} ${listOf(judgementStandards.map(({ standard }) => standard.id))} from the evidence they gather: documents, meetings with leaders, staff and partners, and what children and families tell them. Each of these ratings is written with the evidence it rests on.`,
      ),
    ),
    ...(mayBeNotRated.length
      ? [
          paragraph(
            text(`${mayBeNotRated.length === 1 ? 'Standard' : 'Standards'} ${listOf(mayBeNotRated.map(({ standard }) => `${standard.id} ${standard.name}`))} may be left ${label(NOT_RATED)} when there was nothing to rate, and the report then says why.`),
          ),
        ]
      : []),
  ];
}

/** The score, its scaling, the bands of the overall rating and the limiting judgements. */
function overallRating({ framework, heading, label, standards, counting, countingDomains, fullMaximum }: FrameworkFacts): Block[] {
  const separate = framework.domains.filter((d) => !countingDomains.includes(d));
  const blocks: Block[] = [
    heading(3, 'The overall rating'),
    paragraph(
      text(
        `Each rated standard of ${countingDomains.length === 1 ? 'domain' : 'domains'} ${listOf(countingDomains.map((d) => d.id))} adds the points of its rating to a score: ${listOf([...framework.ratingScale].reverse().map((level) => `${level.label} ${level.points}`))}. The ${countOf(counting.length, 'standard')} can score at most ${fullMaximum}.`,
      ),
    ),
  ];
  if (separate.length) {
    blocks.push(paragraph(text(`${listOf(separate.map((d) => `Domain ${d.id}, ${d.name},`))} ${separate.length === 1 ? 'is' : 'are'} rated separately and ${separate.length === 1 ? 'adds' : 'add'} no points.`)));
  }
  if (framework.composite.scaleWhenNotRated) {
    blocks.push(
      paragraph(
        text(
          `When a standard that counts is not rated, the most the others can score is less than ${fullMaximum}. The score is then scaled up to ${fullMaximum} (multiplied by ${fullMaximum} and divided by the most the rated standards could score) before the overall rating is read from it. A scaled score is not rounded.`,
        ),
      ),
    );
  }
  blocks.push({
    type: 'table',
    caption: `The overall rating from the score out of ${fullMaximum}`,
    head: [[cell('Overall rating'), cell('Score')]],
    rows: bandRanges(framework, framework.composite.bands, { unit: '', whole: !framework.composite.scaleWhenNotRated, top: fullMaximum }).map(({ rating: id, range }) => [
      { inlines: [rating(framework, id)], rowHeader: true },
      cell(range),
    ]),
    widths: [2, 2],
  });
  for (const limit of framework.limitingJudgements) {
    const standard = standards.find(({ standard: s }) => s.id === limit.standard)?.standard;
    blocks.push(
      paragraph(
        text('Limiting judgement. ', { bold: true }),
        text(`Whatever the score, when standard ${limit.standard}${standard ? ` ${standard.name}` : ''} is rated ${label(limit.whenRated)}, the overall rating is at most ${label(limit.overallAtMost)}. ${limit.explanation}`),
      ),
    );
  }
  blocks.push(paragraph(text(`When no standard that counts towards the score was rated, the overall rating is ${label(NOT_RATED)}.`)));
  return blocks;
}

/** A domain with its standards, their statements and key questions. */
function domainDetails({ heading, countingDomains }: FrameworkFacts, domain: Domain): Block[] {
  const how = domain.caseType ? `Its case-sample standards are rated from the ${domain.caseType === 'court' ? 'court' : 'out-of-court'} cases in the sample.` : '';
  const counts = countingDomains.includes(domain) ? 'Its ratings add to the overall score.' : 'It is rated separately: its ratings add no points to the overall score.';
  return [
    heading(3, `Domain ${domain.id}: ${domain.name}`),
    paragraph(text([how, counts].filter(Boolean).join(' '))),
    ...domain.standards.flatMap((standard): Block[] => [
      heading(4, `${standard.id} ${standard.name}`, false),
      paragraph(text(standard.statement, { bold: true })),
      paragraph(
        text(
          standard.method === 'case-sample'
            ? `Rated from the cases: the rating of the lowest of its ${countOf(standard.keyQuestions.length, 'key question')}.`
            : `Rated by inspectors’ judgement of the evidence, guided by its ${countOf(standard.keyQuestions.length, 'key question')}.`,
        ),
      ),
      { type: 'list', ordered: false, start: 1, items: standard.keyQuestions.map((q) => [paragraph(text(`${q.id} ${q.text}`))]) },
    ]),
  ];
}
