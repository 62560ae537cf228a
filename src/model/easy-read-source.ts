/**
 * An easy-read version as written (easy-read.mdx): sections of rows, each row a picture and its
 * sentences, every part with its position so the checks point at the words. source/easy-read-file.ts
 * reads it; the project model holds it.
 */
import type { PhrasingContent } from 'mdast';
import type { Position } from './position.ts';

export interface EasyReadSentence {
  /** The sentence as written, Markdown included (bold, components). */
  inlines: PhrasingContent[];
  /** Plain text of the sentence, as the language checks read it. */
  text: string;
  at: Position;
}

export interface EasyReadPicture {
  /** "openmoji:<name>" or a path relative to the file. */
  url: string;
  alt: string;
  at: Position;
}

export interface EasyReadRow {
  picture: EasyReadPicture | null;
  sentences: EasyReadSentence[];
  at: Position;
}

export interface EasyReadSection {
  heading: string;
  at: Position;
  rows: EasyReadRow[];
}

export interface EasyReadProblem {
  at: Position;
  rule: string;
  message: string;
  hint: string;
}

export interface EasyReadSource {
  sections: EasyReadSection[];
  /** Shape problems: a row with no picture, a list, text outside a section… */
  problems: EasyReadProblem[];
  syntaxError?: { message: string; at: Position };
}
