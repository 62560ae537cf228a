/**
 * Reports in more than one language. The project is loaded and checked once, in English with the
 * Welsh beside it; projectIn(project, lang) is the same project read in one language: every text
 * field an author wrote, every narrative and easy-read file, every framework, glossary, template
 * and publisher word in that language, while ratings, figures, samples and dates are the very
 * same objects (computed once, shown in both).
 *
 * STUB (to be completed by the content-model work): languages come from the service's nation and
 * the Welsh view is still the English text.
 */
import type { Inspection, Project, Thematic } from './project.ts';
import { REFERENCE_LANGUAGE, type Lang } from './language.ts';

/** The languages an inspection or a thematic report is published in, the reference language first. */
export function languagesOf(item: Inspection | Thematic): Lang[] {
  if ('service' in item) return item.service.nation === 'Wales' ? ['en', 'cy'] : ['en'];
  return ['en'];
}

const views = new WeakMap<Project, Map<Lang, Project>>();

/** The project read in a language (the same object for the language it was loaded in). */
export function projectIn(project: Project, lang: Lang): Project {
  if (lang === project.lang) return project;
  const base = project;
  let byLang = views.get(base);
  if (!byLang) views.set(base, (byLang = new Map()));
  let view = byLang.get(lang);
  if (!view) {
    const published = <T extends Inspection | Thematic>(items: T[]) => items.filter((item) => languagesOf(item).includes(lang));
    byLang.set(lang, (view = { ...base, lang, inspections: published(base.inspections), thematics: published(base.thematics), annualReports: lang === REFERENCE_LANGUAGE ? base.annualReports : [] }));
  }
  return view;
}
