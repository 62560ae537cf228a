/** Builders of the blocks that documents written from data are made of (the narrative comes from Markdown). */
import type { Block, Inline, TableCell } from './blocks.ts';
import type { IdMaker } from './from-markdown.ts';

export const text = (value: string, style: { bold?: boolean; italic?: boolean } = {}): Inline => ({ type: 'text', value, ...style });

export const paragraph = (...inlines: Inline[]): Block => ({ type: 'paragraph', inlines });

export const cell = (value: string, extra: Partial<TableCell> = {}): TableCell => ({ inlines: [text(value)], ...extra });

export function bulletList(items: readonly string[]): Block {
  return { type: 'list', ordered: false, start: 1, items: items.map((item) => [paragraph(text(item))]) };
}

export type Heading = (level: 2 | 3 | 4, value: string, inContents?: boolean) => Block;

/** Headings whose ids are unique in the document; listed in the contents down to level 3 unless told. */
export function headingMaker(ids: IdMaker): Heading {
  return (level, value, inContents = level <= 3) => ({ type: 'heading', level, id: ids.make(value), text: value, inContents });
}
