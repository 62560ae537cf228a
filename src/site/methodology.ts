/**
 * "How we rate": the rating rules of each framework in content/frameworks, written out as document
 * blocks. Every number, name, statement and key question comes from the framework file, which is
 * also what the rating engine (src/model/rating.ts) computes with, so the page cannot disagree with
 * the ratings in the reports. Only the connecting sentences are written here, as messages
 * (pages.methodology in templates/messages/<lang>/pages.yaml), so the page reads in each language.
 */
import type { Inspection } from '../model/project.ts';
import type { Framework } from '../model/schemas/framework.ts';
import { NOT_RATED, allStandards, ratingLabel } from '../model/rating.ts';
import type { Block, Inline } from '../document/blocks.ts';
import { ratingInline } from '../document/report-tables.ts';
import { cell, headingMaker, IdMaker, paragraph, text, type Heading } from '../document/make-blocks.ts';
import type { Messages } from '../model/messages.ts';

/** The frameworks to explain on the build date: those already in use, newest first. */
export function frameworksInUse(frameworks: readonly Framework[], buildDate: string): Framework[] {
  return frameworks.filter((f) => f.inEffectFrom <= buildDate).sort((a, b) => (a.inEffectFrom < b.inEffectFrom ? 1 : a.inEffectFrom > b.inEffectFrom ? -1 : a.id.localeCompare(b.id)));
}

/** A rating as the reports show it, word and symbol: the symbol depends only on the framework's scale. */
function rating(framework: Framework, id: string): Inline {
  return ratingInline({ framework } as Inspection, id, false);
}

/** Each rating's range of a banded value, best first: "80% or more", "65% to 79%", "less than 50%". */
export function bandRanges(framework: Framework, thresholds: Record<string, number>, options: { unit: string; whole: boolean; top?: number }, m: Messages): { rating: string; range: string }[] {
  const scale = [...framework.ratingScale].reverse(); // best first
  return scale.map((level, index) => {
    const min = thresholds[level.id]!;
    const above = index === 0 ? undefined : thresholds[scale[index - 1]!.id];
    const value = (n: number) => `${n}${options.unit}`;
    let range: string;
    if (index === scale.length - 1) range = above === undefined ? m.t('pages.methodology.range.any') : m.t('pages.methodology.range.less-than', { above: value(above) });
    else if (above === undefined) range = options.top === undefined ? m.t('pages.methodology.range.or-more', { min: value(min) }) : m.t('pages.methodology.range.to', { min: value(min), max: value(options.top) });
    else if (options.whole) range = m.t('pages.methodology.range.to', { min: value(min), max: value(above - 1) });
    else range = m.t('pages.methodology.range.or-more-less-than', { min: value(min), above: value(above) });
    return { rating: level.id, range };
  });
}

export function methodologyBlocks(frameworks: readonly Framework[], m: Messages): Block[] {
  const heading = headingMaker(new IdMaker());
  return frameworks.flatMap((framework) => frameworkBlocks(framework, heading, m));
}

/** "A, B and C" with the messages' "and". */
const listOf = (m: Messages, items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${m.t('site.list.and')}${items.at(-1)}`);

type Domain = Framework['domains'][number];

/** What the sections about one framework are written from. */
interface FrameworkFacts {
  m: Messages;
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
function frameworkBlocks(framework: Framework, heading: Heading, m: Messages): Block[] {
  const facts = frameworkFacts(framework, heading, m);
  return [
    ...introduction(facts),
    ...ratingScale(facts),
    ...caseSampleRules(facts),
    ...judgementRules(facts),
    ...overallRating(facts),
    ...framework.domains.flatMap((domain) => domainDetails(facts, domain)),
  ];
}

function frameworkFacts(framework: Framework, heading: Heading, m: Messages): FrameworkFacts {
  const standards = [...allStandards(framework)];
  const counting = standards.filter(({ domain, standard }) => standard.countsTowardsComposite ?? domain.countsTowardsComposite);
  const top = Math.max(...framework.ratingScale.map((level) => level.points));
  return {
    m,
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

function introduction({ m, framework, heading, standards, caseStandards, judgementStandards }: FrameworkFacts): Block[] {
  return [
    heading(2, framework.name),
    paragraph(
      text(
        framework.inEffectUntil
          ? m.t('pages.methodology.used-from-to', { from: m.date(framework.inEffectFrom), until: m.date(framework.inEffectUntil) })
          : m.t('pages.methodology.used-from', { from: m.date(framework.inEffectFrom) }),
      ),
    ),
    paragraph(text(m.t('pages.methodology.it-has', { domains: framework.domains.length, standards: standards.length, cases: caseStandards.length, judgement: judgementStandards.length }))),
  ];
}

function ratingScale({ m, framework, heading }: FrameworkFacts): Block[] {
  // The rating shown for "not rated" sits inside the sentence, between its two halves.
  const [before = '', after = ''] = m.t('pages.methodology.not-rated-shown', { rating: '\u0000' }).split('\u0000');
  return [
    heading(3, m.t('pages.methodology.ratings')),
    paragraph(text(m.t('pages.methodology.each-gets', { count: framework.ratingScale.length }))),
    {
      type: 'table',
      caption: m.t('pages.methodology.scale-caption'),
      head: [[cell(m.t('pages.historic.rating')), cell(m.t('pages.methodology.points'), { align: 'right' })]],
      rows: [...framework.ratingScale].reverse().map((level) => [{ inlines: [rating(framework, level.id)], rowHeader: true }, cell(String(level.points), { align: 'right' })]),
      widths: [3, 1],
    },
    paragraph(text(before), rating(framework, NOT_RATED), text(after)),
  ];
}

/** How standards are rated from the case sample: percentages, bands, the least sample, professional judgement. */
function caseSampleRules({ m, framework, heading, label, caseStandards }: FrameworkFacts): Block[] {
  if (!caseStandards.length) return [];
  const rules = framework.caseSample;
  const domainsWithCases = framework.domains.filter((d) => d.caseType && d.standards.some((s) => s.method === 'case-sample'));
  const judgement = framework.professionalJudgement;
  return [
    heading(3, m.t('pages.methodology.cases.heading')),
    paragraph(text(m.t('pages.methodology.cases.count', { rounding: rules.rounding === 'half-up' ? 'up' : 'even' }))),
    paragraph(text(m.t('pages.methodology.cases.lowest', { bandOn: rules.bandOn }))),
    {
      type: 'table',
      caption: m.t('pages.methodology.cases.caption'),
      head: [[cell(m.t('pages.historic.rating')), cell(m.t('pages.methodology.cases.lowest-column'))]],
      rows: bandRanges(framework, rules.bands, { unit: '%', whole: rules.bandOn === 'displayed', top: 100 }, m).map(({ rating: id, range }) => [{ inlines: [rating(framework, id)], rowHeader: true }, cell(range)]),
      widths: [2, 2],
    },
    paragraph(
      text(
        m.t('pages.methodology.cases.kinds', {
          domains: listOf(m, domainsWithCases.map((d) => m.t('pages.methodology.cases.domain-kind', { id: d.id, name: d.name, kind: d.caseType === 'court' ? 'court' : 'out_of_court' }))),
          minimum: rules.minimumSample,
          notRated: label(NOT_RATED),
        }),
      ),
    ),
    paragraph(
      text(m.t('pages.methodology.judgement.heading-inline'), { bold: true }),
      text(
        judgement.maxBandsFromComputed === 0
          ? m.t('pages.methodology.judgement.none')
          : m.t('pages.methodology.judgement.steps', { steps: judgement.maxBandsFromComputed, mark: judgement.mark, footnote: judgement.footnote }),
      ),
    ),
  ];
}

function judgementRules({ m, heading, label, judgementStandards }: FrameworkFacts): Block[] {
  if (!judgementStandards.length) return [];
  const mayBeNotRated = judgementStandards.filter(({ standard }) => standard.mayBeNotRated);
  return [
    heading(3, m.t('pages.methodology.by-judgement.heading')),
    paragraph(text(m.t('pages.methodology.by-judgement.text', { count: judgementStandards.length, standards: listOf(m, judgementStandards.map(({ standard }) => standard.id)) }))),
    ...(mayBeNotRated.length
      ? [paragraph(text(m.t('pages.methodology.by-judgement.may-be-not-rated', { count: mayBeNotRated.length, standards: listOf(m, mayBeNotRated.map(({ standard }) => `${standard.id} ${standard.name}`)), notRated: label(NOT_RATED) })))]
      : []),
  ];
}

/** The score, its scaling, the bands of the overall rating and the limiting judgements. */
function overallRating({ m, framework, heading, label, standards, counting, countingDomains, fullMaximum }: FrameworkFacts): Block[] {
  const separate = framework.domains.filter((d) => !countingDomains.includes(d));
  const blocks: Block[] = [
    heading(3, m.t('pages.methodology.overall.heading')),
    paragraph(
      text(
        m.t('pages.methodology.overall.score', {
          count: countingDomains.length,
          domains: listOf(m, countingDomains.map((d) => d.id)),
          points: listOf(m, [...framework.ratingScale].reverse().map((level) => `${level.label} ${level.points}`)),
          standards: counting.length,
          maximum: fullMaximum,
        }),
      ),
    ),
  ];
  if (separate.length) {
    blocks.push(paragraph(text(m.t('pages.methodology.overall.separate', { count: separate.length, domains: listOf(m, separate.map((d) => m.t('pages.methodology.overall.separate-domain', { id: d.id, name: d.name }))) }))));
  }
  if (framework.composite.scaleWhenNotRated) {
    blocks.push(paragraph(text(m.t('pages.methodology.overall.scaled', { maximum: fullMaximum }))));
  }
  blocks.push({
    type: 'table',
    caption: m.t('pages.methodology.overall.caption', { maximum: fullMaximum }),
    head: [[cell(m.t('site.inspections-table.rating')), cell(m.t('site.inspections-table.score'))]],
    rows: bandRanges(framework, framework.composite.bands, { unit: '', whole: !framework.composite.scaleWhenNotRated, top: fullMaximum }, m).map(({ rating: id, range }) => [
      { inlines: [rating(framework, id)], rowHeader: true },
      cell(range),
    ]),
    widths: [2, 2],
  });
  for (const limit of framework.limitingJudgements) {
    const standard = standards.find(({ standard: s }) => s.id === limit.standard)?.standard;
    blocks.push(
      paragraph(
        text(m.t('pages.methodology.limiting.heading-inline'), { bold: true }),
        text(`${m.t('pages.methodology.limiting.text', { standard: `${limit.standard}${standard ? ` ${standard.name}` : ''}`, when: label(limit.whenRated), most: label(limit.overallAtMost) })} ${limit.explanation}`),
      ),
    );
  }
  blocks.push(paragraph(text(m.t('pages.methodology.overall.none-rated', { notRated: label(NOT_RATED) }))));
  return blocks;
}

/** A domain with its standards, their statements and key questions. */
function domainDetails({ m, heading, countingDomains }: FrameworkFacts, domain: Domain): Block[] {
  const how = domain.caseType ? m.t('pages.methodology.domain.how', { kind: domain.caseType === 'court' ? 'court' : 'out_of_court' }) : '';
  const counts = countingDomains.includes(domain) ? m.t('pages.methodology.domain.counts') : m.t('pages.methodology.domain.separate');
  return [
    heading(3, m.t('pages.methodology.domain.heading', { id: domain.id, name: domain.name })),
    paragraph(text([how, counts].filter(Boolean).join(' '))),
    ...domain.standards.flatMap((standard): Block[] => [
      heading(4, `${standard.id} ${standard.name}`, false),
      paragraph(text(standard.statement, { bold: true })),
      paragraph(
        text(
          standard.method === 'case-sample'
            ? m.t('pages.methodology.standard.from-cases', { count: standard.keyQuestions.length })
            : m.t('pages.methodology.standard.by-judgement', { count: standard.keyQuestions.length }),
        ),
      ),
      { type: 'list', ordered: false, start: 1, items: standard.keyQuestions.map((q) => [paragraph(text(`${q.id} ${q.text}`))]) },
    ]),
  ];
}
