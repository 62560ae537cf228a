/**
 * A thematic report's full report as a document model: the sections of
 * templates/documents/thematic-report.yaml in order, filled from report.mdx (Foreword, Introduction,
 * the findings chapters, Conclusion) and from thematic.yaml (recommendations, methodology, glossary).
 * Nothing in thematic.yaml is typed again in the narrative: the page and the PDF both draw this model.
 */
import path from 'node:path';
import type { Messages } from '../model/messages.ts';
import { LANGUAGE_FACTS } from '../model/language.ts';
import { rendererWords } from './words.ts';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import type { Project, Thematic } from '../model/project.ts';
import type { DocumentTemplate, TemplateSection } from '../model/schemas/document-template.ts';
import { termsUsedIn } from '../model/glossary-terms.ts';
import type { Block, DocumentModel } from './blocks.ts';
import { blocksFromMarkdown, narrativeSections, type MarkdownContext } from './from-markdown.ts';
import { bulletList, type Heading, headingMaker, IdMaker, paragraph, text } from './make-blocks.ts';
import { listOf } from './phrases.ts';
import { publisherCredits } from './publisher-credits.ts';
import { correctedNote, correctionsSection, firstPublished } from './report-document.ts';
import { revisionOf } from '../model/schemas/correction.ts';

interface ThematicReport {
  thematic: Thematic & { narrative: NonNullable<Thematic['narrative']> };
  /** report.mdx's `##` sections, by lower-case heading, in the order written. */
  sections: Map<string, RootContent[]>;
  /** The `##` headings as written, by lower-case heading. */
  headings: Map<string, string>;
  markdown: MarkdownContext;
  heading: Heading;
  project: Project;
  template: DocumentTemplate;
  m: Messages;
}

/** The template's sections a thematic report can have: the inspection-only kinds are left out. */
export const THEMATIC_KINDS: ReadonlySet<TemplateSection['kind']> = new Set<TemplateSection['kind']>(['narrative', 'findings', 'recommendations', 'methodology', 'glossary']);

export const thematicReportTitle = (thematic: Thematic) => thematic.source.title;

export function thematicReportDocument(project: Project, thematic: Thematic, root: string = process.cwd()): DocumentModel {
  const template = project.documentTemplates.find((t) => t.id === 'thematic-report');
  if (!template) throw new Error('templates/documents/thematic-report.yaml is missing');
  if (!thematic.narrative) throw new Error(`thematic report "${thematic.slug}" has no report.mdx`);
  const { source } = thematic;
  const publisher = project.publisher;
  const ids = new IdMaker();
  const m = project.messages[project.lang];
  const report: ThematicReport = {
    thematic: thematic as ThematicReport['thematic'],
    sections: narrativeSections(thematic.narrative.tree),
    headings: new Map(thematic.narrative.tree.children.flatMap((n) => (n.type === 'heading' && n.depth === 2 ? [[toString(n).trim().toLowerCase(), toString(n).trim()] as const] : []))),
    markdown: { ids, folder: path.resolve(root, path.dirname(thematic.narrative.file)), images: [], notes: { next: 1, byLabel: new Map() }, components: { thematic, messages: m } },
    heading: headingMaker(ids),
    project,
    template,
    m,
  };
  // As in an inspection report: the corrections section's id is made first, so that the cover's note can point at it.
  const corrections = source.corrections.length ? correctionsSection(report.heading(2, m.t('report.corrections.heading')), firstPublished(source), source.corrections, m) : [];
  const last = source.corrections.at(-1);
  return {
    title: source.title,
    subtitle: m.t('report.thematic.subtitle', { publisher: publisher.name, month: m.date(source.published, 'month') }),
    language: LANGUAGE_FACTS[m.lang].tag,
    words: rendererWords(m),
    date: source.published,
    ...(last ? { revision: { number: revisionOf(source.corrections), date: last.date } } : {}),
    author: publisher.name,
    subject: m.t('report.thematic.subject', { title: source.title }),
    keywords: [m.t('report.keyword.thematic-inspection'), m.t('report.keyword.youth-justice'), source.title],
    runningHeader: source.fictional ? m.t('report.fictional-header', { title: source.title }) : source.title,
    cover: [...cover(thematic, m), ...correctedNote(source.corrections, corrections[0], m)],
    credits: credits(report),
    // In reading order: ids are made, and footnotes numbered, as the blocks are.
    body: [...template.sections.filter((s) => THEMATIC_KINDS.has(s.kind)).flatMap((section) => sectionBlocks(report, section)), ...corrections],
    images: report.markdown.images,
  };
}

function cover({ source }: Thematic, m: Messages): Block[] {
  return [
    paragraph(text(m.t('report.cover.published', { date: m.date(source.published) }))),
    paragraph(text(m.t('report.cover.fieldwork', { start: m.date(source.fieldwork.start), end: m.date(source.fieldwork.end) }))),
    paragraph(text(source.summary)),
    ...(source.fictional ? [paragraph(text(m.t('report.cover.fictional-mark'), { bold: true }), text(m.t('report.thematic.fictional')))] : []),
  ];
}

function credits({ thematic, heading, project, m }: ThematicReport): Block[] {
  const { source } = thematic;
  return [
    heading(2, m.t('report.credits.heading'), false),
    paragraph(text(source.team.length ? m.t('report.credits.led-with-team', { lead: source.lead, team: listOf(source.team, m.lang) }) : m.t('report.credits.led', { lead: source.lead }))),
    paragraph(text(m.t('report.thematic.thanks'))),
    ...publisherCredits(project.publisher, source.published.slice(0, 4), m),
  ];
}

/** The named narrative sections of the template, lower-case: every other `##` section is a findings chapter. */
function namedNarratives(template: DocumentTemplate): Set<string> {
  return new Set(template.sections.flatMap((s) => (s.kind === 'narrative' ? [s.narrative.toLowerCase()] : [])));
}

function sectionBlocks(report: ThematicReport, section: TemplateSection): Block[] {
  switch (section.kind) {
    case 'narrative': {
      const nodes = report.sections.get(section.narrative.toLowerCase());
      if (!nodes) return [];
      return [report.heading(2, section.heading), ...blocksFromMarkdown(nodes, report.markdown, 0)];
    }
    case 'findings': {
      const named = namedNarratives(report.template);
      return [...report.sections].filter(([key]) => !named.has(key)).flatMap(([key, nodes]) => [report.heading(2, report.headings.get(key) ?? key), ...blocksFromMarkdown(nodes, report.markdown, 0)]);
    }
    case 'recommendations':
      return recommendations(report, section.heading);
    case 'methodology':
      return methodology(report, section.heading);
    case 'glossary':
      return glossary(report, section.heading);
    default:
      return [];
  }
}

/** thematic.yaml's recommendations, grouped under each addressee in the order they first appear; numbering as written. */
function recommendations({ thematic, heading, m }: ThematicReport, title: string): Block[] {
  const { source } = thematic;
  if (source.recommendations.length === 0) return [];
  const groups: { addressee: string; items: { number: number; text: string }[] }[] = [];
  for (const r of source.recommendations) {
    let group = groups.find((g) => g.addressee === r.addressee);
    if (!group) groups.push((group = { addressee: r.addressee, items: [] }));
    group.items.push({ number: r.number, text: r.text });
  }
  const blocks: Block[] = [heading(2, title), paragraph(text(m.t('report.thematic.recommendations-made', { count: source.recommendations.length })))];
  for (const group of groups) {
    blocks.push(heading(3, m.t('report.recommendations.should', { addressee: group.addressee }), false));
    blocks.push({ type: 'list', ordered: true, start: group.items[0]!.number, items: group.items.map((item) => [paragraph(text(item.text))]) });
  }
  if (source.caveats) blocks.push({ type: 'aside', title: m.t('report.thematic.please-note'), blocks: [paragraph(text(source.caveats))] });
  return blocks;
}

/** How the inspection was done, from thematic.yaml: fieldwork dates, areas visited, cases read, the team. */
function methodology({ thematic, heading, m }: ThematicReport, title: string): Block[] {
  const { source } = thematic;
  const blocks: Block[] = [heading(2, title), paragraph(text(m.t('report.thematic.fieldwork', { start: m.date(source.fieldwork.start), end: m.date(source.fieldwork.end) })))];
  if (source.areas.length) {
    blocks.push(paragraph(text(m.t('report.thematic.areas-visited', { count: source.areas.length, areas: m.t('report.figures.areas', { count: source.areas.length }) }))), bulletList(source.areas));
  }
  if (source.casesRead !== undefined) {
    blocks.push(paragraph(text(m.t('report.thematic.cases-read', { count: source.casesRead, fromAreas: source.areas.length ? 'yes' : 'no' }))));
  }
  blocks.push(paragraph(text(source.team.length ? m.t('report.thematic.led-with-team', { lead: source.lead, team: listOf(source.team, m.lang) }) : m.t('report.thematic.led', { lead: source.lead }))));
  return blocks;
}

/** The terms the narrative and the recommendations use, with those thematic.yaml lists, in alphabetical order. */
function glossary({ thematic, heading, project }: ThematicReport, title: string): Block[] {
  const { source } = thematic;
  const texts = [toString(thematic.narrative.tree), source.summary, ...source.recommendations.map((r) => r.text)];
  const used = new Set([...termsUsedIn(texts, project.glossary).map((t) => t.id), ...source.glossary]);
  const terms = project.glossary.filter((t) => used.has(t.id)).sort((a, b) => a.term.localeCompare(b.term, LANGUAGE_FACTS[project.lang].tag));
  if (terms.length === 0) return [];
  return [heading(2, title), { type: 'definitions', items: terms.map((t) => ({ id: `term-${t.id}`, term: t.term, definition: t.definition })) }];
}
