/**
 * The recommendations tracker and the open data's descriptions made from the project read in Welsh:
 * every word the tool writes in them comes from the messages, so none of the English words of the
 * tracker and data areas is left (the outputs are still published in English only; these are the
 * Welsh versions the same code would make). Built in process from the sample content: no site build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { trackerDocument } from '../../src/document/tracker-document.ts';
import { dataFiles, keyQuestionJson } from '../../src/document/data-files.ts';
import { dataDictionaryBlocks } from '../../src/site/data-dictionary.ts';
import { siteIn, siteOf, type Site } from '../../src/site/site.ts';
import type { Project } from '../../src/model/project.ts';
import { publishedInspection } from '../../src/model/publish.ts';
import { englishWords, type EnglishWords } from '../support/welsh.ts';
import { BUILD_DATE } from '../support/shared-site.ts';

/** Every string a document model or block list holds for people to read: not its ids, addresses or renderer words. */
function textsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) textsOf(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) if (!['id', 'url', 'target', 'noteId', 'type', 'words', 'language', 'date', 'kind', 'symbol', 'rating'].includes(key)) textsOf(inner, into);
  }
  return into;
}

/** `identifiers`: texts that are names for programs (column names such as "percent" or "year"), the same in every language. */
function expectNoEnglish(texts: readonly string[], words: EnglishWords, identifiers: ReadonlySet<string> = new Set()) {
  // Column names are identifiers, the same in every language, even where one reads like an English message ("composite score").
  const all = texts.filter((text) => !identifiers.has(text)).join('\n');
  expect(words.fragments.length, 'English fragments to look for').toBeGreaterThan(20);
  for (const fragment of words.fragments) expect(all, fragment).not.toContain(fragment);
  for (const text of texts) if (!identifiers.has(text)) expect(words.wholeTexts.has(text.trim()), text).toBe(false);
}

let english: Site;
let welsh: Site;
let project: Project;

beforeAll(() => {
  ({ project } = loadProject(process.cwd()));
  english = siteOf(project, { buildDate: BUILD_DATE, drafts: false });
  welsh = siteIn(english, 'cy');
});

describe('the tracker and the open data from the project read in Welsh', () => {
  it('the tracker document is in Welsh: every word the tool writes from the tracker and report messages', () => {
    const document = trackerDocument(welsh.project, welsh.thematics, { buildDate: BUILD_DATE, fullReport: () => '/thematic/x/report/' });
    expect(document.language).toBe('cy');
    expect(document.title).toBe(welsh.project.messages.cy.t('tracker.title'));
    const texts = textsOf({ ...document, words: undefined });
    // The words in the table a partnership fills in: Welsh column headers and tick boxes.
    expect(texts).toEqual(expect.arrayContaining(['Ein tystiolaeth', 'Statws', 'Heb ddechrau']));
    expectNoEnglish(texts, englishWords(project.messages.en, project.messages.cy, /^(tracker|report)\./));
    // The English document is the one published: its words are English.
    const published = trackerDocument(english.project, english.thematics, { buildDate: BUILD_DATE });
    expect(textsOf(published)).toEqual(expect.arrayContaining(['Our evidence', 'Status', 'Not started']));
  });

  it('the data dictionary and the key-question columns are described in Welsh, the column names unchanged', () => {
    const blocks = dataDictionaryBlocks(welsh);
    const texts = textsOf(blocks);
    expect(texts).toEqual(expect.arrayContaining(['Maes', 'rhif cyfan', 'key question text', 'inspections[].standards[].judgementRationale']));
    const json = JSON.parse(keyQuestionJson(welsh.inspections, welsh.project.messages.cy)) as { columns: { name: string; description: string }[] };
    const englishJson = JSON.parse(keyQuestionJson(english.inspections, english.project.messages.en)) as typeof json;
    expect(json.columns.map((c) => c.name)).toEqual(englishJson.columns.map((c) => c.name));
    const names = new Set(dataFiles(welsh.inspections, welsh.project.messages.cy).flatMap((file) => file.fields.map((field) => field.name)));
    // inspections.json's words for people: each kind in words.
    const kindLabels = welsh.inspections.map((inspection) => publishedInspection(inspection, welsh.project.messages.cy).kindLabel);
    expect(kindLabels).toContain('Ailarolygiad');
    expectNoEnglish([...texts, ...json.columns.map((c) => c.description), ...kindLabels], englishWords(project.messages.en, project.messages.cy, /^(data\.|ratings\.data\.|site\.kinds\.)/), names);
  });
});
