/** When the build starts a full collection for memory outside V8's heap (src/build/page-bytes-gc.ts). */
import { describe, expect, it } from 'vitest';
import { collectionDue, HEAP_SHARE, LEAST_GROWTH, takesOver } from '../../src/build/page-bytes-gc.ts';

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

  it('leaves a heap of up to 512 MB (a thousand reports) to V8’s own rule, and takes over above it', () => {
    expect(takesOver(470 * MB)).toBe(false);
    expect(takesOver(LEAST_GROWTH / HEAP_SHARE)).toBe(false);
    expect(takesOver(LEAST_GROWTH / HEAP_SHARE + MB)).toBe(true);
    expect(takesOver(3000 * MB)).toBe(true);
  });
});
