/**
 * The Atom feed of published reports and the sitemap, written from the site model: only what may
 * be published on the build date, dated by the content (publication dates), never by the clock, so
 * the same content always gives the same bytes.
 */
import type { Element } from 'xast';
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { Inspection, Project, Thematic } from '../model/project.ts';
import type { Correction } from '../model/schemas/correction.ts';
import { ratingInline } from '../document/report-tables.ts';
import { reportTitle } from '../document/report-document.ts';
import { formatDate } from '../document/dates.ts';
import { SCORE_NOT_PUBLISHED, scoreText } from './listing.ts';
import { isYearOnly } from '../model/schemas/common.ts';
import { kindLabel, kindOf } from '../model/inspection-kind.ts';
import { paths } from './paths.ts';
import type { SitePage } from './public-pages.ts';

/**
 * An XML document: the declaration, then the root element with each child on a line of its own,
 * indented by two spaces a level. Empty elements are closed as `<link …/>`.
 */
function xmlDocument(root: Element): string {
  const declaration = { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' } as const;
  return toXml(x(null, [declaration, '\n', indented(root, 0), '\n']), { closeEmptyElements: true, tightClose: true });
}

/** The element with its children (elements) each on its own line, one level deeper than it. */
function indented(element: Element, depth: number): Element {
  const inside = `\n${'  '.repeat(depth + 1)}`;
  return { ...element, children: [...element.children.flatMap((child) => [{ type: 'text' as const, value: inside }, child]), { type: 'text', value: `\n${'  '.repeat(depth)}` }] };
}

/** A date as an Atom timestamp: the start of the day, UTC. */
const atomDate = (date: string) => `${date}T00:00:00Z`;

interface FeedEntry {
  title: string;
  url: string;
  published: string;
  /** The last correction's date, or the publication date for a report never corrected. */
  updated: string;
  summary: string;
  category: { term: string; label: string };
  pdf?: string;
}

/** A corrected report's entry says so first: "Corrected on 2 May 2026: <what changed>." */
function correctedSummary(corrections: readonly Correction[]): string {
  const last = corrections.at(-1);
  return last ? `Corrected on ${formatDate(last.date)}: ${last.what} ` : '';
}

/**
 * A feed entry needs its day of publication: a historic record known only by its year is left out
 * of the feeds rather than given a made-up day (its page, the lists and the open data have it).
 */
export const hasFeedDate = (inspection: Pick<Inspection, 'source'>): boolean => !isYearOnly(inspection.source.published);

function inspectionEntry(inspection: Inspection, site: URL): FeedEntry {
  const overall = ratingInline(inspection, inspection.rating.overall.rating, false);
  const score = scoreText(inspection);
  const fictional = inspection.service.fictional ? ' A fictional sample report.' : '';
  // A historic record is in the feed like any report, dated by its original publication (so it sorts
  // among the reports of its time, not as news), with no PDF: the entry says where the report is.
  if (inspection.historic) {
    return {
      title: `${reportTitle(inspection)} (historic record)`,
      url: new URL(paths.inspection(inspection.slug), site).href,
      published: inspection.source.published,
      updated: inspection.source.published,
      summary: `Overall rating: ${overall.label}${score === '–' ? '' : score === SCORE_NOT_PUBLISHED ? ' (score not published)' : ` (${score})`}. A historic record: the published ratings of a report first published on ${formatDate(inspection.source.published)}, before this site; the page links to the original publication.${fictional}`,
      category: { term: kindOf(inspection.source), label: kindLabel(inspection.source) },
    };
  }
  return {
    title: reportTitle(inspection),
    url: new URL(paths.inspection(inspection.slug), site).href,
    published: inspection.source.published,
    updated: inspection.source.corrections.at(-1)?.date ?? inspection.source.published,
    summary: `${correctedSummary(inspection.source.corrections)}Overall rating: ${overall.label}${score === '–' ? '' : ` (${score})`}. Fieldwork ${formatDate(inspection.source.fieldwork.start)} to ${formatDate(inspection.source.fieldwork.end)}.${fictional}`,
    category: { term: kindOf(inspection.source), label: kindLabel(inspection.source) },
    pdf: new URL(paths.inspectionPdf(inspection.slug), site).href,
  };
}

function thematicEntry(thematic: Thematic, site: URL): FeedEntry {
  const fictional = thematic.source.fictional ? ' A fictional sample report.' : '';
  return {
    title: thematic.source.title,
    url: new URL(paths.thematic(thematic.slug), site).href,
    published: thematic.source.published,
    updated: thematic.source.corrections.at(-1)?.date ?? thematic.source.published,
    summary: `${correctedSummary(thematic.source.corrections)}${thematic.source.summary}${fictional}`,
    category: { term: 'thematic', label: 'Thematic inspection' },
  };
}

type FeedModel = { project: Project; inspections: readonly Inspection[]; thematics: readonly Thematic[]; buildDate: string };

interface FeedOf {
  title: string;
  subtitle: string;
  /** The feed's own address (its id) and the page it is the feed of. */
  self: string;
  alternate: string;
  entries: FeedEntry[];
}

/** Atom 1.0: published inspections and thematic reports, newest first; ids are the reports' canonical URLs. */
export function atomFeed(model: FeedModel, site: URL): string {
  const { publisher } = model.project;
  return feedXml(model, site, {
    title: `Inspection reports – ${publisher.shortName}`,
    subtitle: `Inspection reports and thematic reports published by ${publisher.name}, newest first.`,
    self: paths.feed,
    alternate: paths.home,
    entries: [...model.inspections.filter(hasFeedDate).map((i) => inspectionEntry(i, site)), ...model.thematics.map((t) => thematicEntry(t, site))],
  });
}

/** Whether a service has a feed: a report with a day of publication (Western Bay, known by one year-only record, has none). */
export const hasServiceFeed = (inspections: readonly Inspection[], serviceSlug: string): boolean => inspections.some((i) => i.service.slug === serviceSlug && hasFeedDate(i));

/** One service's published inspections, newest first: the feed its page links to. */
export function serviceFeed(model: FeedModel, serviceSlug: string, site: URL): string {
  const inspections = model.inspections.filter((i) => i.service.slug === serviceSlug);
  const name = inspections[0]?.service.name ?? serviceSlug;
  return feedXml(model, site, {
    title: `${name}: inspection reports – ${model.project.publisher.shortName}`,
    subtitle: `Reports of the inspections of ${name} published by ${model.project.publisher.name}, newest first.`,
    self: paths.serviceFeed(serviceSlug),
    alternate: paths.service(serviceSlug),
    entries: inspections.filter(hasFeedDate).map((i) => inspectionEntry(i, site)),
  });
}

/**
 * The series of thematic reports: every published thematic inspection, newest first. A thematic
 * report has no theme of its own in the content (its recommendations do), so the series is the
 * inspectorate's whole programme of thematic inspections.
 */
export function thematicFeed(model: FeedModel, site: URL): string {
  return feedXml(model, site, {
    title: `Thematic reports – ${model.project.publisher.shortName}`,
    subtitle: `Thematic inspection reports published by ${model.project.publisher.name}, newest first.`,
    self: paths.thematicFeed,
    alternate: paths.thematics,
    entries: model.thematics.map((t) => thematicEntry(t, site)),
  });
}

function feedXml(model: FeedModel, site: URL, feedOf: FeedOf): string {
  const { publisher } = model.project;
  const entries = [...feedOf.entries].sort((a, b) => (a.published === b.published ? a.url.localeCompare(b.url) : a.published < b.published ? 1 : -1));
  // The feed changes when a report is published or corrected: its date is the newest of those (the build date only when there is none).
  const updated = entries.map((e) => e.updated).sort().at(-1) ?? model.buildDate;
  const self = new URL(feedOf.self, site).href;
  const feed = x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'en-GB' }, [
    x('title', feedOf.title),
    x('subtitle', feedOf.subtitle),
    x('id', self),
    x('link', { rel: 'self', type: 'application/atom+xml', href: self }),
    x('link', { rel: 'alternate', type: 'text/html', href: new URL(feedOf.alternate, site).href }),
    x('updated', atomDate(updated)),
    x('author', [x('name', publisher.name), x('uri', publisher.website)]),
    x('rights', `© ${publisher.copyrightHolder}. Available under the ${publisher.licence.name}: ${publisher.licence.url}`),
    ...entries.map((entry) =>
      indented(
        x('entry', [
          x('title', entry.title),
          x('id', entry.url),
          x('link', { rel: 'alternate', type: 'text/html', href: entry.url }),
          entry.pdf ? x('link', { rel: 'enclosure', type: 'application/pdf', href: entry.pdf }) : null,
          x('published', atomDate(entry.published)),
          x('updated', atomDate(entry.updated)),
          x('category', { term: entry.category.term, label: entry.category.label }),
          x('summary', entry.summary),
        ]),
        1,
      ),
    ),
  ]);
  return xmlDocument(feed);
}

/** sitemaps.org 0.9: every public page with the date its content last changed, where it has one. */
export function sitemapXml(pages: readonly SitePage[], site: URL): string {
  const urlset = x(
    'urlset',
    { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
    pages.map((page) => x('url', [x('loc', new URL(page.path, site).href), page.lastmod ? x('lastmod', page.lastmod) : null])),
  );
  return xmlDocument(urlset);
}
