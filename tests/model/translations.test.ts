/**
 * The project read in Welsh: every author-written text field swapped for its cy: value, the Welsh
 * narratives in place, ratings, cases and figures the very same objects, only what is published in
 * Welsh, made once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Root } from 'mdast';
import { loadProject } from '../../src/check/load-project.ts';
import { readYaml } from '../../src/source/yaml-file.ts';
import type { Inspection, Project } from '../../src/model/project.ts';
import { inWelsh, languagesOf, projectIn, standardWords } from '../../src/model/translations.ts';
import { translatableObjects, WELSH_KEY } from '../../src/model/schemas/welsh.ts';
import { serviceSchema, type Service } from '../../src/model/schemas/service.ts';
import { frameworkSchema } from '../../src/model/schemas/framework.ts';
import { glossaryTermSchema } from '../../src/model/schemas/glossary.ts';
import { publisherSchema } from '../../src/model/schemas/publisher.ts';
import { inspectionSchema } from '../../src/model/schemas/inspection.ts';
import { thematicSchema } from '../../src/model/schemas/thematic.ts';
import { annualReportSchema } from '../../src/model/schemas/annual-report.ts';
import { documentTemplateSchema } from '../../src/model/schemas/document-template.ts';
import { easyReadTemplateSchema } from '../../src/model/schemas/easy-read-template.ts';
import { ratingLabel } from '../../src/model/rating.ts';

const WELSH = 'CY ';

/** Gives every translatable field of a value (parsed with its schema) a made-up Welsh value: its English with "CY " before it. */
function addWelsh<T>(schema: z.ZodType, value: T): T {
  for (const object of translatableObjects(schema, value)) {
    const welsh: Record<string, unknown> = {};
    for (const field of object.fields) {
      const english = object.value[field];
      if (typeof english === 'string') welsh[field] = `${WELSH}${english}`;
      else if (Array.isArray(english)) welsh[field] = english.map((item) => `${WELSH}${String(item)}`);
    }
    object.value[WELSH_KEY] = welsh;
  }
  return value;
}

/** Every translatable text a view's value holds that is not the made-up Welsh. */
function englishLeftIn(schema: z.ZodType, value: unknown): string[] {
  const left: string[] = [];
  for (const object of translatableObjects(schema, value)) {
    expect(object.value, `${object.path.join('.')} keeps no cy: map`).not.toHaveProperty(WELSH_KEY);
    for (const field of object.fields) {
      const texts = ([] as unknown[]).concat(object.value[field] ?? []);
      for (const text of texts) if (!String(text).startsWith(WELSH)) left.push(`${object.path.join('.')}.${field}: ${String(text)}`);
    }
  }
  return left;
}

const parse = <S extends z.ZodType>(schema: S, file: string): z.infer<S> => schema.parse(readYaml(fs.readFileSync(file, 'utf8')).data);
const tree = (text: string): Root => ({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] });

let project: Project;
let welshInspection: Inspection;
let englishInspection: Inspection;
let englishService: Service;

beforeAll(() => {
  project = loadProject(path.resolve(import.meta.dirname, '../fixtures/valid')).project;
  // The fixture's service made Welsh, with Welsh values everywhere; a second service, in England, keeps English only.
  const [service] = project.services;
  addWelsh(serviceSchema, Object.assign(service!, { languages: ['en', 'cy'] }));
  project.frameworks.forEach((framework) => addWelsh(frameworkSchema, framework));
  project.glossary.forEach((term) => addWelsh(glossaryTermSchema, term));
  addWelsh(publisherSchema, project.publisher);
  project.documentTemplates.push(addWelsh(documentTemplateSchema, parse(documentTemplateSchema, 'templates/documents/inspection-report.yaml')));
  project.easyReadTemplates.push(addWelsh(easyReadTemplateSchema, parse(easyReadTemplateSchema, 'templates/easy-read/inspection.yaml')));
  welshInspection = project.inspections[0]!;
  addWelsh(inspectionSchema, welshInspection.source);
  welshInspection.translations = { cy: { narrativeFile: 'content/inspections/eastbrook-2023/report.cy.mdx', narrative: tree('Adroddiad') } };
  englishService = { ...service!, slug: 'westmoor', nation: 'England', languages: undefined };
  englishInspection = { ...welshInspection, slug: 'westmoor-2023', service: englishService };
  project.services.push(englishService);
  project.inspections.push(englishInspection);
  const thematicSource = (languages?: ('en' | 'cy')[]) =>
    addWelsh(thematicSchema, thematicSchema.parse({ title: 'Out-of-court work', summary: 'What we found.', fieldwork: { start: '2025-01-06', end: '2025-02-07' }, published: '2025-06-01', status: 'published', lead: 'A Lead', areas: ['Cardiff'], languages, recommendations: [{ number: 1, addressee: 'Partnerships', text: 'Agree a policy.', linesOfEnquiry: ['Is there a policy?'] }] }));
  project.thematics.push(
    { slug: 'welsh-thematic', file: 'content/thematic/welsh-thematic/thematic.yaml', source: thematicSource(['en', 'cy']), narrative: { file: 'report.mdx', tree: tree('Report') }, translations: { cy: { narrative: { file: 'report.cy.mdx', tree: tree('Adroddiad') } } } },
    { slug: 'english-thematic', file: 'content/thematic/english-thematic/thematic.yaml', source: thematicSource() },
  );
  const annualSource = (languages?: ('en' | 'cy')[]) => addWelsh(annualReportSchema, annualReportSchema.parse({ title: 'Annual report 2026', period: { from: '2025-10-01', to: '2026-09-30' }, published: '2026-11-10', status: 'published', languages }));
  project.annualReports.push(
    { year: '2026', file: 'content/annual-reports/2026.mdx', source: annualSource(['en', 'cy']), narrative: tree('Annual'), translations: { cy: { file: 'content/annual-reports/2026.cy.mdx', narrative: tree('Blynyddol') } } },
    { year: '2025', file: 'content/annual-reports/2025.mdx', source: annualSource(), narrative: tree('Annual') },
  );
});

describe('languagesOf', () => {
  it('takes an inspection’s own list, else its service’s (Wales: English and Welsh; England: English); a thematic or annual report is English unless it says', () => {
    expect(languagesOf(welshInspection)).toEqual(['en', 'cy']);
    expect(languagesOf(englishInspection)).toEqual(['en']);
    expect(languagesOf({ ...englishInspection, service: { ...englishService, nation: 'Wales' } })).toEqual(['en', 'cy']);
    expect(languagesOf({ ...welshInspection, source: { ...welshInspection.source, languages: ['en'] } })).toEqual(['en']);
    expect(languagesOf(project.thematics[0]!)).toEqual(['en', 'cy']);
    expect(languagesOf(project.thematics[1]!)).toEqual(['en']);
    expect(languagesOf(project.annualReports[1]!)).toEqual(['en']);
  });
});

describe('projectIn(project, "cy")', () => {
  it('swaps every author-written text field for its Welsh value, and keeps no cy: maps', () => {
    const view = projectIn(project, 'cy');
    expect(view.lang).toBe('cy');
    const left = [
      ...view.services.filter((s) => s.slug !== 'westmoor').flatMap((s) => englishLeftIn(serviceSchema, s)),
      ...view.frameworks.flatMap((f) => englishLeftIn(frameworkSchema, f)),
      ...view.glossary.flatMap((t) => englishLeftIn(glossaryTermSchema, t)),
      ...englishLeftIn(publisherSchema, view.publisher),
      ...view.documentTemplates.flatMap((t) => englishLeftIn(documentTemplateSchema, t)),
      ...view.easyReadTemplates.flatMap((t) => englishLeftIn(easyReadTemplateSchema, t)),
      ...view.inspections.flatMap((i) => [...englishLeftIn(inspectionSchema, i.source), ...englishLeftIn(serviceSchema, i.service), ...englishLeftIn(frameworkSchema, i.framework)]),
      ...view.thematics.flatMap((t) => englishLeftIn(thematicSchema, t.source)),
      ...view.annualReports.flatMap((r) => englishLeftIn(annualReportSchema, r.source)),
    ];
    expect(left).toEqual([]);
    // The test swapped something of each kind: the walk found text to check.
    expect(view.inspections[0]!.source.ratings['1.1']?.evidence).toMatch(/^CY The Management Board/);
    expect(view.frameworks[0]!.notRatedLabel).toBe('CY Not rated');
    expect(view.publisher.licence.notice.startsWith(WELSH)).toBe(true);
    expect(view.thematics[0]!.source.recommendations[0]!.linesOfEnquiry).toEqual(['CY Is there a policy?']);
    // The English project is unchanged.
    expect(project.inspections[0]!.source.ratings['1.1']?.evidence).toMatch(/^The Management Board/);
  });

  it('reads the Welsh narratives from translations', () => {
    const view = projectIn(project, 'cy');
    expect(view.inspections[0]!.narrative).toBe(welshInspection.translations!.cy!.narrative);
    expect(view.inspections[0]!.narrativeFile).toBe('content/inspections/eastbrook-2023/report.cy.mdx');
    expect(view.thematics[0]!.narrative).toBe(project.thematics[0]!.translations!.cy!.narrative);
    expect(view.annualReports[0]!.narrative).toBe(project.annualReports[0]!.translations!.cy!.narrative);
    expect(view.annualReports[0]!.file).toBe('content/annual-reports/2026.cy.mdx');
  });

  it('keeps ratings, cases and figures the very same objects, with rating words from the Welsh framework', () => {
    const view = projectIn(project, 'cy');
    const inspection = view.inspections[0]!;
    expect(inspection.rating).toBe(welshInspection.rating);
    expect(inspection.cases).toBe(welshInspection.cases);
    expect(inspection.service).toBe(view.services[0]);
    expect(inspection.framework).toBe(view.frameworks[0]);
    expect(ratingLabel(inspection.framework, inspection.rating.overall.rating)).toMatch(/^CY /);
    expect(ratingLabel(inspection.framework, 'not-rated')).toBe('CY Not rated');
    const words = standardWords(inspection, '1.1')!;
    expect(words.name.startsWith(WELSH)).toBe(true);
    expect(words.statement.startsWith(WELSH)).toBe(true);
    expect([...words.keyQuestions.values()].every((text) => text.startsWith(WELSH))).toBe(true);
  });

  it('holds only what is published in Welsh', () => {
    const view = projectIn(project, 'cy');
    expect(view.inspections.map((i) => i.slug)).toEqual(['eastbrook-2023']);
    expect(view.thematics.map((t) => t.slug)).toEqual(['welsh-thematic']);
    expect(view.annualReports.map((r) => r.year)).toEqual(['2026']);
    expect(projectIn(project, 'en').inspections).toHaveLength(2);
  });

  it('is made once per project and language', () => {
    const view = projectIn(project, 'cy');
    expect(projectIn(project, 'cy')).toBe(view);
    expect(projectIn(view, 'cy')).toBe(view);
    expect(projectIn(view, 'en')).toBe(project);
    expect(projectIn(project, 'en')).toBe(project);
  });
});

describe('inWelsh', () => {
  it('returns a value without cy: maps as it is, and swaps at every depth', () => {
    const plain = { a: 'x', list: [{ b: 'y' }] };
    expect(inWelsh(plain)).toBe(plain);
    const nested = { a: 'x', n: 1, list: [{ b: 'y', cy: { b: 'Y' } }], cy: { a: 'X' } };
    expect(inWelsh(nested)).toEqual({ a: 'X', n: 1, list: [{ b: 'Y' }] });
  });
});

describe('alphabetical indexes by language', () => {
  it('index a word under its first letter, and a Welsh word under the two-character letter it starts with', async () => {
    const { initialLetter } = await import('../../src/model/language.ts');
    expect(['Llys', 'Chwarae', 'Ddoe', 'Ffordd', 'Rhagair', 'Theatr', 'Ysgol', 'Éire'].map((w) => initialLetter(w, 'cy'))).toEqual(['Ll', 'Ch', 'Dd', 'Ff', 'Rh', 'Th', 'Y', 'E']);
    expect(['Llys', 'Chwarae', 'Theatre'].map((w) => initialLetter(w, 'en'))).toEqual(['L', 'C', 'T']);
  });
});
