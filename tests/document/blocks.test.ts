import { describe, expect, it } from 'vitest';
import { sectionsOf, type Block } from '../../src/document/blocks.ts';
import { paragraph, text } from '../../src/document/make-blocks.ts';

const heading = (level: 2 | 3, value: string): Block => ({ type: 'heading', level, id: value, text: value, inContents: true });
const p = (value: string) => paragraph(text(value));

describe('sectionsOf', () => {
  it('starts a section at each level 2 heading, keeping level 3 headings inside it', () => {
    const body = [heading(2, 'one'), p('a'), heading(3, 'one.one'), p('b'), heading(2, 'two'), p('c')];
    expect(sectionsOf(body)).toEqual([body.slice(0, 4), body.slice(4)]);
  });

  it('keeps blocks before the first heading as a section of their own, and makes none from nothing', () => {
    const body = [p('intro'), heading(2, 'one'), p('a')];
    expect(sectionsOf(body)).toEqual([[body[0]], body.slice(1)]);
    expect(sectionsOf([])).toEqual([]);
  });
});
