/**
 * The list of public pages the sitemap is written from. It comes from the site model
 * (src/site/model.ts), which holds only what may be published on the build date, so a draft or an
 * embargoed report can never be listed.
 */
import type { Inspection, Thematic } from '../model/project.ts';
import { LANGUAGES, REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';
import { FACETS, facetValues, withFacet } from './listing.ts';
import { paths as englishPaths, pathIn, pathsIn, servicesWithInspections } from './paths.ts';
import { ratingsYears } from './ratings.ts';
import { siteModel } from './model.ts';
import { oncePerSite, siteIn } from './site.ts';

export interface SitePage {
  path: string;
  /** YYYY-MM-DD: when what the page shows last changed, from the content (never the clock). */
  lastmod?: string;
}

/** The ratings tables (all inspections, then one per year of fieldwork) and the annual reports, from their own modules' lists. */
function otherSections(): SitePage[] {
  const site = siteModel();
  const reports = site.annualReports;
  const paths = englishPaths;
  return [
    { path: paths.ratings },
    ...ratingsYears(site).map((year) => ({ path: `${paths.ratings}${year}/` })),
    { path: paths.annualReports },
    ...reports.map((report) => ({ path: `${paths.annualReports}${report.year}/` })),
  ];
}

/**
 * Every public HTML page of the site in a language (not the 404 page, PDFs or data files), in a
 * stable order, given the site in that language (siteIn): a Welsh page for each report published in
 * Welsh, and the site pages whose words are all the tool's or the framework's.
 */
export function publicPages(model: { inspections: readonly Inspection[]; thematics: readonly Thematic[] }, lang: Lang = REFERENCE_LANGUAGE): SitePage[] {
  const { inspections, thematics } = model;
  const paths = pathsIn(lang);
  const english = lang === REFERENCE_LANGUAGE;
  const latest = (dates: string[]) => dates.sort().at(-1);
  const newest = latest([...inspections.map((i) => i.source.published), ...thematics.map((t) => t.source.published)]);
  const newestInspection = latest(inspections.map((i) => i.source.published));
  const newestThematic = latest(thematics.map((t) => t.source.published));
  const dated = (pagePath: string, lastmod: string | undefined): SitePage => (lastmod ? { path: pagePath, lastmod } : { path: pagePath });
  const pages: SitePage[] = [dated(paths.home, newest), dated(paths.inspections, newestInspection)];
  for (const facet of FACETS) {
    for (const { value } of facetValues(inspections, facet.id)) {
      pages.push(dated(paths.facet(facet.id, value), latest(withFacet(inspections, facet.id, value).map((i) => i.source.published))));
    }
  }
  for (const inspection of [...inspections].sort((a, b) => a.slug.localeCompare(b.slug))) {
    pages.push(dated(paths.inspection(inspection.slug), inspection.source.corrections.at(-1)?.date ?? inspection.source.published));
    if (inspection.easyRead) pages.push(dated(paths.easyRead('inspection', inspection.slug), inspection.source.published));
  }
  pages.push(dated(paths.services, newestInspection));
  for (const { service, inspections: ofService } of servicesWithInspections(inspections)) pages.push(dated(paths.service(service.slug), latest(ofService.map((i) => i.source.published))));
  pages.push(dated(paths.thematics, newestThematic));
  for (const thematic of [...thematics].sort((a, b) => a.slug.localeCompare(b.slug))) {
    pages.push(dated(paths.thematic(thematic.slug), thematic.source.corrections.at(-1)?.date ?? thematic.source.published));
    if (thematic.narrative) pages.push(dated(paths.thematicReport(thematic.slug), thematic.source.corrections.at(-1)?.date ?? thematic.source.published));
    if (thematic.easyRead) pages.push(dated(paths.easyRead('thematic', thematic.slug), thematic.source.published));
  }
  if (english) pages.push(dated(paths.tracker, newestThematic));
  if (english) pages.push(...otherSections());
  pages.push({ path: paths.glossary }, { path: paths.methodology });
  if (english) pages.push({ path: paths.data });
  pages.push({ path: paths.accessibility }, { path: paths.search });
  return pages;
}

/** Every public page in every language: English first, then each other language's. */
export function publicPagesInEveryLanguage(): (SitePage & { lang: Lang })[] {
  const site = siteModel();
  return LANGUAGES.flatMap((lang) => publicPages(siteIn(site, lang), lang).map((page) => ({ ...page, lang })));
}

/**
 * The same page in each language it exists in, for hreflang alternates, the language switch and
 * the sitemap: the addresses by language, for a page of any language. A page only one language has
 * has no alternates.
 */
export function alternatesOf(pathname: string): Partial<Record<Lang, string>> {
  const site = siteModel();
  const existing = oncePerSite(site, 'public-pages-by-language', () => new Map(LANGUAGES.map((lang) => [lang, new Set(publicPages(siteIn(site, lang), lang).map((page) => page.path))])));
  const found: Partial<Record<Lang, string>> = {};
  for (const lang of LANGUAGES) {
    const path = pathIn(pathname, lang);
    if (existing.get(lang)!.has(path)) found[lang] = path;
  }
  return Object.keys(found).length > 1 ? found : {};
}
