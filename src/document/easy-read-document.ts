/**
 * The easy-read version of a report as a document model: the template's sections in order, the
 * author's rows from easy-read.mdx, and the rows the tool writes from the report's data (rating
 * with its scale, recommendations in their easy words, the hard-words list, contact). Every
 * sentence remembers where it came from, so the language checks can point at it.
 */
import path from 'node:path';
import type { PhrasingContent } from 'mdast';
import type { Project, Inspection, Thematic } from '../model/project.ts';
import type { Position } from '../model/position.ts';
import { NOT_RATED, ratingLabel, ratingRank } from '../model/rating.ts';
import { findTerms } from '../model/glossary-terms.ts';
import { DEFAULT_TERM_PICTURE, type GlossaryTerm } from '../model/schemas/glossary.ts';
import type { Recommendation } from '../model/schemas/inspection.ts';
import type { EasyReadRowTemplate } from '../model/schemas/easy-read-template.ts';
import type { EasyReadRow } from '../model/easy-read-source.ts';
import type { Block, DocumentModel, ImageRef, Inline } from './blocks.ts';
import { inlinesFrom, type MarkdownContext } from './from-markdown.ts';
import type { Messages } from '../model/messages.ts';
import { listOf } from './phrases.ts';
import { rendererWords } from './words.ts';
import { resolvePicture, unusablePicture } from './pictures.ts';
import { capHeight, textPathsSvg, textWidth } from './text-paths.ts';
import { COLOURS, RATING_STYLES, ratingMarkFromTop } from '../visual-system.ts';
import { IdMaker, text } from './make-blocks.ts';

/** Where a sentence or picture came from: the checks turn this into file:line:column. */
export type Origin =
  | { kind: 'easy-read'; at: Position }
  | { kind: 'template'; path: (string | number)[] }
  | { kind: 'recommendation'; index: number; field: 'easyRead' | 'easyReadAddressee' | 'addressee' }
  /** A hard word's easy definition, or its picture. */
  | { kind: 'glossary'; termId: string; field: 'easyRead' | 'picture' };

export interface SentenceToCheck {
  text: string;
  inlines?: PhrasingContent[];
  origin: Origin;
}

export interface EasyReadProblem {
  origin: Origin;
  rule: string;
  message: string;
  hint: string;
}

export interface EasyReadBuild {
  document: DocumentModel;
  /** Every row in reading order with its sentences, for the language checks. */
  rows: { origin: Origin; sentences: SentenceToCheck[] }[];
  problems: EasyReadProblem[];
  /** The author's own picture files (not OpenMoji), each where it is named. */
  pictureFiles: PictureFile[];
}

export interface PictureFile {
  origin: Origin;
  /** The path as written. */
  url: string;
  image: ImageRef;
}

export type EasyReadSubject = { kind: 'inspection'; inspection: Inspection } | { kind: 'thematic'; thematic: Thematic };

/** Pictures are prepared as squares of this many pixels: sharp in print at the size they are drawn. */
const PICTURE_SQUARE = 480;

/** Splits easy-read text written as one string (a recommendation, a definition) into sentences. */
export function sentencesOf(value: string): string[] {
  return value
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“‘(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function easyReadDocument(project: Project, subject: EasyReadSubject, root: string = process.cwd()): EasyReadBuild {
  const template = project.easyReadTemplates.find((t) => t.for === subject.kind);
  if (!template) throw new Error(`templates/easy-read/${subject.kind}.yaml is missing`);
  const builder = new EasyReadBuilder(project, subject, template, root);
  // In this order, as rows are numbered and pictures named in the order they are made.
  const { body, hardWords } = templateSections(builder, template);
  checkWrittenSections(builder, template);
  const cover = coverRows(builder, template);
  addHardWords(builder, project.glossary, cover, body, hardWords);
  return { document: documentModel(builder, template, project.publisher, cover, body), rows: builder.rowsToCheck, problems: builder.problems, pictureFiles: builder.pictureFiles };
}

type EasyReadTemplate = Project['easyReadTemplates'][number];
type SectionTemplate<Kind extends EasyReadTemplate['sections'][number]['kind']> = Extract<EasyReadTemplate['sections'][number], { kind: Kind }>;

/** The hard-words section, placed once every other row is written and the words they use are known. */
interface HardWordsPlace {
  index: number;
  section: SectionTemplate<'hard-words'>;
  rows: Block[];
}

/**
 * What the sections of one easy-read document are written with: the placeholders' values, the
 * rows made so far with their pictures, and the problems and sentences for the checks.
 */
class EasyReadBuilder {
  readonly problems: EasyReadProblem[] = [];
  /** Every row in reading order with its sentences, for the language checks. */
  readonly rowsToCheck: EasyReadBuild['rows'] = [];
  readonly images: ImageRef[] = [];
  readonly ids = new IdMaker();
  readonly inspection: Inspection | undefined;
  readonly thematic: Thematic | undefined;
  readonly easyRead: (Inspection | Thematic)['easyRead'];
  /** The sections of easy-read.mdx by lower-case heading. */
  readonly writtenSections: Map<string, NonNullable<EasyReadBuilder['easyRead']>['source']['sections'][number]>;
  readonly recommendations: Recommendation[];
  readonly published: string;
  /** Whether the report has been corrected since it was first published. */
  readonly corrected: boolean;
  /** How {ref:id} reads in a sentence: the hard-words section's "the hard words list". */
  readonly phrases: Record<string, string>;
  private readonly values: Record<string, string>;
  private readonly folder: string;
  /** Pictures from files may only come from here (or from the OpenMoji package). */
  readonly contentFolder: string;
  private readonly root: string;
  /** The author's own picture files, where each is named, for the checks over their contents. */
  readonly pictureFiles: PictureFile[] = [];
  private readonly markdown: MarkdownContext;
  private rowNumber = 0;
  /** The tool's words, in the language of the project view. */
  readonly m: Messages;

  constructor(project: Project, subject: EasyReadSubject, template: EasyReadTemplate, root: string) {
    this.m = project.messages[project.lang];
    const inspection = subject.kind === 'inspection' ? subject.inspection : undefined;
    const thematic = subject.kind === 'thematic' ? subject.thematic : undefined;
    const source = (inspection ?? thematic)!.source;
    this.inspection = inspection;
    this.thematic = thematic;
    this.easyRead = (inspection ?? thematic)!.easyRead;
    this.writtenSections = new Map((this.easyRead?.source.sections ?? []).map((section) => [section.heading.toLowerCase(), section]));
    this.folder = this.easyRead ? path.resolve(root, path.dirname(this.easyRead.file)) : root;
    this.root = root;
    this.contentFolder = path.join(root, 'content');
    this.recommendations = (source.recommendations ?? []) as Recommendation[];
    this.published = source.published;
    this.corrected = source.corrections.length > 0;
    const hardWordsSection = template.sections.find((s) => s.kind === 'hard-words');
    this.phrases = hardWordsSection && hardWordsSection.kind === 'hard-words' ? { [hardWordsSection.id]: hardWordsSection.referredToAs } : {};
    this.values = placeholderValues(project, inspection, thematic);
    this.markdown = {
      ids: this.ids,
      folder: this.folder,
      images: [],
      notes: { next: 1, byLabel: new Map() },
      components: { ...(inspection ? { inspection } : {}), sectionPhrases: this.phrases, messages: this.m },
    };
  }

  /** What the document is about: the service's name, or the thematic inspection's title. */
  get subjectName(): string {
    return this.inspection ? this.inspection.service.name : (this.thematic?.source.title ?? '');
  }

  /** A template sentence: placeholders filled; {ref:id} becomes a section reference. */
  fill(sentence: string): Inline[] {
    const inlines: Inline[] = [];
    for (const part of sentence.split(/(\{[a-zA-Z:-]+\})/)) {
      const ref = /^\{ref:([a-z0-9-]+)\}$/.exec(part);
      const placeholder = /^\{([a-zA-Z]+)\}$/.exec(part);
      if (ref) inlines.push({ type: 'section-ref', target: ref[1]!, phrase: this.phrases[ref[1]!] ?? ref[1]! });
      else if (placeholder && this.values[placeholder[1]!] !== undefined) inlines.push(text(this.values[placeholder[1]!]!));
      else if (part) inlines.push(text(part));
    }
    return capitaliseStart(inlines);
  }

  fillText(sentence: string): string {
    return sentence.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => this.values[key] ?? whole);
  }

  heading(id: string, value: string, level: 2 | 3 = 2): Block {
    return { type: 'heading', level, id: level === 2 ? id : this.ids.make(value), text: value, inContents: level === 2 };
  }

  /** A row: its picture, on the left, and its sentences; undefined (with a problem) when it cannot be drawn. */
  row(pictureUrl: string | null, alt: string, sentences: { inlines: Inline[]; check: SentenceToCheck }[], origin: Origin): Block | undefined {
    this.rowsToCheck.push({ origin, sentences: sentences.map((s) => s.check) });
    if (!pictureUrl) {
      this.problems.push({ origin, rule: 'picture', message: 'this row has no picture: every group of sentences has one, on its left', hint: 'start the row with a picture line, such as ![A worker talking to a child](openmoji:people-holding-hands)' });
      return undefined;
    }
    if (!alt) this.problems.push({ origin, rule: 'picture-alt', message: 'this picture has no alt text', hint: 'say in a few words what the picture shows: ![A calendar](openmoji:calendar)' });
    const image = this.picture(pictureUrl, origin);
    if (!image) return undefined;
    return { type: 'row', id: `row-${++this.rowNumber}`, picture: image, alt, sentences: sentences.map((s) => s.inlines) };
  }

  templateRow(template: EasyReadRowTemplate, templatePath: (string | number)[]): Block | undefined {
    return this.row(
      template.picture,
      this.fillText(template.alt),
      template.sentences.map((sentence, index) => ({
        inlines: this.fill(sentence),
        check: { text: this.fillText(sentence).replace(/\{ref:([a-z0-9-]+)\}/g, (_whole, id: string) => this.phrases[id] ?? 'the list'), origin: { kind: 'template', path: [...templatePath, 'sentences', index] } },
      })),
      { kind: 'template', path: templatePath },
    );
  }

  /** A template section's rows, each remembering its place in the template. */
  templateRows(rows: readonly EasyReadRowTemplate[], sectionIndex: number): Block[] {
    return rows.flatMap((row, index) => this.templateRow(row, ['sections', sectionIndex, 'rows', index]) ?? []);
  }

  authorRow(source: EasyReadRow): Block | undefined {
    return this.row(
      source.picture?.url ?? null,
      source.picture?.alt ?? '',
      source.sentences.map((sentence) => ({ inlines: capitaliseStart(inlinesFrom(sentence.inlines, this.markdown)), check: { text: sentence.text, inlines: sentence.inlines, origin: { kind: 'easy-read', at: sentence.at } } })),
      { kind: 'easy-read', at: source.picture?.at ?? source.at },
    );
  }

  /** A picture by its address, `url` relative to `folder`: the easy-read file's unless said otherwise. */
  picture(url: string, origin: Origin, folder: string = this.folder): ImageRef | undefined {
    if (url === 'generated:rating-scale' && this.inspection) {
      const svg = ratingScaleSvg(this.inspection);
      // Not a square: the renderers draw it wider than the other pictures, so its words can be read.
      return this.addImage({ source: `generated:rating-scale:${this.inspection.framework.id}:${this.inspection.rating.overall.rating}:${this.m.lang}`, name: 'rating-scale.png', svg });
    }
    const resolved = resolvePicture(url, folder, this.contentFolder);
    if (resolved.kind === 'unknown-openmoji' || resolved.kind === 'refused') {
      this.problems.push({ origin, rule: 'picture', ...unusablePicture(url, folder, this.contentFolder, this.root)! });
      return undefined;
    }
    const base = resolved.kind === 'openmoji' ? `openmoji-${resolved.name}` : path.basename(resolved.file).replace(/\.[^.]+$/, '');
    const image = this.addImage({ source: resolved.file, name: `${base}.png`, square: PICTURE_SQUARE });
    if (resolved.kind === 'file') this.pictureFiles.push({ origin, url, image });
    return image;
  }

  /** Each picture once, under a file name of its own. */
  private addImage(image: ImageRef): ImageRef {
    const existing = this.images.find((i) => i.source === image.source);
    if (existing) return existing;
    let name = image.name;
    for (let n = 2; this.images.some((i) => i.name === name); n++) name = image.name.replace(/\.png$/, `-${n}.png`);
    const added = { ...image, name };
    this.images.push(added);
    return added;
  }
}

/** What the template's placeholders ({service}, {rating}, …) stand for. */
function placeholderValues(project: Project, inspection: Inspection | undefined, thematic: Thematic | undefined): Record<string, string> {
  const source = (inspection ?? thematic)!.source;
  const { publisher } = project;
  const m = project.messages[project.lang];
  const values: Record<string, string> = {
    service: inspection?.service.name ?? '',
    serviceShort: inspection?.service.shortName ?? '',
    title: thematic?.source.title ?? '',
    fieldwork: m.date(source.fieldwork.start, 'month'),
    published: m.date(source.published, 'month'),
    recommendationCount: String(source.recommendations?.length ?? 0),
    publisher: publisher.name,
    website: publisher.website.replace(/^https?:\/\//, '').replace(/\/$/, ''),
    correctedOn: source.corrections.length ? m.date(source.corrections.at(-1)!.date) : '',
  };
  if (inspection) {
    const { framework, rating } = inspection;
    values.rating = ratingLabel(framework, rating.overall.rating);
    values.ratingCount = String(framework.ratingScale.length);
    const labels = framework.ratingScale.map((r) => r.label);
    values.ratingList = listOf(labels, m.lang);
  }
  return values;
}

/** The body, section by section in the template's order; the hard-words list is placed later. */
function templateSections(builder: EasyReadBuilder, template: EasyReadTemplate): { body: Block[]; hardWords?: HardWordsPlace } {
  const body: Block[] = [];
  let hardWords: HardWordsPlace | undefined;
  template.sections.forEach((section, index) => {
    switch (section.kind) {
      case 'written':
        return void body.push(...writtenSection(builder, section));
      case 'rating':
        return void body.push(...ratingSection(builder, section, index));
      case 'recommendations':
        return void body.push(...recommendationsSection(builder, section, index));
      case 'hard-words':
        hardWords = { index: body.length, section, rows: builder.templateRows(section.rows, index) };
        return;
      case 'fixed':
        return void body.push(builder.heading(section.id, section.heading), ...builder.templateRows(section.rows, index));
    }
  });
  return { body, ...(hardWords ? { hardWords } : {}) };
}

/** A section the author writes in easy-read.mdx, found by its heading. */
function writtenSection(builder: EasyReadBuilder, section: SectionTemplate<'written'>): Block[] {
  const source = builder.writtenSections.get(section.heading.toLowerCase());
  if (!source) {
    if (!section.optional) builder.problems.push({ origin: { kind: 'easy-read', at: { line: 1, column: 1 } }, rule: 'missing-section', message: `the easy-read version has no "## ${section.heading}" section`, hint: `add "## ${section.heading}" with its rows` });
    return [];
  }
  return [builder.heading(section.id, section.heading), ...source.rows.flatMap((row) => builder.authorRow(row) ?? [])];
}

/** The overall rating and the scale it is on: only for an inspection that was rated. */
function ratingSection(builder: EasyReadBuilder, section: SectionTemplate<'rating'>, index: number): Block[] {
  const { inspection } = builder;
  if (!inspection || inspection.rating.overall.rating === NOT_RATED) return [];
  return [builder.heading(section.id, section.heading), ...builder.templateRows(section.rows, index)];
}

/** The recommendations in their easy words, grouped under who must act, in the order they first appear; numbers as in the full report. */
function recommendationsSection(builder: EasyReadBuilder, section: SectionTemplate<'recommendations'>, index: number): Block[] {
  const { recommendations } = builder;
  const blocks: Block[] = [builder.heading(section.id, section.heading), ...builder.templateRows(section.rows, index)];
  const groups: { who: string; whoIndex: number; items: { recommendation: Recommendation; index: number }[] }[] = [];
  recommendations.forEach((recommendation, index) => {
    const who = recommendation.easyReadAddressee ?? recommendation.addressee;
    let group = groups.find((g) => g.who === who);
    if (!group) groups.push((group = { who, whoIndex: index, items: [] }));
    group.items.push({ recommendation, index });
  });
  for (const group of groups) {
    blocks.push(builder.heading('', capitalise(section.whoShould.replace('{who}', group.who)), 3));
    const whoOrigin: Origin = { kind: 'recommendation', index: group.whoIndex, field: recommendations[group.whoIndex]!.easyReadAddressee ? 'easyReadAddressee' : 'addressee' };
    builder.rowsToCheck.push({ origin: whoOrigin, sentences: [{ text: group.who, origin: whoOrigin }] });
    for (const { recommendation, index } of group.items) blocks.push(...recommendationRow(builder, recommendation, index));
  }
  return blocks;
}

/** One recommendation as a row: its number on a keycap, then its easy-read sentences. */
function recommendationRow(builder: EasyReadBuilder, recommendation: Recommendation, index: number): Block[] {
  if (!recommendation.easyRead) {
    builder.problems.push({ origin: { kind: 'recommendation', index, field: 'addressee' }, rule: 'missing-easy-read', message: `recommendation ${recommendation.number} has no easy-read text, and this report has an easy-read version`, hint: 'add easyRead: with the recommendation in short, easy sentences' });
    return [];
  }
  const origin: Origin = { kind: 'recommendation', index, field: 'easyRead' };
  const number = recommendation.number;
  const keycap = number <= 9 ? `openmoji:keycap-${number}` : number === 10 ? 'openmoji:keycap-10' : 'openmoji:memo';
  const sentences = sentencesOf(recommendation.easyRead).map((sentence, i) => ({ inlines: i === 0 ? [text(`${number}. `, { bold: true }), text(sentence)] : [text(sentence)], check: { text: sentence, origin } }));
  const row = builder.row(keycap, builder.m.t('easy-read.number-picture', { number }), sentences, origin);
  return row ? [row] : [];
}

/** A `##` section in easy-read.mdx that the template has no place for is a problem. */
function checkWrittenSections(builder: EasyReadBuilder, template: EasyReadTemplate): void {
  const written = new Set(template.sections.filter((s) => s.kind === 'written').map((s) => s.heading.toLowerCase()));
  for (const section of builder.easyRead?.source.sections ?? []) {
    if (!written.has(section.heading.toLowerCase())) {
      const allowed = template.sections.filter((s) => s.kind === 'written').map((s) => `"## ${s.heading}"`);
      builder.problems.push({ origin: { kind: 'easy-read', at: section.at }, rule: 'unknown-section', message: `"## ${section.heading}" is not a section of an easy-read version`, hint: `the sections you write are ${allowed.join(', ')}; the others are made from the report's data` });
    }
  }
}

function coverRows(builder: EasyReadBuilder, template: EasyReadTemplate): Block[] {
  const row = builder.templateRow(template.cover, ['cover']);
  // A corrected report says so to easy-read readers too, first thing, in the template's easy words.
  const corrected = builder.corrected && template.corrected ? builder.templateRow(template.corrected, ['corrected']) : undefined;
  return [row, corrected].filter((r): r is Block => r !== undefined);
}

/** Hard words: glossary terms found in any sentence are shown in bold and listed with their easy definitions. */
function addHardWords(builder: EasyReadBuilder, glossary: readonly GlossaryTerm[], cover: Block[], body: Block[], place: HardWordsPlace | undefined): void {
  const usage = new Map<string, string[]>();
  for (const block of [...cover, ...body]) {
    if (block.type !== 'row') continue;
    block.sentences = block.sentences.map((sentence) => boldTerms(sentence, glossary, (term) => usage.set(term.id, [...new Set([...(usage.get(term.id) ?? []), block.id])])));
  }
  if (!place) return;
  const terms = glossary.filter((t) => usage.has(t.id)).sort((a, b) => a.term.localeCompare(b.term, builder.m.tag));
  const glossaryFolder = glossaryPictureFolder(builder.contentFolder);
  const list: Block = {
    type: 'hard-words',
    items: terms.map((term) => {
      // Every word has a picture (rule 11): its own, or a book when it names none or one that cannot be used (the check reports that).
      const own = term.picture ? builder.picture(term.picture, { kind: 'glossary', termId: term.id, field: 'picture' }, glossaryFolder) : undefined;
      const picture = own ?? builder.picture(DEFAULT_TERM_PICTURE.picture, { kind: 'glossary', termId: term.id, field: 'picture' })!;
      const alt = own ? term.alt! : DEFAULT_TERM_PICTURE.alt;
      return { id: `hard-word-${term.id}`, term: term.term, picture, alt, sentences: sentencesOf(term.easyRead).map((s) => [text(s)]), usedIn: usage.get(term.id)! };
    }),
  };
  for (const term of terms) builder.rowsToCheck.push({ origin: { kind: 'glossary', termId: term.id, field: 'easyRead' }, sentences: sentencesOf(term.easyRead).map((s) => ({ text: s, origin: { kind: 'glossary', termId: term.id, field: 'easyRead' } })) });
  body.splice(place.index, 0, builder.heading(place.section.id, place.section.heading), ...place.rows, list);
}

/** Glossary pictures from files are written relative to the glossary's folder. */
export function glossaryPictureFolder(contentFolder: string): string {
  return path.join(contentFolder, 'glossary');
}

function documentModel(builder: EasyReadBuilder, template: EasyReadTemplate, publisher: Project['publisher'], cover: Block[], body: Block[]): DocumentModel {
  const { images, subjectName } = builder;
  const usesOpenMoji = images.some((image) => image.source.includes(`${path.sep}openmoji${path.sep}`));
  const title = builder.fillText(template.title);
  const { m } = builder;
  return {
    kind: 'easy-read',
    title,
    subtitle: subjectName,
    language: m.tag,
    words: rendererWords(m),
    date: builder.published,
    author: publisher.name,
    subject: m.t('easy-read.subject', { subject: subjectName }),
    keywords: [m.t('easy-read.keyword'), subjectName],
    runningHeader: title,
    cover,
    credits: [
      { type: 'paragraph', inlines: [text(`© ${publisher.copyrightHolder} ${builder.published.slice(0, 4)}. `), text(publisher.licence.notice)] },
      ...(usesOpenMoji ? [{ type: 'paragraph', inlines: [text(m.t('easy-read.openmoji-credit'))] } satisfies Block] : []),
    ],
    body,
    images,
  };
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** A sentence that starts with a reference ("the hard words list…") starts with a capital. */
function capitaliseStart(inlines: Inline[]): Inline[] {
  const [first, ...rest] = inlines;
  if (first?.type === 'section-ref') return [{ ...first, phrase: capitalise(first.phrase) }, ...rest];
  return inlines;
}

/** Splits text so that glossary terms are bold; tells `found` each term it meets. */
function boldTerms(sentence: Inline[], glossary: readonly GlossaryTerm[], found: (term: GlossaryTerm) => void): Inline[] {
  return sentence.flatMap((inline): Inline[] => {
    if (inline.type !== 'text') return [inline];
    const hits = findTerms(inline.value, glossary);
    if (hits.length === 0) return [inline];
    const parts: Inline[] = [];
    let last = 0;
    for (const hit of hits) {
      found(hit.term);
      if (hit.start > last) parts.push({ ...inline, value: inline.value.slice(last, hit.start) });
      parts.push({ ...inline, value: inline.value.slice(hit.start, hit.end), bold: true });
      last = hit.end;
    }
    if (last < inline.value.length) parts.push({ ...inline, value: inline.value.slice(last) });
    return parts;
  });
}

/**
 * The rating scale as a picture, readable without colour: one step per rating, highest at the top,
 * each with its mark and its word (the framework's labels, drawn in the PDFs' font). The service's
 * rating has a thick black frame, bold words and an arrow pointing at it; the other steps have a
 * thin frame. Larger than the other pictures in both layouts, so its words can be read.
 */
export function ratingScaleSvg(inspection: Inspection): string {
  const { framework, rating } = inspection;
  const awarded = rating.overall.rating === NOT_RATED ? -1 : ratingRank(framework, rating.overall.rating);
  // The picture depends only on the scale's words and the step awarded: drawn once for each (its words' widths are costly).
  const key = `${awarded}\u0000${framework.ratingScale.map((step) => step.label).join('\u0000')}`;
  let svg = ratingScales.get(key);
  if (svg === undefined) ratingScales.set(key, (svg = drawRatingScale(framework.ratingScale, awarded)));
  return svg;
}

const ratingScales = new Map<string, string>();

function drawRatingScale(scale: Inspection['framework']['ratingScale'], awarded: number): string {
  const width = RATING_SCALE_WIDTH;
  const arrowWidth = 58;
  const left = arrowWidth + 8;
  const right = width - 6;
  const markSize = 40;
  const fontSize = 30;
  const lineHeight = fontSize * 1.15;
  const padding = 16;
  const wordsX = left + padding + markSize + 14;
  const wordsWidth = right - padding - wordsX;
  const gap = 14;
  const parts: string[] = [];
  const weightOf = (index: number) => (index === awarded ? 'bold' : 'regular');
  const wrapped = scale.map((step, index) => wrapWords(step.label, weightOf(index), fontSize, wordsWidth));
  // Every step as tall as the tallest, so they read as the steps of one scale.
  const height = Math.max(markSize, ...wrapped.map((lines) => lines.length * lineHeight)) + 2 * padding;
  let y = 6;
  // Highest first, as a ladder: scale[] runs from the lowest.
  for (let fromTop = 0; fromTop < scale.length; fromTop++) {
    const index = scale.length - 1 - fromTop;
    const isAwarded = index === awarded;
    const weight = weightOf(index);
    const lines = wrapped[index]!;
    const middle = y + height / 2;
    const style = RATING_STYLES[ratingMarkFromTop(fromTop)];
    const frame = isAwarded ? { width: 7, colour: COLOURS.strongBorder, fill: style.tint } : { width: 2, colour: COLOURS.secondaryText, fill: COLOURS.background };
    const inset = frame.width / 2;
    parts.push(`<rect x="${left + inset}" y="${y + inset}" width="${right - left - frame.width}" height="${height - frame.width}" rx="8" fill="${frame.fill}" stroke="${frame.colour}" stroke-width="${frame.width}"/>`);
    parts.push(`<g transform="translate(${left + padding} ${middle - markSize / 2}) scale(${markSize / 10})"><path d="${style.path}" fill="${style.colour}"/></g>`);
    const firstBaseline = middle - ((lines.length - 1) * lineHeight) / 2 + capHeight(weight, fontSize) / 2;
    lines.forEach((line, n) => parts.push(textPathsSvg(line, weight, fontSize, wordsX, firstBaseline + n * lineHeight, isAwarded ? COLOURS.text : COLOURS.secondaryText)));
    if (isAwarded) {
      // A thick arrow pointing right, at the step.
      parts.push(`<path d="M2 ${middle - 9} L${arrowWidth - 26} ${middle - 9} L${arrowWidth - 26} ${middle - 24} L${arrowWidth - 2} ${middle} L${arrowWidth - 26} ${middle + 24} L${arrowWidth - 26} ${middle + 9} L2 ${middle + 9} Z" fill="${COLOURS.text}"/>`);
    }
    y += height + gap;
  }
  const total = Math.round(y - gap + 6);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}"><rect width="${width}" height="${total}" fill="${COLOURS.background}"/>${parts.join('')}</svg>`;
}

/** The rating scale picture's width in SVG units: its words are 30 units high, so it reads when drawn at half this wide or more. */
const RATING_SCALE_WIDTH = 400;

/** A label broken into lines that fit `width`, at spaces. */
function wrapWords(label: string, weight: 'regular' | 'bold', size: number, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, weight, size) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
