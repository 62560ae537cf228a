/**
 * The model keeps narratives without places (src/source/markdown-file.ts, withoutPlaces): every
 * other field stays, in the same order, so the renderers draw the same documents from it.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown, withoutPlaces } from '../../src/source/markdown-file.ts';

const TEXT = ['## 1.1 Governance', '', 'Staff *know* each child well: see <Figure id="caseload" caption="Cases" /> and [the plan](https://example.org/).', '', '<Callout kind="note">', '', '- one', '- two', '', '</Callout>', ''].join('\n');

describe('withoutPlaces', () => {
  it('drops every position, of nodes and JSX attributes, and keeps everything else in order', () => {
    const tree = parseMarkdown(TEXT).tree!;
    const written = JSON.stringify(tree);
    expect(written).toContain('"position"');
    const copy = withoutPlaces(tree);
    expect(JSON.stringify(copy)).not.toContain('"position"');
    // The same as the tree written out with positions left out, key by key.
    expect(JSON.stringify(copy)).toBe(JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)));
    // A copy: the tree the checks read keeps its places.
    expect(JSON.stringify(tree)).toBe(written);
  });
});
