/**
 * A worker thread of warm-up.ts: checks the content once, as `npm run check` does (the narratives
 * parsed on the other cores meanwhile), for the results it leaves in the check's cache.
 */
import { workerData } from 'node:worker_threads';
import { CheckCache } from './check-cache.ts';
import { loadProject } from './load-project.ts';
import { parseNarrativesAhead } from './markdown-workers.ts';
import type { WarmUpWork } from './warm-up.ts';

const { root } = workerData as WarmUpWork;
const cache = new CheckCache(root);
const stopWorkers = parseNarrativesAhead(root, cache);
try {
  loadProject(root, { cache });
} finally {
  await stopWorkers();
}
