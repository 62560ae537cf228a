/** The report page: blocks drawn as HTML, then the real built page of Dudley 2019 read as a browser would. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import sharp from 'sharp';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../src/document/blocks.ts';
import { normaliseImage } from '../../src/document/images.ts';
import { ratingSymbolPaths } from '../../src/document/rating-symbols.ts';
import { renderBlocks, renderContents, renderContext, renderInlines } from '../../src/html/render-blocks.ts';
import { pdfFactsText } from '../../src/site/pdf-facts.ts';
import { messagesIn } from '../support/messages.ts';
import { loadProject } from '../../src/check/load-project.ts';
import { isPublic } from '../../src/model/project.ts';
import { compositeText, countText, percentText, quotableQuestions, sampleCount } from '../../src/document/figure-references.ts';
import { BUILD_DATE, sharedSite, unplannedStderr } from '../support/shared-site.ts';

const words = () => messagesIn('en');
const ctx = () => renderContext({ words: words() });
const parse = (html: string): Root => fromHtml(html, { fragment: true });
const textOf = (node: Root | Element): string =>
  node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
const attr = (node: Element | undefined, name: string) => node?.properties[name];

const good: Extract<Inline, { type: 'rating' }> = { type: 'rating', rating: 'good', label: 'Good', mark: '*', symbol: 'circle' };
const text = (value: string, style: { bold?: boolean; italic?: boolean } = {}): Inline => ({ type: 'text', value, ...style });
const paragraph = (...inlines: Inline[]): Block => ({ type: 'paragraph', inlines });

/** One block of every type: the Record makes TypeScript refuse a block type without a sample here. */
const sample: Record<Block['type'], Block[]> = {
  heading: [1, 2, 3, 4].map((level) => ({ type: 'heading', level: level as 1 | 2 | 3 | 4, id: `h-${level}`, text: `Heading ${level}`, inContents: level <= 3 })),
  paragraph: [paragraph(text('Plain '), text('bold', { bold: true }), text(' and '), text('italic', { italic: true })), { type: 'paragraph', inlines: [text('Small print')], style: 'small' }],
  list: [
    { type: 'list', ordered: true, start: 3, items: [[paragraph(text('Third'))], [paragraph(text('Fourth')), { type: 'list', ordered: false, start: 1, items: [[paragraph(text('Nested'))]] }]] },
  ],
  quote: [{ type: 'quote', blocks: [paragraph(text('We finally have a board that asks about our children by name.'))] }],
  table: [
    {
      type: 'table',
      caption: 'Ratings',
      head: [[{ inlines: [text('Standard')] }, { inlines: [text('Cases')], align: 'right' }]],
      rows: [
        [{ inlines: [text('1. Domain')], rowHeader: true, colSpan: 2 }],
        [{ inlines: [text('1.1 Governance')], rowHeader: true }, { inlines: [text('47% (8 of 17)')], align: 'right' }],
        [{ inlines: [text('1.2 Staff')], rowHeader: true }, { inlines: [good] }],
      ],
      note: [text('*Professional judgement applied.')],
    },
  ],
  figure: [{ type: 'figure', image: { source: '/content/team.png', name: 'team.png' }, alt: 'How the team is organised', caption: 'The team in 2019' }],
  aside: [{ type: 'aside', title: 'Good practice example', blocks: [paragraph(text('The case manager visited the school.'))] }],
  notes: [{ type: 'notes', notes: [{ id: 'note-1', number: 1, blocks: [paragraph(text('Youth Justice Board figures.'))] }] }],
  definitions: [{ type: 'definitions', items: [{ id: 'term-desistance', term: 'Desistance', definition: 'Stopping offending.' }] }],
  'rating-line': [{ type: 'rating-line', label: 'Rating', rating: good }],
  'thematic-break': [{ type: 'thematic-break' }],
  row: [{ type: 'row', id: 'row-1', picture: { source: '/x/pic.svg', name: 'pic.png' }, alt: 'A worker and a child', sentences: [[text('We met children.')], [text('They told us what they thought.')]] }],
  chart: [
    {
      type: 'chart',
      id: 'figure-1',
      number: 1,
      title: 'Overall ratings by year',
      description: 'A bar chart of inspections by overall rating and year.',
      chart: { kind: 'bar', categories: ['2023', '2024'], series: [{ name: 'Good', values: [2, 1] }], unit: 'count', valueLabel: 'Inspections' },
      table: { type: 'table', caption: 'Overall ratings by year', head: [[{ inlines: [text('Year')] }, { inlines: [text('Good')] }]], rows: [[{ inlines: [text('2023')], rowHeader: true }, { inlines: [text('2')] }]] },
    },
  ],
  'hard-words': [{ type: 'hard-words', items: [{ id: 'hard-word-desistance', term: 'Desistance', picture: { source: '/x/book.svg', name: 'book.png' }, alt: 'An open book', sentences: [[text('Stopping crime.')]], usedIn: ['row-1'] }] }],
};

describe('render-blocks', () => {
  it('draws every block type, with GOV.UK classes', () => {
    const blocks = [paragraph(text('See'), { type: 'note-ref', number: 1, noteId: 'note-1' }), ...Object.values(sample).flat()];
    const tree = parse(renderBlocks(blocks, renderContext({ words: words(), imageSizes: new Map([['team.png', { width: 1600, height: 800 }]]) })));
    for (const level of [1, 2, 3, 4]) expect(attr(select(`h${level}#h-${level}`, tree), 'className')).toEqual([`govuk-heading-${['xl', 'l', 'm', 's'][level - 1]}`]);
    expect(selectAll('p.govuk-body-s', tree).map(textOf)).toContain('Small print');
    expect(select('strong', tree) && textOf(select('strong', tree)!)).toBe('bold');
    expect(textOf(select('em', tree)!)).toBe('italic');
    expect(attr(select('ol.govuk-list--number', tree), 'start')).toBe(3);
    expect(textOf(select('ol > li > ul.govuk-list--bullet > li', tree)!)).toBe('Nested');
    expect(textOf(select('blockquote', tree)!)).toContain('asks about our children');
    expect(select('aside.govuk-inset-text', tree) && textOf(select('aside.govuk-inset-text strong', tree)!)).toBe('Good practice example');
    expect(selectAll('dl.govuk-summary-list dt#term-desistance', tree)).toHaveLength(1);
    expect(textOf(select('dl dd', tree)!)).toBe('Stopping offending.');
    expect(select('hr.govuk-section-break', tree)).toBeDefined();
    const figure = select('figure', tree)!;
    const img = select('img', figure)!;
    expect([attr(img, 'src'), attr(img, 'alt'), attr(img, 'width'), attr(img, 'height')]).toEqual(['./images/team.png', 'How the team is organised', 1600, 800]);
    expect(textOf(select('figcaption', figure)!)).toBe('The team in 2019');
  });

  it('shows ratings as their word, a distinct hidden symbol and the mark, never by colour alone', () => {
    const tree = parse(renderBlocks(sample['rating-line']!, ctx()));
    expect(squash(textOf(tree))).toBe('Rating: Good*');
    const svg = select('svg', tree)!;
    expect(attr(svg, 'ariaHidden')).toBe('true');
    expect(attr(svg, 'focusable')).toBe('false');
    expect(attr(select('path', svg), 'd')).toBe(ratingSymbolPaths.circle.path);
    // Every symbol draws its own shape.
    const shapes = Object.keys(ratingSymbolPaths).map((symbol) => {
      const html = renderInlines([{ ...good, symbol: symbol as keyof typeof ratingSymbolPaths, mark: '' }], ctx());
      return attr(select('path', parse(html)), 'd');
    });
    expect(new Set(shapes).size).toBe(5);
  });

  it('gives rating symbols colours that stand out from white (3:1 for graphics)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const [symbol, { colour }] of Object.entries(ratingSymbolPaths)) expect(1.05 / (luminance(colour) + 0.05), symbol).toBeGreaterThanOrEqual(3);
  });

  it('draws tables with a caption, column and row header scopes, spans, numeric alignment and the note under it', () => {
    const tree = parse(renderBlocks(sample.table!, ctx()));
    expect(textOf(select('table > caption', tree)!)).toBe('Ratings');
    expect(selectAll('thead th', tree).map((th) => attr(th, 'scope'))).toEqual(['col', 'col']);
    expect(selectAll('tbody th', tree).map((th) => [textOf(th), attr(th, 'scope')])).toEqual([
      ['1. Domain', 'row'],
      ['1.1 Governance', 'row'],
      ['1.2 Staff', 'row'],
    ]);
    expect(attr(select('tbody th', tree), 'colSpan')).toBe(2);
    expect(selectAll('td.govuk-table__cell--numeric', tree).map(textOf)).toEqual(['47% (8 of 17)']);
    expect(squash(textOf(select('tbody tr:last-child td', tree)!))).toBe('Good*');
    expect(textOf(select('.app-table-wrapper + p', tree)!)).toBe('*Professional judgement applied.');
  });

  it('writes its cells, rows and headings apart, so the search index reads them as separate words', () => {
    // Pagefind reads a page's text as its text nodes run on, tags (and a chart's SVG) taken away.
    const indexed = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>|<[^>]*>/g, '').split(/\s+/).filter(Boolean);
    const words = indexed(renderBlocks([...sample.heading!, ...sample.table!, ...sample.chart!], ctx()));
    for (const word of ['4', 'Ratings', 'Standard', 'Cases', 'Domain', '1.1', 'Governance', '(8', '17)', '1.2', 'Staff', 'Good*', 'year', 'The']) expect(words).toContain(word);
    expect(words.filter((w) => /[a-z][A-Z0-9]|\d[A-Z]/.test(w))).toEqual([]);
    const short: Block = { type: 'table', caption: '', head: [[{ inlines: [text('1.1')], fullText: '1.1 Governance and leadership' }]], rows: [[{ inlines: [text('Resettlement')] }]] };
    expect(indexed(renderBlocks([short], ctx()))).toEqual(['1.1', '1.1', 'Governance', 'and', 'leadership', 'Resettlement']);
  });

  it('gives every table region and aside of a page its own name, numbering a repeated one', () => {
    const table = sample.table![0] as Extract<Block, { type: 'table' }>;
    const aside: Block = { type: 'aside', title: 'Please note', blocks: [paragraph(text('Caveat'))] };
    const tree = parse(renderBlocks([table, aside, table, aside, { ...table, caption: '' }, { ...table, caption: '' }], ctx()));
    expect(selectAll('[role=region], aside', tree).map((node) => attr(node, 'ariaLabel'))).toEqual(['Ratings', 'Please note', 'Ratings (2)', 'Please note (2)', 'Table', 'Table (2)']);
  });

  it('links note references and notes both ways, with unique ids when a note is referred to twice', () => {
    const ref: Inline = { type: 'note-ref', number: 1, noteId: 'note-1' };
    const tree = parse(renderBlocks([paragraph(text('Once'), ref), paragraph(text('Twice'), ref), ...sample.notes!], ctx()));
    const ids = selectAll('[id]', tree).map((node) => String(attr(node, 'id')));
    expect(new Set(ids).size).toBe(ids.length);
    const refs = selectAll('sup a', tree);
    expect(refs.map((a) => squash(textOf(a)))).toEqual(['[note 1]', '[note 1]']);
    for (const a of refs) expect(attr(a, 'href')).toBe('#note-1');
    expect(ids).toContain('note-1');
    const back = select('li#note-1 a', tree)!;
    expect(ids).toContain(String(attr(back, 'href')).slice(1));
    expect(attr(back, 'href')).toBe(`#${attr(refs[0], 'id')}`);
  });

  it('escapes text and keeps links and line breaks', () => {
    const html = renderInlines([text('<script>alert(1)</script> & more'), { type: 'break' }, { type: 'link', url: 'https://example.org/?a=1&b=2', children: [text('a link')] }], ctx());
    expect(html).not.toContain('<script>');
    const tree = parse(html);
    expect(textOf(tree)).toContain('<script>alert(1)</script> & more');
    expect(select('br', tree)).toBeDefined();
    expect(attr(select('a', tree), 'href')).toBe('https://example.org/?a=1&b=2');
  });

  it('nests level 3 contents entries under their level 2 entry', () => {
    const tree = parse(
      renderContents([
        { id: 'foreword', text: 'Foreword', level: 2 },
        { id: 'domain-1', text: '1. Organisational delivery', level: 2 },
        { id: 'standard-1-1', text: '1.1 Governance', level: 3 },
      ], 'contents', words()),
    );
    const nav = select('nav', tree)!;
    expect(attr(select('#' + String(attr(nav, 'ariaLabelledBy')), tree), 'id')).toBeDefined();
    expect(selectAll('nav > ol > li > a', tree).map((a) => attr(a, 'href'))).toEqual(['#foreword', '#domain-1']);
    expect(selectAll('nav > ol > li > ol > li > a', tree).map((a) => attr(a, 'href'))).toEqual(['#standard-1-1']);
  });

  it('describes the PDF download in pages and KB, or MB from 1 MB', () => {
    expect(pdfFactsText(words(), { pageCount: 34, size: 410 * 1024 })).toBe('PDF, 34 pages, 410 KB');
    expect(pdfFactsText(words(), { pageCount: 1, size: 200 })).toBe('PDF, 1 page, 1 KB');
    expect(pdfFactsText(words(), { pageCount: 80, size: 1.26 * 1024 * 1024 })).toBe('PDF, 80 pages, 1.3 MB');
  });
});

describe('normaliseImage', () => {
  let folder: string;
  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'images-'));
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('narrows wide pictures to 1600 px, never enlarges, and writes JPEG for .jpg names', async () => {
    const wide = path.join(folder, 'wide.png');
    const small = path.join(folder, 'small.jpg');
    await sharp({ create: { width: 2400, height: 1200, channels: 4, background: '#1d70b8' } }).png().toFile(wide);
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#00703c' } }).withMetadata({ exif: { IFD0: { Copyright: 'secret' } } }).jpeg().toFile(small);
    const a = await normaliseImage({ source: wide, name: 'wide.png' });
    expect([a.width, a.height, a.format]).toEqual([1600, 800, 'png']);
    expect((await sharp(a.data).metadata()).width).toBe(1600);
    const b = await normaliseImage({ source: small, name: 'small.jpg' });
    expect([b.width, b.height, b.format]).toEqual([300, 200, 'jpeg']);
    const meta = await sharp(b.data).metadata();
    expect([meta.format, meta.exif]).toEqual(['jpeg', undefined]);
    expect(await normaliseImage({ source: small, name: 'small.jpg' })).toBe(b);
  });
});

describe('the built report page of Dudley 2019', () => {
  const buildDate = BUILD_DATE;
  let project: string;
  let dist: string;
  let page: Root;
  let main: Element;
  /** The shared build's checked model, loaded once for the tests that compare the page with it. */
  let loadedModel: ReturnType<typeof loadProject>['project'] | undefined;
  const model = () => (loadedModel ??= loadProject(project).project);

  beforeAll(async () => {
    // The shared build has a picture and a footnote planted in this report (planted.ts), so images and notes are drawn by a real build.
    const shared = await sharedSite();
    expect(unplannedStderr(shared.stderr)).toBe('');
    project = shared.project;
    dist = shared.dist;
    page = fromHtml(fs.readFileSync(path.join(dist, 'inspections/dudley-2019/index.html'), 'utf8'));
    main = select('main', page)!;
  }, 600_000);

  const isSubsequence = (wanted: string[], within: string[]) => {
    let at = 0;
    for (const item of within) if (item === wanted[at]) at++;
    return at === wanted.length;
  };

  it('is an English page with the report title, breadcrumbs and the cover', () => {
    expect(attr(select('html', page), 'lang')).toBe('en-GB');
    expect(textOf(select('title', page)!)).toContain('An inspection of Dudley Youth Offending Service');
    expect(textOf(select('h1', main)!)).toBe('An inspection of Dudley Youth Offending Service');
    expect(selectAll('.govuk-breadcrumbs a', page).map((a) => attr(a, 'href'))).toEqual(['/', '/inspections/', '/services/dudley/']);
    const cover = squash(textOf(select('.app-cover', main)!));
    expect(cover).toContain('Published 13 June 2019');
    expect(cover).toContain('Fieldwork 1 April 2019 to 5 April 2019');
    expect(cover).toContain('Overall rating: Requires improvement');
  });

  it('has every section heading of the report in the template order, then the credits', () => {
    const h2 = selectAll('h2', main).map((h) => squash(textOf(h)));
    const order = ['Foreword', 'Overall findings', 'Summary of ratings', 'Recommendations', 'Introduction', 'Contextual facts', '1. Organisational delivery', '2. Court disposals', '3. Out-of-court disposals', 'Annex 1: Methodology', 'Annex 2: Inspection results', 'Annex 3: Glossary', 'Acknowledgements'];
    expect(isSubsequence(['Contents', ...order], h2), h2.join(' | ')).toBe(true);
    const h3 = selectAll('h3', main).map((h) => squash(textOf(h)));
    const standards = ['1.1 Governance and leadership', '1.2 Staff', '1.3 Partnerships and services', '1.4 Information and facilities', '2.1 Assessment', '2.2 Planning', '2.3 Implementation and delivery', '2.4 Reviewing', '3.1 Assessment', '3.2 Planning', '3.3 Implementation and delivery', '3.4 Joint working'];
    expect(isSubsequence(standards, h3), h3.join(' | ')).toBe(true);
    expect(textOf(main)).toContain('Open Government Licence v3.0');
  });

  it('has a contents list of every level 2 heading with the level 3 headings under them', () => {
    const nav = select('nav.app-contents', main)!;
    const top = selectAll(':scope > ol > li > a', nav).map((a) => squash(textOf(a)));
    expect(top.slice(0, 3)).toEqual(['Foreword', 'Overall findings', 'Summary of ratings']);
    expect(top).toContain('Annex 3: Glossary');
    const underCourt = selectAll(':scope > ol > li', nav)
      .find((li) => squash(textOf(select('a', li)!)) === '2. Court disposals')!;
    expect(selectAll('ol a', underCourt).map((a) => squash(textOf(a)))).toEqual(['2.1 Assessment', '2.2 Planning', '2.3 Implementation and delivery', '2.4 Reviewing']);
  });

  it('shows the computed figures of the model', () => {
    const all = squash(textOf(main));
    expect(all).toContain('Overall, Dudley is rated: Requires improvement.');
    expect(all).toContain('15 out of 36');
    const summary = selectAll('table', main).find((t) => textOf(select('caption', t)!).startsWith('Ratings for'))!;
    const row = selectAll('tr', summary).find((tr) => squash(textOf(select('th', tr)!)) === '3.4 Joint working')!;
    expect(squash(textOf(select('td', row)!))).toBe('Good*');
    expect(select('td svg[aria-hidden="true"]', row)).toBeDefined();
    expect(all).toContain('*Professional judgement applied.');
    const question = selectAll('tr', main).find((tr) => squash(textOf(select('th', tr) ?? tr)).startsWith('2.4.3 '))!;
    expect(squash(textOf(select('td', question)!))).toMatch(/^47% /);
  });

  it('shows the figures the narrative quotes (<Percent />, <Count />, <Composite />, <Sample />) as the model computes them, as plain text', () => {
    const dudley = model().inspections.find((i) => i.slug === 'dudley-2019')!;
    const question = (id: string) => quotableQuestions(dudley.rating).find((q) => q.id === id)!;
    const paragraphs = selectAll('p', main).map((p) => squash(textOf(p)));
    const has = (wanted: string) => expect(paragraphs.some((p) => p.includes(wanted)), wanted).toBe(true);
    has(`the standards scored ${compositeText(dudley.rating)}, and we have rated Dudley YOS as Requires improvement.`);
    has(`inspected ${sampleCount(dudley.rating, 'court')} court cases and ${sampleCount(dudley.rating, 'out-of-court')} out-of-court cases`);
    has(`it was sufficient in ${countText(question('2.1.1'))} cases.`);
    has(`only ${percentText(question('2.1.3'))} of the assessments were sufficient.`);
  });

  it('has a working target for every link within the page', () => {
    const ids = new Set(selectAll('[id]', page).map((node) => String(attr(node, 'id'))));
    const targets = selectAll('a[href^="#"]', page).map((a) => String(attr(a, 'href')).slice(1));
    expect(targets.length).toBeGreaterThan(30);
    expect(targets.filter((id) => !ids.has(decodeURIComponent(id)))).toEqual([]);
    expect(targets).toContain('note-1');
    expect(targets).toContain('note-ref-1');
  });

  it('states the real page count and size of the PDF it links to', async () => {
    const link = selectAll('a', main).find((a) => squash(textOf(a)).startsWith('Download the report'))!;
    expect(attr(link, 'href')).toBe('report.pdf');
    const bytes = fs.readFileSync(path.join(dist, 'inspections/dudley-2019/report.pdf'));
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const match = /^Download the report \(PDF, (\d+) pages?, (\d+) KB\)$/.exec(squash(textOf(link)));
    expect(match, squash(textOf(link))).not.toBeNull();
    expect(Number(match![1])).toBe(pdf.numPages);
    expect(Number(match![2])).toBe(Math.round(bytes.length / 1024));
  });

  it('has a page for every public inspection and none for drafts or embargoed reports', () => {
    const loaded = model();
    // A report's folder has its PDF; inspections/ also holds the list's filter pages (rating/, year/…).
    const pages = fs.readdirSync(path.join(dist, 'inspections')).filter((slug) => fs.existsSync(path.join(dist, 'inspections', slug, 'report.pdf')));
    // A historic record has a page but no PDF (tests/site/historic.test.ts).
    const publicOnes = loaded.inspections.filter((i) => isPublic(i, buildDate));
    expect(pages.sort()).toEqual(publicOnes.filter((i) => !i.historic).map((i) => i.slug).sort());
    for (const { slug } of publicOnes) expect(fs.existsSync(path.join(dist, 'inspections', slug, 'index.html')), slug).toBe(true);
    for (const hidden of ['saltmarsh-2026', 'aberwyn-2026']) expect(fs.existsSync(path.join(dist, 'inspections', hidden))).toBe(false);
    // The inspections list links every one (the home page shows the latest).
    const index = fromHtml(fs.readFileSync(path.join(dist, 'inspections/index.html'), 'utf8'));
    const links = selectAll('main a', index).map((a) => String(attr(a, 'href')));
    for (const slug of pages) expect(links).toContain(`/inspections/${slug}/`);
  });

  it('serves every picture it shows, at the width and height it states', async () => {
    let shown = 0;
    for (const slug of fs.readdirSync(path.join(dist, 'inspections')).filter((slug) => fs.existsSync(path.join(dist, 'inspections', slug, 'report.pdf')))) {
      const html = fromHtml(fs.readFileSync(path.join(dist, 'inspections', slug, 'index.html'), 'utf8'));
      for (const img of selectAll('main img', html)) {
        const file = path.join(dist, 'inspections', slug, String(attr(img, 'src')));
        expect(fs.existsSync(file), file).toBe(true);
        const meta = await sharp(file).metadata();
        expect([attr(img, 'width'), attr(img, 'height')]).toEqual([meta.width, meta.height]);
        expect(String(attr(img, 'alt'))).not.toBe('');
        shown++;
      }
    }
    expect(shown).toBeGreaterThan(0);
    const figure = select('figure', main)!;
    expect([attr(select('img', figure), 'width'), textOf(select('figcaption', figure)!)]).toEqual([1600, 'The team in 2019']);
  });
});
