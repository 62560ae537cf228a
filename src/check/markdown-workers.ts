/**
 * The check's narratives parsed ahead on the other cores. Parsing MDX is most of a cold check's
 * time, and loadProject is synchronous, reading each file in turn: while it runs, worker threads
 * parse the narratives from the other end of its list and put each tree in the check's cache
 * (check-cache.ts), where loadProject then finds it. Whoever parses a file first, the tree is the
 * same (parsing is a pure step), so the check says the same things in the same order.
 *
 * The workers need no messages from this thread, which is busy in loadProject: each is given its
 * share of the files at the start, skips a file already in the cache, and is stopped once the
 * check is done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckCache } from './check-cache.ts';

export interface MarkdownWork {
  /** The cache's folder and version, for the worker's own CheckCache. */
  root: string;
  version: string;
  /** The files to parse, in this order. */
  files: string[];
}

/** Below this many narratives to parse, starting workers costs more than it saves. */
const WORTH_A_WORKER = 24;

/** The narratives loadProject reads, in the order it reads them: each inspection's and thematic report's MDX files. */
function narrativesOf(root: string): string[] {
  const files: string[] = [];
  for (const parent of ['content/inspections', 'content/thematic']) {
    const folder = path.join(root, parent);
    if (!fs.existsSync(folder)) continue;
    for (const slug of fs.readdirSync(folder).sort()) {
      const inside = path.join(folder, slug);
      let names: string[];
      try {
        names = fs.readdirSync(inside);
      } catch {
        continue;
      }
      for (const name of names.sort()) if (name.endsWith('.mdx')) files.push(path.join(inside, name));
    }
  }
  return files;
}

/**
 * Starts parsing the narratives of `root` that the cache does not hold, on `threads` workers (one
 * fewer than the cores: this thread checks meanwhile). Returns a function that stops them.
 */
export function parseNarrativesAhead(root: string, cache: CheckCache, threads = os.availableParallelism() - 1): () => Promise<void> {
  if (!cache.enabled || threads < 1 || process.env.CHECK_WORKERS === '0') return async () => {};
  const files = narrativesOf(root);
  if (files.length < WORTH_A_WORKER) return async () => {};
  // From the end: loadProject starts at the beginning, and they meet in between.
  files.reverse();
  const workers: Worker[] = [];
  for (let k = 0; k < threads; k++) {
    // Interleaved shares, so every worker starts near the end.
    const share = files.filter((_, index) => index % threads === k);
    const work: MarkdownWork = { root, version: path.basename(cache.folder), files: share };
    // On Node's own type stripping, with none of this thread's flags: no tsx loader (an esbuild service) in each worker.
    const worker = new Worker(new URL('./markdown-worker.ts', import.meta.url), { workerData: work, execArgv: [] });
    // A worker that fails leaves its files to loadProject, which parses them itself.
    worker.on('error', () => {});
    worker.unref();
    workers.push(worker);
  }
  return async () => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
}
