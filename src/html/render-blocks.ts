/**
 * Document blocks (src/document/blocks.ts) drawn as HTML with GOV.UK Design System classes. Pure:
 * the same blocks give the same string, and nothing is computed here, only drawn. The PDF draws the
 * same blocks, so a block type handled here must be handled there too.
 */
import type { Element, ElementContent } from 'hast';
import type { Messages } from '../model/messages.ts';
import { h, s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { inlineText, numberedLabel, type Block, type ContentsEntry, type Inline, type TableCell } from '../document/blocks.ts';
import { chartTrees } from '../charts/chart-svg.ts';
import { ratingSymbolPaths } from '../document/rating-symbols.ts';
import { isSafeLink } from '../model/url-policy.ts';

type RatingInline = Extract<Inline, { type: 'rating' }>;

/** State shared by the calls that draw one page, so ids stay unique and links stay whole. */
export interface RenderContext {
  /** Width and height of each normalised image, by its name (src/document/images.ts). */
  imageSizes: ReadonlyMap<string, { width: number; height: number; minWidth?: number }>;
  /** Where image files are, relative to the page. */
  imageBase: string;
  /** Note references already drawn (note id → times), for unique ids and working back links. */
  noteRefs: Map<string, number>;
  /** Level of the last heading drawn, so a "Notes" heading sits one below it. */
  headingLevel: number;
  /** Names of the landmarks drawn (name → times), so each table region and aside has its own. */
  landmarks: Map<string, number>;
  /** The tool's words in the document's language: wordsOf(document), or a page's messages. */
  words: Messages;
}

export function renderContext(options: Pick<RenderContext, 'words'> & Partial<Pick<RenderContext, 'imageSizes' | 'imageBase'>>): RenderContext {
  return { imageSizes: options.imageSizes ?? new Map(), imageBase: options.imageBase ?? './images/', noteRefs: new Map(), headingLevel: 1, landmarks: new Map(), words: options.words };
}

/** A landmark's name, numbered from its second use on the page ("Please note (2)"): screen reader users tell landmarks apart by name. */
/** Drawings' minimum widths, in steps of 50 px from 300 to 1600: each step has a class in site.scss. */
const DIAGRAM_STEP = 50;
const DIAGRAM_NARROWEST = 300;
const DIAGRAM_WIDEST = 1600;

function landmarkName(ctx: RenderContext, name: string): string {
  const times = (ctx.landmarks.get(name) ?? 0) + 1;
  ctx.landmarks.set(name, times);
  return times === 1 ? name : `${name} (${times})`;
}

export function renderBlocks(blocks: readonly Block[], ctx: RenderContext): string {
  return toHtml(apart(blocks.flatMap((block) => blockNodes(block, ctx))));
}

/** Elements laid out as boxes of their own (a chart's SVG on its own line): white space between two of them is never seen. */
const BOXES = new Set(['aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'nav', 'ol', 'p', 'summary', 'svg', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul']);
const isBox = (node: ElementContent | undefined) => node?.type === 'element' && BOXES.has(node.tagName);

/**
 * A line break between neighbouring boxes (cells, rows, headings, paragraphs), throughout: a page
 * looks the same, but whatever reads its text (the search index) gets "Resettlement 4.1", not "Resettlement4.1".
 */
function apart(nodes: ElementContent[]): ElementContent[] {
  const spaced: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName !== 'svg') node.children = apart(node.children);
    if (isBox(node) && isBox(spaced[spaced.length - 1])) spaced.push(txt('\n'));
    spaced.push(node);
  }
  return spaced;
}

export function renderInlines(inlines: readonly Inline[], ctx: RenderContext): string {
  return toHtml(inlineNodes(inlines, ctx));
}

/** One rating, its symbol and word: drawn the same in every language (the word is the framework's). */
export function renderRating(rating: RatingInline): string {
  return toHtml(ratingNodes(rating));
}

/** The contents list: level 2 entries, with the level 3 entries after each nested under it. */
export function renderContents(entries: readonly ContentsEntry[], headingId: string, words: Messages): string {
  // A level 3 entry with no level 2 before it stands at the top level rather than being lost.
  const groups: { entry: ContentsEntry; subs: ContentsEntry[] }[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (entry.level === 3 && last) last.subs.push(entry);
    else groups.push({ entry, subs: [] });
  }
  const link = (entry: ContentsEntry) => h('a', { className: ['govuk-link'], href: `#${entry.id}` }, entry.text);
  const items = groups.map(({ entry, subs }) =>
    h('li', [link(entry), subs.length ? h('ol', { className: ['app-contents__sublist'] }, subs.map((sub) => h('li', [link(sub)]))) : null]),
  );
  return toHtml(
    h('nav', { className: ['app-contents'], ariaLabelledBy: [headingId] }, [
      h('h2', { className: ['govuk-heading-m'], id: headingId }, [txt(words.t('documents.contents'))]),
      h('ol', { className: ['app-contents__list'] }, items),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------

function txt(value: string): ElementContent {
  return { type: 'text', value };
}

const HEADING_CLASS = { 1: 'govuk-heading-xl', 2: 'govuk-heading-l', 3: 'govuk-heading-m', 4: 'govuk-heading-s' } as const;
const PARAGRAPH_CLASS = { lead: 'govuk-body-l', small: 'govuk-body-s' } as const;

function blockNodes(block: Block, ctx: RenderContext): ElementContent[] {
  switch (block.type) {
    case 'heading':
      ctx.headingLevel = block.level;
      return [h(`h${block.level}`, { className: [HEADING_CLASS[block.level]], id: block.id }, [txt(block.text)])];
    case 'paragraph':
      return [h('p', { className: [block.style ? PARAGRAPH_CLASS[block.style] : 'govuk-body'] }, inlineNodes(block.inlines, ctx))];
    case 'list':
      return [
        h(
          block.ordered ? 'ol' : 'ul',
          { className: ['govuk-list', block.ordered ? 'govuk-list--number' : 'govuk-list--bullet'], ...(block.ordered && block.start !== 1 ? { start: block.start } : {}) },
          block.items.map((item) => h('li', {}, itemNodes(item, ctx))),
        ),
      ];
    case 'quote':
      return [h('blockquote', { className: ['app-quote'] }, block.blocks.flatMap((b) => blockNodes(b, ctx)))];
    case 'table':
      return tableNodes(block, ctx);
    case 'figure': {
      const size = ctx.imageSizes.get(block.image.name);
      const src = `${ctx.imageBase}${block.image.name}`;
      const caption = block.caption ? [h('figcaption', { className: ['govuk-body-s'] }, [txt(block.caption)])] : [];
      const minWidth = size?.minWidth ? Math.min(DIAGRAM_WIDEST, Math.ceil(size.minWidth / DIAGRAM_STEP) * DIAGRAM_STEP) : 0;
      if (minWidth < DIAGRAM_NARROWEST) {
        const img = h('img', { src, alt: block.alt, ...(size ? { width: size.width, height: size.height } : {}), loading: 'lazy', decoding: 'async' });
        return [h('figure', { className: ['app-figure'] }, [img, ...caption])];
      }
      // A drawing whose text would shrink under 12 px on a narrow screen keeps a width that holds
      // it there, and scrolls sideways in a region of its own (focusable, so keyboards scroll it too);
      // a cue says so where it does not fit, and a link opens the drawing on its own.
      const img = h('img', { className: ['app-figure__diagram', `app-diagram--min-${minWidth}`], src, alt: block.alt, width: size!.width, height: size!.height, loading: 'lazy', decoding: 'async' });
      return [
        h('figure', { className: ['app-figure', 'app-figure--diagram'] }, [
          h('p', { className: ['govuk-body-s', 'app-figure__cue'] }, [
            h('span', { className: [`app-diagram-cue--${minWidth}`] }, [txt(ctx.words.t('documents.diagram-scroll'))]),
            h('a', { className: ['govuk-link'], href: src }, [txt(ctx.words.t('documents.diagram-open'))]),
          ]),
          h('div', { className: ['app-figure__scroll'], tabIndex: 0, role: 'region', ariaLabel: landmarkName(ctx, ctx.words.t('documents.diagram-region', { caption: block.caption ?? ctx.words.t('documents.diagram-figure') })) }, [img]),
          ...caption,
        ]),
      ];
    }
    case 'aside':
      // Labelled by its title so the box can be found among landmarks; the inset text marks it out.
      return [
        h('aside', { className: ['govuk-inset-text', 'app-aside'], ariaLabel: landmarkName(ctx, block.title) }, [
          h('p', { className: ['govuk-body', 'app-aside__title'] }, [h('strong', {}, [txt(block.title)])]),
          ...block.blocks.flatMap((b) => blockNodes(b, ctx)),
        ]),
      ];
    case 'notes':
      return [notesNode(block, ctx)];
    case 'definitions':
      return [
        h(
          'dl',
          { className: ['govuk-summary-list', 'app-definitions'] },
          block.items.map((item) =>
            h('div', { className: ['govuk-summary-list__row'] }, [
              h('dt', { className: ['govuk-summary-list__key'], id: item.id }, [txt(item.term)]),
              h('dd', { className: ['govuk-summary-list__value'] }, [txt(item.definition)]),
            ]),
          ),
        ),
      ];
    case 'rating-line':
      return [h('p', { className: ['govuk-body', 'app-rating-line'] }, [h('strong', {}, [txt(`${block.label}: `)]), ...ratingNodes(block.rating)])];
    case 'thematic-break':
      return [h('hr', { className: ['govuk-section-break', 'govuk-section-break--l', 'govuk-section-break--visible'] })];
    case 'row': {
      // Easy read: the picture on the left, one sentence per line on the right.
      const size = ctx.imageSizes.get(block.picture.name);
      // A picture that is not square (the rating scale, with words on it) gets a wider column.
      const large = size !== undefined && size.width !== size.height;
      return [
        h('div', { className: ['app-easy-row', ...(large ? ['app-easy-row--large'] : [])], id: block.id }, [
          h('img', { className: ['app-easy-row__picture'], src: `${ctx.imageBase}${block.picture.name}`, alt: block.alt, ...(size ? { width: size.width, height: size.height } : {}) }),
          h('div', { className: ['app-easy-row__text'] }, block.sentences.map((sentence) => h('p', { className: ['app-easy-row__sentence'] }, inlineNodes(sentence, ctx)))),
        ]),
      ];
    }
    case 'chart': {
      // The chart as SVG (its title and description are its accessible name), in a narrow and a wide
      // layout of which the page's styles show one, then its data as a table.
      const label = numberedLabel(block, ctx.words);
      return [
        h('figure', { className: ['app-chart-figure'], id: block.id }, [
          h('figcaption', { className: ['govuk-heading-s'] }, [txt(label)]),
          ...chartTrees(block.chart, { id: `${block.id}-svg`, title: label, description: block.description }),
          h('details', { className: ['govuk-details'] }, [
            h('summary', { className: ['govuk-details__summary'] }, [h('span', { className: ['govuk-details__summary-text'] }, [txt(ctx.words.t('documents.data-in-chart'))])]),
            h('div', { className: ['govuk-details__text'] }, tableNodes(block.table, ctx, ctx.words.t('documents.data-in', { label }))),
          ]),
        ]),
      ];
    }
    case 'hard-words':
      return [
        h(
          'dl',
          { className: ['app-hard-words'] },
          // Each word with its picture on the left, as in the rows; the picture goes with the meaning, so the word alone names its entry.
          block.items.map((item) => {
            const size = ctx.imageSizes.get(item.picture.name);
            return h('div', { className: ['app-hard-word'] }, [
              h('dt', { id: item.id }, [h('strong', {}, [txt(item.term)])]),
              h('dd', {}, [
                h('img', { className: ['app-hard-word__picture'], src: `${ctx.imageBase}${item.picture.name}`, alt: item.alt, ...(size ? { width: size.width, height: size.height } : {}) }),
                ...item.sentences.map((sentence) => h('p', { className: ['app-easy-row__sentence'] }, inlineNodes(sentence, ctx))),
              ]),
            ]);
          }),
        ),
      ];
  }
}

/** A list item's first paragraph is drawn as its text, so the list keeps its tight spacing. */
function itemNodes(item: readonly Block[], ctx: RenderContext): ElementContent[] {
  const [first, ...rest] = item;
  if (first?.type !== 'paragraph' || first.style) return item.flatMap((b) => blockNodes(b, ctx));
  return [...inlineNodes(first.inlines, ctx), ...rest.flatMap((b) => blockNodes(b, ctx))];
}

/** `name`: the scrolling region's name when the table has no caption of its own (a chart's data). */
function tableNodes(block: Extract<Block, { type: 'table' }>, ctx: RenderContext, name = ctx.words.t('documents.table')): ElementContent[] {
  const cellNode = (cell: TableCell, head: boolean): Element => {
    const header = head || cell.rowHeader === true;
    const kind = header ? 'header' : 'cell';
    const className = [`govuk-table__${kind}`];
    if (cell.align === 'right') className.push(`govuk-table__${kind}--numeric`);
    if (cell.align === 'center') className.push('app-table__cell--centre');
    if (cell.writingLines) className.push('app-table__cell--write');
    const span = cell.colSpan && cell.colSpan > 1 ? cell.colSpan : undefined;
    const scope = head ? (span ? 'colgroup' : 'col') : header ? 'row' : undefined;
    const data = Object.fromEntries(Object.entries(cell.data ?? {}).map(([key, value]) => [`data-${key}`, value]));
    // A short header ("1.1") is shown as it is and read in full: the short text is hidden from
    // assistive technology, the full text from sight.
    const content = cell.fullText
      ? [h('span', { ariaHidden: 'true' }, inlineNodes(cell.inlines, ctx)), txt('\n'), h('span', { className: ['govuk-visually-hidden'] }, [txt(cell.fullText)])]
      : cell.choices
        ? [h('ul', { className: ['app-tick-boxes'] }, cell.choices.map((choice) => h('li', {}, [txt(choice)])))]
        : inlineNodes(cell.inlines, ctx);
    return h(header ? 'th' : 'td', { className, ...(scope ? { scope } : {}), ...(span ? { colSpan: span } : {}), ...data, ...(stack ? { role: head ? 'columnheader' : header ? 'rowheader' : 'cell' } : {}) }, content);
  };
  // Rows stacked on a narrow screen keep their table roles (a browser may drop them with the display),
  // and each cell is labelled with its column's header.
  const stack = block.stackNarrow === true && block.head.length === 1;
  const labels = stack ? block.head[0]!.flatMap((c) => Array.from({ length: c.colSpan ?? 1 }, () => inlineText(c.inlines))) : [];
  const withLabels = (cells: TableCell[]) => {
    let column = 0;
    return cells.map((c) => {
      const label = labels[column];
      column += c.colSpan ?? 1;
      return !c.rowHeader && label ? { ...c, data: { ...c.data, label } } : c;
    });
  };
  const columns = Math.max(0, ...[...block.head, ...block.rows].map((r) => r.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
  // A row that is one header across the whole table heads a group of rows (a domain above its standards).
  const isGroup = (cells: TableCell[]) => cells.length === 1 && columns > 1 && cells[0]!.rowHeader === true && cells[0]!.colSpan === columns;
  const row = (cells: TableCell[], head: boolean) =>
    h('tr', { className: ['govuk-table__row', ...(!head && isGroup(cells) ? ['app-table__group-row'] : [])], ...(stack ? { role: 'row' } : {}) }, (head || !stack ? cells : withLabels(cells)).map((c) => cellNode(c, head)));
  const group = stack ? { role: 'rowgroup' } : {};
  const table = h('table', { className: ['govuk-table'], ...(stack ? { role: 'table' } : {}) }, [
    ...(block.caption ? [h('caption', { className: ['govuk-table__caption', 'govuk-table__caption--s'] }, [txt(numberedLabel(block, ctx.words))])] : []),
    ...(block.head.length ? [h('thead', { className: ['govuk-table__head'], ...group }, block.head.map((r) => row(r, true)))] : []),
    h('tbody', { className: ['govuk-table__body'], ...group }, block.rows.map((r) => row(r, false))),
  ]);
  // The wrapper scrolls a wide table sideways on a narrow screen instead of widening the page.
  // Tables of four columns or more may use the page's full width; narrower ones keep to the text's.
  // Focusable and named, so keyboard users can scroll it too (WCAG 2.1.1).
  // A numbered table ("Table 2: …") is a link target, from the list of figures and tables.
  const wrapper = h('div', { className: ['app-table-wrapper', ...(columns >= 4 ? ['app-table-wrapper--wide'] : []), ...(stack ? ['app-table--stack-narrow'] : [])], ...(block.number !== undefined && block.id ? { id: block.id } : {}), tabIndex: 0, role: 'region', ariaLabel: landmarkName(ctx, block.caption ? numberedLabel(block, ctx.words) : name) }, [table]);
  return block.note ? [wrapper, h('p', { className: ['govuk-body-s', 'app-table-note'] }, inlineNodes(block.note, ctx))] : [wrapper];
}

function notesNode(block: Extract<Block, { type: 'notes' }>, ctx: RenderContext): Element {
  const level = Math.min(6, Math.max(2, ctx.headingLevel + 1));
  const first = block.notes[0]?.number ?? 1;
  return h('div', { className: ['app-notes'] }, [
    h(`h${level}`, { className: ['govuk-heading-s'] }, [txt(ctx.words.t('documents.notes'))]),
    h(
      'ol',
      { className: ['govuk-list', 'govuk-list--number', 'app-notes__list'], ...(first !== 1 ? { start: first } : {}) },
      block.notes.map((note) => {
        // Back to where the note was first referred to, when that is on this page.
        const back = ctx.noteRefs.has(note.id)
          ? [txt(' '), h('a', { className: ['govuk-link', 'app-notes__back'], href: `#${noteRefId(note.number, 1)}` }, [txt(ctx.words.t('documents.back-to-text')), h('span', { className: ['govuk-visually-hidden'] }, [txt(ctx.words.t('documents.back-to-text-note', { number: note.number }))])])]
          : [];
        const content = itemNodes(note.blocks, ctx);
        // The back link joins the note's last paragraph rather than standing on a line of its own.
        const last = content[content.length - 1];
        if (last?.type === 'element' && last.tagName === 'p') last.children.push(...back);
        else content.push(...back);
        return h('li', { id: note.id, value: String(note.number) }, content);
      }),
    ),
  ]);
}

const noteRefId = (number: number, occurrence: number) => (occurrence === 1 ? `note-ref-${number}` : `note-ref-${number}-${occurrence}`);

function inlineNodes(inlines: readonly Inline[], ctx: RenderContext): ElementContent[] {
  return inlines.flatMap((inline): ElementContent[] => {
    switch (inline.type) {
      case 'text': {
        let node: ElementContent = txt(inline.value);
        if (inline.italic) node = h('em', {}, [node]);
        if (inline.bold) node = h('strong', {}, [node]);
        return [node];
      }
      case 'link':
        // An address the link policy refuses is never published: its words stay, as text.
        if (!isSafeLink(inline.url)) return inlineNodes(inline.children, ctx);
        return [h('a', { className: ['govuk-link'], href: inline.url }, inlineNodes(inline.children, ctx))];
      case 'rating':
        return ratingNodes(inline);
      case 'note-ref': {
        const occurrence = (ctx.noteRefs.get(inline.noteId) ?? 0) + 1;
        ctx.noteRefs.set(inline.noteId, occurrence);
        return [
          h('sup', { className: ['app-note-ref'] }, [
            h('a', { className: ['govuk-link'], href: `#${inline.noteId}`, id: noteRefId(inline.number, occurrence) }, [txt('['), h('span', { className: ['govuk-visually-hidden'] }, [txt(ctx.words.t('documents.note-ref'))]), txt(`${inline.number}]`)]),
          ]),
        ];
      }
      case 'break':
        return [h('br')];
      case 'section-ref':
        return [h('a', { className: ['govuk-link'], href: `#${inline.target}` }, [txt(inline.phrase)])];
    }
  });
}

/** The word, its symbol and the professional judgement mark: colour is only ever a third cue. */
function ratingNodes(rating: RatingInline): ElementContent[] {
  const shape = ratingSymbolPaths[rating.symbol];
  const paint = shape.filled ? { fill: shape.colour } : { fill: 'none', stroke: shape.colour, strokeWidth: '1.2' };
  const svg = s('svg', { className: ['app-rating__symbol'], viewBox: '0 0 10 10', width: 16, height: 16, ariaHidden: 'true', focusable: 'false' }, [s('path', { d: shape.path, ...paint })]);
  // The symbol is kept on the line of the first word; a long label may still wrap in a narrow column.
  const [first = '', ...rest] = rating.label.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  return [
    h('span', { className: ['app-rating', `app-rating--${rating.symbol}`] }, [
      h('span', { className: ['app-rating__lead'] }, [svg, txt(first)]),
      ...(tail ? [txt(tail)] : []),
      ...(rating.mark ? [h('span', { className: ['app-rating__mark'] }, [txt(rating.mark)])] : []),
    ]),
  ];
}
