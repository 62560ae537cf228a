/**
 * The renderer-neutral document model. A report is turned into these blocks once (narrative
 * Markdown, computed sections and MDX components alike); the HTML page and the PDF are two
 * drawings of the same blocks, so neither can show something the other does not.
 */

import type { RatingMark } from '../visual-system.ts';
import type { Messages } from '../model/messages.ts';

export type Inline =
  | { type: 'text'; value: string; bold?: boolean; italic?: boolean }
  | { type: 'link'; url: string; children: Inline[] }
  /** A rating shown as its word plus its symbol, never by colour alone. */
  | { type: 'rating'; rating: string; label: string; mark: string; symbol: RatingSymbol }
  /** A footnote reference: the number readers see and the note it points to. */
  | { type: 'note-ref'; number: number; noteId: string }
  | { type: 'break' }
  /**
   * A reference to another part of the same document, such as "the hard words list": the PDF adds
   * "on page N" from its real layout; the page links to it.
   */
  | { type: 'section-ref'; target: string; phrase: string };

/**
 * A distinct shape per rating, so ratings read without colour: the highest rating of a scale is a
 * star, then a circle, a triangle and a square; "Not rated" is a dash.
 */
export type RatingSymbol = RatingMark;

export interface TableCell {
  inlines: Inline[];
  /** A row header (first column of a row), tagged TH with Row scope. */
  rowHeader?: boolean;
  align?: 'left' | 'right' | 'center';
  /** Number of columns this cell spans (header rows of grouped tables). */
  colSpan?: number;
  /**
   * A short header in full, such as "1.1 Governance and leadership" for "1.1": what assistive
   * technology reads instead of the short text (visually hidden text on the page, /Alt in the PDF).
   */
  fullText?: string;
  /** A blank cell to fill in by hand: the PDF rules this many lines in it (drawn, not text); the page leaves it empty. */
  writingLines?: number;
  /** Tick boxes, one per word ("Not started", "Done"): the words are the cell's text, each after a drawn box. */
  choices?: string[];
  /** Machine-readable values for the page's scripts (sort keys, filter facts), drawn as data-* attributes; the PDF ignores them. */
  data?: Record<string, string>;
}

export type Block =
  /** level 1 is the document title; 2 a top-level section; 3 a standard or sub-section; 4 below. */
  | { type: 'heading'; level: 1 | 2 | 3 | 4; id: string; text: string; inContents: boolean }
  | { type: 'paragraph'; inlines: Inline[]; style?: 'lead' | 'small' }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'quote'; blocks: Block[] }
  | {
      type: 'table';
      caption: string;
      /**
       * A numbered table ("Table 2: …", when the document numbers its tables): its id is the target
       * of links and of the PDF's list of figures and tables. The renderers put "Table N: " before the caption.
       */
      id?: string;
      number?: number;
      /** Column header rows (repeated on every PDF page the table runs onto). */
      head: TableCell[][];
      rows: TableCell[][];
      /** Relative column widths for the PDF, one per column. */
      widths?: number[];
      /** A note printed under the table, such as the professional judgement footnote. */
      note?: Inline[];
      /** PDF: start the table on a new page rather than split it, when it fits on one (a form to fill in). */
      keepTogether?: boolean;
      /** PDF: how many blocks before the table stay on its page with it (a heading and text that introduce a form). */
      keepWith?: number;
      /** PDF: a table of many columns, drawn in smaller text (8 pt) with less padding. */
      compact?: boolean;
      /** Page: on a narrow screen each row is a stack (its header, then each cell labelled with its column's header) rather than a table to scroll. */
      stackNarrow?: boolean;
    }
  | { type: 'figure'; image: ImageRef; alt: string; caption?: string }
  | { type: 'aside'; title: string; blocks: Block[] }
  | { type: 'notes'; notes: { id: string; number: number; blocks: Block[] }[] }
  | { type: 'definitions'; items: { id: string; term: string; definition: string }[] }
  /** A rating stated on its own line under a heading: "Rating: ★ Outstanding". */
  | { type: 'rating-line'; label: string; rating: Extract<Inline, { type: 'rating' }> }
  | { type: 'thematic-break' }
  /**
   * An easy-read row: a picture on the left, its sentences on the right, one sentence per line.
   * `id` lets the hard-words list say on which page a word is used.
   */
  | { type: 'row'; id: string; picture: ImageRef; alt: string; sentences: Inline[][] }
  /**
   * A chart: one specification drawn as accessible SVG on the page and as vector graphics in the
   * PDF, with its data as a table (behind a disclosure on the page, after the chart in the PDF).
   * `number` is the figure number ("Figure 3") when the document numbers its figures.
   */
  | { type: 'chart'; id: string; number?: number; title: string; description: string; chart: ChartSpec; table: Extract<Block, { type: 'table' }> }
  /** The easy-read hard-words list: each word with its picture, its easy definition and the rows that use it. */
  | { type: 'hard-words'; items: { id: string; term: string; picture: ImageRef; alt: string; sentences: Inline[][]; usedIn: string[] }[] };

/** What a chart shows: categories along one axis, one or more named series of values. */
export interface ChartSpec {
  kind: 'bar' | 'stacked-bar' | 'line';
  /** Category labels: years, standards, disposal types… */
  categories: string[];
  /**
   * Each series is told apart by its name (in a legend and in data labels) and a pattern, never colour alone.
   * A series that is a rating names its mark: it is drawn in that rating's colour and pattern, with
   * its mark in the legend, as tables show it; other series (years, kinds) take the series palette.
   */
  series: { name: string; values: (number | null)[]; rating?: RatingMark }[];
  /** How values read: "%" (0–100), "count" or "score". */
  unit: '%' | 'count' | 'score';
  /** The top of the value axis; by default the largest value rounded up. */
  max?: number;
  /** Label of the value axis, such as "Number of inspections". */
  valueLabel: string;
  /** The BCP 47 tag of the language its numbers are written in ("en-GB", "cy"); en-GB when not given. */
  locale?: string;
}

/** A picture from the content folder, normalised by sharp for both outputs. */
export interface ImageRef {
  /** Absolute path of the author's file, or a name for a generated picture (see `svg`). */
  source: string;
  /** File name of the normalised output, unique within the report, such as "team-structure.png". */
  name: string;
  /** A picture drawn by the tool (such as the rating scale), as SVG text. */
  svg?: string;
  /** Easy-read pictures: fitted into a square of this many pixels, on white. */
  square?: number;
}

export interface ContentsEntry {
  id: string;
  text: string;
  level: 2 | 3;
}

/** A whole document: metadata, the cover, then the body blocks. */
export interface DocumentModel {
  /** report: a full report; easy-read: rows of pictures and short sentences (its own layout). */
  kind?: 'report' | 'easy-read';
  /** PDF pages: A4 portrait (the default) or landscape, for wide tables. */
  orientation?: 'portrait' | 'landscape';
  /**
   * PDF: false puts the title at the top of the first page with the body under it, and the credits
   * at the end (a table to read at once, such as the ratings); a cover page of its own otherwise.
   */
  titlePage?: boolean;
  /** Drawn across every PDF page as page furniture (an artifact), such as "DRAFT – NOT FOR PUBLICATION" in a preview build. */
  watermark?: string;
  /** Shown as the PDF title and the page's <title>. */
  title: string;
  subtitle: string;
  /** BCP 47 tag of the document's language (LANGUAGE_FACTS[lang].tag): the PDF's /Lang. */
  language: string;
  /** The renderer's words in that language, as unformatted messages (src/document/words.ts). */
  words: Record<string, string>;
  /** Date the document carries, YYYY-MM-DD: the PDF's creation date, so builds repeat exactly. */
  date: string;
  /** For a corrected report: its version (1 as first published, one more per correction) and the day of the last correction, the PDF's modification date. */
  revision?: { number: number; date: string };
  author: string;
  subject: string;
  keywords: string[];
  /** Running header text for PDF pages after the cover. */
  runningHeader: string;
  /** Lines of the cover under the title (dates, fictional-sample notice). */
  cover: Block[];
  /** Credits and licence, printed after the cover. */
  credits: Block[];
  body: Block[];
  images: ImageRef[];
}

export const plain = (value: string): Inline => ({ type: 'text', value });

/** The plain text of inline content, as a screen reader would read it. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      switch (inline.type) {
        case 'text':
          return inline.value;
        case 'link':
          return inlineText(inline.children);
        case 'rating':
          return inline.label + inline.mark;
        case 'note-ref':
          return `[${inline.number}]`;
        case 'break':
          return '\n';
        case 'section-ref':
          return inline.phrase;
      }
    })
    .join('');
}

/** Contents entries: every level 2 and 3 heading marked for the contents, in order. */
export function contentsOf(blocks: readonly Block[]): ContentsEntry[] {
  return blocks.flatMap((block) =>
    block.type === 'heading' && block.inContents && (block.level === 2 || block.level === 3) ? [{ id: block.id, text: block.text, level: block.level }] : [],
  );
}

/** The top-level sections: the blocks from each level 2 heading to the next (and any before the first). */
export function sectionsOf(blocks: readonly Block[]): Block[][] {
  const sections: Block[][] = [];
  for (const block of blocks) {
    if (sections.length === 0 || (block.type === 'heading' && block.level === 2)) sections.push([]);
    sections.at(-1)!.push(block);
  }
  return sections;
}

/** An entry of a list of figures and tables: "Figure 3: Overall ratings by year", and where it is. */
export interface FigureEntry {
  id: string;
  kind: 'figure' | 'table';
  number: number;
  /** The label as printed: "Figure 3: Overall ratings by year". */
  text: string;
}

/** "Figure 3: title" for a numbered chart, "Table 2: caption" for a numbered table, else the title or caption alone. */
export function numberedLabel(block: Extract<Block, { type: 'chart' | 'table' }>, words?: Messages): string {
  const title = block.type === 'chart' ? block.title : block.caption;
  if (block.number === undefined) return title;
  if (words) return words.t(block.type === 'chart' ? 'documents.figure-label' : 'documents.table-label', { number: block.number, title });
  return `${block.type === 'chart' ? 'Figure' : 'Table'} ${block.number}: ${title}`;
}

/** The numbered charts and tables of a document body, in order: the list of figures and tables. */
export function figuresOf(blocks: readonly Block[], words?: Messages): FigureEntry[] {
  return blocks.flatMap((block): FigureEntry[] =>
    (block.type === 'chart' || block.type === 'table') && block.number !== undefined && block.id !== undefined
      ? [{ id: block.id, kind: block.type === 'chart' ? 'figure' : 'table', number: block.number, text: numberedLabel(block, words) }]
      : [],
  );
}
