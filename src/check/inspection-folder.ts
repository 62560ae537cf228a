/**
 * One inspection folder (content/inspections/<slug>): inspection.yaml, its case figures (cases.csv
 * or counts), its narrative (report.mdx) and its easy-read version, each checked, and the
 * inspection built from them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { ContentReader } from './content-reader.ts';
import { salvageWithDiagnostics } from './schema-issues.ts';
import { readMarkdown, withoutPlaces } from '../source/markdown-file.ts';
import { inspectionSchema, type InspectionSource } from '../model/schemas/inspection.ts';
import type { CaseRecord } from '../model/schemas/case.ts';
import type { Framework } from '../model/schemas/framework.ts';
import type { Service } from '../model/schemas/service.ts';
import type { Inspection } from '../model/project.ts';
import { NOT_KNOWN } from '../model/schemas/inspection.ts';
import { countCases, rateHistoric, rateInspection, type InspectionRating } from '../model/rating.ts';
import { checkHistoric } from './rules/historic.ts';
import { readCaseRecords } from './rules/cases.ts';
import { checkCounts, checkInspection, known, checkNarrative, checkRatingsAgainstComputed, type InspectionContext, type LoadedInspection } from './rules/inspection.ts';
import { readEasyReadFile, readTranslatedEasyRead } from './easy-read/load.ts';
import type { DocumentTemplate } from '../model/schemas/document-template.ts';
import type { EasyReadTemplate } from '../model/schemas/easy-read-template.ts';
import { LANGUAGES, REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';
import { allStandards } from '../model/rating.ts';
import { toString } from 'mdast-util-to-string';
import { LANGUAGE_NAMES, translationPath } from '../source/translation-file.ts';
import { languagesOf } from '../model/translations.ts';
import { checkTranslatedNarrative, findTranslation, translatedStandardSections } from './translations.ts';
import { checkCorrections } from './rules/corrections.ts';
import { buildDateFrom } from '../model/project.ts';

/**
 * Stand-ins for required fields that fail their schema: never compared (their checks are skipped),
 * and a status that keeps the report out of every output. Dates are real dates, so documents made
 * only to check their language (easy-read versions) can still be made.
 */
const PLACEHOLDER_DATE = '2000-01-01';
const PLACEHOLDERS: InspectionSource = {
  record: 'full',
  service: '', framework: '', partners: [], fieldwork: { start: PLACEHOLDER_DATE, end: PLACEHOLDER_DATE }, published: PLACEHOLDER_DATE, status: 'draft', lead: '', team: [],
  ratings: {}, recommendations: [], findings: {}, context: [], glossary: [], corrections: [],
};

/** What every inspection is checked against: loaded before the inspections. */
export interface InspectionsContext {
  reader: ContentReader;
  frameworkById: ReadonlyMap<string, Framework>;
  services: ReadonlyMap<string, Service>;
  glossaryIds: ReadonlySet<string>;
  /** The `###` sub-sections every standard's narrative must have (templates/documents/inspection-report.yaml). */
  standardSections: readonly string[];
  /** Frameworks and services whose files have problems, already reported: named, but not loaded. */
  notLoaded?: InspectionContext['notLoaded'];
  /** templates/documents/inspection-report.yaml: its headings (and their Welsh values) match the sections of a translation. */
  reportTemplate?: DocumentTemplate;
  /** templates/easy-read/inspection.yaml: its section headings (and their Welsh values) match the sections of a translated easy read. */
  easyReadTemplate?: EasyReadTemplate;
}

/**
 * Reads and checks one inspection folder. `loaded` is what inspection.yaml says, for the checks
 * across inspections; `inspection` is left out when its framework or service is unknown.
 */
export function loadInspection(slug: string, shared: InspectionsContext): { loaded?: LoadedInspection; inspection?: Inspection; known?: string } {
  const { reader, frameworkById, services, glossaryIds, notLoaded } = shared;
  const { diagnostics } = reader;
  const folder = path.join(reader.root, 'content/inspections', slug);
  const yamlPath = path.join(folder, 'inspection.yaml');
  const folderFile = reader.relative(folder);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    diagnostics.error(folderFile, undefined, 'invalid-slug', `the folder name "${slug}" is used as the inspection's web address and must be lower-case words joined by hyphens`, 'rename the folder, for example to "dudley-2019"');
  }
  if (!fs.existsSync(yamlPath)) {
    diagnostics.error(folderFile, undefined, 'missing-file', `inspection folder "${slug}" has no inspection.yaml`, 'copy templates/inspection/inspection.yaml into the folder and fill it in');
    return {};
  }
  const { file, source } = reader.yaml(yamlPath);
  // Unreadable: its syntax errors are all that is said of it; other inspections may still name it,
  // and its cases and narrative are checked against its framework when that is written above the error.
  if (source.data === undefined) {
    const framework = frameworkById.get(source.textAbove?.('framework') ?? '');
    if (framework) {
      const data = { ...PLACEHOLDERS, framework: framework.id };
      const broken = new Set(Object.keys(inspectionSchema.shape).filter((field) => field !== 'framework'));
      const context: InspectionContext = { slug, file, source, data, broken, diagnostics, framework, services, glossaryIds, notLoaded };
      const { counts } = loadCaseFigures(reader, folder, context, framework);
      loadNarrative(reader, folder, context, framework, rateInspection(framework, { ...counts, authored: {} }), shared.standardSections);
    }
    return { known: slug };
  }
  const salvaged = salvageWithDiagnostics(inspectionSchema, source.data, source, file, diagnostics);
  if (!salvaged) return { known: slug };
  // A field that fails its schema is reported there; the placeholders below stand in for it, and
  // every check that draws on it is skipped (see `broken`), so the rest of the folder is still checked.
  const { broken } = salvaged;
  const written = salvaged.value;
  const historic = written.record === 'historic';
  // A historic record whose source gives no fieldwork dates dates its fieldwork by its publication.
  const fieldworkMissing = written.fieldwork === undefined && !broken.has('fieldwork');
  const fieldwork = written.fieldwork ?? (historic && written.published ? { start: written.published, end: written.published } : PLACEHOLDERS.fieldwork);
  const data: InspectionSource = { ...PLACEHOLDERS, ...written, fieldwork, lead: written.lead ?? '' };
  // Fail closed: a report whose publication fields are broken is a draft until they are mended.
  if (!known(broken, 'status', 'published', 'embargoedUntil')) data.status = 'draft';
  const loaded = { slug, file, source, data, broken };

  const framework = broken.has('framework') ? undefined : frameworkById.get(data.framework);
  const service = broken.has('service') ? undefined : services.get(data.service);
  const context: InspectionContext = { slug, file, source, data, broken, diagnostics, framework, services, glossaryIds, notLoaded, fieldworkMissing };
  checkInspection(context);
  if (known(broken, 'corrections', 'published', 'embargoedUntil')) {
    const published = data.embargoedUntil && data.embargoedUntil > data.published ? data.embargoedUntil : data.published;
    // A PDF is published, and so kept before each correction, in every language of the report.
    const languages = service ? languagesOf({ source: data, service } as Pick<Inspection, 'source' | 'service'> as Inspection) : undefined;
    checkCorrections({ file, source, corrections: data.corrections, published, buildDate: buildDateFrom(process.env), pdfFolder: folder, folderName: folderFile, ...(languages ? { languages } : {}), diagnostics });
  }
  if (!framework) return { loaded };
  if (historic) return loadHistoric(reader, folder, context, framework, service);

  const { cases, counts, haveCaseData } = loadCaseFigures(reader, folder, context, framework);
  const rating = rateInspection(framework, { ...counts, authored: data.ratings });
  const { narrativeFile, narrative, readable } = loadNarrative(reader, folder, context, framework, rating, shared.standardSections);
  if (haveCaseData) checkRatingsAgainstComputed(context, framework, rating, cases);
  const easyRead = readEasyReadFile(reader, folder);
  if (!service) return { loaded };
  const inspection: Inspection = { slug, source: data, service, framework, rating, cases, narrativeFile, narrative, ...(easyRead ? { easyRead } : {}) };
  const translations = loadTranslations(reader, folder, inspection, readable, file, shared.reportTemplate, shared.easyReadTemplate);
  // Every check that reports a place in the narratives is done (the parity of translations above):
  // the model keeps them without places, which nothing after the check reads (withoutPlaces).
  inspection.narrative = withoutPlaces(narrative);
  if (translations) for (const translation of Object.values(translations)) translation.narrative = withoutPlaces(translation.narrative);
  return { loaded, inspection: { ...inspection, ...(translations ? { translations } : {}) } };
}

/**
 * The narrative and easy-read version in each other language the inspection is published in
 * (report.cy.mdx, easy-read.cy.mdx): checked like the English ones, positions in their own files,
 * and compared with them. The Welsh `##` headings are the author's; the parity check holds them to
 * the English sections (and to the template's Welsh headings, once it has them).
 */
function loadTranslations(reader: ContentReader, folder: string, inspection: Inspection, englishReadable: boolean, yamlFile: string, template: DocumentTemplate | undefined, easyReadTemplate: EasyReadTemplate | undefined): Inspection['translations'] {
  const translations: NonNullable<Inspection['translations']> = {};
  const subject = { name: `inspection "${inspection.slug}"`, languages: languagesOf(inspection), languagesAt: `content/services/${inspection.service.slug}.yaml (or ${yamlFile})` };
  for (const lang of LANGUAGES) {
    if (lang === REFERENCE_LANGUAGE) continue;
    const translated = findTranslation(reader, path.join(folder, 'report.mdx'), lang, subject);
    const content = translated && reader.read(translated);
    const tree =
      content &&
      checkTranslatedNarrative(
        content,
        content.text,
        { file: inspection.narrativeFile, tree: englishReadable ? inspection.narrative : undefined },
        { folder, contentFolder: reader.contentFolder, pictures: reader.pictures, kind: 'inspection', inspection, standardSections: translatedStandardSections(template, lang), diagnostics: reader.diagnostics },
        'report',
        template,
      );
    if (content && tree) checkTranslatedStandardHeadings(reader, content.file, tree, inspection.framework, lang);
    const easyRead = readTranslatedEasyRead(reader, folder, inspection.easyRead, lang, subject, easyReadTemplate);
    if (content && tree) translations[lang] = { narrativeFile: content.file, narrative: tree, ...(easyRead ? { easyRead } : {}) };
  }
  return Object.keys(translations).length ? translations : undefined;
}

/** A historic record: its published ratings, and no case figures, narrative or easy-read version (any found is reported). */
function loadHistoric(reader: ContentReader, folder: string, context: InspectionContext, framework: Framework, service: Service | undefined): { loaded: LoadedInspection; inspection?: Inspection } {
  const { data } = context;
  const present = (name: string) => (fs.existsSync(path.join(folder, name)) ? reader.relative(path.join(folder, name)) : undefined);
  checkHistoric(context, framework, { narrative: present('report.mdx'), cases: present('cases.csv'), easyRead: present('easy-read.mdx') });
  // Nor in another language.
  for (const lang of LANGUAGES) {
    if (lang === REFERENCE_LANGUAGE) continue;
    for (const [name, rule] of [['report.mdx', 'historic-with-narrative'], ['easy-read.mdx', 'historic-with-easy-read']] as const) {
      const translated = present(translationPath(name, lang));
      if (translated) reader.diagnostics.error(translated, { line: 1, column: 1 }, rule, `this inspection is a historic record (record: historic), which publishes only its ratings, so ${path.basename(translated)} would never be published`, `delete ${path.basename(translated)}, or remove "record: historic" to write a full report in both languages`);
    }
  }
  const loaded = { slug: context.slug, file: context.file, source: context.source, data, broken: context.broken };
  if (!service) return { loaded };
  const ratings = Object.fromEntries(Object.entries(data.ratings).map(([id, r]) => [id, r.rating ?? NOT_KNOWN]));
  const rating = rateHistoric(framework, { ratings, composite: data.composite ?? 0, overall: data.overall ?? NOT_KNOWN });
  const historic = { original: data.original ?? '', fieldworkRecorded: !context.fieldworkMissing, compositeRecorded: data.composite !== null };
  return { loaded, inspection: { slug: context.slug, source: data, service, framework, rating, cases: [], narrativeFile: '', narrative: { type: 'root', children: [] }, historic } };
}

/**
 * The case figures: from cases.csv when there is one, otherwise from the counts in inspection.yaml.
 * `haveCaseData` says whether there are figures to compare the written ratings with; without them
 * (unreadable cases.csv, or neither cases.csv nor counts) that is already reported, and every
 * comparison would only repeat it.
 */
function loadCaseFigures(reader: ContentReader, folder: string, context: InspectionContext, framework: Framework) {
  const { data, file, source, diagnostics } = context;
  const casesPath = path.join(folder, 'cases.csv');
  if (!fs.existsSync(casesPath)) {
    return { cases: [] as CaseRecord[], counts: checkCounts(context, framework), haveCaseData: data.counts !== undefined && known(context.broken, 'counts', 'sampleSize') };
  }
  const csv = reader.read(casesPath);
  const records = csv && readCaseRecords(csv, framework, diagnostics);
  if (data.counts || data.sampleSize) {
    diagnostics.error(file, source.positionOf([data.counts ? 'counts' : 'sampleSize'], 'key'), 'counts-and-cases', 'this inspection has both a cases.csv and counts: the figures would come from two places', 'delete counts and sampleSize: they are computed from cases.csv');
  }
  const cases = records ?? [];
  return { cases, counts: countCases(framework, cases), haveCaseData: records !== undefined };
}

/** report.mdx, checked against the framework and the computed ratings; an empty tree when it is missing. */
function loadNarrative(reader: ContentReader, folder: string, context: InspectionContext, framework: Framework, rating: InspectionRating, standardSections: readonly string[]): { narrativeFile: string; narrative: Root; readable: boolean } {
  const narrativePath = path.join(folder, 'report.mdx');
  if (!fs.existsSync(narrativePath)) {
    reader.diagnostics.error(reader.relative(folder), undefined, 'missing-file', `inspection "${context.slug}" has no report.mdx narrative`, 'copy templates/inspection/report.mdx into the folder and write one section per standard');
    return { narrativeFile: '', narrative: { type: 'root', children: [] }, readable: false };
  }
  const content = reader.read(narrativePath);
  if (!content) return { narrativeFile: reader.relative(narrativePath), narrative: { type: 'root', children: [] }, readable: false };
  const { file, text } = content;
  const markdown = readMarkdown(text);
  checkNarrative(context, framework, rating, file, markdown, { text, folder, contentFolder: reader.contentFolder, pictures: reader.pictures, standardSections });
  return { narrativeFile: file, narrative: markdown.tree ?? { type: 'root', children: [] }, readable: markdown.tree !== undefined };
}

/**
 * A standard's heading in a translation ("## 1.1 Llywodraethu ac arweinyddiaeth") names it as the
 * framework does in that language, once the framework has its Welsh names (`cy: { name }`): a
 * warning, as for the English heading (section-heading in rules/inspection.ts).
 */
export function checkTranslatedStandardHeadings(reader: ContentReader, file: string, tree: Root, framework: Framework, lang: Lang): void {
  const names = new Map<string, string>();
  for (const { standard } of allStandards(framework)) {
    const name = (standard as { cy?: { name?: string } }).cy?.name;
    if (lang === 'cy' && name) names.set(standard.id, name);
  }
  if (names.size === 0) return;
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== 2) continue;
    const match = /^(\d+\.\d+)\.?\s+(.+)$/.exec(toString(node).trim());
    const name = match && names.get(match[1]!);
    if (!match || !name || match[2]!.trim() === name) continue;
    reader.diagnostics.warning(file, { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }, 'section-heading', `heading "${toString(node).trim()}" does not match the standard's ${LANGUAGE_NAMES[lang]} name`, `write "## ${match[1]} ${name}"`);
  }
}
