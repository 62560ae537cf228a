/**
 * A pool of worker threads that draw PDFs, one per core unless told, so a build uses every core for
 * its PDFs. The pool is tinypool's (the worker pool vitest grew up on); each worker runs
 * src/pdf/worker.ts with the same renderers as the main thread, so a PDF from the pool is byte for
 * byte the PDF drawn in the main thread.
 *
 * The workers run the TypeScript sources on Node's own type stripping (the tool's TypeScript is
 * erasable), with no loader: tsx's would start an esbuild service and its own transforms in each
 * worker. That works under `npm run build`, tsx and vitest alike.
 */
import os from 'node:os';
import Tinypool from 'tinypool';
import type { DocumentModel } from '../document/blocks.ts';
import type { PdfKind, RenderedOf } from './cache.ts';
import type { PdfJob, WarmUp } from './worker.ts';

/** Each worker's young generation (V8's nursery), in MB: see the constructor. */
const WORKER_YOUNG_GENERATION_MB = 16;

export interface PdfPoolOptions {
  /** How many workers: one per core unless told. */
  size?: number;
}

export class PdfPool {
  readonly size: number;
  private readonly pool: Tinypool;

  constructor(options: PdfPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? os.availableParallelism());
    this.pool = new Tinypool({
      filename: new URL('./worker.ts', import.meta.url).href,
      // None of this thread's flags (--expose-gc, its semi-spaces, tsx when started through it).
      execArgv: [],
      minThreads: this.size,
      maxThreads: this.size,
      // A drawing makes much short-lived garbage and keeps little (about 40 MB live after a full
      // collection): V8's default young generation for this machine (128 MB a worker) only held
      // garbage. 16 MB took 250 MB off a 200-report build's peak for the same CPU (measured).
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
  }

  /** Draws a document with the renderer of its kind; the result is the same as drawing it in this thread. */
  render<K extends PdfKind>(kind: K, model: DocumentModel): Promise<RenderedOf<K>> {
    return this.pool.run({ kind, model } satisfies PdfJob) as Promise<RenderedOf<K>>;
  }

  /**
   * Has a worker load the renderers and fonts now, before anything is to be drawn: the build starts
   * its pool while the content is checked, so that the one PDF an edit needs does not wait for them
   * (0.7 s: a report drawn on a new pool took 800 ms, on a warm one 80–110 ms).
   */
  warmUp(): void {
    this.pool.run({ warmUp: true } satisfies WarmUp).then(
      () => (this.warmUps += 1),
      () => {
        // A worker that cannot load the renderers fails the first drawing, which says why.
      },
    );
  }

  private warmUps = 0;

  /** How many documents the workers have drawn (warming up not counted). */
  get completed(): number {
    return this.pool.completed - this.warmUps;
  }

  /** Stops the workers. */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}
