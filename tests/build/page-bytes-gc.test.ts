/** When the build starts a full collection for memory outside V8's heap (src/build/page-bytes-gc.ts). */
import { describe, expect, it } from 'vitest';
import { collectionDue, HEAP_SHARE, LEAST_GROWTH } from '../../src/build/page-bytes-gc.ts';

const MB = 1_048_576;

describe('full collections for the pages’ and PDFs’ bytes', () => {
  it('waits for V8’s own 64 MB on a small heap, as before', () => {
    expect(collectionDue(100 * MB + LEAST_GROWTH, 100 * MB, 200 * MB)).toBe(false);
    expect(collectionDue(100 * MB + LEAST_GROWTH + 1, 100 * MB, 200 * MB)).toBe(true);
  });

  it('waits for a share of the heap on a large one, so collections grow no faster than the heap', () => {
    const heap = 4000 * MB;
    expect(collectionDue(LEAST_GROWTH * 2, 0, heap)).toBe(false);
    expect(collectionDue(heap * HEAP_SHARE, 0, heap)).toBe(false);
    expect(collectionDue(heap * HEAP_SHARE + 1, 0, heap)).toBe(true);
  });
});
