/** Where every page of the site is, the service navigation, and which services have a page. */
import type { Inspection } from '../model/project.ts';
import { messageKey } from '../model/messages.ts';

export const paths = {
  home: '/',
  inspections: '/inspections/',
  inspection: (slug: string) => `/inspections/${slug}/`,
  inspectionPdf: (slug: string) => `/inspections/${slug}/report.pdf`,
  facet: (facet: string, value: string) => `/inspections/${facet}/${value}/`,
  easyRead: (kind: 'inspection' | 'thematic', slug: string) => `/${kind === 'inspection' ? 'inspections' : 'thematic'}/${slug}/easy-read/`,
  services: '/services/',
  service: (slug: string) => `/services/${slug}/`,
  thematics: '/thematic/',
  thematic: (slug: string) => `/thematic/${slug}/`,
  /** A thematic report's full report, when it has one (report.mdx); /thematic/<slug>/ is its summary page. */
  thematicReport: (slug: string) => `/thematic/${slug}/report/`,
  thematicReportPdf: (slug: string) => `/thematic/${slug}/report.pdf`,
  tracker: '/recommendations-tracker/',
  ratings: '/ratings/',
  annualReports: '/annual-reports/',
  glossary: '/glossary/',
  methodology: '/methodology/',
  accessibility: '/accessibility/',
  search: '/search/',
  feed: '/feed.xml',
  /** One Atom feed per service (its inspections) and one for the series of thematic reports. */
  serviceFeed: (slug: string) => `/services/${slug}/feed.xml`,
  thematicFeed: '/thematic/feed.xml',
  /** The data dictionary: every open data file described. */
  data: '/data/',
  sitemap: '/sitemap.xml',
  inspectionsData: '/data/inspections.json',
} as const;

/** The service navigation of every page: its label's message, address, and the addresses that count as within it. */
export const NAVIGATION: readonly { label: string; href: string; within: readonly string[] }[] = [
  { label: messageKey('site.nav.inspections'), href: paths.inspections, within: [paths.inspections, paths.services] },
  { label: messageKey('site.nav.ratings'), href: paths.ratings, within: [paths.ratings] },
  { label: messageKey('site.nav.annual-reports'), href: paths.annualReports, within: [paths.annualReports] },
  { label: messageKey('site.nav.thematic-reports'), href: paths.thematics, within: [paths.thematics, paths.tracker] },
  { label: messageKey('site.nav.glossary'), href: paths.glossary, within: [paths.glossary] },
  { label: messageKey('site.nav.how-we-rate'), href: paths.methodology, within: [paths.methodology] },
  { label: messageKey('site.nav.search'), href: paths.search, within: [paths.search] },
];

/** The services with at least one public inspection: only they have a page. */
export function servicesWithInspections(inspections: readonly Inspection[]) {
  const services = new Map<string, { service: Inspection['service']; inspections: Inspection[] }>();
  for (const inspection of inspections) {
    const entry = services.get(inspection.service.slug) ?? { service: inspection.service, inspections: [] };
    entry.inspections.push(inspection);
    services.set(inspection.service.slug, entry);
  }
  return [...services.values()].sort((a, b) => a.service.name.localeCompare(b.service.name, 'en-GB'));
}

