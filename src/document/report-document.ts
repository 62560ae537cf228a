/**
 * A full inspection report as a document model: the template's outline (src/model/report.ts)
 * filled with narrative blocks, computed tables and the publisher's credits. Both the page and the
 * PDF are drawn from what this returns.
 */
import { kindWithArticle } from '../model/inspection-kind.ts';
import { publisherCredits } from './publisher-credits.ts';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import type { Inspection, Project } from '../model/project.ts';
import type { Publisher } from '../model/schemas/publisher.ts';
import { revisionOf, type Correction } from '../model/schemas/correction.ts';
import { reportOutline, type RatedStandard, type ReportSection } from '../model/report.ts';
import { NOT_RATED } from '../model/rating.ts';
import type { Block, DocumentModel } from './blocks.ts';
import { blocksFromMarkdown, narrativeSections, type MarkdownContext } from './from-markdown.ts';
import { formatDate } from './dates.ts';
import { bulletList, cell, type Heading, headingMaker, IdMaker, paragraph, text } from './make-blocks.ts';
import { countOf, listOf } from './phrases.ts';
import { orderStandardNarrative, standardSectionsOf } from './standard-sections.ts';
import { judgementFootnote, judgementNoteHeading, judgementSentence, keyQuestionTable, ratingInline, ratingsSummaryTable } from './report-tables.ts';

/** "An inspection of …", "A reinspection of …", "A joint inspection of …". */
export function reportTitle(inspection: Inspection): string {
  return `${kindWithArticle(inspection.source)} of ${inspection.service.name}`;
}

/** What every section of one report is written from. */
interface Report {
  inspection: Inspection;
  /** The narrative file's `##` sections, by lower-case heading. */
  sections: Map<string, RootContent[]>;
  markdown: MarkdownContext;
  heading: Heading;
  overall: ReturnType<typeof ratingInline>;
  /** The `###` sub-sections each standard's narrative has, in the template's order. */
  standardSections: string[];
}

type SectionOf<Kind extends ReportSection['kind']> = Extract<ReportSection, { kind: Kind }>;

export function reportDocument(project: Project, inspection: Inspection, root: string = process.cwd()): DocumentModel {
  const template = project.documentTemplates.find((t) => t.id === 'inspection-report');
  if (!template) throw new Error('templates/documents/inspection-report.yaml is missing');
  const { source, service } = inspection;
  const publisher = project.publisher;
  const report = reportOf(inspection, root, standardSectionsOf(template));
  const outline = reportOutline(inspection, template, project.glossary, {
    headings: [...report.sections.keys()].map((key) => toString(inspection.narrative.children.find((n) => n.type === 'heading' && n.depth === 2 && toString(n).trim().toLowerCase() === key)!).trim()),
    text: toString(inspection.narrative),
  });
  const { overall } = report;
  // The corrections section's id is made first, so that the cover's note can point at it.
  const corrections = source.corrections.length ? correctionsSection(report.heading(2, CORRECTIONS_HEADING), firstPublished(source), source.corrections) : [];
  const last = source.corrections.at(-1);
  // In reading order: ids are made, and footnotes numbered, as the blocks are.
  return {
    title: reportTitle(inspection),
    subtitle: `${publisher.name}, ${formatDate(source.published, 'month')}`,
    language: 'en-GB',
    date: source.published,
    ...(last ? { revision: { number: revisionOf(source.corrections), date: last.date } } : {}),
    author: publisher.name,
    subject: `Inspection report: ${service.name}, overall rating ${overall.label}`,
    keywords: ['inspection', 'youth justice', service.name, overall.label],
    runningHeader: `${reportTitle(inspection)}${service.fictional ? ' (fictional sample)' : ''}`,
    cover: [...cover(report), ...correctedNote(source.corrections, corrections[0])],
    credits: credits(report, publisher),
    body: [...outline.flatMap((section) => sectionBlocks(report, section)), ...corrections],
    images: report.markdown.images,
  };
}

function reportOf(inspection: Inspection, root: string, standardSections: string[]): Report {
  const ids = new IdMaker();
  return {
    inspection,
    sections: narrativeSections(inspection.narrative),
    markdown: {
      ids,
      folder: path.resolve(root, path.dirname(inspection.narrativeFile)),
      images: [],
      notes: { next: 1, byLabel: new Map() },
      components: { inspection },
    },
    heading: headingMaker(ids),
    overall: ratingInline(inspection, inspection.rating.overall.rating, false),
    standardSections,
  };
}

function cover({ inspection, overall }: Report): Block[] {
  const { source, service } = inspection;
  return [
    paragraph(text(`Published ${formatDate(source.published)}`)),
    paragraph(text(`Fieldwork ${formatDate(source.fieldwork.start)} to ${formatDate(source.fieldwork.end)}`)),
    { type: 'rating-line', label: 'Overall rating', rating: overall },
    ...(service.fictional
      ? [paragraph(text('Fictional sample. ', { bold: true }), text(`${service.name} does not exist: this report was made up to show how reports are published, and every name, figure and finding in it is invented.`))]
      : []),
  ];
}

function credits({ inspection, heading }: Report, publisher: Publisher): Block[] {
  const { source, service } = inspection;
  const team = source.team.length ? `, supported by ${listOf(source.team)}` : '';
  return [
    heading(2, 'Acknowledgements', false),
    paragraph(text(`This inspection was led by ${source.lead}, HM Inspector${team}.`)),
    ...(source.partners.length ? [paragraph(text(`It was carried out jointly with ${listOf(source.partners)}.`))] : []),
    paragraph(text(`We thank the children, families, staff and partners of ${service.name} who gave their time to the inspection.`)),
    ...publisherCredits(publisher, source.published.slice(0, 4)),
  ];
}

/** A section of the template's outline as blocks: each kind of section has its function. */
function sectionBlocks(report: Report, section: ReportSection): Block[] {
  switch (section.kind) {
    case 'narrative':
      return [report.heading(2, section.heading), ...narrativeOf(report, section.narrative, 0)];
    case 'overall-findings':
      return overallFindings(report, section);
    case 'ratings-summary':
      return ratingsSummary(report, section);
    case 'recommendations':
      return recommendations(report, section);
    case 'contextual-facts':
      return contextualFacts(report, section);
    case 'domain':
      return domainFindings(report, section);
    case 'methodology':
      return methodology(report, section);
    case 'results':
      return results(report, section);
    case 'glossary':
      return [report.heading(2, section.heading), { type: 'definitions', items: section.terms.map((t) => ({ id: `term-${t.id}`, term: t.term, definition: t.definition })) }];
  }
}

/** The narrative written under a `##` heading; `offset` moves its headings down a level or more. */
function narrativeOf(report: Report, key: string, offset: number): Block[] {
  const nodes = report.sections.get(key.toLowerCase());
  return nodes ? blocksFromMarkdown(nodes, report.markdown, offset) : [];
}

/**
 * The narrative about one standard: under the heading that starts with its id ("1.1 …" or "1.1. …"),
 * its required sub-sections (Strengths, Areas for improvement) last and in the template's order.
 */
function standardNarrative(report: Report, standard: RatedStandard): Block[] {
  const id = standard.id.toLowerCase();
  const key = [...report.sections.keys()].find((k) => k.startsWith(`${id} `) || k.startsWith(`${id}. `));
  const nodes = key ? report.sections.get(key) : undefined;
  return nodes ? blocksFromMarkdown(orderStandardNarrative(nodes, report.standardSections), report.markdown, 1) : [];
}

function overallFindings({ inspection, heading, overall }: Report, section: SectionOf<'overall-findings'>): Block[] {
  const { rating, service } = inspection;
  const { composite } = rating;
  const scaled = composite.scaledScore !== composite.score ? ` (${Math.round(composite.scaledScore)} out of ${composite.fullMaximum} when scaled to the full range and rounded)` : '';
  const blocks: Block[] = [
    heading(2, section.heading),
    paragraph(text(`Overall, ${service.shortName} is rated: `), overall, text('.')),
    paragraph(
      text(
        rating.overall.rating === NOT_RATED
          ? 'No standard that counts towards the overall rating was rated.'
          : `This rating comes from the ratings of the standards, which give a score of ${composite.score} out of ${composite.maximum}${scaled}.`,
      ),
    ),
  ];
  if (rating.overall.limitedBy) blocks.push(paragraph(text(rating.overall.limitedBy.explanation)));
  for (const domain of section.domains) {
    blocks.push(heading(3, domain.name, false));
    if (domain.strengths.length) blocks.push(paragraph(text('Our key findings about strengths:', { bold: true })), bulletList(domain.strengths));
    if (domain.improvements.length) blocks.push(paragraph(text('Our key findings about areas for improvement:', { bold: true })), bulletList(domain.improvements));
  }
  return blocks;
}

function ratingsSummary({ inspection, heading }: Report, section: SectionOf<'ratings-summary'>): Block[] {
  return [heading(2, section.heading), paragraph(text(`Fieldwork started in ${formatDate(section.fieldworkStart, 'month')}.`)), ratingsSummaryTable(inspection)];
}

function recommendations({ inspection, heading }: Report, section: SectionOf<'recommendations'>): Block[] {
  const { source, service } = inspection;
  const blocks: Block[] = [heading(2, section.heading), paragraph(text(`We have made ${countOf(source.recommendations.length, 'recommendation')} to help ${service.shortName} improve the work it does with children.`))];
  for (const group of section.groups) {
    blocks.push(heading(3, `${group.addressee} should:`, false));
    blocks.push({ type: 'list', ordered: true, start: group.items[0]?.number ?? 1, items: group.items.map((item) => [paragraph(text(item.text))]) });
  }
  return blocks;
}

function contextualFacts({ inspection, heading }: Report, section: SectionOf<'contextual-facts'>): Block[] {
  return [
    heading(2, section.heading),
    {
      type: 'table',
      caption: `Facts about the area served by ${inspection.service.shortName}`,
      head: [[cell('Fact'), cell('Figure', { align: 'right' }), cell('Compared with'), cell('Source')]],
      rows: section.facts.map((fact) => [cell(fact.label, { rowHeader: true }), cell(fact.value, { align: 'right' }), cell(fact.comparison ?? '–'), cell(fact.source ?? '–')]),
      widths: [2.2, 0.8, 1.6, 2],
      stackNarrow: true,
    },
  ];
}

/** A domain's section: each standard with its rating, statement and narrative. */
function domainFindings(report: Report, section: SectionOf<'domain'>): Block[] {
  const { inspection, heading } = report;
  const { framework, rating } = inspection;
  const domain = framework.domains.find((d) => d.id === section.domainId)!;
  const blocks: Block[] = [heading(2, section.heading)];
  if (section.standards.length === 0) {
    blocks.push(paragraph(text(`This domain was not rated: ${domain.caseType ? `the ${domain.caseType} sample had fewer than ${framework.caseSample.minimumSample} cases.` : 'no standard in it was rated.'}`)));
  }
  for (const standard of section.standards) {
    const result = rating.standards.find((s) => s.id === standard.id)!;
    blocks.push(heading(3, `${standard.id} ${standard.name}`));
    blocks.push({ type: 'rating-line', label: 'Rating', rating: ratingInline(inspection, result.awarded, result.professionalJudgement) });
    blocks.push(paragraph(text(standard.statement, { bold: true })));
    if (result.notRatedReason) blocks.push(paragraph(text(`Not rated: ${result.notRatedReason}`)));
    if (result.professionalJudgement) {
      // Beside the rating: the reasons inspectors wrote for moving it from what the figures give.
      blocks.push(heading(4, judgementNoteHeading(standard.id), false));
      blocks.push(paragraph(text(`${judgementSentence(inspection, standard.id)} `), text(result.judgementRationale ?? '')));
    }
    blocks.push(...standardNarrative(report, standard));
  }
  return blocks;
}

function methodology({ inspection, heading }: Report, section: SectionOf<'methodology'>): Block[] {
  const { framework } = inspection;
  const samples = section.samples;
  return [
    heading(2, section.heading),
    paragraph(text(`We inspected ${listOf(samples.map((s) => `${countOf(s.cases, `${s.caseType === 'court' ? 'court' : 'out-of-court'} case`)}`))}. Each case was read and discussed with its case manager, and each key question was answered yes or no where it applied to the case.`)),
    {
      type: 'table',
      caption: 'Cases inspected',
      head: [[cell('Domain'), cell('Cases', { align: 'right' })]],
      rows: samples.map((s) => [cell(`${s.domainId}. ${s.domainName}`, { rowHeader: true }), cell(String(s.cases), { align: 'right' })]),
      widths: [3, 1],
    },
    paragraph(text(bandsSentence(inspection))),
    paragraph(text(`A domain is not rated when its sample has fewer than ${framework.caseSample.minimumSample} cases. Inspectors may move a rating by ${countOf(framework.professionalJudgement.maxBandsFromComputed, 'step')} from the one the figures give, when the evidence calls for it; such ratings are marked ${framework.professionalJudgement.mark}.`)),
  ];
}

/** Every domain's results: standards rated by judgement in one table, each case-sample standard's key questions in another. */
function results({ inspection, heading }: Report, section: SectionOf<'results'>): Block[] {
  const { rating } = inspection;
  const resultOf = (id: string) => rating.standards.find((r) => r.id === id);
  const blocks: Block[] = [heading(2, section.heading), paragraph(text('Each table gives, for every key question, the cases judged sufficient out of the cases where the question applied.'))];
  for (const domain of section.domains) {
    blocks.push(heading(3, `${domain.id}. ${domain.name}`, false));
    const judgement = domain.standards.filter((s) => resultOf(s.id)?.method !== 'case-sample');
    if (judgement.length) {
      blocks.push({
        type: 'table',
        caption: `Ratings of the standards in domain ${domain.id}`,
        head: [[cell('Standard'), cell('Rating')]],
        rows: judgement.map((s) => {
          const result = resultOf(s.id)!;
          return [cell(`${s.id} ${s.name}`, { rowHeader: true }), { inlines: [ratingInline(inspection, result.awarded, result.professionalJudgement)] }];
        }),
        widths: [3, 1.4],
        stackNarrow: true,
      });
    }
    for (const standard of domain.standards.filter((s) => !judgement.includes(s))) {
      const table = keyQuestionTable(inspection, standard.id);
      blocks.push(standard.rating === NOT_RATED && standard.keyQuestions.every((q) => q.percent === null) ? paragraph(text(`${table.caption}. No cases were inspected for this standard.`)) : table);
    }
  }
  const note = judgementFootnote(inspection);
  if (note) blocks.push({ type: 'paragraph', inlines: note, style: 'small' });
  return blocks;
}

/** The rule that turns percentages into ratings, written from the framework's bands. */
function bandsSentence(inspection: Inspection): string {
  const { framework } = inspection;
  const labelOf = (id: string) => framework.ratingScale.find((r) => r.id === id)?.label ?? id;
  const bands = Object.entries(framework.caseSample.bands)
    .sort((a, b) => b[1] - a[1])
    .map(([id, min]) => (min === 0 ? `${labelOf(id)} below that` : `${labelOf(id)} when it is ${min}% or more`));
  return `A standard rated from cases takes the rating of its lowest key question: ${bands.join(', ')}.`;
}

// ---- corrections ----

export const CORRECTIONS_HEADING = 'Corrections';

/** The day readers could first see a report: its publication date, or the end of its embargo. */
export const firstPublished = (source: { published: string; embargoedUntil?: string | undefined }) => (source.embargoedUntil && source.embargoedUntil > source.published ? source.embargoedUntil : source.published);

/** "This report was corrected on 2 May 2026": under the title, pointing at the list of corrections. */
export function correctedNote(corrections: readonly Correction[], heading: Block | undefined): Block[] {
  const last = corrections.at(-1);
  if (!last || heading?.type !== 'heading') return [];
  return [paragraph(text(`This report was corrected on ${formatDate(last.date)}. `, { bold: true }), text('What changed, and why, is in '), { type: 'section-ref', target: heading.id, phrase: 'the list of corrections' }, text('.'))];
}

/**
 * The corrections, oldest first, like GOV.UK's "updates to this page": when, what changed and why,
 * and where the report as it was before each correction is kept (report-v1.pdf, report-v2.pdf…).
 */
export function correctionsSection(heading: Block, published: string, corrections: readonly Correction[]): Block[] {
  const versions = corrections.map((_correction, index) => `version ${index + 1} (${index === 0 ? `as first published on ${formatDate(published)}` : `as corrected on ${formatDate(corrections[index - 1]!.date)}`}) is report-v${index + 1}.pdf`);
  return [
    heading,
    paragraph(text(`We first published this report on ${formatDate(published)}. Since then we have corrected it ${corrections.length === 1 ? 'once' : `${countOf(corrections.length, 'time')}`}, as listed here, oldest first.`)),
    {
      type: 'list',
      ordered: false,
      start: 1,
      items: corrections.map((c) => [paragraph(text(`${formatDate(c.date)}: `, { bold: true }), text(c.what)), paragraph(text('Why: ', { bold: true }), text(c.why))]),
    },
    paragraph(text(`The PDF of the report as it was before each correction stays on our website, beside this one: ${listOf(versions)}.`)),
  ];
}
