/**
 * An annual report as a document model: a cover, the credits, the narrative with its figures
 * (components computed from the inspections of the report's period), an annex with the ratings of
 * those inspections and one on how the figures are made. Charts and tables are numbered here, in
 * document order; the renderers list them after the contents ("List of figures and tables").
 */
import { kindNote } from '../model/inspection-kind.ts';
import { rendererWords } from './words.ts';
import type { Messages } from '../model/messages.ts';
import { publisherCredits } from './publisher-credits.ts';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { AnnualReport, Inspection, Project } from '../model/project.ts';
import type { Block, DocumentModel } from './blocks.ts';
import { blocksFromMarkdown, type MarkdownContext } from './from-markdown.ts';
import { formatDate } from './dates.ts';
import { ratingInline } from './report-tables.ts';
import { addresseeRulesSentence, annualReportContext, periodLabel, type AnnualReportContext } from './annual-report-figures.ts';
import { cell, IdMaker, paragraph, text } from './make-blocks.ts';
import { countOf, listOf } from './phrases.ts';

/** Headings of the sections the tool writes after the narrative. */
export const ANNEX_HEADINGS = { ratings: 'Annex 1: Ratings of the inspections in this period', method: 'Annex 2: How the figures are made' } as const;

/**
 * Numbers charts ("Figure 1") and tables ("Table 1") in document order, separately, and gives each
 * an id from its number. A table's caption written as "Table 3: …" in the narrative loses the
 * written number: the tool numbers. Tables without a caption are not numbered.
 */
export function numberFigures(body: Block[], ids: IdMaker = new IdMaker()): void {
  let figures = 0;
  let tables = 0;
  for (const block of body) {
    if (block.type === 'chart') {
      block.number = ++figures;
      block.id = ids.make(`figure-${block.number}`);
    } else if (block.type === 'table' && (block.id !== undefined || block.caption.trim() !== '')) {
      block.caption = block.caption.replace(/^Table\s+\d+\s*[:.]\s*/i, '');
      block.number = ++tables;
      block.id = ids.make(`table-${block.number}`);
    }
  }
}

/** The ratings of the period's inspections, one row each, in order of fieldwork. */
function ratingsAnnexTable(ctx: AnnualReportContext): Extract<Block, { type: 'table' }> {
  return {
    type: 'table',
    id: 'table',
    caption: 'Ratings of the inspections in this period, in order of fieldwork',
    head: [[cell('Service'), cell('Fieldwork started'), cell('Published'), cell('Score', { align: 'right' }), cell('Overall rating')]],
    rows: ctx.inspections.map((i) => [
      cell(`${i.service.name}${kindNote(i.source) ? ` (${kindNote(i.source)})` : ''}`, { rowHeader: true }),
      cell(formatDate(i.source.fieldwork.start, 'month')),
      cell(formatDate(i.source.published)),
      cell(`${i.rating.composite.score} out of ${i.rating.composite.maximum}`, { align: 'right' }),
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
}

export function annualReportDocument(project: Project, report: AnnualReport, root: string = process.cwd()): DocumentModel {
  const { source } = report;
  const publisher = project.publisher;
  const annual = annualOf(project, report, root);
  // In reading order: ids are made as the blocks are.
  const cover = coverBlocks(annual);
  const credits = creditsBlocks(annual, publisher, project.messages.en);
  const body = [...narrative(annual), ...ratingsAnnex(annual), ...methodAnnex(annual)];
  numberFigures(body, annual.markdown.ids);
  return {
    kind: 'report',
    title: source.title,
    subtitle: `${publisher.name}, ${formatDate(source.published, 'month')}`,
    language: 'en-GB',
    // Written in English only (until its content has Welsh): the renderer's words too.
    words: rendererWords(project.messages.en),
    date: source.published,
    author: publisher.name,
    subject: `Annual report on inspections of youth justice services with fieldwork from ${formatDate(source.period.from)} to ${formatDate(source.period.to)}`,
    keywords: ['annual report', 'inspection', 'youth justice', periodLabel(source.period)],
    runningHeader: `${source.title}${annual.fictional.length ? ' (fictional sample)' : ''}`,
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
      components: { annualReport: context, messages: project.messages.en },
    },
    heading: (level, value, inContents = level === 2) => ({ type: 'heading', level, id: ids.make(value), text: value, inContents }),
    services,
    fictional: services.filter((s) => s.fictional),
  };
}

function coverBlocks({ report, context, services, fictional }: Annual): Block[] {
  const { source } = report;
  const cover: Block[] = [
    paragraph(text(`Published ${formatDate(source.published)}`)),
    paragraph(text(`Inspections with fieldwork from ${formatDate(source.period.from)} to ${formatDate(source.period.to)}: ${countOf(context.inspections.length, 'inspection')} of ${countOf(services.length, 'service')}.`)),
  ];
  if (fictional.length) {
    cover.push(
      paragraph(
        text('Fictional sample. ', { bold: true }),
        text(
          fictional.length === services.length
            ? 'Every service in this report is made up, and so are the inspections it draws on: it shows how an annual report is published, and its figures and findings are invented.'
            : `${listOf(fictional.map((s) => s.name))} ${fictional.length === 1 ? 'is' : 'are'} made up, and so are ${fictional.length === 1 ? 'its inspections' : 'their inspections'}: the figures drawn from them are invented.`,
        ),
      ),
    );
  }
  return cover;
}

function creditsBlocks({ report, context, heading }: Annual, publisher: Project['publisher'], messages: Messages): Block[] {
  const { source } = report;
  return [
    heading(2, 'About this report', false),
    paragraph(text(`This report brings together what we found in ${countOf(context.inspections.length, 'inspection')} of youth justice services whose fieldwork took place from ${formatDate(source.period.from)} to ${formatDate(source.period.to)}. Every figure in it is computed from the ratings and case records of those inspections.`)),
    ...publisherCredits(publisher, source.published.slice(0, 4), messages),
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
function ratingsAnnex({ report, context, heading }: Annual): Block[] {
  if (!context.inspections.length) return [heading(2, ANNEX_HEADINGS.ratings), paragraph(text(`No published inspection had its fieldwork in ${periodLabel(report.source.period)}.`))];
  return [
    heading(2, ANNEX_HEADINGS.ratings),
    paragraph(
      text(
        `The ${countOf(context.inspections.length, 'inspection')} this report draws on, with the composite score of each and the overall rating it gives. The rating of every standard is in each inspection's own report, and for all of them together in the ratings table published with this report, a separate PDF laid out across the page.`,
      ),
    ),
    ratingsAnnexTable(context),
  ];
}

/** Annex 2: how the figures are made, written from the report's own settings. */
function methodAnnex({ report, context, heading }: Annual): Block[] {
  const { source } = report;
  const cases = context.inspections.reduce((n, i) => n + i.cases.length, 0);
  return [
    heading(2, ANNEX_HEADINGS.method),
    paragraph(
      text(
        `An inspection counts in the period in which its fieldwork started, whenever its report was published. This report counts the inspections with fieldwork from ${formatDate(source.period.from)} to ${formatDate(source.period.to)} that were published by ${formatDate(source.published)}, the date of this report, so its figures do not change afterwards.${source.previousPeriod ? ` Recommendations are compared with those of the inspections with fieldwork from ${formatDate(source.previousPeriod.from)} to ${formatDate(source.previousPeriod.to)} (${countOf(context.previous.length, 'inspection')}).` : ''}`,
      ),
    ),
    paragraph(
      text(
        `Figures cover the whole period unless their title says they are by year. Percentages of cases judged sufficient are pooled: for each key question, the cases judged sufficient in all the inspections of the period (or of a year), out of all the cases in which the question applied. They are whole numbers, with a half rounded up. The inspection standards changed in July 2021; a period or year in which both the earlier and the later standards were used is shown twice, once for each.`,
      ),
    ),
    paragraph(
      text(
        `The children whose cases we inspected (${countOf(cases, 'case')} in this period) are counted, but never shown one by one. In any breakdown of case data, a count of fewer than ${source.minimumCount} children is not shown, so that no child can be identified; where it could still be worked out from the total and the other counts, the next smallest count is hidden too. No record of a single case is published.`,
      ),
    ),
    paragraph(text(addresseeRulesSentence())),
  ];
}
