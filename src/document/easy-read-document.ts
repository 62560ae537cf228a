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
import type { GlossaryTerm } from '../model/schemas/glossary.ts';
import type { Recommendation } from '../model/schemas/inspection.ts';
import type { EasyReadRowTemplate } from '../model/schemas/easy-read-template.ts';
import type { EasyReadRow } from '../model/easy-read-source.ts';
import type { Block, DocumentModel, ImageRef, Inline } from './blocks.ts';
import { IdMaker, inlinesFrom, type MarkdownContext } from './from-markdown.ts';
import { formatDate } from './report-document.ts';
import { OPENMOJI_CREDIT, resolvePicture } from './pictures.ts';
import { ratingSymbolPaths } from './rating-symbols.ts';
import { ratingInline } from './report-tables.ts';

/** Where a sentence or picture came from: the checks turn this into file:line:column. */
export type Origin =
  | { kind: 'easy-read'; at: Position }
  | { kind: 'template'; path: (string | number)[] }
  | { kind: 'recommendation'; index: number; field: 'easyRead' | 'easyReadAddressee' | 'addressee' }
  | { kind: 'glossary'; termId: string };

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
}

export type EasyReadSubject = { kind: 'inspection'; inspection: Inspection } | { kind: 'thematic'; thematic: Thematic };

/** Pictures are prepared as squares of this many pixels: sharp in print at the size they are drawn. */
const PICTURE_SQUARE = 480;

const text = (value: string, style: { bold?: boolean } = {}): Inline => ({ type: 'text', value, ...style });

/** Splits easy-read text written as one string (a recommendation, a definition) into sentences. */
export function sentencesOf(value: string): string[] {
  return value
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“‘(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function easyReadDocument(project: Project, subject: EasyReadSubject, root: string = process.cwd()): EasyReadBuild {
  const inspection = subject.kind === 'inspection' ? subject.inspection : undefined;
  const thematic = subject.kind === 'thematic' ? subject.thematic : undefined;
  const easyRead = (inspection ?? thematic)!.easyRead;
  const template = project.easyReadTemplates.find((t) => t.for === subject.kind);
  if (!template) throw new Error(`templates/easy-read/${subject.kind}.yaml is missing`);
  const publisher = project.publisher;
  const problems: EasyReadProblem[] = [];
  const rowsToCheck: EasyReadBuild['rows'] = [];
  const images: ImageRef[] = [];
  const ids = new IdMaker();
  const folder = easyRead ? path.resolve(root, path.dirname(easyRead.file)) : root;
  const recommendations: Recommendation[] = (inspection?.source.recommendations ?? thematic?.source.recommendations ?? []) as Recommendation[];
  const published = (inspection?.source.published ?? thematic?.source.published)!;
  const fieldwork = (inspection?.source.fieldwork ?? thematic?.source.fieldwork)!;
  const title = thematic?.source.title ?? '';

  const hardWordsSection = template.sections.find((s) => s.kind === 'hard-words');
  const phrases: Record<string, string> = hardWordsSection && hardWordsSection.kind === 'hard-words' ? { [hardWordsSection.id]: hardWordsSection.referredToAs } : {};

  const values: Record<string, string> = {
    service: inspection?.service.name ?? '',
    serviceShort: inspection?.service.shortName ?? '',
    title,
    fieldwork: formatDate(fieldwork.start, 'month'),
    published: formatDate(published, 'month'),
    recommendationCount: String(recommendations.length),
    publisher: publisher.name,
    website: publisher.website.replace(/^https?:\/\//, '').replace(/\/$/, ''),
  };
  if (inspection) {
    const { framework, rating } = inspection;
    values.rating = ratingLabel(framework, rating.overall.rating);
    values.ratingCount = String(framework.ratingScale.length);
    const labels = framework.ratingScale.map((r) => r.label);
    values.ratingList = `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  }

  /** A template sentence: placeholders filled; {ref:id} becomes a section reference. */
  const fill = (sentence: string): Inline[] => {
    const inlines: Inline[] = [];
    for (const part of sentence.split(/(\{[a-zA-Z:-]+\})/)) {
      const ref = /^\{ref:([a-z0-9-]+)\}$/.exec(part);
      const placeholder = /^\{([a-zA-Z]+)\}$/.exec(part);
      if (ref) inlines.push({ type: 'section-ref', target: ref[1]!, phrase: phrases[ref[1]!] ?? ref[1]! });
      else if (placeholder && values[placeholder[1]!] !== undefined) inlines.push(text(values[placeholder[1]!]!));
      else if (part) inlines.push(text(part));
    }
    return capitaliseStart(inlines);
  };
  const fillText = (sentence: string) => sentence.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => values[key] ?? whole);

  const picture = (url: string, origin: Origin): ImageRef | undefined => {
    if (url === 'generated:rating-scale' && inspection) {
      const svg = ratingScaleSvg(inspection);
      return addImage({ source: `generated:rating-scale:${inspection.rating.overall.rating}`, name: 'rating-scale.png', svg, square: PICTURE_SQUARE });
    }
    const resolved = resolvePicture(url, folder);
    if (!resolved) {
      problems.push({ origin, rule: 'picture', message: `there is no OpenMoji picture called "${url.slice('openmoji:'.length)}"`, hint: 'find the picture on openmoji.org and write its name with hyphens, such as openmoji:woman-office-worker' });
      return undefined;
    }
    const base = resolved.kind === 'openmoji' ? `openmoji-${resolved.name}` : path.basename(resolved.file).replace(/\.[^.]+$/, '');
    return addImage({ source: resolved.file, name: `${base}.png`, square: PICTURE_SQUARE });
  };
  function addImage(image: ImageRef): ImageRef {
    const existing = images.find((i) => i.source === image.source);
    if (existing) return existing;
    let name = image.name;
    for (let n = 2; images.some((i) => i.name === name); n++) name = image.name.replace(/\.png$/, `-${n}.png`);
    const added = { ...image, name };
    images.push(added);
    return added;
  }

  let rowNumber = 0;
  const row = (pictureUrl: string | null, alt: string, sentences: { inlines: Inline[]; check: SentenceToCheck }[], origin: Origin): Block | undefined => {
    rowsToCheck.push({ origin, sentences: sentences.map((s) => s.check) });
    if (!pictureUrl) {
      problems.push({ origin, rule: 'picture', message: 'this row has no picture: every group of sentences has one, on its left', hint: 'start the row with a picture line, such as ![A worker talking to a child](openmoji:people-holding-hands)' });
      return undefined;
    }
    if (!alt) problems.push({ origin, rule: 'picture-alt', message: 'this picture has no alt text', hint: 'say in a few words what the picture shows: ![A calendar](openmoji:calendar)' });
    const image = picture(pictureUrl, origin);
    if (!image) return undefined;
    return { type: 'row', id: `row-${++rowNumber}`, picture: image, alt, sentences: sentences.map((s) => s.inlines) };
  };
  const templateRow = (row_: EasyReadRowTemplate, templatePath: (string | number)[]): Block | undefined =>
    row(
      row_.picture,
      fillText(row_.alt),
      row_.sentences.map((sentence, index) => ({ inlines: fill(sentence), check: { text: fillText(sentence).replace(/\{ref:([a-z0-9-]+)\}/g, (_whole, id: string) => phrases[id] ?? 'the list'), origin: { kind: 'template', path: [...templatePath, 'sentences', index] } } })),
      { kind: 'template', path: templatePath },
    );

  const markdownContext: MarkdownContext = {
    ids,
    folder,
    images: [],
    notes: { next: 1, byLabel: new Map() },
    components: { ...(inspection ? { inspection } : {}), sectionPhrases: phrases },
  };
  const authorRow = (source: EasyReadRow): Block | undefined =>
    row(
      source.picture?.url ?? null,
      source.picture?.alt ?? '',
      source.sentences.map((sentence) => ({ inlines: capitaliseStart(inlinesFrom(sentence.inlines, markdownContext)), check: { text: sentence.text, inlines: sentence.inlines, origin: { kind: 'easy-read', at: sentence.at } } })),
      { kind: 'easy-read', at: source.picture?.at ?? source.at },
    );

  const body: Block[] = [];
  const heading = (id: string, value: string, level: 2 | 3 = 2): Block => ({ type: 'heading', level, id: level === 2 ? id : ids.make(value), text: value, inContents: level === 2 });
  const written = new Map((easyRead?.source.sections ?? []).map((section) => [section.heading.toLowerCase(), section]));
  const used = new Set<string>();
  let hardWordsAt: { index: number; id: string; heading: string; rows: Block[] } | undefined;

  template.sections.forEach((section, sectionIndex) => {
    const at = ['sections', sectionIndex];
    switch (section.kind) {
      case 'written': {
        const source = written.get(section.heading.toLowerCase());
        if (!source) {
          if (!section.optional) problems.push({ origin: { kind: 'easy-read', at: { line: 1, column: 1 } }, rule: 'missing-section', message: `the easy-read version has no "## ${section.heading}" section`, hint: `add "## ${section.heading}" with its rows` });
          return;
        }
        used.add(section.heading.toLowerCase());
        body.push(heading(section.id, section.heading));
        for (const r of source.rows) pushRow(authorRow(r));
        return;
      }
      case 'rating': {
        if (!inspection || inspection.rating.overall.rating === NOT_RATED) return;
        body.push(heading(section.id, section.heading));
        section.rows.forEach((r, index) => pushRow(templateRow(r, [...at, 'rows', index])));
        return;
      }
      case 'recommendations': {
        body.push(heading(section.id, section.heading));
        section.rows.forEach((r, index) => pushRow(templateRow(r, [...at, 'rows', index])));
        // Grouped under who must act, in the order they first appear; numbers as in the full report.
        const groups: { who: string; whoIndex: number; items: { recommendation: Recommendation; index: number }[] }[] = [];
        recommendations.forEach((recommendation, index) => {
          const who = recommendation.easyReadAddressee ?? recommendation.addressee;
          let group = groups.find((g) => g.who === who);
          if (!group) groups.push((group = { who, whoIndex: index, items: [] }));
          group.items.push({ recommendation, index });
        });
        for (const group of groups) {
          const groupHeading = section.whoShould.replace('{who}', group.who);
          body.push(heading('', capitalise(groupHeading), 3));
          rowsToCheck.push({ origin: { kind: 'recommendation', index: group.whoIndex, field: recommendations[group.whoIndex]!.easyReadAddressee ? 'easyReadAddressee' : 'addressee' }, sentences: [{ text: group.who, origin: { kind: 'recommendation', index: group.whoIndex, field: recommendations[group.whoIndex]!.easyReadAddressee ? 'easyReadAddressee' : 'addressee' } }] });
          for (const { recommendation, index } of group.items) {
            const origin: Origin = { kind: 'recommendation', index, field: 'easyRead' };
            if (!recommendation.easyRead) {
              problems.push({ origin: { kind: 'recommendation', index, field: 'addressee' }, rule: 'missing-easy-read', message: `recommendation ${recommendation.number} has no easy-read text, and this report has an easy-read version`, hint: 'add easyRead: with the recommendation in short, easy sentences' });
              continue;
            }
            const number = recommendation.number;
            const keycap = number <= 9 ? `openmoji:keycap-${number}` : number === 10 ? 'openmoji:keycap-10' : 'openmoji:memo';
            pushRow(row(keycap, `Number ${number}`, sentencesOf(recommendation.easyRead).map((sentence, i) => ({ inlines: i === 0 ? [text(`${number}. `, { bold: true }), text(sentence)] : [text(sentence)], check: { text: sentence, origin } })), origin));
          }
        }
        return;
      }
      case 'hard-words': {
        hardWordsAt = { index: body.length, id: section.id, heading: section.heading, rows: [] };
        section.rows.forEach((r, index) => {
          const made = templateRow(r, [...at, 'rows', index]);
          if (made) hardWordsAt!.rows.push(made);
        });
        return;
      }
      case 'fixed':
        body.push(heading(section.id, section.heading));
        section.rows.forEach((r, index) => pushRow(templateRow(r, [...at, 'rows', index])));
        return;
    }
  });
  function pushRow(block: Block | undefined) {
    if (block) body.push(block);
  }

  for (const section of easyRead?.source.sections ?? []) {
    if (!used.has(section.heading.toLowerCase())) {
      const allowed = template.sections.filter((s) => s.kind === 'written').map((s) => `"## ${s.heading}"`);
      problems.push({ origin: { kind: 'easy-read', at: section.at }, rule: 'unknown-section', message: `"## ${section.heading}" is not a section of an easy-read version`, hint: `the sections you write are ${allowed.join(', ')}; the others are made from the report's data` });
    }
  }

  const coverRow = templateRow(template.cover, ['cover']);
  const cover: Block[] = coverRow ? [coverRow] : [];

  // Hard words: glossary terms found in any sentence are shown in bold and listed with their easy definitions.
  const glossary = project.glossary;
  const usage = new Map<string, string[]>();
  const embolden = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.type !== 'row') continue;
      block.sentences = block.sentences.map((sentence) => boldTerms(sentence, glossary, (term) => usage.set(term.id, [...new Set([...(usage.get(term.id) ?? []), block.id])])));
    }
  };
  embolden(cover);
  embolden(body);
  if (hardWordsAt) {
    const at = hardWordsAt as { index: number; id: string; heading: string; rows: Block[] };
    const terms = glossary.filter((t) => usage.has(t.id)).sort((a, b) => a.term.localeCompare(b.term, 'en-GB'));
    const list: Block = {
      type: 'hard-words',
      items: terms.map((term) => ({ id: `hard-word-${term.id}`, term: term.term, sentences: sentencesOf(term.easyRead).map((s) => [text(s)]), usedIn: usage.get(term.id)! })),
    };
    for (const term of terms) rowsToCheck.push({ origin: { kind: 'glossary', termId: term.id }, sentences: sentencesOf(term.easyRead).map((s) => ({ text: s, origin: { kind: 'glossary', termId: term.id } })) });
    body.splice(at.index, 0, heading(at.id, at.heading), ...at.rows, list);
  }

  const usesOpenMoji = images.some((image) => image.source.includes(`${path.sep}openmoji${path.sep}`));
  const documentTitle = fillText(template.title);
  const credits: Block[] = [
    { type: 'paragraph', inlines: [text(`© ${publisher.copyrightHolder} ${published.slice(0, 4)}. `), text(publisher.licence.notice)] },
    ...(usesOpenMoji ? [{ type: 'paragraph', inlines: [text(OPENMOJI_CREDIT)] } satisfies Block] : []),
  ];
  const document: DocumentModel = {
    kind: 'easy-read',
    title: documentTitle,
    subtitle: inspection ? inspection.service.name : title,
    language: 'en-GB',
    date: published,
    author: publisher.name,
    subject: `Easy read version: ${inspection ? inspection.service.name : title}`,
    keywords: ['easy read', inspection ? inspection.service.name : title],
    runningHeader: documentTitle,
    cover,
    credits,
    body,
    images,
  };
  return { document, rows: rowsToCheck, problems };
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
 * The rating scale as a picture: one step per rating, lowest on the left, each with its symbol;
 * the service's rating is the dark step, with an arrow above it. No words: the sentences beside it say them.
 */
export function ratingScaleSvg(inspection: Inspection): string {
  const { framework, rating } = inspection;
  const steps = framework.ratingScale.length;
  const awarded = rating.overall.rating === NOT_RATED ? -1 : ratingRank(framework, rating.overall.rating);
  const width = 480;
  const gap = 10;
  const stepWidth = (width - 16 - gap * (steps - 1)) / steps;
  const parts: string[] = [];
  for (let i = 0; i < steps; i++) {
    // Steps rise from left to right and fill the square, leaving room for the arrow above the tallest.
    const height = 150 + (i * 230) / Math.max(1, steps - 1);
    const x = 8 + i * (stepWidth + gap);
    const y = 472 - height;
    const isAwarded = i === awarded;
    parts.push(`<rect x="${x}" y="${y}" width="${stepWidth}" height="${height}" rx="6" fill="${isAwarded ? '#0b0c0c' : '#f3f2f1'}" stroke="#0b0c0c" stroke-width="4"/>`);
    const symbol = ratingInline(inspection, framework.ratingScale[i]!.id, false).symbol;
    const shape = ratingSymbolPaths[symbol];
    const size = stepWidth * 0.72;
    parts.push(`<g transform="translate(${x + (stepWidth - size) / 2} ${y + 16}) scale(${size / 10})"><path d="${shape.path}" fill="${isAwarded ? '#ffffff' : shape.colour}"/></g>`);
    if (isAwarded) {
      const cx = x + stepWidth / 2;
      parts.push(`<path d="M${cx - 34} ${y - 82} L${cx + 34} ${y - 82} L${cx} ${y - 16} Z" fill="#0b0c0c"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${width}" viewBox="0 0 ${width} ${width}"><rect width="${width}" height="${width}" fill="#ffffff"/>${parts.join('')}</svg>`;
}
