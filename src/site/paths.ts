/**
 * Where every page of the site is, in each language, the service navigation, and which services
 * have a page.
 *
 * Addresses in two languages: English pages keep their addresses; a Welsh page is the same path
 * under /cy/ (/cy/inspections/<slug>/), slugs untranslated. The pages that exist in both live in
 * src/pages/[...lang]/, one file each: the rest parameter `lang` is undefined for English and "cy"
 * for Welsh (src/site/languages.ts). Pages only in English (ratings tables, annual reports, the
 * tracker, the data dictionary) stay where they are, and a Welsh page links to their English page.
 */
import type { Inspection } from '../model/project.ts';
import { messageKey } from '../model/messages.ts';
import { LANGUAGE_FACTS, type Lang } from '../model/language.ts';

/** Every address of the site as a page in `lang` links to it: its own language's page where there is one. */
export function pathsIn(lang: Lang) {
  const prefix = LANGUAGE_FACTS[lang].prefix;
  /** The page in this language: "/cy/inspections/" for "/inspections/". */
  const local = (path: string) => (prefix ? `/${prefix}${path}` : path);
  return {
    home: local('/'),
    inspections: local('/inspections/'),
    inspection: (slug: string) => local(`/inspections/${slug}/`),
    inspectionPdf: (slug: string) => local(`/inspections/${slug}/report.pdf`),
    facet: (facet: string, value: string) => local(`/inspections/${facet}/${value}/`),
    easyRead: (kind: 'inspection' | 'thematic', slug: string) => local(`/${kind === 'inspection' ? 'inspections' : 'thematic'}/${slug}/easy-read/`),
    services: local('/services/'),
    service: (slug: string) => local(`/services/${slug}/`),
    thematics: local('/thematic/'),
    thematic: (slug: string) => local(`/thematic/${slug}/`),
    /** A thematic report's full report, when it has one (report.mdx); /thematic/<slug>/ is its summary page. */
    thematicReport: (slug: string) => local(`/thematic/${slug}/report/`),
    thematicReportPdf: (slug: string) => local(`/thematic/${slug}/report.pdf`),
    /** Only in English, until their content has Welsh. */
    tracker: '/recommendations-tracker/',
    ratings: '/ratings/',
    annualReports: '/annual-reports/',
    glossary: local('/glossary/'),
    methodology: local('/methodology/'),
    accessibility: local('/accessibility/'),
    search: local('/search/'),
    feed: local('/feed.xml'),
    /** One Atom feed per service (its inspections) and one for the series of thematic reports. */
    serviceFeed: (slug: string) => local(`/services/${slug}/feed.xml`),
    thematicFeed: '/thematic/feed.xml',
    /** The data dictionary: every open data file described. */
    data: '/data/',
    sitemap: '/sitemap.xml',
    inspectionsData: '/data/inspections.json',
  } as const;
}

/** The English addresses. */
export const paths = pathsIn('en');

export type Paths = ReturnType<typeof pathsIn>;

/** The language of a page, from its address: Welsh under /cy/, English everywhere else. */
export function langOfPath(pathname: string): Lang {
  const prefix = LANGUAGE_FACTS.cy.prefix;
  return pathname === `/${prefix}` || pathname.startsWith(`/${prefix}/`) ? 'cy' : 'en';
}

/** The same page's address in another language (whether that page exists is public-pages.ts's to say). */
export function pathIn(pathname: string, lang: Lang): string {
  const from = langOfPath(pathname);
  const bare = from === 'en' ? pathname : pathname.slice(LANGUAGE_FACTS[from].prefix.length + 1) || '/';
  return LANGUAGE_FACTS[lang].prefix ? `/${LANGUAGE_FACTS[lang].prefix}${bare}` : bare;
}

/** The name a file of the site has in a language: "cy/inspections/<slug>/report.pdf" for a Welsh PDF. */
export const fileIn = (lang: Lang, name: string): string => (LANGUAGE_FACTS[lang].prefix ? `${LANGUAGE_FACTS[lang].prefix}/${name}` : name);

interface NavigationItem {
  label: string;
  href: string;
  within: readonly string[];
}

/**
 * The service navigation of every page in a language: its label's message, address, and the
 * addresses that count as within it. The Welsh navigation lists only the pages that exist in Welsh.
 */
export function navigationIn(lang: Lang): readonly NavigationItem[] {
  const at = pathsIn(lang);
  const items: (NavigationItem & { english?: true })[] = [
    { label: messageKey('site.nav.inspections'), href: at.inspections, within: [at.inspections, at.services] },
    { label: messageKey('site.nav.ratings'), href: at.ratings, within: [at.ratings], english: true },
    { label: messageKey('site.nav.annual-reports'), href: at.annualReports, within: [at.annualReports], english: true },
    { label: messageKey('site.nav.thematic-reports'), href: at.thematics, within: [at.thematics, at.tracker] },
    { label: messageKey('site.nav.glossary'), href: at.glossary, within: [at.glossary] },
    { label: messageKey('site.nav.how-we-rate'), href: at.methodology, within: [at.methodology] },
    { label: messageKey('site.nav.search'), href: at.search, within: [at.search] },
  ];
  return items.filter((item) => lang === 'en' || !item.english).map(({ label, href, within }) => ({ label, href, within }));
}

/** The English service navigation. */
export const NAVIGATION = navigationIn('en');

export interface ServiceWithInspections {
  readonly service: Inspection['service'];
  readonly inspections: readonly Inspection[];
}

const byServiceName = new Intl.Collator('en-GB').compare;
const servicesOf = new WeakMap<readonly Inspection[], readonly ServiceWithInspections[]>();

/**
 * The services with at least one public inspection: only they have a page. Made once per list of
 * inspections and shared (frozen), since every service page asks: made per page, it was quadratic
 * (4.6 ms a page at 10,000 inspections, twice on each of about 4,000 service pages).
 */
export function servicesWithInspections(inspections: readonly Inspection[]): readonly ServiceWithInspections[] {
  const known = servicesOf.get(inspections);
  if (known) return known;
  const services = new Map<string, { service: Inspection['service']; inspections: Inspection[] }>();
  for (const inspection of inspections) {
    const entry = services.get(inspection.service.slug) ?? { service: inspection.service, inspections: [] };
    entry.inspections.push(inspection);
    services.set(inspection.service.slug, entry);
  }
  const sorted = Object.freeze([...services.values()].map((entry) => Object.freeze({ service: entry.service, inspections: Object.freeze(entry.inspections) })).sort((a, b) => byServiceName(a.service.name, b.service.name)));
  servicesOf.set(inspections, sorted);
  return sorted;
}
