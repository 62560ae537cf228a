/**
 * The ratings tables built from the project read in Welsh (published in English only, but made by
 * the same code): the landscape document, the page's table and key, and the open data's column
 * descriptions carry no English message value, so every word the tool writes in them is a message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { ratingsDocument, ratingsExplanation, ratingsKey } from '../../src/document/ratings-document.ts';
import { judgementNoteItems, ratingsRecords, ratingsTable } from '../../src/document/ratings-table.ts';
import { inlineText, type DocumentModel } from '../../src/document/blocks.ts';
import { projectIn } from '../../src/model/translations.ts';
import { isPublic, type Project } from '../../src/model/project.ts';
import { blocksText, englishFragments, englishWords, ownWords } from '../support/welsh.ts';
import { BUILD_DATE } from '../support/shared-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
let english: Project;
let welsh: Project;

beforeAll(() => {
  ({ project: english } = loadProject(root));
  welsh = projectIn(english, 'cy');
}, 60_000);

/** Every word of a document: its metadata, running header, cover, credits and body. */
const documentText = (document: DocumentModel) => [document.title, document.subtitle, document.subject, document.runningHeader, ...document.keywords, blocksText(document.cover), blocksText(document.credits), blocksText(document.body)].join('\n');

/**
 * Every public inspection, each with its framework in the view's language: a table in Welsh lists
 * the inspections of services in England too (reports in English only), and so has ratings by
 * professional judgement and the notes about them to write in Welsh.
 */
function every(project: Project) {
  const frameworkIn = (id: string) => project.frameworks.find((f) => f.id === id)!;
  const own = new Set(project.inspections.map((i) => i.slug));
  return [...project.inspections, ...english.inspections.filter((i) => !own.has(i.slug)).map((i) => ({ ...i, framework: frameworkIn(i.framework.id) }))].filter((i) => isPublic(i, BUILD_DATE));
}

/** Everything the ratings tables write, from one view of the project: every edition of the document, the page's table, key and notes, the open data's descriptions. */
function ratingsText(project: Project): string {
  const m = project.messages[project.lang];
  const published = every(project);
  const years = [...new Set(published.map((i) => i.source.fieldwork.start.slice(0, 4)))];
  const inYear = (year: string) => published.filter((i) => i.source.fieldwork.start.startsWith(year));
  const documents = [
    ratingsDocument(project, published),
    ...years.map((year) => ratingsDocument(project, inYear(year), { period: { from: `${year}-01-01`, to: `${year}-12-31` } })),
    // A period that is not a calendar year, one inspection, and none.
    ratingsDocument(project, published, { period: { from: '2018-10-01', to: '2026-09-30' } }),
    ratingsDocument(project, published.slice(0, 1), { period: { from: '2018-10-01', to: '2026-09-30' } }),
    ratingsDocument(project, [], { buildDate: BUILD_DATE }),
  ];
  const key = ratingsKey(published, m);
  return [
    ...documents.map(documentText),
    blocksText([ratingsTable(published, { caption: m.t('ratings.page.caption-all'), messages: m, href: (slug) => `/inspections/${slug}/` })]),
    blocksText([...key.symbols, key.standards, ...ratingsExplanation(published, m)]),
    ...judgementNoteItems(published, { messages: m, href: (slug) => `/inspections/${slug}/` }).map((item) => inlineText(item.inlines)),
    ...ratingsRecords(published, m).columns.map((column) => column.description),
  ].join('\n');
}

describe('the ratings tables built in Welsh', () => {
  it('are in cy, with a Welsh title and no English message value in any word the tool writes', () => {
    const started = performance.now();
    // The ratings messages, the renderers' words, and the messages of other areas the tables reuse
    // (not all of those areas: the English reports' own text, shown as it is, uses some of their words).
    const areas = /^(ratings|documents)\.|^site\.(score-not-published|inspections-table|dates|facets|nations)\.?|^report\.(subtitle|keyword|credits|tables\.standard|methodology\.domain)/;
    const fragments = englishFragments(english.messages, areas);
    // Words too short to look for inside a text ("Key", "Score"): no line may be one of them.
    const words = [...englishWords(english.messages.en, english.messages.cy, areas).wholeTexts].filter((word) => word.length < 12);
    const cy = ratingsText(welsh);
    const en = ratingsText(english);
    const document = ratingsDocument(welsh, welsh.inspections.filter((i) => isPublic(i, BUILD_DATE)));
    expect(document.language).toBe('cy');
    expect(document.title).toBe(welsh.messages.cy.t('ratings.title'));
    expect(document.title).not.toBe(english.messages.en.t('ratings.title'));
    // The fragments are the words the English tables are written in: were a Welsh one left English, it would be found.
    const inEnglish = fragments.filter((fragment) => en.includes(fragment));
    expect(inEnglish.length, 'English message words found in the English tables').toBeGreaterThan(40);
    expect(fragments.filter((fragment) => cy.includes(fragment))).toEqual([]);
    // Short words ("Key", "Score") are looked for as whole headings, cells and keywords.
    const lines = (text: string) => new Set(text.split('\n').map((line) => line.trim()));
    expect(words.filter((word) => lines(en).has(word)).length, 'short English message words found in the English tables').toBeGreaterThan(5);
    const cyLines = lines(cy);
    expect(words.filter((word) => cyLines.has(word))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('are built from inspections with a historic record, a rating by professional judgement and a scaled score, so that every note is written, and checked, in Welsh', () => {
    const published = every(welsh);
    expect(published.some((i) => i.historic)).toBe(true);
    expect(published.some((i) => i.rating.standards.some((s) => s.professionalJudgement))).toBe(true);
    expect(published.some((i) => i.rating.composite.maximum !== 36 && i.rating.composite.maximum > 0)).toBe(true);
    expect(published.every((i) => welsh.frameworks.includes(i.framework))).toBe(true);
  });

  it('the ratings page writes no word of its own: its markup shows only expressions (messages), its script only the words it is given', () => {
    expect(ownWords(fs.readFileSync(path.join(root, 'src/components/RatingsPage.astro'), 'utf8'))).toEqual({ markup: [], script: [] });
  });
});
