/**
 * Full collections for the memory outside V8's heap (ArrayBuffers: each page's bytes as Astro
 * renders and writes it, each PDF's as a worker hands it over) in proportion to the heap.
 *
 * By default V8 starts a full collection after every 64 MB of such memory, however large the heap
 * is. A build's pages and PDFs allocate it in proportion to their number (each page's bytes are
 * copied about five times between Astro's renderer and its write), and each collection marks the
 * whole checked model, also in proportion: the CPU grew with the square of the reports (pages 17
 * times from 1,000 to 10,000). So once the heap is over 512 MB, this sets V8's
 * --external-memory-accounted-in-global-limit (that memory counted in the heap's own limit, not
 * every 64 MB) and starts the collection itself once that memory has grown by an eighth of the heap
 * since it was last that low: a number of collections that grows with the pages only. The price: up
 * to an eighth of the heap more of that garbage kept between collections.
 *
 * Below 512 MB an eighth of the heap is no more than V8's 64 MB, and V8's own rule keeps less (with
 * the flag set for a whole build of a thousand reports, whose heap is 330–470 MB, the peak was
 * 70–78 MB higher: the flag is the process's, so the PDF workers lose V8's rule too). So up to
 * about a thousand reports a build runs exactly as V8 would run it.
 */
import v8 from 'node:v8';

const MB = 1_048_576;
/** V8's own step, kept as the least: a small build collects as often as before. */
export const LEAST_GROWTH = 64 * MB;
/** The share of the heap that memory outside it may grow by before a full collection. */
export const HEAP_SHARE = 0.125;
/** How often the memory outside the heap is looked at, in ms (it grows some tens of MB a second). */
const INTERVAL = 100;

/** Whether the heap is large enough for this policy's step to be larger than V8's own. */
export function takesOver(heapUsed: number): boolean {
  return heapUsed * HEAP_SHARE > LEAST_GROWTH;
}

/** Whether a full collection is due: memory outside the heap grown by more than its allowance since `low`. */
export function collectionDue(external: number, low: number, heapUsed: number): boolean {
  return external - low > Math.max(LEAST_GROWTH, heapUsed * HEAP_SHARE);
}

type Gc = (options: { type: 'major'; execution: 'async' }) => void;

/**
 * Starts the policy for the rest of the process's life (V8's flags are the process's); returns
 * a function that stops the watching. Only where the process can start a collection (--expose-gc,
 * as the build's site stage has): without it the flag would keep the garbage, so nothing changes.
 */
export function collectForExternalMemory(): () => void {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) return () => {};
  let own = false;
  let low = v8.getHeapStatistics().external_memory;
  const timer = setInterval(() => {
    const { external_memory: external, used_heap_size: heapUsed } = v8.getHeapStatistics();
    if (takesOver(heapUsed) !== own) {
      own = !own;
      v8.setFlagsFromString(own ? '--external-memory-accounted-in-global-limit' : '--no-external-memory-accounted-in-global-limit');
      low = external;
    }
    if (external < low) low = external;
    else if (own && collectionDue(external, low, heapUsed)) {
      // Incremental, as V8's own: marked alongside the work. What it frees lowers `low` when seen.
      gc({ type: 'major', execution: 'async' });
      low = external;
    }
  }, INTERVAL);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (own) v8.setFlagsFromString('--no-external-memory-accounted-in-global-limit');
  };
}
