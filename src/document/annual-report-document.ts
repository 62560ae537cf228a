/**
 * An annual report as a document model: a cover, the credits, the narrative with its figures
 * (components computed from the inspections of the report's period), an annex with the ratings of
 * those inspections and one on how the figures are made. Charts and tables are numbered here, in
 * document order; the renderers list them after the contents ("List of figures and tables").
 * Its words are messages in the language of the project it is given (project.lang).
 */
import { kindOf } from '../model/inspection-kind.ts';
import { rendererWords } from './words.ts';
import type { Messages } from '../model/messages.ts';
import { publisherCredits } from './publisher-credits.ts';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { AnnualReport, Inspection, Project } from '../model/project.ts';
import type { Block, DocumentModel } from './blocks.ts';
import { blocksFromMarkdown, type MarkdownContext } from './from-markdown.ts';
import { ratingInline } from './report-tables.ts';
import { addresseeRulesSentence, annualReportContext, periodLabel, type AnnualReportContext } from './annual-report-figures.ts';
import { cell, IdMaker, paragraph, text } from './make-blocks.ts';
import { listOf } from './phrases.ts';

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Numbers charts ("Figure 1") and tables ("Table 1") in document order, separately, and gives each
 * an id from its number. A table's caption written as "Table 3: …" in the narrative (or with the
 * word for a table in the document's language, `m`) loses the written number: the tool numbers.
 * Tables without a caption are not numbered.
 */
export function numberFigures(body: Block[], ids: IdMaker = new IdMaker(), m?: Messages): void {
  const words = [...new Set(['Table', ...(m ? [m.t('documents.table')] : [])])].map(escapeRegExp).join('|');
  const writtenNumber = new RegExp(`^(?:${words})\\s+\\d+\\s*[:.]\\s*`, 'i');
  let figures = 0;
  let tables = 0;
  for (const block of body) {
    if (block.type === 'chart') {
      block.number = ++figures;
      block.id = ids.make(`figure-${block.number}`);
    } else if (block.type === 'table' && (block.id !== undefined || block.caption.trim() !== '')) {
      block.caption = block.caption.replace(writtenNumber, '');
      block.number = ++tables;
      block.id = ids.make(`table-${block.number}`);
    }
  }
}

/** The ratings of the period's inspections, one row each, in order of fieldwork. */
function ratingsAnnexTable(ctx: AnnualReportContext): Extract<Block, { type: 'table' }> {
  const { m } = ctx;
  return {
    type: 'table',
    id: 'table',
    caption: m.t('annual-report.annex.ratings.caption'),
    head: [
      [
        cell(m.t('annual-report.annex.ratings.service')),
        cell(m.t('annual-report.annex.ratings.fieldwork')),
        cell(m.t('annual-report.annex.ratings.published')),
        cell(m.t('annual-report.annex.ratings.score'), { align: 'right' }),
        cell(m.t('annual-report.annex.ratings.rating')),
      ],
    ],
    rows: ctx.inspections.map((i) => [
      cell(m.t('annual-report.annex.ratings.service-kind', { service: i.service.name, kind: kindOf(i.source).replace(/-/g, '_') }), { rowHeader: true }),
      cell(m.date(i.source.fieldwork.start, 'month')),
      cell(m.date(i.source.published)),
      cell(m.t('report.figures.composite', { score: i.rating.composite.score, maximum: i.rating.composite.maximum }), { align: 'right' }),
      { inlines: [ratingInline(i, i.rating.overall.rating, false)] },
    ]),
    // Points of the A4 portrait text width: the service's name takes what the dates and ratings leave.
    widths: [147, 70, 80, 70, 100],
    stackNarrow: true,
  };
}

/** What every section of one annual report is written from. */
interface Annual {
  report: AnnualReport;
  context: AnnualReportContext;
  markdown: MarkdownContext;
  heading: (level: 2 | 3, value: string, inContents?: boolean) => Block;
  /** The services inspected in the period, and those of them made up for the sample. */
  services: Inspection['service'][];
  fictional: Inspection['service'][];
  m: Messages;
}

export function annualReportDocument(project: Project, report: AnnualReport, root: string = process.cwd()): DocumentModel {
  const { source } = report;
  const publisher = project.publisher;
  const annual = annualOf(project, report, root);
  const { m } = annual;
  // In reading order: ids are made as the blocks are.
  const cover = coverBlocks(annual);
  const credits = creditsBlocks(annual, publisher);
  const body = [...narrative(annual), ...ratingsAnnex(annual), ...methodAnnex(annual)];
  numberFigures(body, annual.markdown.ids, m);
  return {
    kind: 'report',
    title: source.title,
    subtitle: m.t('report.subtitle', { publisher: publisher.name, month: m.date(source.published, 'month') }),
    language: m.tag,
    words: rendererWords(m),
    date: source.published,
    author: publisher.name,
    subject: m.t('annual-report.subject', { from: m.date(source.period.from), to: m.date(source.period.to) }),
    keywords: [m.t('annual-report.keyword'), m.t('report.keyword.inspection'), m.t('report.keyword.youth-justice'), periodLabel(source.period, m)],
    runningHeader: annual.fictional.length ? m.t('report.fictional-header', { title: source.title }) : source.title,
    cover,
    credits,
    body,
    images: annual.markdown.images,
  };
}

function annualOf(project: Project, report: AnnualReport, root: string): Annual {
  const context = annualReportContext(project, report);
  const ids = new IdMaker();
  // The ids the renderers give the contents and the list of figures: no heading may take them.
  ids.make('contents');
  ids.make('list-of-figures');
  const services = [...new Map(context.inspections.map((i) => [i.service.slug, i.service])).values()];
  return {
    report,
    context,
    markdown: {
      ids,
      folder: path.resolve(root, path.dirname(report.file)),
      images: [],
      notes: { next: 1, byLabel: new Map() },
      components: { annualReport: context, messages: context.m },
    },
    heading: (level, value, inContents = level === 2) => ({ type: 'heading', level, id: ids.make(value), text: value, inContents }),
    services,
    fictional: services.filter((s) => s.fictional),
    m: context.m,
  };
}

function coverBlocks({ report, context, services, fictional, m }: Annual): Block[] {
  const { source } = report;
  const cover: Block[] = [
    paragraph(text(m.t('report.cover.published', { date: m.date(source.published) }))),
    paragraph(text(m.t('annual-report.cover.period', { from: m.date(source.period.from), to: m.date(source.period.to), inspections: context.inspections.length, services: services.length }))),
  ];
  if (fictional.length) {
    cover.push(
      paragraph(
        text(m.t('report.cover.fictional-mark'), { bold: true }),
        text(fictional.length === services.length ? m.t('annual-report.cover.fictional-all') : m.t('annual-report.cover.fictional-some', { services: listOf(fictional.map((s) => s.name), m.lang), count: fictional.length })),
      ),
    );
  }
  return cover;
}

function creditsBlocks({ report, context, heading, m }: Annual, publisher: Project['publisher']): Block[] {
  const { source } = report;
  return [
    heading(2, m.t('annual-report.credits.heading'), false),
    paragraph(text(m.t('annual-report.credits.text', { count: context.inspections.length, from: m.date(source.period.from), to: m.date(source.period.to) }))),
    ...publisherCredits(publisher, source.published.slice(0, 4), m),
  ];
}

/** The narrative: each level-2 section with its blocks; notes at the end of the section that refers to them. */
function narrative({ report, markdown, heading }: Annual): Block[] {
  const body: Block[] = [];
  let section: { title: string; nodes: RootContent[] } | undefined;
  const flush = () => {
    if (section) body.push(heading(2, section.title), ...blocksFromMarkdown(section.nodes, markdown, 0));
  };
  for (const node of report.narrative.children) {
    if (node.type === 'heading' && node.depth === 2) {
      flush();
      section = { title: toString(node).trim(), nodes: [] };
    } else section?.nodes.push(node);
  }
  flush();
  return body;
}

/** Annex 1: the ratings of the period's inspections. */
function ratingsAnnex({ report, context, heading, m }: Annual): Block[] {
  const title = m.t('annual-report.annex.ratings.heading');
  if (!context.inspections.length) return [heading(2, title), paragraph(text(m.t('annual-report.annex.ratings.none', { period: periodLabel(report.source.period, m) })))];
  return [heading(2, title), paragraph(text(m.t('annual-report.annex.ratings.intro', { count: context.inspections.length }))), ratingsAnnexTable(context)];
}

/** Annex 2: how the figures are made, written from the report's own settings. */
function methodAnnex({ report, context, heading, m }: Annual): Block[] {
  const { source } = report;
  const cases = context.inspections.reduce((n, i) => n + i.cases.length, 0);
  const counted = m.t('annual-report.annex.method.counted', { from: m.date(source.period.from), to: m.date(source.period.to), published: m.date(source.published) });
  const compared = source.previousPeriod ? m.t('annual-report.annex.method.compared', { from: m.date(source.previousPeriod.from), to: m.date(source.previousPeriod.to), count: context.previous.length }) : undefined;
  return [
    heading(2, m.t('annual-report.annex.method.heading')),
    paragraph(text(compared ? `${counted} ${compared}` : counted)),
    paragraph(text(m.t('annual-report.annex.method.pooled'))),
    paragraph(text(m.t('annual-report.annex.method.children', { count: cases, minimum: source.minimumCount }))),
    paragraph(text(addresseeRulesSentence(m))),
  ];
}
