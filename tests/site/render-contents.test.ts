/** The contents list of a page: level 3 entries nest under the entry before them, and none is lost. */
import { describe, expect, it } from 'vitest';
import type { ContentsEntry } from '../../src/document/blocks.ts';
import { renderContents } from '../../src/html/render-blocks.ts';
import { messagesIn } from '../support/messages.ts';

const entry = (level: 2 | 3, id: string): ContentsEntry => ({ level, id, text: id.toUpperCase() });
const item = (id: string, sub = '') => `<li><a class="govuk-link" href="#${id}">${id.toUpperCase()}</a>${sub && `<ol class="app-contents__sublist">${sub}</ol>`}</li>`;

describe('renderContents', () => {
  it('nests level 3 entries under the entry before them, and leaves out an empty sublist', () => {
    const html = renderContents([entry(2, 'a'), entry(3, 'a1'), entry(3, 'a2'), entry(2, 'b'), entry(2, 'c'), entry(3, 'c1')], 'contents', messagesIn('en'));
    expect(html).toBe(
      '<nav class="app-contents" aria-labelledby="contents"><h2 class="govuk-heading-m" id="contents">Contents</h2><ol class="app-contents__list">' +
        item('a', item('a1') + item('a2')) + item('b') + item('c', item('c1')) +
        '</ol></nav>',
    );
  });

  it('keeps a level 3 entry with no level 2 before it at the top level, with the level 3 entries after it under it', () => {
    const html = renderContents([entry(3, 'x'), entry(3, 'y'), entry(2, 'z')], 'page-contents', messagesIn('en'));
    expect(html).toContain('aria-labelledby="page-contents"');
    expect(html).toContain(`<ol class="app-contents__list">${item('x', item('y'))}${item('z')}</ol>`);
  });
});
