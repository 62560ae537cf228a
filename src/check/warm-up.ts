/**
 * The live preview's first check, when the check's cache is empty (a new clone, or any change of the
 * tool, which starts a new cache): made in a worker thread, to fill the cache, before the dev server
 * checks the content itself. The dev server's own check is synchronous, on the thread that serves
 * everything: from an empty cache at 10,000 reports it took minutes, and Vite's module runner gave
 * up waiting after 60 s, leaving a dev server that served nothing. From a full cache that check is
 * short, and a worker would only do it twice: then nothing is done here.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { checkCacheFolder } from './check-cache.ts';

export interface WarmUpWork {
  root: string;
}

/** Whether the check's cache for this version of the tool is empty (its folder not there, or holding nothing). */
export function checkCacheIsEmpty(root: string): boolean {
  if (process.env.CHECK_CACHE === '0') return false;
  try {
    return fs.readdirSync(checkCacheFolder(root)).length === 0;
  } catch {
    return true;
  }
}

/** Fills the check's cache in a worker thread; resolves once done. A worker that fails only leaves the work to the dev server's own check. */
export function warmUpCheckCache(root: string): Promise<void> {
  return new Promise((resolve) => {
    // On Node's own type stripping, with none of this thread's flags (as markdown-workers.ts).
    const worker = new Worker(new URL('./warm-up-worker.ts', import.meta.url), { workerData: { root } satisfies WarmUpWork, execArgv: [] });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
}
