/**
 * The easy-read PDF read back as a reader and a screen reader would (EASY-READ.md layout rules
 * 10–19): on made-up documents built to push each rule (long, short, too long), then on the
 * Dudley 2019 easy-read version built from the sample content.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { wordsIn } from '../support/messages.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentModel, ImageRef, Inline } from '../../src/document/blocks.ts';
import { contentsOf } from '../../src/document/blocks.ts';
import { EASY_READ_COLOURS, renderEasyReadPdf, pagesPhrase, type RenderedEasyReadPdf } from '../../src/pdf/easy-read-pdf.ts';
import { FONT_METRICS } from '../../src/pdf/writer.ts';
import { expectTextAsWritten } from '../support/extracted-words.ts';
import { drawingsOf, placedLinesOf, readPdf, walk, type PageDrawing, type ReadPdf } from '../support/pdf.ts';

const root = path.resolve(import.meta.dirname, '../..');

type Row = Extract<Block, { type: 'row' }>;
type HardWords = Extract<Block, { type: 'hard-words' }>;
type Heading = Extract<Block, { type: 'heading' }>;

const text = (value: string, style: { bold?: boolean; italic?: boolean } = {}): Inline => ({ type: 'text', value, ...style });
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

// ---------------------------------------------------------------------------------------------
// Made-up documents

let pictureFolder: string;
const pictures: ImageRef[] = [];

async function makePictures(): Promise<void> {
  pictureFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'easy-read-pictures-'));
  const colours = ['#1d70b8', '#00703c', '#d4351c', '#f47738', '#4c2c92'];
  for (const [index, colour] of colours.entries()) {
    const file = path.join(pictureFolder, `picture-${index}.png`);
    // One wide picture: it must still be drawn in a square, fitted on white.
    await sharp({ create: { width: index === 4 ? 900 : 600, height: 600, channels: 3, background: colour } }).png().toFile(file);
    pictures.push({ source: file, name: `picture-${index}.png`, square: 480 });
  }
  const openmoji = path.join(root, 'node_modules/openmoji/color/svg/1F50D.svg');
  if (fs.existsSync(openmoji)) pictures.push({ source: openmoji, name: 'openmoji-magnifier.png', square: 480 });
}

const SENTENCES = [
  'We met children and their families.',
  'Staff listened to what children said.',
  'Some children did not go to school, college or training for a long time, and nobody helped them to go back.',
  'The managers checked the plans every month.',
  'Children said their worker was kind and helped them to understand what would happen next.',
  'We read about the work with 40 children.',
];

/**
 * A made-up easy-read document: `rows` rows in "What we found", a hard word used before and after
 * the list, a reference to the list on the cover (before the list), italics and a link.
 */
function easyReadModel(rows: number): DocumentModel {
  let n = 0;
  const row = (sentences: Inline[][], alt = `Picture ${n + 1}`): Row => {
    n++;
    return { type: 'row', id: `row-${n}`, picture: pictures[n % pictures.length]!, alt, sentences };
  };
  // Each row starts differently, so the read-back finds each where it is.
  const plain = (i: number, count: number): Inline[][] => [[text(`This is part ${i + 1}.`)], ...Array.from({ length: count - 1 }, (_, k) => [text(SENTENCES[(i + k) % SENTENCES.length]!)])];
  const heading = (id: string, value: string, level: 2 | 3 = 2): Heading => ({ type: 'heading', level, id, text: value, inContents: level === 2 });
  const cover = row([[text('This is an easy read report about Northmoor.')], [text('Hard words are in bold.')], [{ type: 'section-ref', target: 'hard-words', phrase: 'The hard words list' }, text(' says what they mean.')]], 'A magnifying glass');
  const found: Block[] = [];
  const used: Record<string, string[]> = { assessment: [], plan: [] };
  for (let i = 0; i < rows; i++) {
    const sentences = plain(i, 1 + (i % 5));
    if (i % 7 === 2) {
      sentences[0] = [text('Staff wrote an '), text('assessment', { bold: true }), text(' for every child.')];
      used.assessment!.push(`row-${n + 1}`);
    }
    if (i % 9 === 4) {
      sentences.push([text('Read more on '), { type: 'link', url: 'https://example.org/easy-read', children: [text('our website')] }, text('.')]);
      sentences.push([text('Some words were '), text('in italics', { italic: true }), text(' by mistake.')]);
    }
    if (i % 11 === 5) {
      sentences.push([text('Every child needs a '), text('plan', { bold: true }), text('.')]);
      used.plan!.push(`row-${n + 1}`);
    }
    found.push(row(sentences));
  }
  const hardWordsRow = row([[text('Some words in this report are hard.')], [text('This list says what they mean.')]], 'An open book');
  const contactRow = row([[text('Write to us if you have a question about your '), text('plan', { bold: true }), text('.')], [text('We will write back.')]], 'A letter');
  used.plan!.push(contactRow.id);
  const hardWords: HardWords = {
    type: 'hard-words',
    items: [
      { id: 'hard-word-assessment', term: 'Assessment', picture: pictures[1]!, alt: 'A worker with a clipboard', sentences: [[text('An assessment is when a worker finds out about a child.')], [text('It helps the worker make a plan.')]], usedIn: used.assessment! },
      { id: 'hard-word-plan', term: 'Plan', picture: pictures.at(-1)!, alt: 'A calendar', sentences: [[text('A plan says what will happen and when.')]], usedIn: used.plan! },
    ],
  };
  return {
    kind: 'easy-read',
    title: 'What we found when we checked Northmoor',
    subtitle: 'Northmoor Youth Justice Service',
    language: 'en-GB',
    words: wordsIn('en'),
    date: '2026-05-12',
    author: 'Test inspectorate',
    subject: 'Easy read version: Northmoor Youth Justice Service',
    keywords: ['easy read'],
    runningHeader: 'What we found when we checked Northmoor',
    cover: [cover],
    credits: [
      { type: 'paragraph', inlines: [text('© Crown copyright 2026. You may re-use this report free of charge under the Open Government Licence v3.0.')] },
      { type: 'paragraph', inlines: [text('Pictures from OpenMoji, used under the licence CC BY-SA 4.0 (openmoji.org).')] },
    ],
    body: [
      heading('about', 'What this report is about'),
      row(plain(0, 3)),
      heading('found', 'What we found'),
      ...found,
      heading('next', 'What needs to happen'),
      heading('', 'The police should:', 3),
      row([[text('1. ', { bold: true }), text('Tell the service about every child.')]], 'Number 1'),
      heading('hard-words', 'Hard words'),
      hardWordsRow,
      hardWords,
      heading('contact', 'Contact us'),
      contactRow,
    ],
    images: pictures,
  };
}

// ---------------------------------------------------------------------------------------------
// What every easy-read PDF must do, read back from its bytes

interface Subject {
  model: DocumentModel;
  rendered: RenderedEasyReadPdf;
  pdf: ReadPdf;
  drawings: PageDrawing[];
}

const rowsOf = (model: DocumentModel): Row[] => [...model.cover, ...model.body].filter((b): b is Row => b.type === 'row');
const hardWordsOf = (model: DocumentModel) => model.body.find((b): b is HardWords => b.type === 'hard-words');
const headingsOf = (model: DocumentModel) => model.body.filter((b): b is Heading => b.type === 'heading');

/** A sentence as the PDF prints it: italics plain, section references with the page their target is on. */
function printed(sentence: readonly Inline[], pageOf: (id: string) => number | undefined): string {
  const part = (inline: Inline): string => {
    switch (inline.type) {
      case 'text':
        return inline.value;
      case 'link':
        return inline.children.map(part).join('');
      case 'section-ref':
        return `${inline.phrase} on page ${pageOf(inline.target)}`;
      case 'rating':
        return ` ${inline.label}${inline.mark}`;
      case 'note-ref':
        return '';
      case 'break':
        return ' ';
    }
  };
  return squash(sentence.map(part).join(''));
}

/** The page (1-based) where a heading is drawn at heading size, read back. */
function headingPageRead(pdf: ReadPdf, heading: Heading): number {
  return pdf.pages.findIndex((items, index) => index > 0 && placedLinesOf(items).some((l) => l.text === heading.text && l.size >= 19)) + 1;
}

/** Where each row's sentences are in the read-back text: consecutive lines, each sentence from a new line. */
function locateRows(subject: Subject) {
  const { model, pdf } = subject;
  const headingPages = new Map(headingsOf(model).filter((h) => h.id).map((h) => [h.id, headingPageRead(pdf, h)]));
  const found = new Map<string, { page: number; sentences: { x: number; top: number; size: number; lines: number }[] }>();
  const problems: string[] = [];
  // Rows are found in reading order, each after the one before.
  const cursor = { page: 1, line: 0 };
  for (const row of rowsOf(model)) {
    const expected = row.sentences.map((s) => printed(s, (id) => headingPages.get(id)));
    let placed: { page: number; sentences: { x: number; top: number; size: number; lines: number }[] } | undefined;
    for (let page = cursor.page; page <= pdf.pageCount && !placed; page++) {
      const lines = placedLinesOf(pdf.pages[page - 1]!);
      for (let start = page === cursor.page ? cursor.line : 0; start < lines.length && !placed; start++) {
        let at = start;
        const sentences: { x: number; top: number; size: number; lines: number }[] = [];
        for (const sentence of expected) {
          // The sentence starts a line, and its last line ends with it: lines are joined until they make it.
          let joined = '';
          const first = lines[at];
          let count = 0;
          while (at < lines.length && joined.length < sentence.length) {
            if (lines[at]!.x !== first?.x) break;
            joined = squash(`${joined} ${lines[at]!.text}`);
            at++;
            count++;
          }
          if (joined !== sentence || !first) break;
          sentences.push({ x: first.x, top: first.top, size: first.size, lines: count });
        }
        if (sentences.length === expected.length) {
          placed = { page, sentences };
          Object.assign(cursor, { page, line: at });
        }
      }
    }
    if (placed) found.set(row.id, placed);
    else problems.push(`${row.id}: "${expected.join(' | ')}" not found as one sentence per line on one page`);
  }
  return { found, problems, headingPages };
}

function describeEasyReadPdf(name: string, load: () => Promise<Subject | undefined>) {
  describe(name, () => {
    let subject: Subject | undefined;
    beforeAll(async () => {
      subject = await load();
    }, 120_000);
    // When the subject could not be made (sample content not there yet), the loader says why.
    const get = () => subject!;
    const run = (title: string, test: (s: Subject) => void | Promise<void>) =>
      it(title, async (context) => {
        if (!subject) return context.skip();
        await test(get());
      });

    run('declares its language, shows its title, is tagged and identifies as PDF/UA', ({ model, pdf, rendered }) => {
      expect(pdf.info.Title).toBe(model.title);
      expect(pdf.info.Language).toBe('en-GB');
      expect(pdf.markInfo?.Marked).toBe(true);
      const raw = Buffer.from(rendered.bytes).toString('latin1');
      expect(raw).toMatch(/\/DisplayDocTitle true/);
      expect(raw).toContain('<pdfuaid:part>1</pdfuaid:part>');
      expect(pdf.pageCount).toBe(rendered.pageCount);
    });

    run('prints all text at 16 pt or more, body text at 17, headings larger, never italic', ({ pdf, rendered }) => {
      const small = pdf.pages.flatMap((items, i) => items.filter((item) => item.text.trim() && item.size < 16 - 0.01).map((item) => `page ${i + 1}: "${item.text}" at ${item.size}`));
      expect(small).toEqual([]);
      const sizes = pdf.pages.flat().filter((item) => !item.artifact).map((item) => Math.round(item.size));
      expect(sizes).toContain(17);
      expect(Math.max(...sizes)).toBeGreaterThan(17);
      expect(Buffer.from(rendered.bytes).toString('latin1')).not.toMatch(/\/BaseFont \/[A-Z]{6}\+\S*Italic/);
    });

    run('prints dark text on white (7:1 at least) and never underlines a link', ({ drawings }) => {
      for (const colour of Object.values(EASY_READ_COLOURS)) expect(contrastOnWhite(colour), colour).toBeGreaterThanOrEqual(7);
      const used = new Set(drawings.flatMap((d) => [...d.textColours]));
      for (const colour of used) expect(contrastOnWhite(colour), `text in ${colour}`).toBeGreaterThanOrEqual(7);
      expect(drawings.reduce((n, d) => n + d.pathsInLinks, 0)).toBe(0);
    });

    run('starts every sentence on a new line, wraps it under itself, and never splits a row across pages', (s) => {
      const { found, problems } = locateRows(s);
      expect(problems).toEqual([]);
      for (const row of rowsOf(s.model)) {
        const placed = found.get(row.id)!;
        expect(placed.page, row.id).toBe(s.rendered.rowPages[row.id]);
        // Left-aligned in one text column: every sentence of every row starts at the same x.
        expect(new Set(placed.sentences.map((p) => p.x.toFixed(1))).size, row.id).toBe(1);
      }
      // The rows with square pictures share one text column; the rating scale's larger picture moves its row's column right.
      const squareRows = rowsOf(s.model).filter((row) => row.picture.square);
      const columns = new Set(squareRows.flatMap((row) => found.get(row.id)!.sentences.map((q) => q.x.toFixed(1))));
      expect(columns.size, 'one text column for every row with a square picture').toBe(1);
      // No hyphenation: no line of text ends with a hyphen.
      const hyphenated = s.pdf.pages.flatMap((items) => placedLinesOf(items).filter((l) => /\p{L}-$/u.test(l.text)).map((l) => l.text));
      expect(hyphenated).toEqual([]);
    });

    run('draws each row’s picture on the left, as a square, its top level with the first sentence', (s) => {
      const { found } = locateRows(s);
      for (const row of rowsOf(s.model)) {
        const placed = found.get(row.id)!;
        const first = placed.sentences[0]!;
        // pdfjs gives the baseline; the capitals of the first line start this far above it.
        const capTop = first.top - FONT_METRICS.capHeight * first.size;
        const images = s.drawings[placed.page - 1]!.images;
        const picture = images.find((image) => Math.abs(image.top - capTop) <= 2);
        expect(picture, `${row.id}: a picture level with "${printed(row.sentences[0]!, () => 0)}" (cap top ${capTop.toFixed(1)}; pictures at ${images.map((i) => i.top.toFixed(1)).join(', ')})`).toBeDefined();
        expect(picture!.x + picture!.width, row.id).toBeLessThan(first.x - 10);
        if (row.picture.square) {
          expect(Math.abs(picture!.width - picture!.height), row.id).toBeLessThan(0.5);
          expect(picture!.width).toBeGreaterThanOrEqual(80);
          expect(picture!.width).toBeLessThanOrEqual(90);
        } else {
          // A picture with words on it (the rating scale) is larger, so its words can be read.
          expect(picture!.width, row.id).toBeGreaterThanOrEqual(180);
        }
      }
    });

    run('draws each hard word’s picture on the left, level with the word, and tags it in the word’s LBody with its alt text', ({ model, pdf, drawings, rendered }) => {
      const list = hardWordsOf(model)!;
      const start = rendered.headingPages['hard-words']!;
      for (const item of list.items) {
        const page = pdf.pages.findIndex((items, index) => index >= start - 1 && placedLinesOf(items).some((l) => l.text === item.term)) + 1;
        const line = placedLinesOf(pdf.pages[page - 1]!).find((l) => l.text === item.term)!;
        const capTop = line.top - FONT_METRICS.capHeight * line.size;
        const images = drawings[page - 1]!.images;
        const picture = images.find((image) => Math.abs(image.top - capTop) <= 2);
        expect(picture, `${item.term}: a picture level with the word (cap top ${capTop.toFixed(1)}; pictures at ${images.map((i) => i.top.toFixed(1)).join(', ')})`).toBeDefined();
        expect(picture!.x + picture!.width, item.term).toBeLessThan(line.x - 10);
        expect(picture!.width, item.term).toBeGreaterThanOrEqual(80);
      }
      // Each word's LBody starts with its Figure (pdfjs gives each page the whole list's structure: read it from one page).
      const listPage = pdf.structure.find((tree) => [...walk(tree)].some((n) => n.role === 'LI'))!;
      const figures = [...walk(listPage)]
        .filter((n) => n.role === 'LI')
        .map((li) => li.children.find((c) => c.role === 'LBody')?.children[0])
        .filter((first) => first?.role === 'Figure');
      expect(figures.map((figure) => figure!.alt)).toEqual(list.items.map((item) => item.alt));
    });

    run('tags each row as a Div of a Figure with its alt text and one P per sentence', ({ model, pdf }) => {
      const nodes = pdf.structure.flatMap((tree) => [...walk(tree)]);
      const divs = nodes.filter((n) => n.role === 'Div' && n.children[0]?.role === 'Figure');
      const rows = rowsOf(model);
      expect(divs.length).toBe(rows.length);
      const figureAlts = nodes.filter((n) => n.role === 'Figure').map((n) => n.alt);
      for (const row of rows) expect(figureAlts, row.id).toContain(row.alt);
      for (const node of nodes.filter((n) => n.role === 'Figure')) expect(node.alt?.trim(), 'Figure without alt text').toBeTruthy();
      divs.forEach((div, index) => {
        expect(div.children.map((c) => c.role), rows[index]!.id).toEqual(['Figure', ...rows[index]!.sentences.map(() => 'P')]);
      });
      const roles = new Set(nodes.map((n) => n.role));
      for (const role of ['Document', 'Sect', 'H1', 'H2', 'Div', 'Figure', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Link']) expect(roles, role).toContain(role);
    });

    run('keeps every heading on the page of the row after it', ({ model, pdf }) => {
      const body = model.body;
      body.forEach((block, index) => {
        if (block.type !== 'heading') return;
        const next = body.slice(index + 1).find((b) => b.type !== 'heading');
        if (next?.type !== 'row') return;
        const page = pdf.pages.findIndex((items, i) => i > 0 && placedLinesOf(items).some((l) => l.text === block.text && l.size >= 19)) + 1;
        const { found } = locateRows({ model, pdf } as Subject);
        expect(found.get(next.id)?.page, `"${block.text}" and its first row`).toBe(page);
      });
    });

    run('says on which pages each hard word is used, and those are the pages of the rows that use it', (s) => {
      const list = hardWordsOf(s.model);
      expect(list, 'the document has a hard-words list').toBeDefined();
      const { found } = locateRows(s);
      const start = s.rendered.headingPages['hard-words']!;
      const lines = s.pdf.pages.slice(start - 1).flatMap((items) => placedLinesOf(items));
      // The row that introduces the list is on the page of the list's first word.
      const index = s.model.body.indexOf(list!);
      const intro = s.model.body[index - 1];
      if (intro?.type === 'row' && list!.items[0]) {
        const firstPage = s.pdf.pages.findIndex((items, i) => i >= start - 1 && placedLinesOf(items).some((l) => l.text === list!.items[0]!.term)) + 1;
        expect(found.get(intro.id)!.page, 'the introduction and the first hard word').toBe(firstPage);
      }
      for (const item of list!.items) {
        const at = lines.findIndex((l) => l.text === item.term);
        expect(at, item.term).toBeGreaterThanOrEqual(0);
        const after = lines.slice(at + 1).map((l) => l.text).join(' ');
        const match = /You can find this word on pages? ([\d, and]+)\./.exec(after);
        expect(match, `${item.term}: ${after.slice(0, 200)}`).not.toBeNull();
        const listed = match![1]!.split(/, | and /).map(Number);
        const expected = [...new Set(item.usedIn.map((id) => found.get(id)!.page))].sort((a, b) => a - b);
        expect(listed, item.term).toEqual(expected);
        expect(match![0]).toBe(`You can find this word on ${pagesPhrase(expected)}.`);
        expect(s.rendered.hardWordPages[item.id]).toEqual(expected);
      }
    });

    run('gives the real page in every "page N": references, contents and page numbers', async (s) => {
      const { model, pdf, rendered } = s;
      const all = squash(pdf.pages.map((items) => placedLinesOf(items).map((l) => l.text).join(' ')).join(' '));
      // References such as "the hard words list on page N", wherever they are.
      const refs = [...model.cover, ...model.body].flatMap((b) => (b.type === 'row' ? b.sentences.flat() : [])).filter((i): i is Extract<Inline, { type: 'section-ref' }> => i.type === 'section-ref');
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        const target = headingsOf(model).find((h) => h.id === ref.target)!;
        const matches = [...all.matchAll(new RegExp(`${ref.phrase} on page (\\d+)`, 'gi'))];
        expect(matches.length, ref.phrase).toBeGreaterThan(0);
        for (const m of matches) expect(Number(m[1]), m[0]).toBe(headingPageRead(pdf, target));
      }
      for (const heading of headingsOf(model).filter((h) => h.id)) expect(rendered.headingPages[heading.id], heading.text).toBe(headingPageRead(pdf, heading));
      // The contents, when there is one, on page 2: every entry's number is where its heading is.
      const contents = placedLinesOf(pdf.pages[1]!);
      if (contents.some((l) => l.text === 'Contents')) {
        for (const entry of contentsOf(model.body)) {
          const line = contents.find((l) => l.text.startsWith(`${entry.text} `));
          expect(line, entry.text).toBeDefined();
          const heading = headingsOf(model).find((h) => h.id === entry.id)!;
          expect(Number(/(\d+)$/.exec(line!.text)![1]), entry.text).toBe(headingPageRead(pdf, heading));
          expect(await pdf.destinationPage(entry.id)).toBe(headingPageRead(pdf, heading));
        }
      }
      // "Page N of M" on every page but the cover, as page furniture, always in the same place.
      const places = new Set<string>();
      for (let page = 1; page <= pdf.pageCount; page++) {
        const footer = pdf.pages[page - 1]!.find((item) => /^Page \d+ of \d+$/.test(item.text));
        if (page === 1) {
          expect(footer, 'no page number on the cover').toBeUndefined();
          continue;
        }
        expect(footer?.text, `page ${page}`).toBe(`Page ${page} of ${pdf.pageCount}`);
        expect(footer!.artifact).toBe(true);
        places.add(`${(footer!.x + footer!.width).toFixed(0)},${footer!.top.toFixed(1)}`);
      }
      expect(places.size, [...places].join(' ')).toBe(1);
    });

    run('puts the title and the publisher on the cover, and the credits and copyright on the last page', ({ model, pdf }) => {
      const cover = placedLinesOf(pdf.pages[0]!);
      const h1 = cover.filter((l) => l.size >= 28).map((l) => l.text).join(' ');
      expect(h1).toBe(model.title);
      expect(cover.some((l) => l.text === model.author)).toBe(true);
      const last = squash(placedLinesOf(pdf.pages.at(-1)!).map((l) => l.text).join(' '));
      for (const block of model.credits) if (block.type === 'paragraph') expect(last).toContain(printed(block.inlines, () => 0));
    });

    run('extracts as written: its words, none run together', ({ model, rendered }) => expectTextAsWritten(rendered.bytes, model));

    run('embeds every font', ({ rendered }) => {
      const pdffonts = spawnSync('pdffonts', ['-v']);
      if (pdffonts.error) {
        if (process.env.CI) throw new Error('pdffonts (poppler-utils) is missing in CI');
        console.warn('skipped: pdffonts (poppler-utils) is not installed on this machine');
        return;
      }
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'easy-read-')), 'easy-read.pdf');
      fs.writeFileSync(file, rendered.bytes);
      const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const row of rows) {
        expect(row, 'only Atkinson Hyperlegible Next').toMatch(/AtkinsonHyperlegibleNext-(Regular|Bold)/);
        expect(row.split(/\s+/).at(-5), row).toBe('yes');
      }
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    });

    run('is the same bytes when drawn again', async ({ model, rendered }) => {
      const again = await renderEasyReadPdf(model);
      expect(Buffer.from(again.bytes).equals(Buffer.from(rendered.bytes))).toBe(true);
    });
  });
}

async function subjectOf(model: DocumentModel): Promise<Subject> {
  const rendered = await renderEasyReadPdf(model);
  return { model, rendered, pdf: await readPdf(rendered.bytes), drawings: await drawingsOf(rendered.bytes) };
}

beforeAll(makePictures);
afterAll(() => {
  if (pictureFolder) fs.rmSync(pictureFolder, { recursive: true, force: true });
});

describeEasyReadPdf('a made-up easy-read document of about 10 pages', () => subjectOf(easyReadModel(40)));

describe('contents and length', () => {
  it('has a contents page on page 2 when it is longer than 6 pages, and none when shorter', async () => {
    const long = await subjectOf(easyReadModel(40));
    expect(long.pdf.pageCount).toBeGreaterThan(7);
    expect(placedLinesOf(long.pdf.pages[1]!).some((l) => l.text === 'Contents' && l.size > 20)).toBe(true);
    expect(long.pdf.structure.flatMap((t) => [...walk(t)]).some((n) => n.role === 'TOC')).toBe(true);
    const short = await subjectOf(easyReadModel(4));
    expect(short.pdf.pageCount).toBeLessThanOrEqual(6);
    expect(short.pdf.pages.some((items) => placedLinesOf(items).some((l) => l.text === 'Contents'))).toBe(false);
    expect(short.rendered.warnings).toEqual([]);
    // The body starts on page 2, and the pages it prints are still right without the contents.
    expect(short.rendered.headingPages.about).toBe(2);
    const all = squash(short.pdf.pages.map((items) => placedLinesOf(items).map((l) => l.text).join(' ')).join(' '));
    expect(all).toContain(`The hard words list on page ${short.rendered.headingPages['hard-words']} says what they mean.`);
  }, 60_000);

  it('warns when the document has more than 24 pages', async () => {
    const long = await renderEasyReadPdf(easyReadModel(130));
    expect(long.pageCount).toBeGreaterThan(24);
    expect(long.warnings.join('\n')).toContain(`has ${long.pageCount} pages`);
    const fine = await renderEasyReadPdf(easyReadModel(40));
    expect(fine.pageCount).toBeLessThanOrEqual(24);
    expect(fine.warnings).toEqual([]);
  }, 60_000);

  it('keeps the row that introduces the hard-words list with the list’s first word, wherever the page ends', async () => {
    // Rows of 1 to 5 sentences: over these lengths, the introduction falls at every height on its page.
    for (let rows = 30; rows < 42; rows++) {
      const model = easyReadModel(rows);
      const rendered = await renderEasyReadPdf(model);
      const pdf = await readPdf(rendered.bytes);
      const list = hardWordsOf(model)!;
      const intro = model.body[model.body.indexOf(list) - 1] as Row;
      const firstPage = pdf.pages.findIndex((items) => placedLinesOf(items).some((l) => l.text === list.items[0]!.term)) + 1;
      expect(rendered.rowPages[intro.id], `${rows} rows`).toBe(firstPage);
    }
  }, 60_000);

  it('draws a document of only a few rows too, and refuses a full report', async () => {
    await expect(renderEasyReadPdf({ ...easyReadModel(1), kind: 'report' })).rejects.toThrow(/easy-read/);
  });
});

describeEasyReadPdf('a made-up short easy-read document (no contents page)', () => subjectOf(easyReadModel(4)));

// The sample content: Dudley 2019's easy-read version, built from content/ as the site builds it.
const dudleyEasyRead = path.join(root, 'content/inspections/dudley-2019/easy-read.mdx');
describeEasyReadPdf('the Dudley 2019 easy-read PDF', async () => {
  if (!fs.existsSync(dudleyEasyRead)) {
    console.warn('skipped: content/inspections/dudley-2019/easy-read.mdx is not there yet, so the Dudley easy-read PDF is not tested');
    return undefined;
  }
  const { loadProject } = await import('../../src/check/load-project.ts');
  const { easyReadDocument } = await import('../../src/document/easy-read-document.ts');
  const { project } = loadProject(root);
  const inspection = project.inspections.find((i) => i.slug === 'dudley-2019')!;
  const { document, problems } = easyReadDocument(project, { kind: 'inspection', inspection }, root);
  expect(problems).toEqual([]);
  const subject = await subjectOf(document);
  expect(subject.rendered.warnings).toEqual([]);
  return subject;
});
