/**
 * Reads every content file, validates it (schemas, then consistency across files) and builds the
 * project model. Every problem in every file is collected; nothing stops at the first one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticList, type Diagnostic } from './diagnostics.ts';
import { parseWithDiagnostics } from './schema-issues.ts';
import { ContentReader } from './content-reader.ts';
import type { YamlSource } from '../source/yaml-file.ts';
import { readMarkdown } from '../source/markdown-file.ts';
import type { Root } from 'mdast';
import { frameworkSchema, type Framework } from '../model/schemas/framework.ts';
import { serviceSchema, type Service } from '../model/schemas/service.ts';
import { glossarySchema, type GlossaryTerm } from '../model/schemas/glossary.ts';
import { inspectionSchema, type InspectionSource } from '../model/schemas/inspection.ts';
import type { CaseRecord } from '../model/schemas/case.ts';
import { documentTemplateSchema, type DocumentTemplate } from '../model/schemas/document-template.ts';
import type { Inspection, Project } from '../model/project.ts';
import { publisherSchema, type Publisher } from '../model/schemas/publisher.ts';
import { checkFramework } from './rules/framework.ts';
import { checkGlyphs } from './rules/glyphs.ts';
import { checkEasyReadVersions, loadEasyReadChecks, loadEasyReadTemplates, loadThematics, readEasyReadFile } from './easy-read/load.ts';
import { checkGlossary } from './rules/glossary.ts';
import { readCaseRecords } from './rules/cases.ts';
import { checkInspection, checkCounts, checkNarrative, checkInspectionsTogether, checkRatingsAgainstComputed } from './rules/inspection.ts';
import { countCases, rateInspection } from '../model/rating.ts';
import { loadAnnualReports } from './annual-reports.ts';

// Stands in when publisher.yaml is missing or wrong: the error stops any build, but checks go on.
const PLACEHOLDER_PUBLISHER: Publisher = { name: '', shortName: '', website: 'https://example.org/', address: [''], copyrightHolder: '', licence: { name: '', url: 'https://example.org/', notice: '' }, alternativeFormats: '' };

export interface LoadResult {
  project: Project;
  diagnostics: Diagnostic[];
  filesChecked: number;
}

function loadFrameworks(reader: ContentReader): { framework: Framework; file: string; source: YamlSource }[] {
  const loaded: { framework: Framework; file: string; source: YamlSource }[] = [];
  for (const absolute of reader.list('content/frameworks', ['.yaml', '.yml'])) {
    const { file, source } = reader.yaml(absolute);
    if (source.data === undefined) continue;
    const framework = parseWithDiagnostics(frameworkSchema, source.data, source, file, reader.diagnostics);
    if (!framework) continue;
    const expectedId = path.basename(absolute).replace(/\.ya?ml$/, '');
    if (framework.id !== expectedId) {
      reader.diagnostics.error(file, source.positionOf(['id']), 'id-mismatch', `framework id "${framework.id}" does not match the file name "${expectedId}"`, `rename the file to ${framework.id}.yaml or change the id`);
    }
    const duplicate = loaded.find((other) => other.framework.id === framework.id);
    if (duplicate) {
      reader.diagnostics.error(file, source.positionOf(['id']), 'duplicate-id', `framework "${framework.id}" is already defined in ${duplicate.file}`, 'give each framework file its own id');
      continue;
    }
    if (checkFramework(framework, source, file, reader.diagnostics)) loaded.push({ framework, file, source });
  }
  return loaded;
}

function loadServices(reader: ContentReader): Map<string, Service> {
  const services = new Map<string, Service>();
  const files = new Map<string, string>();
  for (const absolute of reader.list('content/services', ['.yaml', '.yml'])) {
    const { file, source } = reader.yaml(absolute);
    if (source.data === undefined) continue;
    const service = parseWithDiagnostics(serviceSchema, source.data, source, file, reader.diagnostics);
    if (!service) continue;
    const expected = path.basename(absolute).replace(/\.ya?ml$/, '');
    if (service.slug !== expected) {
      reader.diagnostics.error(file, source.positionOf(['slug']), 'slug-mismatch', `slug "${service.slug}" does not match the file name "${expected}"`, `rename the file to ${service.slug}.yaml or change the slug`);
    }
    if (services.has(service.slug)) {
      reader.diagnostics.error(file, source.positionOf(['slug']), 'duplicate-slug', `service slug "${service.slug}" is already used by ${files.get(service.slug)}`, 'every service needs its own slug');
      continue;
    }
    services.set(service.slug, service);
    files.set(service.slug, file);
  }
  return services;
}

function loadGlossary(reader: ContentReader): { glossary: GlossaryTerm[]; entries: { term: GlossaryTerm; file: string; source: YamlSource; index: number }[] } {
  const terms: { term: GlossaryTerm; file: string; source: YamlSource; index: number }[] = [];
  for (const absolute of reader.list('content/glossary', ['.yaml', '.yml'])) {
    const { file, source } = reader.yaml(absolute);
    if (source.data === undefined) continue;
    const parsed = parseWithDiagnostics(glossarySchema, source.data, source, file, reader.diagnostics);
    parsed?.forEach((term, index) => terms.push({ term, file, source, index }));
  }
  return { glossary: checkGlossary(terms, reader.diagnostics), entries: terms };
}

/** Document structures (templates/documents/*.yaml): section order and headings, as data. */
function loadDocumentTemplates(reader: ContentReader): DocumentTemplate[] {
  const templates: DocumentTemplate[] = [];
  for (const absolute of reader.list('templates/documents', ['.yaml', '.yml'])) {
    const { file, source } = reader.yaml(absolute);
    if (source.data === undefined) continue;
    const template = parseWithDiagnostics(documentTemplateSchema, source.data, source, file, reader.diagnostics);
    if (template) templates.push(template);
  }
  return templates;
}

/** The publisher (content/publisher.yaml): one file, required, since every report prints it. */
function loadPublisher(reader: ContentReader): Publisher | undefined {
  const absolute = path.join(reader.root, 'content', 'publisher.yaml');
  if (!fs.existsSync(absolute)) {
    reader.diagnostics.error('content/publisher.yaml', undefined, 'missing-file', 'there is no content/publisher.yaml: every report prints its publisher, copyright and licence', 'copy content/publisher.yaml from the project this tool came with and change the details');
    return undefined;
  }
  const { file, source } = reader.yaml(absolute);
  if (source.data === undefined) return undefined;
  return parseWithDiagnostics(publisherSchema, source.data, source, file, reader.diagnostics);
}

/** Loads and checks everything under `root/content` and the document structures in `root/templates`. */
export function loadProject(root: string): LoadResult {
  const diagnostics = new DiagnosticList();
  const reader = new ContentReader(root, diagnostics);

  const frameworks = loadFrameworks(reader);
  const services = loadServices(reader);
  const { glossary, entries: glossaryEntries } = loadGlossary(reader);
  const easyReadTemplates = loadEasyReadTemplates(reader);
  const easyReadChecks = loadEasyReadChecks(reader);
  const documentTemplates = loadDocumentTemplates(reader);
  const publisher = loadPublisher(reader);
  const frameworkById = new Map(frameworks.map((entry) => [entry.framework.id, entry.framework]));
  const glossaryIds = new Set(glossary.map((term) => term.id));

  const inspectionsFolder = path.join(root, 'content/inspections');
  const folders = fs.existsSync(inspectionsFolder)
    ? fs.readdirSync(inspectionsFolder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
    : [];

  interface Loaded {
    slug: string;
    file: string;
    source: YamlSource;
    data: InspectionSource;
  }
  const loaded: Loaded[] = [];
  const inspections: Inspection[] = [];
  for (const slug of folders) {
    const folder = path.join(inspectionsFolder, slug);
    const yamlPath = path.join(folder, 'inspection.yaml');
    const folderFile = reader.relative(folder);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
      diagnostics.error(folderFile, undefined, 'invalid-slug', `the folder name "${slug}" is used as the inspection's web address and must be lower-case words joined by hyphens`, 'rename the folder, for example to "dudley-2019"');
    }
    if (!fs.existsSync(yamlPath)) {
      diagnostics.error(folderFile, undefined, 'missing-file', `inspection folder "${slug}" has no inspection.yaml`, 'copy templates/inspection/inspection.yaml into the folder and fill it in');
      continue;
    }
    const { file, source } = reader.yaml(yamlPath);
    if (source.data === undefined) continue;
    const data = parseWithDiagnostics(inspectionSchema, source.data, source, file, diagnostics);
    if (!data) continue;
    loaded.push({ slug, file, source, data });

    const framework = frameworkById.get(data.framework);
    const service = services.get(data.service);
    const context = { slug, file, source, data, diagnostics, framework, services, glossaryIds };
    checkInspection(context);
    if (!framework) continue;

    const casesPath = path.join(folder, 'cases.csv');
    let cases: CaseRecord[] = [];
    let counts: Pick<ReturnType<typeof countCases>, 'counts' | 'sampleSize'>;
    // Whether there are figures to compare the written ratings with; without them (unreadable
    // cases.csv, or neither cases.csv nor counts) that is already reported, and every comparison would only repeat it.
    let haveCaseData: boolean;
    if (fs.existsSync(casesPath)) {
      const csv = reader.read(casesPath);
      const records = readCaseRecords(csv, framework, diagnostics);
      haveCaseData = records !== undefined;
      cases = records ?? [];
      if (data.counts || data.sampleSize) {
        diagnostics.error(file, source.positionOf([data.counts ? 'counts' : 'sampleSize'], 'key'), 'counts-and-cases', 'this inspection has both a cases.csv and counts: the figures would come from two places', 'delete counts and sampleSize: they are computed from cases.csv');
      }
      counts = countCases(framework, cases);
    } else {
      counts = checkCounts(context, framework);
      haveCaseData = data.counts !== undefined;
    }

    const rating = rateInspection(framework, { ...counts, authored: data.ratings });
    const narrativePath = path.join(folder, 'report.mdx');
    let narrativeFile = reader.relative(narrativePath);
    let narrativeTree: Root = { type: 'root', children: [] };
    if (fs.existsSync(narrativePath)) {
      const narrative = reader.read(narrativePath);
      const markdown = readMarkdown(narrative.text);
      checkNarrative(context, framework, rating, narrative.file, markdown, { text: narrative.text, folder });
      if (markdown.tree) narrativeTree = markdown.tree;
    } else {
      diagnostics.error(folderFile, undefined, 'missing-file', `inspection "${slug}" has no report.mdx narrative`, 'copy templates/inspection/report.mdx into the folder and write one section per standard');
      narrativeFile = '';
    }
    if (haveCaseData) checkRatingsAgainstComputed(context, framework, rating, cases);
    const easyRead = readEasyReadFile(reader, folder);
    if (service) inspections.push({ slug, source: data, service, framework, rating, cases, narrativeFile, narrative: narrativeTree, ...(easyRead ? { easyRead } : {}) });
  }
  checkInspectionsTogether(loaded, diagnostics);

  const project: Project = {
    frameworks: frameworks.map((entry) => entry.framework),
    services: [...services.values()],
    glossary,
    inspections,
    documentTemplates,
    publisher: publisher ?? PLACEHOLDER_PUBLISHER,
    thematics: [],
    easyReadTemplates: easyReadTemplates.map((t) => t.template),
    annualReports: [],
  };
  const { thematics, sources: thematicSources } = loadThematics(reader, glossaryIds);
  project.thematics = thematics;
  // Easy-read versions are checked as they will be published, once everything they draw on is loaded.
  if (!diagnostics.items.some((d) => d.severity === 'error' && d.rule === 'yaml-syntax')) {
    const firstGlossary = glossaryEntries[0];
    checkEasyReadVersions(
      project,
      root,
      easyReadTemplates,
      { inspection: new Map(loaded.map((l) => [l.slug, { file: l.file, source: l.source }])), thematic: thematicSources },
      firstGlossary ? { file: firstGlossary.file, source: firstGlossary.source, index: new Map(glossaryEntries.map((e) => [e.term.id, e.index])) } : undefined,
      easyReadChecks,
      diagnostics,
    );
  }
  // Annual reports count the inspections loaded above.
  project.annualReports = loadAnnualReports(reader, project);
  checkGlyphs(reader.files, diagnostics);
  return { project, diagnostics: diagnostics.items, filesChecked: reader.filesChecked };
}
