/**
 * A full inspection report as a document model: the template's outline (src/model/report.ts)
 * filled with narrative blocks, computed tables and the publisher's credits. Both the page and the
 * PDF are drawn from what this returns.
 */
import { publisherCredits } from './publisher-credits.ts';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { Inspection, Project } from '../model/project.ts';
import { reportOutline, type RatedStandard, type ReportSection } from '../model/report.ts';
import { NOT_RATED } from '../model/rating.ts';
import type { Block, DocumentModel, Inline, TableCell } from './blocks.ts';
import { blocksFromMarkdown, IdMaker, narrativeSections, type MarkdownContext } from './from-markdown.ts';
import { judgementFootnote, keyQuestionTable, ratingInline, ratingsSummaryTable } from './report-tables.ts';

// Made once: creating an Intl.DateTimeFormat costs far more than formatting with one.
const dateFormats = {
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const formatDate = (iso: string, parts: 'day' | 'month' = 'day') => dateFormats[parts].format(new Date(`${iso}T00:00:00Z`));

export { formatDate };

const text = (value: string, style: { bold?: boolean; italic?: boolean } = {}): Inline => ({ type: 'text', value, ...style });
const paragraph = (...inlines: Inline[]): Block => ({ type: 'paragraph', inlines });
const cell = (value: string, extra: Partial<TableCell> = {}): TableCell => ({ inlines: [text(value)], ...extra });

/** "An inspection of …", "A reinspection of …", "A joint inspection of …". */
export function reportTitle(inspection: Inspection): string {
  const kind = { inspection: 'An inspection', reinspection: 'A reinspection', joint: 'A joint inspection' }[inspection.source.kind];
  return `${kind} of ${inspection.service.name}`;
}

export function reportDocument(project: Project, inspection: Inspection, root: string = process.cwd()): DocumentModel {
  const template = project.documentTemplates.find((t) => t.id === 'inspection-report');
  if (!template) throw new Error('templates/documents/inspection-report.yaml is missing');
  const { source, service, framework, rating } = inspection;
  const publisher = project.publisher;
  const sections = narrativeSections(inspection.narrative);
  const outline = reportOutline(inspection, template, project.glossary, {
    headings: [...sections.keys()].map((key) => toString(inspection.narrative.children.find((n) => n.type === 'heading' && n.depth === 2 && toString(n).trim().toLowerCase() === key)!).trim()),
    text: toString(inspection.narrative),
  });
  const ids = new IdMaker();
  const ctx: MarkdownContext = {
    ids,
    folder: path.resolve(root, path.dirname(inspection.narrativeFile)),
    images: [],
    notes: { next: 1, byLabel: new Map() },
    components: { inspection },
  };
  const title = reportTitle(inspection);
  const published = formatDate(source.published);
  const overall = ratingInline(inspection, rating.overall.rating, false);

  const cover: Block[] = [
    paragraph(text(`Published ${published}`)),
    paragraph(text(`Fieldwork ${formatDate(source.fieldwork.start)} to ${formatDate(source.fieldwork.end)}`)),
    { type: 'rating-line', label: 'Overall rating', rating: overall },
  ];
  if (service.fictional) {
    cover.push(paragraph(text('Fictional sample. ', { bold: true }), text(`${service.name} does not exist: this report was made up to show how reports are published, and every name, figure and finding in it is invented.`)));
  }

  const team = source.team.length ? `, supported by ${listOf(source.team)}` : '';
  const credits: Block[] = [
    { type: 'heading', level: 2, id: ids.make('Acknowledgements'), text: 'Acknowledgements', inContents: false },
    paragraph(text(`This inspection was led by ${source.lead}, HM Inspector${team}.`)),
    ...(source.partners.length ? [paragraph(text(`It was carried out jointly with ${listOf(source.partners)}.`))] : []),
    paragraph(text(`We thank the children, families, staff and partners of ${service.name} who gave their time to the inspection.`)),
    ...publisherCredits(publisher, source.published.slice(0, 4)),
  ];

  const body: Block[] = [];
  const heading = (level: 2 | 3 | 4, value: string, inContents = level <= 3): Block => ({ type: 'heading', level, id: ids.make(value), text: value, inContents });
  for (const section of outline) body.push(...sectionBlocks(section));

  function narrativeOf(key: string, offset: number): Block[] {
    const nodes = sections.get(key.toLowerCase());
    return nodes ? blocksFromMarkdown(nodes, ctx, offset) : [];
  }

  function standardNarrative(standard: RatedStandard): Block[] {
    const key = [...sections.keys()].find((k) => k.startsWith(`${standard.id.toLowerCase()} `) || k.startsWith(`${standard.id.toLowerCase()}. `));
    return key ? narrativeOf(key, 1) : [];
  }

  function sectionBlocks(section: ReportSection): Block[] {
    switch (section.kind) {
      case 'narrative':
        return [heading(2, section.heading), ...narrativeOf(section.narrative, 0)];
      case 'overall-findings': {
        const blocks: Block[] = [heading(2, section.heading), paragraph(text(`Overall, ${service.shortName} is rated: `), overall, text('.'))];
        blocks.push(
          paragraph(
            text(
              rating.overall.rating === NOT_RATED
                ? 'No standard that counts towards the overall rating was rated.'
                : `This rating comes from the ratings of the standards, which give a score of ${rating.composite.score} out of ${rating.composite.maximum}${rating.composite.scaledScore !== rating.composite.score ? ` (${rating.composite.scaledScore} out of ${rating.composite.fullMaximum} when scaled to the full range)` : ''}.`,
            ),
          ),
        );
        if (rating.overall.limitedBy) blocks.push(paragraph(text(rating.overall.limitedBy.explanation)));
        for (const domain of section.domains) {
          blocks.push(heading(3, domain.name, false));
          if (domain.strengths.length) blocks.push(paragraph(text('Our key findings about strengths:', { bold: true })), bulletList(domain.strengths));
          if (domain.improvements.length) blocks.push(paragraph(text('Our key findings about areas for improvement:', { bold: true })), bulletList(domain.improvements));
        }
        return blocks;
      }
      case 'ratings-summary':
        return [
          heading(2, section.heading),
          paragraph(text(`Fieldwork started in ${formatDate(section.fieldworkStart, 'month')}.`)),
          ratingsSummaryTable(inspection),
        ];
      case 'recommendations': {
        const blocks: Block[] = [heading(2, section.heading), paragraph(text(`We have made ${countOf(source.recommendations.length, 'recommendation')} to help ${service.shortName} improve the work it does with children.`))];
        for (const group of section.groups) {
          blocks.push(heading(3, `${group.addressee} should:`, false));
          blocks.push({ type: 'list', ordered: true, start: group.items[0]?.number ?? 1, items: group.items.map((item) => [paragraph(text(item.text))]) });
        }
        return blocks;
      }
      case 'contextual-facts':
        return [
          heading(2, section.heading),
          {
            type: 'table',
            caption: `Facts about the area served by ${service.shortName}`,
            head: [[cell('Fact'), cell('Figure', { align: 'right' }), cell('Compared with'), cell('Source')]],
            rows: section.facts.map((fact) => [cell(fact.label, { rowHeader: true }), cell(fact.value, { align: 'right' }), cell(fact.comparison ?? '–'), cell(fact.source ?? '–')]),
            widths: [2.2, 0.8, 1.6, 2],
          },
        ];
      case 'domain': {
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
          blocks.push(...standardNarrative(standard));
        }
        return blocks;
      }
      case 'methodology': {
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
      case 'results': {
        const blocks: Block[] = [heading(2, section.heading), paragraph(text('Each table gives, for every key question, the cases judged sufficient out of the cases where the question applied.'))];
        for (const domain of section.domains) {
          blocks.push(heading(3, `${domain.id}. ${domain.name}`, false));
          const judgement = domain.standards.filter((s) => rating.standards.find((r) => r.id === s.id)?.method !== 'case-sample');
          if (judgement.length) {
            blocks.push({
              type: 'table',
              caption: `Ratings of the standards in domain ${domain.id}`,
              head: [[cell('Standard'), cell('Rating')]],
              rows: judgement.map((s) => {
                const result = rating.standards.find((r) => r.id === s.id)!;
                return [cell(`${s.id} ${s.name}`, { rowHeader: true }), { inlines: [ratingInline(inspection, result.awarded, result.professionalJudgement)] }];
              }),
              widths: [3, 1.4],
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
      case 'glossary':
        return [heading(2, section.heading), { type: 'definitions', items: section.terms.map((t) => ({ id: `term-${t.id}`, term: t.term, definition: t.definition })) }];
    }
  }

  return {
    title,
    subtitle: `${publisher.name}, ${formatDate(source.published, 'month')}`,
    language: 'en-GB',
    date: source.published,
    author: publisher.name,
    subject: `Inspection report: ${service.name}, overall rating ${overall.label}`,
    keywords: ['inspection', 'youth justice', service.name, overall.label],
    runningHeader: `${reportTitle(inspection)}${service.fictional ? ' (fictional sample)' : ''}`,
    cover,
    credits,
    body,
    images: ctx.images,
  };
}

function bulletList(items: readonly string[]): Block {
  return { type: 'list', ordered: false, start: 1, items: items.map((item) => [paragraph(text(item))]) };
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
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
