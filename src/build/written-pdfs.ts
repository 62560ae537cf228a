/**
 * The PDFs of the hand-over (src/site/handoff.ts) while the build writes them: for each PDF the
 * build will write, a promise of its pictures and one of its facts, settled as src/pdf/publish.ts
 * tells of them, so a page waits only for the PDFs it names. A PDF that cannot be written never
 * settles: the build ends with that PDF's failure (pipeline.ts), and no page reports it as its own.
 */
import type { ImageRef } from '../document/blocks.ts';
import type { PdfFacts } from '../pdf/publish.ts';
import type { PdfHandover } from '../site/handoff.ts';

type Pending<T> = PromiseWithResolvers<T>;

export class WrittenPdfs implements PdfHandover {
  private readonly written = new Map<string, Pending<PdfFacts>>();
  private readonly pictures = new Map<string, Pending<ImageRef[]>>();

  /** `names`: every PDF the build will write (src/site/site-pdfs.ts). */
  constructor(names: Iterable<string>) {
    for (const name of names) {
      this.written.set(name, Promise.withResolvers());
      this.pictures.set(name, Promise.withResolvers());
    }
  }

  has(name: string): boolean {
    return this.written.has(name);
  }

  facts(name: string): Promise<PdfFacts> {
    return of(this.written, name).promise;
  }

  images(name: string): Promise<ImageRef[]> {
    return of(this.pictures, name).promise;
  }

  /** A PDF's pictures, known before it is drawn. */
  imagesKnown(name: string, images: ImageRef[]): void {
    of(this.pictures, name).resolve(images);
  }

  /** A PDF written into the output. */
  wrote(name: string, facts: PdfFacts): void {
    of(this.pictures, name).resolve(facts.images);
    of(this.written, name).resolve(facts);
  }
}

function of<T>(promises: Map<string, Pending<T>>, name: string): Pending<T> {
  const found = promises.get(name);
  if (!found) throw new Error(`the build writes no PDF ${name}`);
  return found;
}
