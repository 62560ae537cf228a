/**
 * Reads every content file, validates it (schemas, then consistency across files) and builds the
 * project model. Every problem in every file is collected; nothing stops at the first one.
 */
import { checkLineage, type LoadedService } from './rules/lineage.ts';
import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticList, type Diagnostic } from './diagnostics.ts';
import { parseWithDiagnostics, salvageWithDiagnostics } from './schema-issues.ts';
import { ContentReader } from './content-reader.ts';
import type { YamlSource } from '../source/yaml-file.ts';
import { frameworkSchema, type Framework } from '../model/schemas/framework.ts';
import { serviceSchema, type Service } from '../model/schemas/service.ts';
import { glossarySchema, glossaryTermSchema, type GlossaryTerm } from '../model/schemas/glossary.ts';
import { documentTemplateSchema, type DocumentTemplate } from '../model/schemas/document-template.ts';
import type { EasyReadFile, Inspection, Project } from '../model/project.ts';
import { publisherSchema, type Publisher } from '../model/schemas/publisher.ts';
import { checkFramework } from './rules/framework.ts';
import { checkGlyphs } from './rules/glyphs.ts';
import { checkWelshProject } from './rules/welsh-values.ts';
import { checkEasyReadVersions, checkTranslatedEasyReadLanguage, loadEasyReadChecks, loadEasyReadTemplates, loadThematics } from './easy-read/load.ts';
import { checkGlossary } from './rules/glossary.ts';
import { loadMessages } from './messages.ts';
import { checkInspectionsTogether, type LoadedInspection } from './rules/inspection.ts';
import { loadInspection } from './inspection-folder.ts';
import { standardSectionsOf } from '../document/standard-sections.ts';
import { THEMATIC_KINDS } from '../document/thematic-report-document.ts';
import type { TemplateSection } from '../model/schemas/document-template.ts';

/** The kinds of section an inspection report's template can have (src/model/report.ts draws them). */
const INSPECTION_KINDS: ReadonlySet<TemplateSection['kind']> = new Set<TemplateSection['kind']>(['narrative', 'overall-findings', 'ratings-summary', 'recommendations', 'contextual-facts', 'domains', 'methodology', 'results', 'glossary']);
import { loadAnnualReports } from './annual-reports.ts';
import { checkPictureDecoding, type PictureUse } from './pictures/decode.ts';
import { CheckCache } from './check-cache.ts';
import { contextStamp, folderStamp, ownFile, type FolderRecord, type LiveMemo } from './live-memo.ts';
import { contextHash, folderContent, restoreFolder, storeFolder, type FolderResult } from './folder-record.ts';
import { buildDateFrom } from '../model/project.ts';
import { parseNarrativesAhead } from './markdown-workers.ts';
import { useMarkdownStore } from '../source/markdown-file.ts';
import { useYamlStore } from '../source/yaml-file.ts';

// Stands in when publisher.yaml is missing or wrong: the error stops any build, but checks go on.
const PLACEHOLDER_PUBLISHER: Publisher = { name: '', shortName: '', website: 'https://example.org/', address: [''], copyrightHolder: '', licence: { name: '', url: 'https://example.org/', notice: '' }, alternativeFormats: '' };

// Stand in for a service's fields that fail their schema (already reported; the build stops).
const SERVICE_PLACEHOLDERS: Service = { slug: '', name: '', shortName: '', nation: 'England', region: '', policeForceArea: '', fictional: false, predecessors: [], successors: [] };

/** A set that has every id: stands in for ids that cannot be known. */
class EveryId extends Set<string> {
  override has(): boolean {
    return true;
  }
}

export interface LoadResult {
  project: Project;
  diagnostics: Diagnostic[];
  filesChecked: number;
  /** The picture files content names, for checkProject's decoding pass. */
  pictures: PictureUse[];
}

/** The names a file that could not be loaded may be known by: its file name and the id written in it. */
function namesOf(absolute: string, data: unknown, field: string): string[] {
  const written = (data as Record<string, unknown> | null | undefined)?.[field];
  return [path.basename(absolute).replace(/\.ya?ml$/, ''), ...(typeof written === 'string' ? [written] : [])];
}

/**
 * The frameworks. `notLoaded` collects the names of framework files with problems (already
 * reported), so that the inspections naming them are not also told the framework does not exist.
 */
function loadFrameworks(reader: ContentReader, notLoaded: Set<string>): { framework: Framework; file: string; source: YamlSource }[] {
  const loaded: { framework: Framework; file: string; source: YamlSource }[] = [];
  for (const absolute of reader.list('content/frameworks', ['.yaml', '.yml'])) {
    reader.guarded(absolute, () => {
      const { file, source } = reader.yaml(absolute);
      const skip = () => namesOf(absolute, source.data, 'id').forEach((name) => notLoaded.add(name));
      if (source.data === undefined) return skip();
      const framework = parseWithDiagnostics(frameworkSchema, source.data, source, file, reader.diagnostics);
      if (!framework) return skip();
      const expectedId = path.basename(absolute).replace(/\.ya?ml$/, '');
      if (framework.id !== expectedId) {
        reader.diagnostics.error(file, source.positionOf(['id']), 'id-mismatch', `framework id "${framework.id}" does not match the file name "${expectedId}"`, `rename the file to ${framework.id}.yaml or change the id`);
      }
      const duplicate = loaded.find((other) => other.framework.id === framework.id);
      if (duplicate) {
        reader.diagnostics.error(file, source.positionOf(['id']), 'duplicate-id', `framework "${framework.id}" is already defined in ${duplicate.file}`, 'give each framework file its own id');
        return;
      }
      if (checkFramework(framework, source, file, reader.diagnostics)) loaded.push({ framework, file, source });
      else skip();
    });
  }
  return loaded;
}

/** The services; `notLoaded` as for frameworks, for service files that cannot be read or have no valid slug. */
function loadServices(reader: ContentReader, notLoaded: Set<string>, loaded: LoadedService[] = []): Map<string, Service> {
  const services = new Map<string, Service>();
  const files = new Map<string, string>();
  for (const absolute of reader.list('content/services', ['.yaml', '.yml'])) {
    reader.guarded(absolute, () => {
      const { file, source } = reader.yaml(absolute);
      const skip = () => namesOf(absolute, source.data, 'slug').forEach((name) => notLoaded.add(name));
      if (source.data === undefined) return skip();
      // A service with a broken field is still known by its slug: inspections of it are checked as usual.
      const salvaged = salvageWithDiagnostics(serviceSchema, source.data, source, file, reader.diagnostics);
      if (!salvaged || salvaged.broken.has('slug')) return skip();
      const service: Service = { ...SERVICE_PLACEHOLDERS, ...salvaged.value };
      const expected = path.basename(absolute).replace(/\.ya?ml$/, '');
      if (service.slug !== expected) {
        reader.diagnostics.error(file, source.positionOf(['slug']), 'slug-mismatch', `slug "${service.slug}" does not match the file name "${expected}"`, `rename the file to ${service.slug}.yaml or change the slug`);
      }
      if (services.has(service.slug)) {
        reader.diagnostics.error(file, source.positionOf(['slug']), 'duplicate-slug', `service slug "${service.slug}" is already used by ${files.get(service.slug)}`, 'every service needs its own slug');
        return;
      }
      services.set(service.slug, service);
      files.set(service.slug, file);
      loaded.push({ service, file, source, broken: salvaged.broken });
    });
  }
  return services;
}

function loadGlossary(reader: ContentReader): { glossary: GlossaryTerm[]; entries: { term: GlossaryTerm; file: string; source: YamlSource; index: number }[]; brokenIds: Set<string> } {
  const terms: { term: GlossaryTerm; file: string; source: YamlSource; index: number }[] = [];
  // Ids of entries that fail their schema (reported there): still known, so nothing that names them is reported again.
  const brokenIds = new Set<string>();
  for (const absolute of reader.list('content/glossary', ['.yaml', '.yml'])) {
    reader.guarded(absolute, () => {
      const { file, source } = reader.yaml(absolute);
      if (source.data === undefined) return;
      const parsed = parseWithDiagnostics(glossarySchema, source.data, source, file, reader.diagnostics);
      if (parsed) parsed.forEach((term, index) => terms.push({ term, file, source, index }));
      else if (Array.isArray(source.data)) {
        // Every entry that passes on its own is kept.
        source.data.forEach((item: unknown, index) => {
          const term = glossaryTermSchema.safeParse(item);
          if (term.success) terms.push({ term: term.data, file, source, index });
          else if (typeof (item as { id?: unknown } | null)?.id === 'string') brokenIds.add((item as { id: string }).id);
        });
      }
    });
  }
  return { glossary: checkGlossary(terms, reader.diagnostics, brokenIds), entries: terms, brokenIds };
}

/** Document structures (templates/documents/*.yaml): section order and headings, as data. */
function loadDocumentTemplates(reader: ContentReader): { template: DocumentTemplate; file: string; source: YamlSource }[] {
  const templates: { template: DocumentTemplate; file: string; source: YamlSource }[] = [];
  for (const absolute of reader.list('templates/documents', ['.yaml', '.yml'])) {
    reader.guarded(absolute, () => {
      const { file, source } = reader.yaml(absolute);
      if (source.data === undefined) return;
      const template = parseWithDiagnostics(documentTemplateSchema, source.data, source, file, reader.diagnostics);
      if (!template) return;
      // Each document draws only the kinds of section it has data for: any other would be left out without a word.
      const allowed = template.id === 'thematic-report' ? THEMATIC_KINDS : template.id === 'inspection-report' ? INSPECTION_KINDS : undefined;
      template.sections.forEach((section, index) => {
        if (allowed && !allowed.has(section.kind)) {
          reader.diagnostics.error(file, source.positionOf(['sections', index, 'kind'], 'value'), 'template-section', `${template.id === 'thematic-report' ? 'a thematic report' : 'an inspection report'} has no "${section.kind}" section`, `its sections can be: ${[...allowed].join(', ')}`);
        }
      });
      templates.push({ template, file, source });
    });
  }
  return templates;
}

/** The publisher (content/publisher.yaml): one file, required, since every report prints it. */
function loadPublisher(reader: ContentReader): { publisher: Publisher; file: string; source: YamlSource } | undefined {
  const absolute = path.join(reader.root, 'content', 'publisher.yaml');
  if (!fs.existsSync(absolute)) {
    reader.diagnostics.error('content/publisher.yaml', undefined, 'missing-file', 'there is no content/publisher.yaml: every report prints its publisher, copyright and licence', 'copy content/publisher.yaml from the project this tool came with and change the details');
    return undefined;
  }
  return reader.guarded(absolute, () => {
    const { file, source } = reader.yaml(absolute);
    const publisher = source.data === undefined ? undefined : parseWithDiagnostics(publisherSchema, source.data, source, file, reader.diagnostics);
    return publisher && { publisher, file, source };
  });
}

export interface LoadOptions {
  /** The check's cache (check-cache.ts): `.cache/check` in `root` unless told. */
  cache?: CheckCache;
  /** What the previous check of this project in this process found, to reuse for what did not change (the live preview, live-memo.ts). */
  memo?: LiveMemo;
}

/**
 * Loads and checks everything under `root/content` and the document structures in `root/templates`,
 * the costly pure steps through the check's cache (the same result with or without it).
 */
export function loadProject(root: string, options: LoadOptions = {}): LoadResult {
  const cache = options.cache ?? new CheckCache(root);
  const previous = { markdown: useMarkdownStore(cache.enabled ? cache.markdownStore() : undefined), yaml: useYamlStore(cache.enabled ? cache.yamlStore() : undefined) };
  try {
    return loadAndCheck(root, cache, options.memo);
  } finally {
    useMarkdownStore(previous.markdown);
    useYamlStore(previous.yaml);
  }
}

function loadAndCheck(root: string, cache: CheckCache, memo: LiveMemo | undefined): LoadResult {
  const diagnostics = new DiagnosticList();
  const reader = new ContentReader(root, diagnostics);

  const notLoaded = { frameworks: new Set<string>(), services: new Set<string>() };
  const frameworks = loadFrameworks(reader, notLoaded.frameworks);
  const loadedServices: LoadedService[] = [];
  const services = loadServices(reader, notLoaded.services, loadedServices);
  const lineage = checkLineage(loadedServices, diagnostics, notLoaded.services);
  const { glossary, entries: glossaryEntries, brokenIds } = loadGlossary(reader);
  const easyReadTemplates = loadEasyReadTemplates(reader);
  const easyReadChecks = loadEasyReadChecks(reader);
  const loadedDocumentTemplates = loadDocumentTemplates(reader);
  const documentTemplates = loadedDocumentTemplates.map((entry) => entry.template);
  const publisher = loadPublisher(reader);
  const frameworkById = new Map(frameworks.map((entry) => [entry.framework.id, entry.framework]));
  // With a glossary file that cannot be read, which ids exist is not known: references to terms are not checked.
  const glossaryIds: ReadonlySet<string> = [...reader.unreadableYaml].some((file) => file.startsWith('content/glossary/'))
    ? new EveryId()
    : new Set([...glossary.map((term) => term.id), ...brokenIds]);
  const standardSections = standardSectionsOf(documentTemplates.find((t) => t.id === 'inspection-report'));

  const inspectionsFolder = path.join(root, 'content/inspections');
  const folders = reader.folders(inspectionsFolder).map((absolute) => path.basename(absolute));
  const loaded: LoadedInspection[] = [];
  const inspections: Inspection[] = [];
  const unreadable: string[] = [];
  if (memo) {
    memo.context = contextStamp(root, buildDateFrom(process.env));
    memo.reused = 0;
    memo.checked = 0;
  }
  // Each folder's whole check in the cache, keyed by its files and everything else it can read (folder-record.ts).
  const kept: KeptFolders | undefined = cache.enabled ? { cache, root, context: contextHash(root, buildDateFrom(process.env), ownFile), services, frameworkById, easyReadKeys: new Map() } : undefined;
  for (const slug of folders) {
    const check = () => reader.guarded(path.join(inspectionsFolder, slug), () => loadInspection(slug, { reader, frameworkById, services, glossaryIds, standardSections, notLoaded, reportTemplate: documentTemplates.find((t) => t.id === 'inspection-report'), easyReadTemplate: easyReadTemplates.find((t) => t.template.for === 'inspection')?.template }));
    const result = memo || kept ? checkFolderOnce(memo, kept, reader, path.join(inspectionsFolder, slug), check) : check();
    if (result?.loaded) loaded.push(result.loaded);
    else if (result?.known) unreadable.push(result.known);
    if (result?.inspection) inspections.push(result.inspection);
  }
  checkInspectionsTogether(loaded, diagnostics, unreadable, lineage);

  const project: Project = {
    frameworks: frameworks.map((entry) => entry.framework),
    services: [...services.values()],
    glossary,
    inspections,
    documentTemplates,
    publisher: publisher?.publisher ?? PLACEHOLDER_PUBLISHER,
    thematics: [],
    easyReadTemplates: easyReadTemplates.map((t) => t.template),
    annualReports: [],
    messages: loadMessages(reader),
    lang: 'en',
  };
  const { thematics, sources: thematicSources } = loadThematics(reader, glossaryIds, documentTemplates.find((t) => t.id === 'thematic-report'), easyReadTemplates.find((t) => t.template.for === 'thematic')?.template);
  project.thematics = thematics;
  // Easy-read versions are checked as they will be published, once everything they draw on is loaded;
  // not when a file all of them draw on is unreadable (each of their sentences could be reported for it).
  const drawnOnByAll = (file: string) => /^(content\/glossary\/|templates\/)/.test(file) || file === 'content/publisher.yaml' || file === 'content/easy-read-checks.yaml';
  if (![...reader.unreadableYaml].some(drawnOnByAll)) {
    // Where each report's YAML and each glossary term is written, for the easy-read checks' positions.
    const yamlSources = { inspection: new Map(loaded.map((l) => [l.slug, { file: l.file, source: l.source }])), thematic: thematicSources };
    const glossarySources = new Map(glossaryEntries.map((e) => [e.term.id, { file: e.file, source: e.source, index: e.index }]));
    checkEasyReadVersions(project, root, easyReadTemplates, yamlSources, glossarySources, easyReadChecks, diagnostics, reader.pictures, cache, memo, kept?.easyReadKeys);
    checkTranslatedEasyReadLanguage(project, root, easyReadTemplates, yamlSources, glossarySources, easyReadChecks, diagnostics, cache);
  }
  // Annual reports count the inspections loaded above.
  project.annualReports = loadAnnualReports(reader, project);
  checkWelshProject(
    {
      project,
      services: loadedServices,
      frameworks,
      inspections: new Map(loaded.map((entry) => [entry.slug, entry])),
      thematics: thematicSources,
      glossary: glossaryEntries,
      ...(publisher ? { publisher } : {}),
      documentTemplates: loadedDocumentTemplates,
      easyReadTemplates,
    },
    diagnostics,
  );
  checkGlyphs(reader.files, diagnostics);
  return { project, diagnostics: diagnostics.items, filesChecked: reader.filesChecked, pictures: reader.pictures };
}

/**
 * One inspection folder's check, or what it did last time (its result, and everything it reported,
 * read and found, done again in the same order) while the folder and its context are unchanged.
 */
function checkFolderOnce(memo: LiveMemo | undefined, kept: KeptFolders | undefined, reader: ContentReader, folder: string, check: () => FolderResult): FolderResult {
  const stamp = memo ? folderStamp(folder) : '';
  const { diagnostics } = reader;
  const replay = (record: Omit<FolderRecord<FolderResult>, 'stamp' | 'context'>) => {
    diagnostics.items.push(...record.diagnostics);
    reader.files.push(...record.files);
    reader.pictures.push(...record.pictures);
    reader.filesChecked += record.filesChecked;
    for (const file of record.unreadableYaml) reader.unreadableYaml.add(file);
    return record.result;
  };
  const remembered = memo?.folders.get(folder) as FolderRecord<FolderResult> | undefined;
  if (memo && remembered && remembered.stamp === stamp && remembered.context === memo.context) {
    memo.reused += 1;
    return replay(remembered);
  }
  // (The memo's own easy-read records serve a remembered folder: no cache key needed.)
  const content = kept && folderContent(folder);
  const key = content && kept.cache.key('folder', `${content.hash}\u0000${kept.context}`);
  const remember = (result: FolderResult) => {
    if (key && result?.inspection?.easyRead) kept!.easyReadKeys.set(result.inspection.easyRead, key);
    return result;
  };
  const stored = key ? kept.cache.read<Parameters<typeof restoreFolder>[0]>('folder', key) : undefined;
  const restored = stored && restoreFolder(stored, kept!.root, content!.texts, kept!.services, kept!.frameworkById);
  if (restored) {
    kept!.cache.hits += 1;
    if (memo) {
      memo.reused += 1;
      memo.folders.set(folder, { ...restored, stamp, context: memo.context });
    }
    return remember(replay(restored));
  }
  if (memo) memo.checked += 1;
  const before = { diagnostics: diagnostics.items.length, files: reader.files.length, pictures: reader.pictures.length, filesChecked: reader.filesChecked, unreadableYaml: reader.unreadableYaml.size };
  const result = check();
  const record: FolderRecord<FolderResult> = {
    stamp,
    context: memo?.context ?? '',
    result,
    diagnostics: diagnostics.items.slice(before.diagnostics),
    files: reader.files.slice(before.files),
    pictures: reader.pictures.slice(before.pictures),
    filesChecked: reader.filesChecked - before.filesChecked,
    unreadableYaml: [...reader.unreadableYaml].slice(before.unreadableYaml),
  };
  memo?.folders.set(folder, record);
  if (key) {
    kept!.cache.misses += 1;
    const storable = storeFolder(record);
    if (storable) kept!.cache.write('folder', key, storable);
  }
  return remember(result);
}

/** What checkFolderOnce needs to keep folders' checks in the cache and read them back. */
interface KeptFolders {
  cache: CheckCache;
  root: string;
  /** contextHash: everything a folder's check can read outside its own files. */
  context: string;
  services: ReadonlyMap<string, Service>;
  frameworkById: ReadonlyMap<string, Framework>;
  /** Each English easy-read version's folder key: its check is kept under it (checkEasyReadVersions). */
  easyReadKeys: Map<EasyReadFile, string>;
}

/**
 * loadProject, with the narratives the check's cache lacks parsed on the other cores meanwhile
 * (markdown-workers.ts; `parseAhead` is that, or a test's stand-in). loadProject is synchronous: the
 * workers are stopped once it ends, `workersStopped` saying when they are.
 */
export function loadProjectParsingAhead(root: string, options: LoadOptions = {}, parseAhead: typeof parseNarrativesAhead = parseNarrativesAhead): { result: LoadResult; workersStopped: Promise<void> } {
  const cache = options.cache ?? new CheckCache(root);
  const stopWorkers = parseAhead(root, cache);
  let result: LoadResult;
  try {
    result = loadProject(root, { ...options, cache });
  } catch (error) {
    void stopWorkers();
    throw error;
  }
  return { result, workersStopped: stopWorkers() };
}

/**
 * Everything `npm run check` and `npm run build` check: loadProject, then every picture file
 * decoded as the renderers will decode it (sharp is asynchronous, loadProject is not).
 */
export async function checkProject(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { result, workersStopped } = loadProjectParsingAhead(root, options);
  await workersStopped;
  const found = new DiagnosticList();
  await checkPictureDecoding(result.pictures, found);
  return { ...result, diagnostics: [...result.diagnostics, ...found.items] };
}
