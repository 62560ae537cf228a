/** Builders of the blocks that documents written from data are made of (the narrative comes from Markdown). */
import type { Block, Inline, TableCell } from './blocks.ts';

export const text = (value: string, style: { bold?: boolean; italic?: boolean } = {}): Inline => ({ type: 'text', value, ...style });

export const paragraph = (...inlines: Inline[]): Block => ({ type: 'paragraph', inlines });

export const cell = (value: string, extra: Partial<TableCell> = {}): TableCell => ({ inlines: [text(value)], ...extra });

export function bulletList(items: readonly string[]): Block {
  return { type: 'list', ordered: false, start: 1, items: items.map((item) => [paragraph(text(item))]) };
}

/** Makes heading ids unique within one document: the text as a slug, numbered on repeats. */
export class IdMaker {
  private readonly used = new Map<string, number>();
  make(text: string): string {
    const base =
      text
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'section';
    const count = this.used.get(base) ?? 0;
    this.used.set(base, count + 1);
    return count === 0 ? base : `${base}-${count + 1}`;
  }
}

export type Heading = (level: 2 | 3 | 4, value: string, inContents?: boolean) => Block;

/** Headings whose ids are unique in the document; listed in the contents down to level 3 unless told. */
export function headingMaker(ids: IdMaker): Heading {
  return (level, value, inContents = level <= 3) => ({ type: 'heading', level, id: ids.make(value), text: value, inContents });
}
