/**
 * Welsh values for YAML text fields (issue 17): where something is published in Welsh, every text
 * field that has an English value has its Welsh value in the object's `cy:` map, and a Welsh list
 * has as many items as the English one. Each file is checked once, however many Welsh reports draw
 * on it (a framework, the publisher, a template, a glossary term).
 */
import type { z } from 'zod';
import type { DiagnosticList } from '../diagnostics.ts';
import type { YamlSource } from '../../source/yaml-file.ts';
import { translatableObjects, WELSH_KEY } from '../../model/schemas/welsh.ts';
import { fieldName } from '../schema-issues.ts';
import type { Lang } from '../../model/language.ts';
import { toString } from 'mdast-util-to-string';
import { hasCaseData, type Project } from '../../model/project.ts';
import { languagesOf, serviceLanguages } from '../../model/translations.ts';
import { termsUsedIn } from '../../model/glossary-terms.ts';
import { serviceSchema, type Service } from '../../model/schemas/service.ts';
import { frameworkSchema, type Framework } from '../../model/schemas/framework.ts';
import { inspectionSchema } from '../../model/schemas/inspection.ts';
import { thematicSchema } from '../../model/schemas/thematic.ts';
import { glossaryTermSchema, type GlossaryTerm } from '../../model/schemas/glossary.ts';
import { publisherSchema } from '../../model/schemas/publisher.ts';
import { documentTemplateSchema, type DocumentTemplate } from '../../model/schemas/document-template.ts';
import { easyReadTemplateSchema, type EasyReadTemplate } from '../../model/schemas/easy-read-template.ts';

/** A file (or a part of one) to check, as parsed, with the schema that parsed it. */
export interface WelshTarget {
  file: string;
  source: Pick<YamlSource, 'positionOf'>;
  schema: z.ZodType;
  value: unknown;
  /** Where the value is in the file, when it is one entry of it (a glossary term). */
  at?: (string | number)[];
  /** Why it needs Welsh, in a few words: "the report is published in Welsh". */
  because?: string;
}

/** The first few words of an English value, to say which Welsh is wanted. */
export function firstWords(text: string, count = 8): string {
  const words = text.trim().split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** Every translatable field of the target that has an English value and no Welsh one, or a Welsh list of another length. */
export function checkWelshValues(target: WelshTarget, diagnostics: DiagnosticList): void {
  const { file, source } = target;
  for (const object of translatableObjects(target.schema, target.value)) {
    const path = [...(target.at ?? []), ...object.path];
    const welsh = (object.value[WELSH_KEY] ?? {}) as Record<string, unknown>;
    for (const field of object.fields) {
      const english = object.value[field];
      if (isEmpty(english) || object.free.has(field)) continue;
      const name = fieldName([...path, field]);
      const given = welsh[field];
      if (isEmpty(given)) {
        const sample = Array.isArray(english) ? english.map(String)[0]! : String(english);
        const example = Array.isArray(english) ? `[${english.length === 1 ? '…' : `${english.length} items`}]` : '…';
        diagnostics.error(
          file,
          source.positionOf([...path, field], 'key'),
          'welsh-missing',
          `${name} has no Welsh value: ${target.because ?? 'this is published in Welsh'}`,
          `add cy: { ${field}: ${example} } beside it with the Welsh for "${firstWords(sample)}"${Array.isArray(english) ? `${english.length > 1 ? ' and the other items, in the same order' : ''}` : ''}`,
        );
      } else if (Array.isArray(english) && Array.isArray(given) && given.length !== english.length) {
        diagnostics.error(
          file,
          source.positionOf([...path, WELSH_KEY, field], 'key'),
          'welsh-list-length',
          `the Welsh ${fieldName([...path, WELSH_KEY, field])} has ${given.length} ${given.length === 1 ? 'item' : 'items'} but the English ${field} has ${english.length}`,
          `give the Welsh of each English item, in the same order: one item for each of ${english.length}`,
        );
      }
    }
  }
}

/** The place in a file and the list an item's languages are written in, for the error when they are not within its service's. */
export interface LanguagesWithin {
  file: string;
  source: Pick<YamlSource, 'positionOf'>;
  languages: readonly Lang[] | undefined;
  allowed: readonly Lang[];
  serviceFile: string;
}

/** An inspection is published in its service's languages or fewer: a report in Welsh of a service that is not is an error. */
export function checkLanguagesWithin({ file, source, languages, allowed, serviceFile }: LanguagesWithin, diagnostics: DiagnosticList): void {
  if (!languages) return;
  languages.forEach((lang, index) => {
    if (!allowed.includes(lang)) {
      diagnostics.error(
        file,
        source.positionOf(['languages', index], 'value'),
        'languages-not-in-service',
        `languages names ${lang}, but the service is published in ${allowed.join(' and ')} only`,
        `remove ${lang} here, or add it to the languages: of ${serviceFile}`,
      );
    }
  });
}

/** Where each loaded object was written, for the Welsh check of everything published in Welsh. */
export interface WelshSources {
  project: Project;
  services: readonly { service: Service; file: string; source: Pick<YamlSource, 'positionOf'> }[];
  frameworks: readonly { framework: Framework; file: string; source: Pick<YamlSource, 'positionOf'> }[];
  /** inspection.yaml of each inspection, by slug. */
  inspections: ReadonlyMap<string, { file: string; source: Pick<YamlSource, 'positionOf'> }>;
  /** thematic.yaml of each thematic report, by slug. */
  thematics: ReadonlyMap<string, Pick<YamlSource, 'positionOf'>>;
  glossary: readonly { term: GlossaryTerm; file: string; source: Pick<YamlSource, 'positionOf'>; index: number }[];
  publisher?: { file: string; source: Pick<YamlSource, 'positionOf'> };
  documentTemplates: readonly { template: DocumentTemplate; file: string; source: Pick<YamlSource, 'positionOf'> }[];
  easyReadTemplates: readonly { template: EasyReadTemplate; file: string; source: Pick<YamlSource, 'positionOf'> }[];
}

/** Every piece of text in a value (an easy-read source, a YAML file as parsed): where glossary terms may be used. */
function textsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) value.forEach((item) => textsIn(item, found));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((item) => textsIn(item, found));
  return found;
}

/**
 * The languages of every inspection within its service's, then the Welsh values of everything
 * published in Welsh: each inspection, thematic report and service in Welsh, and, once each, the
 * frameworks, glossary terms, publisher and templates they print.
 */
export function checkWelshProject(sources: WelshSources, diagnostics: DiagnosticList): void {
  const { project } = sources;
  const serviceFile = new Map(sources.services.map((entry) => [entry.service.slug, entry]));
  const welshFrameworks = new Map<string, string[]>();
  const texts: string[] = [];
  const termIds = new Set<string>();
  const templateKinds = new Set<'inspection' | 'thematic'>();
  const easyReadKinds = new Set<'inspection' | 'thematic'>();

  for (const inspection of project.inspections) {
    const written = sources.inspections.get(inspection.slug);
    if (!written) continue;
    const service = serviceFile.get(inspection.service.slug);
    checkLanguagesWithin({ file: written.file, source: written.source, languages: inspection.source.languages, allowed: serviceLanguages(inspection.service), serviceFile: service?.file ?? 'the service file' }, diagnostics);
    if (!languagesOf(inspection).includes('cy')) continue;
    checkWelshValues({ file: written.file, source: written.source, schema: inspectionSchema, value: inspection.source, because: 'the report is published in Welsh' }, diagnostics);
    welshFrameworks.set(inspection.framework.id, [...(welshFrameworks.get(inspection.framework.id) ?? []), inspection.slug]);
    if (hasCaseData(inspection)) {
      templateKinds.add('inspection');
      texts.push(toString(inspection.narrative), ...textsIn(inspection.source));
      inspection.source.glossary.forEach((id) => termIds.add(id));
      if (inspection.easyRead) {
        easyReadKinds.add('inspection');
        texts.push(...textsIn(inspection.easyRead.source.sections));
      }
    }
  }
  for (const thematic of project.thematics) {
    const source = sources.thematics.get(thematic.slug);
    if (!source || !languagesOf(thematic).includes('cy')) continue;
    checkWelshValues({ file: thematic.file, source, schema: thematicSchema, value: thematic.source, because: 'the report is published in Welsh' }, diagnostics);
    templateKinds.add('thematic');
    texts.push(...textsIn(thematic.source), ...(thematic.narrative ? [toString(thematic.narrative.tree)] : []));
    thematic.source.glossary.forEach((id) => termIds.add(id));
    if (thematic.easyRead) {
      easyReadKinds.add('thematic');
      texts.push(...textsIn(thematic.easyRead.source.sections));
    }
  }
  const anythingInWelsh = welshFrameworks.size > 0 || templateKinds.size > 0 || project.annualReports.some((report) => languagesOf(report).includes('cy'));

  // Services in Wales: their pages (and their historic records) are published in Welsh whether or not they have a full report.
  for (const entry of sources.services) {
    if (serviceLanguages(entry.service).includes('cy')) checkWelshValues({ file: entry.file, source: entry.source, schema: serviceSchema, value: entry.service, because: "the service's reports are published in Welsh" }, diagnostics);
  }
  for (const entry of sources.frameworks) {
    const reports = welshFrameworks.get(entry.framework.id);
    if (reports) checkWelshValues({ file: entry.file, source: entry.source, schema: frameworkSchema, value: entry.framework, because: `reports published in Welsh use this framework (${reports.length > 2 ? `${reports.slice(0, 2).join(', ')} and ${reports.length - 2} more` : reports.join(' and ')})` }, diagnostics);
  }
  termsUsedIn(texts, project.glossary).forEach((term) => termIds.add(term.id));
  for (const entry of sources.glossary) {
    if (termIds.has(entry.term.id)) checkWelshValues({ file: entry.file, source: entry.source, schema: glossaryTermSchema, value: entry.term, at: [entry.index], because: `reports published in Welsh use the term "${entry.term.term}"` }, diagnostics);
  }
  if (anythingInWelsh && sources.publisher) checkWelshValues({ ...sources.publisher, schema: publisherSchema, value: project.publisher, because: 'every report published in Welsh prints it' }, diagnostics);
  for (const entry of sources.documentTemplates) {
    const kind = entry.template.id === 'inspection-report' ? 'inspection' : entry.template.id === 'thematic-report' ? 'thematic' : undefined;
    if (kind && templateKinds.has(kind)) checkWelshValues({ file: entry.file, source: entry.source, schema: documentTemplateSchema, value: entry.template, because: `${kind === 'inspection' ? 'inspection' : 'thematic'} reports are published in Welsh` }, diagnostics);
  }
  for (const entry of sources.easyReadTemplates) {
    if (easyReadKinds.has(entry.template.for)) checkWelshValues({ file: entry.file, source: entry.source, schema: easyReadTemplateSchema, value: entry.template, because: `easy-read versions of ${entry.template.for === 'inspection' ? 'inspection' : 'thematic'} reports are published in Welsh` }, diagnostics);
  }
}
