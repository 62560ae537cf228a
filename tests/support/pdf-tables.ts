/**
 * The tables of a tagged PDF as assistive technology meets them: each Table element of the
 * structure tree with its rows (THead or TBody), each cell's role (TH or TD), its /Scope, its /Alt
 * and its text, and the pages its text is on. pdfjs's structure tree leaves out attributes such
 * as /Scope, so the structure elements are read from the file itself (pdfkit writes them as plain
 * objects) and their marked content is matched with the text pdfjs extracts.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTableCell {
  role: string;
  scope?: string;
  alt?: string;
  text: string;
  /** 1-based pages the cell's text is on. */
  pages: number[];
}

export interface PdfTable {
  caption: string;
  rows: { section: string; cells: PdfTableCell[] }[];
}

interface RawElement {
  type: string;
  scope?: string;
  alt?: string;
  page?: number;
  /** Kids in order: child elements (by object number) or marked content ids on the element's page. */
  kids: ({ ref: number } | { mcid: number })[];
}

function rawElements(bytes: Uint8Array): Map<number, RawElement> {
  const source = Buffer.from(bytes).toString('latin1');
  const elements = new Map<number, RawElement>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*<<([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    if (/stream\s/.test(body)) continue;
    const type = /^\s*\/S \/(\w+)/m.exec(body)?.[1];
    if (!type) continue;
    const kidsText = /\/K \[([^\]]*)\]/.exec(body)?.[1] ?? /\/K (\d+(?: 0 R)?)/.exec(body)?.[1] ?? '';
    const kids = [...kidsText.matchAll(/(\d+) 0 R|(\d+)/g)].map((k) => (k[1] !== undefined ? { ref: Number(k[1]) } : { mcid: Number(k[2]) }));
    const page = /\/Pg (\d+) 0 R/.exec(body)?.[1];
    const alt = /\/Alt \(((?:\\.|[^\\)])*)\)/.exec(body)?.[1];
    elements.set(Number(match[1]), {
      type,
      ...(/\/Scope \/(\w+)/.exec(body) ? { scope: /\/Scope \/(\w+)/.exec(body)![1]! } : {}),
      ...(alt !== undefined ? { alt: alt.replace(/\\(.)/g, '$1') } : {}),
      ...(page ? { page: Number(page) } : {}),
      kids,
    });
  }
  return elements;
}

export async function pdfTables(bytes: Uint8Array): Promise<PdfTable[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  // Text of each marked content sequence ("p11R_mc3"), and the page number of each page object.
  const texts = new Map<string, string>();
  const pageNumbers = new Map<number, number>();
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    pageNumbers.set(page.ref!.num, number);
    const open: (string | null)[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items as Array<Record<string, unknown>>) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push((item.id as string | null | undefined) ?? null);
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string') {
        const id = open.findLast((entry) => entry !== null);
        if (id) texts.set(id, `${texts.get(id) ?? ''}${item.str}${item.hasEOL ? ' ' : ''}`);
      }
    }
  }
  const elements = rawElements(bytes);
  const contentOf = (element: RawElement): { text: string[]; pages: Set<number> } => {
    const text: string[] = [];
    const pages = new Set<number>();
    for (const kid of element.kids) {
      if ('ref' in kid) {
        const child = elements.get(kid.ref);
        if (!child) continue;
        const inner = contentOf(child);
        text.push(...inner.text);
        for (const p of inner.pages) pages.add(p);
      } else if (element.page !== undefined) {
        const piece = texts.get(`p${element.page}R_mc${kid.mcid}`);
        if (piece !== undefined) {
          text.push(piece);
          pages.add(pageNumbers.get(element.page)!);
        }
      }
    }
    return { text, pages };
  };
  const textOf = (element: RawElement) => contentOf(element).text.join(' ').replace(/\s+/g, ' ').trim();
  const children = (element: RawElement) => element.kids.flatMap((kid) => ('ref' in kid && elements.has(kid.ref) ? [elements.get(kid.ref)!] : []));

  return [...elements.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, element]) => element.type === 'Table')
    .map(([, table]) => {
      const caption = children(table).find((c) => c.type === 'Caption');
      const rows = children(table)
        .filter((section) => section.type === 'THead' || section.type === 'TBody')
        .flatMap((section) =>
          children(section)
            .filter((row) => row.type === 'TR')
            .map((row) => ({
              section: section.type,
              cells: children(row).map((cell): PdfTableCell => {
                const { pages } = contentOf(cell);
                return { role: cell.type, ...(cell.scope ? { scope: cell.scope } : {}), ...(cell.alt !== undefined ? { alt: cell.alt } : {}), text: textOf(cell), pages: [...pages].sort((a, b) => a - b) };
              }),
            })),
        );
      return { caption: caption ? textOf(caption) : '', rows };
    });
}
