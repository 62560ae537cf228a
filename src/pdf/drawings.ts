/**
 * Drawings (SVG, drawn as vectors by svg-to-pdfkit), written again from what they wrote before.
 * svg-to-pdfkit parses and draws a drawing afresh on every call, though a figure's shapes come out
 * the same wherever the same drawing is drawn at the same place and size: in every rendering of a
 * report (the bench renders one many times), in its Welsh version and its earlier versions. A
 * drawing whose only effects are page content and pdfkit's opacity states (shapes: no text,
 * pictures, patterns, masks or links) is kept per process as those effects, in order, and written
 * from them the next time: the same bytes, without parsing or drawing. Anything else is drawn by
 * svg-to-pdfkit every time.
 */
import SVGtoPDF from 'svg-to-pdfkit';

type Options = NonNullable<Parameters<typeof SVGtoPDF>[4]>;

/** A drawing's effect on the document: content added to the page, or an opacity state set (pdfkit names it per document). */
type Effect = string | { fill: number | null | undefined; stroke: number | null | undefined };

/** The parts of a pdfkit 0.20 document this reads and wraps while a drawing is drawn. */
interface PdfkitDocument {
  addContent(data: string): unknown;
  _doOpacity(fill?: number | null, stroke?: number | null): unknown;
  ref(...args: unknown[]): unknown;
  _ctm: number[];
  page: { width: number; height: number; resources: { data: Record<string, unknown> }; dictionary: { data: { Annots?: unknown[] } } };
}

/**
 * What a page uses besides opacity states (fonts, pictures, patterns, colour spaces) and its links,
 * read without pdfkit's getters, which would add an empty dictionary to the page.
 */
function pageUses(page: PdfkitDocument['page']): string {
  const { data } = page.resources;
  const uses = Object.keys(data)
    .filter((name) => name !== 'ExtGState')
    .map((name) => `${name}:${typeof data[name] === 'object' && data[name] !== null ? Object.keys(data[name]).length : ''}`);
  return `${uses.join()};${page.dictionary.data.Annots?.length ?? 0}`;
}

/** Enough for the drawings of the reports a process draws in turn; the oldest goes first. */
const MAX_KEPT = 64;

type Draw = typeof SVGtoPDF;

/** A drawSvg with drawings kept of its own, drawing with `draw` (svg-to-pdfkit; a spy in tests). */
export function keptDrawings(draw: Draw = SVGtoPDF) {
  /** Drawings' effects by drawing, place, size and transformation; null for a drawing that must be drawn every time. */
  const kept = new Map<string, Effect[] | null>();

  function drawSvg(document: PDFKit.PDFDocument, svg: string, x: number, y: number, options: Options): void {
    const doc = document as unknown as PdfkitDocument;
    const key = JSON.stringify([svg, x, y, options.width, options.height, options.preserveAspectRatio, doc._ctm, doc.page.width, doc.page.height]);
    const effects = kept.get(key);
    if (effects) {
      for (const effect of effects) {
        if (typeof effect === 'string') doc.addContent(effect);
        else doc._doOpacity(effect.fill, effect.stroke);
      }
      return;
    }
    if (effects === null) return draw(document, svg, x, y, options);

    const recorded: Effect[] = [];
    let replayable = true;
    let inOpacity = false;
    const { page } = doc;
    const before = pageUses(page);
    const wrapped = { addContent: doc.addContent, _doOpacity: doc._doOpacity, ref: doc.ref };
    const own = (Object.keys(wrapped) as (keyof typeof wrapped)[]).filter((name) => Object.hasOwn(doc, name));
    doc.addContent = function (data) {
      if (!inOpacity) recorded.push(data);
      return wrapped.addContent.call(this, data);
    };
    doc._doOpacity = function (fill, stroke) {
      recorded.push({ fill, stroke });
      inOpacity = true;
      try {
        return wrapped._doOpacity.call(this, fill, stroke);
      } finally {
        inOpacity = false;
      }
    };
    doc.ref = function (...args) {
      // An object of its own (a pattern, a mask, a group, a link), other than an opacity state: drawn every time.
      if (!inOpacity) replayable = false;
      return wrapped.ref.apply(this, args);
    };
    const fontCallback = options.fontCallback;
    try {
      draw(document, svg, x, y, {
        ...options,
        ...(fontCallback
          ? {
              fontCallback: (...args: Parameters<typeof fontCallback>) => {
                // Text: its glyphs belong to this document's font subsets.
                replayable = false;
                return fontCallback(...args);
              },
            }
          : {}),
      });
    } finally {
      for (const name of Object.keys(wrapped) as (keyof typeof wrapped)[]) {
        if (own.includes(name)) (doc as unknown as Record<string, unknown>)[name] = wrapped[name];
        else delete (doc as unknown as Record<string, unknown>)[name];
      }
    }
    if (pageUses(page) !== before || recorded.includes('BT')) replayable = false;
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, replayable ? recorded : null);
  }

  return { drawSvg, forget: () => kept.clear() };
}

const ofThisProcess = keptDrawings();
/** Draws an SVG drawing, written again from what it wrote when the same drawing was drawn before in this process. */
export const drawSvg = ofThisProcess.drawSvg;
/** Forgets every drawing kept: for timing a report's rendering as a build draws it, once (scripts/bench.ts). */
export const forgetDrawings = ofThisProcess.forget;
