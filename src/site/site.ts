/**
 * The site a build publishes: the checked project, the build date, whether drafts are shown, and
 * the reports that may appear, newest first. Every page, PDF, data file and feed is made from one
 * of these, so a draft, an embargoed report or a report dated after the build date can only appear
 * in a build that asked for drafts (`npm run preview:drafts`, or the live preview).
 */
import { isPublic, type AnnualReport, type Inspection, type Project, type Thematic } from '../model/project.ts';
import type { Lang } from '../model/language.ts';
import { projectIn } from '../model/translations.ts';

export interface Site {
  project: Project;
  /** YYYY-MM-DD: what "published" means is decided against this date. */
  buildDate: string;
  /** Whether drafts, embargoed reports and reports dated after the build date are shown. */
  drafts: boolean;
  /** The watermark of every PDF page: the draft notice (in the site's language) in a preview, none in public output. */
  watermark?: string;
  inspections: Inspection[];
  thematics: Thematic[];
  /** Newest year first. */
  annualReports: AnnualReport[];
}

const newestFirst = <T extends { slug: string; source: { published: string } }>(a: T, b: T) =>
  a.source.published === b.source.published ? a.slug.localeCompare(b.slug) : a.source.published < b.source.published ? 1 : -1;

export function siteOf(project: Project, { buildDate, drafts }: { buildDate: string; drafts: boolean }): Site {
  const shown = (report: Parameters<typeof isPublic>[0]) => drafts || isPublic(report, buildDate);
  return {
    project,
    buildDate,
    drafts,
    ...(drafts ? { watermark: project.messages[project.lang].t('documents.draft-watermark') } : {}),
    inspections: project.inspections.filter(shown).sort(newestFirst),
    thematics: project.thematics.filter(shown).sort(newestFirst),
    annualReports: project.annualReports.filter(shown).sort((a, b) => b.year.localeCompare(a.year)),
  };
}

const inLanguages = new WeakMap<Site, Map<Lang, Site>>();
/**
 * The site in a language: the same build date and drafts, the project read in that language
 * (projectIn), and only what is published in it. site.project.lang says which language a site is in.
 * Made once per site and language, so each language's documents are cached apart (oncePerSite).
 */
export function siteIn(site: Site, lang: Lang): Site {
  if (site.project.lang === lang) return site;
  let byLang = inLanguages.get(site);
  if (!byLang) inLanguages.set(site, (byLang = new Map()));
  let local = byLang.get(lang);
  if (!local) byLang.set(lang, (local = siteOf(projectIn(site.project, lang), { buildDate: site.buildDate, drafts: site.drafts })));
  return local;
}

const made = new WeakMap<Site, Map<string, unknown>>();
/**
 * What `make` gives for this site, made once: tables, documents and data files that several pages
 * share. Kept as long as the site is, so a new site (content edited in the live preview) starts
 * afresh with no cache to empty.
 */
export function oncePerSite<T>(site: Site, key: string, make: () => T): T {
  let values = made.get(site);
  if (!values) made.set(site, (values = new Map()));
  if (!values.has(key)) values.set(key, make());
  return values.get(key) as T;
}
