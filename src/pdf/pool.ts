/**
 * A pool of worker threads that draw PDFs, one per core (`os.availableParallelism()`), so a build
 * uses every core for its PDFs. Each worker runs src/pdf/worker.ts with the same renderers as the
 * main thread, so a PDF from the pool is byte for byte the PDF drawn in the main thread.
 *
 * The workers run the TypeScript sources through tsx's loader (`--import tsx`), which works both
 * under `npm run build` (tsx) and under vitest. When workers cannot start (or all of them stop),
 * the pool draws in the main thread instead and says so once on stderr.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentModel } from '../document/blocks.ts';
import { renderPdfInThread, type PdfKind, type RenderedOf } from './cache.ts';
import type { PdfJob, PdfJobResult } from './worker.ts';

interface Pending {
  job: PdfJob;
  resolve: (result: RenderedOf<PdfKind>) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current?: Pending;
}

export interface PdfPoolOptions {
  /** How many workers: one per core unless told. */
  size?: number;
  /** Where fall-back notices go (stderr unless told). */
  warn?: (message: string) => void;
}

function workerOptions(): { url: URL; execArgv: string[] } {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  return { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', tsx] };
}

export class PdfPool {
  readonly size: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private inThread = false;
  private closed = false;
  private readonly warn: (message: string) => void;
  /** How many documents the workers drew, and how many the main thread drew instead. */
  readonly counts = { workers: 0, inThread: 0 };

  constructor(options: PdfPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? os.availableParallelism());
    this.warn = options.warn ?? ((message) => process.stderr.write(`${message}\n`));
    let spawn: { url: URL; execArgv: string[] };
    try {
      spawn = workerOptions();
    } catch (error) {
      this.fallBack(error);
      return;
    }
    for (let i = 0; i < this.size; i++) {
      try {
        this.start(spawn);
      } catch (error) {
        this.fallBack(error);
        return;
      }
    }
  }

  /** Whether the pool draws in worker threads (false once it fell back to the main thread). */
  get usesWorkers(): boolean {
    return !this.inThread;
  }

  private start(spawn: { url: URL; execArgv: string[] }): void {
    const worker = new Worker(spawn.url, { execArgv: spawn.execArgv });
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.on('message', (message: PdfJobResult | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const pending = slot.current;
      slot.current = undefined;
      if (pending && pending.job.id === message.id) {
        if (message.ok) {
          this.counts.workers++;
          pending.resolve(message.result as RenderedOf<PdfKind>);
        } else {
          const error = new Error(message.message);
          if (message.stack) error.stack = message.stack;
          pending.reject(error);
        }
      }
      this.dispatch();
    });
    worker.on('error', (error) => this.lost(slot, error));
    worker.on('exit', (code) => {
      if (!this.closed) this.lost(slot, new Error(`a PDF worker stopped (exit code ${code})`));
    });
  }

  /** A worker failed or stopped: its document is drawn in the main thread; with no worker left, so is everything else. */
  private lost(slot: Slot, error: Error): void {
    if (!this.slots.has(slot)) return;
    this.slots.delete(slot);
    void slot.worker.terminate();
    const pending = slot.current;
    slot.current = undefined;
    if (pending) this.queue.unshift(pending);
    if (![...this.slots].length) this.fallBack(error);
    else this.dispatch();
  }

  private fallBack(error: unknown): void {
    if (!this.inThread) {
      this.warn(`PDF workers could not run (${error instanceof Error ? error.message : String(error)}); drawing PDFs in the main thread.`);
    }
    this.inThread = true;
    for (const slot of this.slots) void slot.worker.terminate();
    this.slots.clear();
    this.dispatch();
  }

  private dispatch(): void {
    if (this.inThread) {
      for (const pending of this.queue.splice(0)) this.runInThread(pending);
      return;
    }
    for (const slot of this.slots) {
      if (!slot.ready || slot.current) continue;
      const pending = this.queue.shift();
      if (!pending) return;
      slot.current = pending;
      slot.worker.postMessage(pending.job);
    }
  }

  private runInThread(pending: Pending): void {
    renderPdfInThread(pending.job.kind, pending.job.model).then((result) => {
      this.counts.inThread++;
      pending.resolve(result);
    }, pending.reject);
  }

  /** Draws a document with the renderer of its kind; the result is the same as drawing it in this thread. */
  render<K extends PdfKind>(kind: K, model: DocumentModel): Promise<RenderedOf<K>> {
    if (this.closed) return Promise.reject(new Error('the PDF pool is closed'));
    return new Promise<RenderedOf<K>>((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, kind, model }, resolve: resolve as (result: RenderedOf<PdfKind>) => void, reject });
      this.dispatch();
    });
  }

  /** Stops the workers (documents still queued are drawn first only if awaited before). */
  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.slots].map((slot) => slot.worker);
    this.slots.clear();
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the PDF pool was closed'));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
