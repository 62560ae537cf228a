/**
 * A full inspection report as a document model: the template's outline (src/model/report.ts)
 * filled with narrative blocks, computed tables and the publisher's credits. Both the page and the
 * PDF are drawn from what this returns.
 */
import { kindOf } from '../model/inspection-kind.ts';
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
import type { Messages } from '../model/messages.ts';
import { LANGUAGE_FACTS } from '../model/language.ts';
import { rendererWords } from './words.ts';
import { standardWords } from '../model/translations.ts';
import { bulletList, cell, type Heading, headingMaker, IdMaker, paragraph, text } from './make-blocks.ts';
import { listOf } from './phrases.ts';
import { orderStandardNarrative, standardSectionsOf } from './standard-sections.ts';
import { judgementFootnote, judgementNoteHeading, judgementSentence, keyQuestionTable, ratingInline, ratingsSummaryTable } from './report-tables.ts';

/** "An inspection of …", "A reinspection of …", "A joint inspection of …", in the language of `messages`. */
export function reportTitle(inspection: Inspection, messages: Messages): string {
  return messages.t('report.title', { kind: kindOf(inspection.source).replace('-', '_'), service: inspection.service.name });
}

/** What every section of one report is written from. */
interface Report {
  inspection: Inspection;
  /** The tool's words, in the language of the project view. */
  m: Messages;
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
  const m = project.messages[project.lang];
  const report = reportOf(inspection, m, root, standardSectionsOf(template));
  const outline = reportOutline(inspection, template, project.glossary, {
    headings: [...report.sections.keys()].map((key) => toString(inspection.narrative.children.find((n) => n.type === 'heading' && n.depth === 2 && toString(n).trim().toLowerCase() === key)!).trim()),
    text: toString(inspection.narrative),
  });
  const { overall } = report;
  // The corrections section's id is made first, so that the cover's note can point at it.
  const corrections = source.corrections.length ? correctionsSection(report.heading(2, m.t('report.corrections.heading')), firstPublished(source), source.corrections, m) : [];
  const last = source.corrections.at(-1);
  // In reading order: ids are made, and footnotes numbered, as the blocks are.
  const title = reportTitle(inspection, m);
  return {
    title,
    subtitle: m.t('report.subtitle', { publisher: publisher.name, month: m.date(source.published, 'month') }),
    language: LANGUAGE_FACTS[m.lang].tag,
    words: rendererWords(m),
    date: source.published,
    ...(last ? { revision: { number: revisionOf(source.corrections), date: last.date } } : {}),
    author: publisher.name,
    subject: m.t('report.subject', { service: service.name, rating: overall.label }),
    keywords: [m.t('report.keyword.inspection'), m.t('report.keyword.youth-justice'), service.name, overall.label],
    runningHeader: service.fictional ? m.t('report.fictional-header', { title }) : title,
    cover: [...cover(report), ...correctedNote(source.corrections, corrections[0], m)],
    credits: credits(report, publisher),
    body: [...outline.flatMap((section) => sectionBlocks(report, section)), ...corrections],
    images: report.markdown.images,
  };
}

function reportOf(inspection: Inspection, m: Messages, root: string, standardSections: string[]): Report {
  const ids = new IdMaker();
  return {
    inspection,
    m,
    sections: narrativeSections(inspection.narrative),
    markdown: {
      ids,
      folder: path.resolve(root, path.dirname(inspection.narrativeFile)),
      images: [],
      notes: { next: 1, byLabel: new Map() },
      components: { inspection, messages: m },
    },
    heading: headingMaker(ids),
    overall: ratingInline(inspection, inspection.rating.overall.rating, false),
    standardSections,
  };
}

function cover({ inspection, overall, m }: Report): Block[] {
  const { source, service } = inspection;
  return [
    paragraph(text(m.t('report.cover.published', { date: m.date(source.published) }))),
    paragraph(text(m.t('report.cover.fieldwork', { start: m.date(source.fieldwork.start), end: m.date(source.fieldwork.end) }))),
    { type: 'rating-line', label: m.t('report.cover.overall-rating'), rating: overall },
    ...(service.fictional ? [paragraph(text(m.t('report.cover.fictional-mark'), { bold: true }), text(m.t('report.cover.fictional', { service: service.name })))] : []),
  ];
}

function credits({ inspection, heading, m }: Report, publisher: Publisher): Block[] {
  const { source, service } = inspection;
  return [
    heading(2, m.t('report.credits.heading'), false),
    paragraph(text(source.team.length ? m.t('report.credits.led-with-team', { lead: source.lead, team: listOf(source.team, m.lang) }) : m.t('report.credits.led', { lead: source.lead }))),
    ...(source.partners.length ? [paragraph(text(m.t('report.credits.jointly', { partners: listOf(source.partners, m.lang) })))] : []),
    paragraph(text(m.t('report.credits.thanks', { service: service.name }))),
    ...publisherCredits(publisher, source.published.slice(0, 4), m),
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

function overallFindings({ inspection, heading, overall, m }: Report, section: SectionOf<'overall-findings'>): Block[] {
  const { rating, service } = inspection;
  const { composite } = rating;
  const score = { score: composite.score, maximum: composite.maximum };
  const blocks: Block[] = [
    heading(2, section.heading),
    paragraph(text(m.t('report.overall.rated', { service: service.shortName })), overall, text('.')),
    paragraph(
      text(
        rating.overall.rating === NOT_RATED
          ? m.t('report.overall.none-rated')
          : composite.scaledScore !== composite.score
            ? m.t('report.overall.score-scaled', { ...score, scaled: Math.round(composite.scaledScore), fullMaximum: composite.fullMaximum })
            : m.t('report.overall.score', score),
      ),
    ),
  ];
  const { limitedBy } = rating.overall;
  // The rating is the same object in every language: the explanation's words come from the view's framework.
  if (limitedBy) blocks.push(paragraph(text(inspection.framework.limitingJudgements.find((l) => l.standard === limitedBy.standard)?.explanation ?? limitedBy.explanation)));
  for (const domain of section.domains) {
    blocks.push(heading(3, domain.name, false));
    if (domain.strengths.length) blocks.push(paragraph(text(m.t('report.overall.strengths'), { bold: true })), bulletList(domain.strengths));
    if (domain.improvements.length) blocks.push(paragraph(text(m.t('report.overall.improvements'), { bold: true })), bulletList(domain.improvements));
  }
  return blocks;
}

function ratingsSummary({ inspection, heading, m }: Report, section: SectionOf<'ratings-summary'>): Block[] {
  return [heading(2, section.heading), paragraph(text(m.t('report.ratings-summary.fieldwork', { month: m.date(section.fieldworkStart, 'month') }))), ratingsSummaryTable(inspection, m)];
}

function recommendations({ inspection, heading, m }: Report, section: SectionOf<'recommendations'>): Block[] {
  const { source, service } = inspection;
  const blocks: Block[] = [heading(2, section.heading), paragraph(text(m.t('report.recommendations.made', { count: source.recommendations.length, service: service.shortName })))];
  for (const group of section.groups) {
    blocks.push(heading(3, m.t('report.recommendations.should', { addressee: group.addressee }), false));
    blocks.push({ type: 'list', ordered: true, start: group.items[0]?.number ?? 1, items: group.items.map((item) => [paragraph(text(item.text))]) });
  }
  return blocks;
}

function contextualFacts({ inspection, heading, m }: Report, section: SectionOf<'contextual-facts'>): Block[] {
  return [
    heading(2, section.heading),
    {
      type: 'table',
      caption: m.t('report.facts.caption', { service: inspection.service.shortName }),
      head: [[cell(m.t('report.facts.fact')), cell(m.t('report.facts.figure'), { align: 'right' }), cell(m.t('report.facts.compared-with')), cell(m.t('report.facts.source'))]],
      rows: section.facts.map((fact) => [cell(fact.label, { rowHeader: true }), cell(fact.value, { align: 'right' }), cell(fact.comparison ?? '–'), cell(fact.source ?? '–')]),
      widths: [2.2, 0.8, 1.6, 2],
      stackNarrow: true,
    },
  ];
}

/** A domain's section: each standard with its rating, statement and narrative. */
function domainFindings(report: Report, section: SectionOf<'domain'>): Block[] {
  const { inspection, heading, m } = report;
  const { framework, rating } = inspection;
  const domain = framework.domains.find((d) => d.id === section.domainId)!;
  const blocks: Block[] = [heading(2, section.heading)];
  if (section.standards.length === 0) {
    blocks.push(paragraph(text(domain.caseType ? m.t('report.domain.not-rated-sample', { caseType: domain.caseType, minimum: framework.caseSample.minimumSample }) : m.t('report.domain.not-rated'))));
  }
  for (const standard of section.standards) {
    const result = rating.standards.find((s) => s.id === standard.id)!;
    blocks.push(heading(3, `${standard.id} ${standard.name}`));
    blocks.push({ type: 'rating-line', label: m.t('report.domain.rating'), rating: ratingInline(inspection, result.awarded, result.professionalJudgement) });
    blocks.push(paragraph(text(standard.statement, { bold: true })));
    const words = standardWords(inspection, standard.id);
    const notRatedReason = words ? words.notRatedReason : result.notRatedReason;
    if (notRatedReason) blocks.push(paragraph(text(m.t('report.domain.not-rated-reason', { reason: notRatedReason }))));
    if (result.professionalJudgement) {
      // Beside the rating: the reasons inspectors wrote for moving it from what the figures give.
      blocks.push(heading(4, judgementNoteHeading(standard.id, m), false));
      blocks.push(paragraph(text(`${judgementSentence(inspection, standard.id, m)} `), text((words ? words.judgementRationale : result.judgementRationale) ?? '')));
    }
    blocks.push(...standardNarrative(report, standard));
  }
  return blocks;
}

function methodology({ inspection, heading, m }: Report, section: SectionOf<'methodology'>): Block[] {
  const { framework } = inspection;
  const samples = section.samples;
  const caseCounts = samples.map((s) => m.t('report.methodology.cases-of-type', { count: s.cases, caseType: s.caseType === 'court' ? 'court' : 'out-of-court' }));
  return [
    heading(2, section.heading),
    paragraph(text(m.t('report.methodology.inspected', { cases: listOf(caseCounts, m.lang) }))),
    {
      type: 'table',
      caption: m.t('report.methodology.cases-caption'),
      head: [[cell(m.t('report.methodology.domain')), cell(m.t('report.methodology.cases'), { align: 'right' })]],
      rows: samples.map((s) => [cell(`${s.domainId}. ${s.domainName}`, { rowHeader: true }), cell(String(s.cases), { align: 'right' })]),
      widths: [3, 1],
    },
    paragraph(text(bandsSentence(inspection, m))),
    paragraph(text(m.t('report.methodology.judgement', { minimum: framework.caseSample.minimumSample, steps: framework.professionalJudgement.maxBandsFromComputed, mark: framework.professionalJudgement.mark }))),
  ];
}

/** Every domain's results: standards rated by judgement in one table, each case-sample standard's key questions in another. */
function results({ inspection, heading, m }: Report, section: SectionOf<'results'>): Block[] {
  const { rating } = inspection;
  const resultOf = (id: string) => rating.standards.find((r) => r.id === id);
  const blocks: Block[] = [heading(2, section.heading), paragraph(text(m.t('report.results.intro')))];
  for (const domain of section.domains) {
    blocks.push(heading(3, `${domain.id}. ${domain.name}`, false));
    const judgement = domain.standards.filter((s) => resultOf(s.id)?.method !== 'case-sample');
    if (judgement.length) {
      blocks.push({
        type: 'table',
        caption: m.t('report.results.judgement-caption', { domain: domain.id }),
        head: [[cell(m.t('report.tables.standard')), cell(m.t('report.tables.rating'))]],
        rows: judgement.map((s) => {
          const result = resultOf(s.id)!;
          return [cell(`${s.id} ${s.name}`, { rowHeader: true }), { inlines: [ratingInline(inspection, result.awarded, result.professionalJudgement)] }];
        }),
        widths: [3, 1.4],
        stackNarrow: true,
      });
    }
    for (const standard of domain.standards.filter((s) => !judgement.includes(s))) {
      const table = keyQuestionTable(inspection, standard.id, m);
      blocks.push(standard.rating === NOT_RATED && standard.keyQuestions.every((q) => q.percent === null) ? paragraph(text(m.t('report.results.no-cases', { caption: table.caption }))) : table);
    }
  }
  const note = judgementFootnote(inspection, m);
  if (note) blocks.push({ type: 'paragraph', inlines: note, style: 'small' });
  return blocks;
}

/** The rule that turns percentages into ratings, written from the framework's bands. */
function bandsSentence(inspection: Inspection, m: Messages): string {
  const { framework } = inspection;
  const labelOf = (id: string) => framework.ratingScale.find((r) => r.id === id)?.label ?? id;
  const bands = Object.entries(framework.caseSample.bands)
    .sort((a, b) => b[1] - a[1])
    .map(([id, min]) => (min === 0 ? m.t('report.methodology.band-lowest', { rating: labelOf(id) }) : m.t('report.methodology.band', { rating: labelOf(id), percent: min / 100 })));
  return m.t('report.methodology.bands', { bands: bands.join(', ') });
}

// ---- corrections ----

/** The corrections section's heading in English: the English page's anchor (#corrections) is made from it. */
export const CORRECTIONS_HEADING = 'Corrections';

/** The day readers could first see a report: its publication date, or the end of its embargo. */
export const firstPublished = (source: { published: string; embargoedUntil?: string | undefined }) => (source.embargoedUntil && source.embargoedUntil > source.published ? source.embargoedUntil : source.published);

/** "This report was corrected on 2 May 2026": under the title, pointing at the list of corrections. */
export function correctedNote(corrections: readonly Correction[], heading: Block | undefined, m: Messages): Block[] {
  const last = corrections.at(-1);
  if (!last || heading?.type !== 'heading') return [];
  return [
    paragraph(text(m.t('report.corrections.note', { date: m.date(last.date) }), { bold: true }), text(m.t('report.corrections.note-where')), { type: 'section-ref', target: heading.id, phrase: m.t('report.corrections.note-list') }, text('.')),
  ];
}

/**
 * The corrections, oldest first, like GOV.UK's "updates to this page": when, what changed and why,
 * and where the report as it was before each correction is kept (report-v1.pdf, report-v2.pdf…).
 */
export function correctionsSection(heading: Block, published: string, corrections: readonly Correction[], m: Messages): Block[] {
  const versions = corrections.map((_correction, index) =>
    index === 0 ? m.t('report.corrections.version-first', { number: index + 1, date: m.date(published) }) : m.t('report.corrections.version-corrected', { number: index + 1, date: m.date(corrections[index - 1]!.date) }),
  );
  return [
    heading,
    paragraph(text(m.t('report.corrections.intro', { date: m.date(published), count: corrections.length }))),
    {
      type: 'list',
      ordered: false,
      start: 1,
      items: corrections.map((c) => [paragraph(text(m.t('report.corrections.when', { date: m.date(c.date) }), { bold: true }), text(c.what)), paragraph(text(m.t('report.corrections.why'), { bold: true }), text(c.why))]),
    },
    paragraph(text(m.t('report.corrections.versions', { versions: listOf(versions, m.lang) }))),
  ];
}
