/**
 * A worker thread of warm-up.ts: checks the content once, as `npm run check` does (the narratives
 * parsed on the other cores meanwhile), for the results it leaves in the check's cache.
 */
import { workerData } from 'node:worker_threads';
import { loadProjectParsingAhead } from './load-project.ts';
import type { WarmUpWork } from './warm-up.ts';

const { root } = workerData as WarmUpWork;
await loadProjectParsingAhead(root).workersStopped;
