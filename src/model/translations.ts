/**
 * Reports in more than one language. The project is loaded and checked once, in English with the
 * Welsh beside it; projectIn(project, lang) is the same project read in one language: every text
 * field an author wrote (each object's `cy:` values swapped in), every narrative and easy-read file,
 * every framework, glossary, template and publisher word in that language, while ratings, figures,
 * cases and dates are the very same objects (computed once, shown in both).
 */
import type { AnnualReport, Inspection, Project, Thematic } from './project.ts';
import type { Service } from './schemas/service.ts';
import type { Framework } from './schemas/framework.ts';
import { REFERENCE_LANGUAGE, type Lang } from './language.ts';
import { WELSH_KEY } from './schemas/welsh.ts';

/** The languages a service's reports are published in: its own list, else English and Welsh in Wales, English elsewhere. */
export function serviceLanguages(service: Pick<Service, 'nation' | 'languages'>): Lang[] {
  return service.languages ?? (service.nation === 'Wales' ? ['en', 'cy'] : ['en']);
}

/**
 * The languages an inspection, thematic report or annual report is published in, the reference
 * language first: an inspection's own list, else its service's; a thematic or annual report's own
 * list, else English only. Historic records follow their service too (their pages are the tool's
 * words and names).
 */
export function languagesOf(item: Inspection | Thematic | AnnualReport): Lang[] {
  const own = item.source.languages;
  const languages = own ?? ('service' in item ? serviceLanguages(item.service) : [REFERENCE_LANGUAGE]);
  return [REFERENCE_LANGUAGE, ...languages.filter((lang) => lang !== REFERENCE_LANGUAGE)];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * A copy of a value with each object's Welsh values swapped in (`{ ...object, ...object.cy }`, at
 * every depth) and the `cy` maps dropped. Values without any `cy` map are returned as they are.
 */
export function inWelsh<T>(value: T): T {
  if (Array.isArray(value)) {
    const items = value.map((item) => inWelsh(item));
    return (items.some((item, index) => item !== value[index]) ? items : value) as T;
  }
  if (!isPlainObject(value)) return value;
  let changed = WELSH_KEY in value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === WELSH_KEY) continue;
    const translated = inWelsh(field);
    if (translated !== field) changed = true;
    copy[key] = translated;
  }
  const welsh = value[WELSH_KEY];
  if (isPlainObject(welsh)) for (const [key, field] of Object.entries(welsh)) if (field !== undefined) copy[key] = field;
  return (changed ? copy : value) as T;
}

/** The project a view was made from (a project as loaded is its own). */
const baseOf = new WeakMap<Project, Project>();
const views = new WeakMap<Project, Map<Lang, Project>>();

/** The project read in a language: made once per project and language (the project itself for the language it was loaded in). */
export function projectIn(project: Project, lang: Lang): Project {
  const base = baseOf.get(project) ?? project;
  if (lang === base.lang) return base;
  let byLang = views.get(base);
  if (!byLang) views.set(base, (byLang = new Map()));
  let view = byLang.get(lang);
  if (!view) {
    view = makeView(base, lang);
    baseOf.set(view, base);
    byLang.set(lang, view);
  }
  return view;
}

function makeView(base: Project, lang: Lang): Project {
  if (lang !== 'cy') throw new Error(`no view of the project in "${lang}": only Welsh values (cy:) are held beside the English`);
  // One translated object per original, so that every inspection of a service holds the same service object.
  const services = new Map(base.services.map((service) => [service, inWelsh(service)]));
  const frameworks = new Map(base.frameworks.map((framework) => [framework, inWelsh(framework)]));
  const serviceIn = (service: Service) => services.get(service) ?? inWelsh(service);
  const frameworkIn = (framework: Framework) => frameworks.get(framework) ?? inWelsh(framework);

  const inspections = base.inspections
    .filter((inspection) => languagesOf(inspection).includes(lang))
    .map((inspection): Inspection => {
      const translation = inspection.translations?.[lang];
      return {
        ...inspection,
        source: inWelsh(inspection.source),
        service: serviceIn(inspection.service),
        framework: frameworkIn(inspection.framework),
        ...(translation ? { narrativeFile: translation.narrativeFile, narrative: translation.narrative } : {}),
        ...(translation?.easyRead ? { easyRead: translation.easyRead } : {}),
      };
    });
  const thematics = base.thematics
    .filter((thematic) => languagesOf(thematic).includes(lang))
    .map((thematic): Thematic => {
      const translation = thematic.translations?.[lang];
      return {
        ...thematic,
        source: inWelsh(thematic.source),
        ...(translation?.narrative ? { narrative: translation.narrative } : {}),
        ...(translation?.easyRead ? { easyRead: translation.easyRead } : {}),
      };
    });
  const annualReports = base.annualReports
    .filter((report) => languagesOf(report).includes(lang))
    .map((report): AnnualReport => {
      const translation = report.translations?.[lang];
      return { ...report, source: inWelsh(report.source), ...(translation ? { file: translation.file, narrative: translation.narrative } : {}) };
    });
  return {
    ...base,
    lang,
    services: [...services.values()],
    frameworks: [...frameworks.values()],
    glossary: inWelsh(base.glossary),
    publisher: inWelsh(base.publisher),
    documentTemplates: inWelsh(base.documentTemplates),
    easyReadTemplates: inWelsh(base.easyReadTemplates),
    inspections,
    thematics,
    annualReports,
  };
}

/**
 * A standard's words in a view's language. An inspection's rating (inspection.rating) is the same
 * object in every view, so the names, statements and reasons it copied when it was computed are the
 * English ones: renderers of a view take them from here (the view's framework and inspection.yaml).
 */
export function standardWords(inspection: Inspection, standardId: string): { name: string; statement: string; keyQuestions: Map<string, string>; judgementRationale: string | null; notRatedReason: string | null } | undefined {
  for (const domain of inspection.framework.domains) {
    const standard = domain.standards.find((s) => s.id === standardId);
    if (!standard) continue;
    const written = inspection.source.ratings[standardId];
    const computed = inspection.rating.standards.find((s) => s.id === standardId);
    return {
      name: standard.name,
      statement: standard.statement,
      keyQuestions: new Map(standard.keyQuestions.map((question) => [question.id, question.text])),
      judgementRationale: computed?.professionalJudgement ? (written?.override?.rationale ?? computed.judgementRationale) : null,
      notRatedReason: written?.notRatedReason ?? computed?.notRatedReason ?? null,
    };
  }
  return undefined;
}

/**
 * Every inspection of the project, whatever languages each is published in, read in the view's
 * language where it has its words: a view in another language lists only the inspections published
 * in it, but a figure across all of them (an annual report's) counts the same inspections in every
 * language. The frameworks and services are the view's own objects.
 */
export function everyInspectionIn(view: Project): Inspection[] {
  const base = baseOf.get(view) ?? view;
  if (base === view) return view.inspections;
  const inView = new Map(view.inspections.map((inspection) => [inspection.slug, inspection]));
  const services = new Map(base.services.map((service, index) => [service, view.services[index]!]));
  const frameworks = new Map(base.frameworks.map((framework, index) => [framework, view.frameworks[index]!]));
  return base.inspections.map(
    (inspection) =>
      inView.get(inspection.slug) ?? {
        ...inspection,
        source: inWelsh(inspection.source),
        service: services.get(inspection.service) ?? inWelsh(inspection.service),
        framework: frameworks.get(inspection.framework) ?? inWelsh(inspection.framework),
      },
  );
}
