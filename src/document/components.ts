/**
 * The components an inspector may use in report.mdx. Each is registered here once: its attributes
 * (a zod schema, so `check` reports a wrong one like any other field) and the document blocks it
 * becomes. The page and the PDF both draw those blocks, so no component can appear in one output and
 * be missing from the other. A tag not listed here is a check error.
 */
import { z } from 'zod';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Inspection, Thematic } from '../model/project.ts';
import type { Block, Inline } from './blocks.ts';
import type { Messages } from '../model/messages.ts';
import { keyQuestionTable, ratingInline, ratingsSummaryTable } from './report-tables.ts';
import { compositeText, countText, percentText, quotableQuestions, sampleCount } from './figure-references.ts';
import {
  caseSampleStandards,
  casesSufficient,
  childCharacteristicsTable,
  disposalTypeFigure,
  overallRatings,
  recommendationAddresseesFigure,
  recommendationThemesTable,
  reinspectionScores,
  standardRatings,
  type AnnualReportContext,
} from './annual-report-figures.ts';

export interface ComponentContext {
  /** The tool's words in the document's language ("22 of 25", table headings). */
  messages: Messages;
  /** The inspection a report or easy-read version belongs to (none for a thematic report). */
  inspection?: Inspection;
  /** How sections can be referred to in a sentence, by id: { "hard-words": "the hard words list" }. */
  sectionPhrases?: Record<string, string>;
  /** The annual report a narrative belongs to: the inspections of its period (content/annual-reports/<year>.mdx). */
  annualReport?: AnnualReportContext;
  /** The thematic report a full thematic report's narrative belongs to (content/thematic/<slug>/report.mdx). */
  thematic?: Pick<Thematic, 'source'>;
}

/** The kinds of document a narrative can belong to; a component may need one of them. */
export type NarrativeKind = 'inspection' | 'annual-report' | 'thematic';

function thematicOf(ctx: ComponentContext): Pick<Thematic, 'source'> {
  if (!ctx.thematic) throw new Error('this component needs a thematic report: npm run check reports its use elsewhere');
  return ctx.thematic;
}

function annualReportOf(ctx: ComponentContext): AnnualReportContext {
  if (!ctx.annualReport) throw new Error('this component needs an annual report: npm run check reports its use elsewhere');
  return ctx.annualReport;
}

function inspectionOf(ctx: ComponentContext): Inspection {
  if (!ctx.inspection) throw new Error('this component needs an inspection: npm run check reports its use elsewhere');
  return ctx.inspection;
}

interface ComponentBase<P> {
  name: string;
  /** One sentence for the README and for check's "did you mean" hints. */
  description: string;
  example: string;
  attributes: z.ZodType<P, Record<string, string | true>>;
  /** The only kind of narrative it can be used in, when it draws on that document's data; anywhere when absent. */
  context?: NarrativeKind;
  /** Cross-checks against the inspection, e.g. that a named standard exists: messages per attribute. */
  check?(props: P, inspection: Inspection): { attribute: string; message: string; hint: string }[];
  /** Cross-checks against a thematic report's data (thematic.yaml), for components used in its report.mdx. */
  checkThematic?(props: P, thematic: Pick<Thematic, 'source'>): { attribute: string; message: string; hint: string }[];
  /** Cross-checks against an annual report's inspections, for components used there. */
  checkAnnualReport?(props: P, report: AnnualReportContext): { attribute: string; message: string; hint: string }[];
}

export interface BlockComponent<P> extends ComponentBase<P> {
  kind: 'block';
  acceptsChildren: boolean;
  blocks(props: P, ctx: ComponentContext, children: Block[]): Block[];
}

export interface InlineComponent<P> extends ComponentBase<P> {
  kind: 'inline';
  acceptsChildren: false;
  inlines(props: P, ctx: ComponentContext): Inline[];
}

export type Component = BlockComponent<any> | InlineComponent<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function standardExists(id: string | undefined, inspection: Inspection) {
  if (id === undefined || inspection.rating.standards.some((s) => s.id === id)) return [];
  return [{ attribute: 'standard', message: `standard "${id}" is not in ${inspection.framework.id}`, hint: `standards are ${inspection.rating.standards.map((s) => s.id).join(', ')}` }];
}

const standardAttribute = z.string().regex(/^\d+\.\d+$/, 'must be a standard id such as "2.1"');
/** A breakdown by year of fieldwork, written as a bare attribute: `<OverallRatings byYear />`. */
const byYearAttribute = z.literal(true, { error: 'write byYear on its own, with no value, for a breakdown by year; leave it out for the whole period' }).optional();
const questionAttribute = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a key question id such as "2.1.1"');

/** That a key question exists and has a percentage: some case in the sample was relevant to it. */
function questionQuotable(id: string, inspection: Inspection) {
  const quotable = quotableQuestions(inspection.rating);
  if (quotable.some((q) => q.id === id)) return [];
  const standardId = id.split('.').slice(0, 2).join('.');
  const standard = inspection.rating.standards.find((s) => s.id === standardId);
  const question = standard?.keyQuestions.find((q) => q.id === id);
  const sameStandard = quotable.filter((q) => q.id.startsWith(`${standardId}.`)).map((q) => q.id);
  const ids = (sameStandard.length ? sameStandard : quotable.map((q) => q.id)).join(', ');
  const valid = ids ? `key questions with case figures${sameStandard.length ? ` in standard ${standardId}` : ''} are ${ids}` : 'no key question has case figures in this inspection';
  if (!question) return [{ attribute: 'question', message: `key question "${id}" is not in ${inspection.framework.id}`, hint: valid }];
  if (standard!.method !== 'case-sample') return [{ attribute: 'question', message: `key question ${id} is judged by inspectors, not counted from the case sample: it has no case figures`, hint: valid }];
  return [{ attribute: 'question', message: `no case in the sample was relevant to key question ${id}, so it has no case figures`, hint: `write that in words instead; ${valid}` }];
}

function quotedQuestion(inspection: Inspection, id: string) {
  return quotableQuestions(inspection.rating).find((q) => q.id === id)!;
}

const components: Component[] = [
  {
    name: 'RatingsSummary',
    kind: 'block',
    acceptsChildren: false,
    description: 'The table of every standard with its rating, as in the "Summary of ratings" section.',
    example: '<RatingsSummary />',
    context: 'inspection',
    attributes: z.strictObject({}),
    blocks: (_props, ctx) => [ratingsSummaryTable(inspectionOf(ctx), ctx.messages)],
  } satisfies BlockComponent<Record<string, never>>,
  {
    name: 'KeyQuestions',
    kind: 'block',
    acceptsChildren: false,
    description: "A standard's key questions with the percentage of cases judged sufficient.",
    example: '<KeyQuestions standard="2.1" />',
    context: 'inspection',
    attributes: z.strictObject({ standard: standardAttribute }),
    check: (props, inspection) => {
      const problems = standardExists(props.standard, inspection);
      const result = inspection.rating.standards.find((s) => s.id === props.standard);
      if (result && result.method !== 'case-sample') {
        problems.push({ attribute: 'standard', message: `standard ${props.standard} is rated by judgement: it has no case percentages`, hint: 'use a standard rated from the case sample, such as one in domain 2 or 3' });
      }
      return problems;
    },
    blocks: (props, ctx) => [keyQuestionTable(inspectionOf(ctx), props.standard, ctx.messages)],
  } satisfies BlockComponent<{ standard: string }>,
  {
    name: 'Rating',
    kind: 'inline',
    acceptsChildren: false,
    description: "A rating in words with its symbol: a standard's (standard=\"1.1\") or, with no attribute, the overall rating.",
    example: '<Rating standard="1.1" />',
    context: 'inspection',
    attributes: z.strictObject({ standard: standardAttribute.optional() }),
    check: (props, inspection) => standardExists(props.standard, inspection),
    inlines: (props, ctx) => {
      const inspection = inspectionOf(ctx);
      if (props.standard === undefined) return [ratingInline(inspection, inspection.rating.overall.rating, false)];
      const result = inspection.rating.standards.find((s) => s.id === props.standard)!;
      return [ratingInline(inspection, result.awarded, result.professionalJudgement)];
    },
  } satisfies InlineComponent<{ standard?: string | undefined }>,
  {
    name: 'Example',
    kind: 'block',
    acceptsChildren: true,
    description: 'A boxed example of practice, with a title; write Markdown inside it.',
    example: '<Example title="Good practice example">\n\nWhat the case manager did…\n\n</Example>',
    attributes: z.strictObject({ title: z.string().trim().min(1, 'must not be empty: say what the example shows') }),
    blocks: (props, _ctx, children) => [{ type: 'aside', title: props.title, blocks: children }],
  } satisfies BlockComponent<{ title: string }>,
  {
    name: 'SectionRef',
    kind: 'inline',
    acceptsChildren: false,
    description: 'A reference to another part of the document, such as the hard words list: the PDF adds "on page N" from its real layout, the page links to it.',
    example: 'You can find what they mean in <SectionRef to="hard-words" />.',
    attributes: z.strictObject({ to: z.string().regex(/^[a-z0-9-]+$/, 'must be a section id such as "hard-words"') }),
    inlines: (props, ctx) => [{ type: 'section-ref', target: props.to, phrase: ctx.sectionPhrases?.[props.to] ?? props.to.replace(/-/g, ' ') }],
  } satisfies InlineComponent<{ to: string }>,

  // ---- figures quoted from the data (figure-references.ts): plain text, the same in the page, the PDF and the search index ----
  {
    name: 'Percent',
    kind: 'inline',
    acceptsChildren: false,
    description: 'The percentage of relevant cases judged sufficient on a key question, as the data computes it, such as "88%".',
    example: '<Percent question="2.1.1" />',
    context: 'inspection',
    attributes: z.strictObject({ question: questionAttribute }),
    check: (props, inspection) => questionQuotable(props.question, inspection),
    inlines: (props, ctx) => [{ type: 'text', value: percentText(quotedQuestion(inspectionOf(ctx), props.question)) }],
  } satisfies InlineComponent<{ question: string }>,
  {
    name: 'Count',
    kind: 'inline',
    acceptsChildren: false,
    description: 'The cases judged sufficient on a key question and the cases it was relevant to, such as "22 of 25".',
    example: '<Count question="2.1.1" />',
    context: 'inspection',
    attributes: z.strictObject({ question: questionAttribute }),
    check: (props, inspection) => questionQuotable(props.question, inspection),
    inlines: (props, ctx) => [{ type: 'text', value: countText(quotedQuestion(inspectionOf(ctx), props.question), ctx.messages) }],
  } satisfies InlineComponent<{ question: string }>,
  {
    name: 'Composite',
    kind: 'inline',
    acceptsChildren: false,
    description: 'The composite score and what the rated standards could score, such as "15 out of 36"; <Rating /> gives the overall rating.',
    example: '<Composite />',
    context: 'inspection',
    attributes: z.strictObject({}),
    check: (_props, inspection) =>
      inspection.rating.composite.maximum > 0 ? [] : [{ attribute: 'composite', message: 'no standard counting towards the composite score was rated, so there is no score', hint: 'say in words that the service was not rated overall' }],
    inlines: (_props, ctx) => [{ type: 'text', value: compositeText(inspectionOf(ctx).rating, ctx.messages) }],
  } satisfies InlineComponent<Record<string, never>>,
  {
    name: 'Sample',
    kind: 'inline',
    acceptsChildren: false,
    description: 'The number of cases in the sample: all of them, or those of one type (caseType="court" or "out-of-court"); write what they were after it.',
    example: '<Sample caseType="court" />',
    context: 'inspection',
    attributes: z.strictObject({ caseType: z.enum(['court', 'out-of-court'], { error: 'must be "court" or "out-of-court"' }).optional() }),
    inlines: (props, ctx) => [{ type: 'text', value: String(sampleCount(inspectionOf(ctx).rating, props.caseType)) }],
  } satisfies InlineComponent<{ caseType?: 'court' | 'out-of-court' | undefined }>,
  // ---- annual reports: figures across the inspections of the report's period (annual-report-figures.ts) ----

  // ---- a thematic report's figures, from thematic.yaml ----
  {
    name: 'CasesRead',
    kind: 'inline',
    acceptsChildren: false,
    description: "The number of cases the inspectors read for a thematic report (thematic.yaml's casesRead), such as \"96\".",
    example: 'We read <CasesRead /> cases.',
    context: 'thematic',
    attributes: z.strictObject({}),
    checkThematic: (_props, thematic) =>
      thematic.source.casesRead === undefined ? [{ attribute: 'casesRead', message: 'thematic.yaml has no casesRead, so there is no number of cases to quote', hint: 'add casesRead: (the number of cases read) to thematic.yaml' }] : [],
    inlines: (_props, ctx) => [{ type: 'text', value: String(thematicOf(ctx).source.casesRead ?? 0) }],
  } satisfies InlineComponent<Record<string, never>>,
  {
    name: 'AreasVisited',
    kind: 'inline',
    acceptsChildren: false,
    description: "How many areas the inspectors visited for a thematic report, in words (thematic.yaml's areas), such as \"six\".",
    example: 'We visited <AreasVisited /> areas.',
    context: 'thematic',
    attributes: z.strictObject({}),
    checkThematic: (_props, thematic) =>
      thematic.source.areas.length === 0 ? [{ attribute: 'areas', message: 'thematic.yaml lists no areas, so there is no number of areas to quote', hint: 'add areas: (a list of the areas visited) to thematic.yaml' }] : [],
    inlines: (_props, ctx) => [{ type: 'text', value: ctx.messages.t('report.figures.areas', { count: thematicOf(ctx).source.areas.length }) }],
  } satisfies InlineComponent<Record<string, never>>,

  {
    name: 'OverallRatings',
    kind: 'block',
    acceptsChildren: false,
    context: 'annual-report',
    description: "A chart of the inspections' overall ratings over the whole period; with byYear, counted per year of fieldwork.",
    example: '<OverallRatings />',
    attributes: z.strictObject({ byYear: byYearAttribute }),
    blocks: (props, ctx) => overallRatings(annualReportOf(ctx), props.byYear === true),
  } satisfies BlockComponent<{ byYear?: true | undefined }>,
  {
    // The name before figures covered the whole period by default: it still draws the chart by year.
    name: 'OverallRatingsByYear',
    kind: 'block',
    acceptsChildren: false,
    context: 'annual-report',
    description: 'The earlier name of <OverallRatings byYear />: it still draws the chart by year.',
    example: '<OverallRatingsByYear />',
    attributes: z.strictObject({}),
    blocks: (_props, ctx) => overallRatings(annualReportOf(ctx), true),
  } satisfies BlockComponent<Record<string, never>>,
  {
    name: 'StandardRatings',
    kind: 'block',
    acceptsChildren: false,
    context: 'annual-report',
    description: 'A chart of how many inspections gave each rating, "Not rated" included, to every standard or to those of one domain (domain="2").',
    example: '<StandardRatings domain="1" />',
    attributes: z.strictObject({ domain: z.string().regex(/^\d+$/, 'must be a domain number such as "1"').optional() }),
    checkAnnualReport: (props, report) => {
      const domains = [...new Set(report.frameworks.flatMap((f) => f.domains.map((d) => d.id)))];
      return props.domain === undefined || domains.includes(props.domain) ? [] : [{ attribute: 'domain', message: `domain "${props.domain}" is in no framework`, hint: `domains are ${domains.join(', ')}` }];
    },
    blocks: (props, ctx) => standardRatings(annualReportOf(ctx), props.domain),
  } satisfies BlockComponent<{ domain?: string | undefined }>,
  {
    name: 'CasesSufficient',
    kind: 'block',
    acceptsChildren: false,
    context: 'annual-report',
    description: 'Charts of the cases judged sufficient on each key question over the whole period (byYear: per year), for court or out-of-court work: one per standard, or one standard (standard="2.1").',
    example: '<CasesSufficient caseType="court" standard="2.1" />',
    attributes: z.strictObject({
      caseType: z.enum(['court', 'out-of-court'], { error: 'must be "court" or "out-of-court"' }),
      standard: standardAttribute.optional(),
      byYear: byYearAttribute,
    }),
    checkAnnualReport: (props, report) => {
      if (props.standard === undefined) return [];
      const standards = caseSampleStandards(report, props.caseType);
      return standards.some((s) => s.id === props.standard)
        ? []
        : [{ attribute: 'standard', message: `standard "${props.standard}" is not rated from ${props.caseType} cases`, hint: `standards rated from ${props.caseType} cases are ${standards.map((s) => s.id).join(', ') || 'none in this period'}` }];
    },
    blocks: (props, ctx) => casesSufficient(annualReportOf(ctx), props.caseType, props.standard, props.byYear === true),
  } satisfies BlockComponent<{ caseType: 'court' | 'out-of-court'; standard?: string | undefined; byYear?: true | undefined }>,
  {
    name: 'Reinspections',
    kind: 'block',
    acceptsChildren: false,
    context: 'annual-report',
    description: "A chart of each reinspected service's composite score at its first inspection and at its reinspection, each with its maximum.",
    example: '<Reinspections />',
    attributes: z.strictObject({}),
    blocks: (_props, ctx) => reinspectionScores(annualReportOf(ctx)),
  } satisfies BlockComponent<Record<string, never>>,
  {
    name: 'DisposalTypes',
    kind: 'block',
    acceptsChildren: false,
    context: 'annual-report',
    description: 'A chart of the out-of-court disposals in the case samples, by type, with counts and percentages; small counts are not shown.',
    example: '<DisposalTypes />',
    attributes: z.strictObject({}),
    blocks: (_props, ctx) => disposalTypeFigure(annualReportOf(ctx)),
  } satisfies BlockComponent<Record<string, never>>,
  {
    name: 'ChildCharacteristics',
    kind: 'block',
    acceptsChildren: false,
    context: 'annual-report',
    description: 'A table of the children in the case samples by sex, care, disability and ethnicity; small counts are not shown.',
    example: '<ChildCharacteristics />',
    attributes: z.strictObject({}),
    blocks: (_props, ctx) => childCharacteristicsTable(annualReportOf(ctx)),
  } satisfies BlockComponent<Record<string, never>>,
  {
    name: 'RecommendationThemes',
    kind: 'block',
    acceptsChildren: false,
    context: 'annual-report',
    description: "A table of the recommendations by theme, against the previous period's.",
    example: '<RecommendationThemes />',
    attributes: z.strictObject({}),
    blocks: (_props, ctx) => recommendationThemesTable(annualReportOf(ctx)),
  } satisfies BlockComponent<Record<string, never>>,
  {
    name: 'RecommendationAddressees',
    kind: 'block',
    acceptsChildren: false,
    context: 'annual-report',
    description: "A chart of who the recommendations were addressed to, grouped into kinds of body, against the previous period's.",
    example: '<RecommendationAddressees />',
    attributes: z.strictObject({}),
    blocks: (_props, ctx) => recommendationAddresseesFigure(annualReportOf(ctx)),
  } satisfies BlockComponent<Record<string, never>>,
];

export const componentNames: readonly string[] = components.map((c) => c.name);

export function componentNamed(name: string): Component | undefined {
  return components.find((c) => c.name === name);
}

/**
 * The attributes written on a tag, as strings. `<Rating standard="1.1" />` gives { standard: "1.1" };
 * an attribute with no value gives true; {expressions} are check errors and are left out here.
 */
export function attributesOf(node: MdxJsxFlowElement | MdxJsxTextElement): Record<string, string | true> {
  const attributes: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (attribute.value === null || attribute.value === undefined) attributes[attribute.name] = true;
    else if (typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
  }
  return attributes;
}

export function allComponents(): readonly Component[] {
  return components;
}
