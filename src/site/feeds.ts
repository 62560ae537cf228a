/**
 * The Atom feed of published reports and the sitemap, written from the site model: only what may
 * be published on the build date, dated by the content (publication dates), never by the clock, so
 * the same content always gives the same bytes. A feed is in the language of the site it is made
 * from (siteIn): the Welsh feeds (/cy/feed.xml, /cy/services/<slug>/feed.xml) have the reports
 * published in Welsh, their Welsh pages and PDFs, and the tool's words in Welsh. The sitemap lists
 * every page in every language, each with its alternates (hreflang).
 */
import type { Element } from 'xast';
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { Inspection, Project, Thematic } from '../model/project.ts';
import type { Correction } from '../model/schemas/correction.ts';
import { ratingInline } from '../document/report-tables.ts';
import { reportTitle } from '../document/report-document.ts';
import { kindLabelIn, scoreText } from './listing.ts';
import { isYearOnly } from '../model/schemas/common.ts';
import { hasComposite } from '../model/project.ts';
import { kindOf } from '../model/inspection-kind.ts';
import { LANGUAGE_FACTS, REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';
import type { Messages } from '../model/messages.ts';
import { paths as englishPaths, pathsIn } from './paths.ts';
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
function correctedSummary(m: Messages, corrections: readonly Correction[]): string {
  const last = corrections.at(-1);
  return last ? `${m.t('site.feeds.corrected', { date: m.date(last.date), what: last.what })} ` : '';
}

/**
 * A feed entry needs its day of publication: a historic record known only by its year is left out
 * of the feeds rather than given a made-up day (its page, the lists and the open data have it).
 */
export const hasFeedDate = (inspection: Pick<Inspection, 'source'>): boolean => !isYearOnly(inspection.source.published);

/** The words and addresses of one language's feeds. */
interface FeedLanguage {
  m: Messages;
  paths: ReturnType<typeof pathsIn>;
  /** A report's PDF: in the feed's language when the site has it, else the English one. */
  pdfOf: (slug: string) => string;
}

const languageOf = (model: FeedModel): FeedLanguage => {
  const paths = pathsIn(model.project.lang);
  const made = (href: string) => model.project.lang === REFERENCE_LANGUAGE || (model.pdfMade?.(href.slice(1)) ?? true);
  return { m: model.project.messages[model.project.lang], paths, pdfOf: (slug) => (made(paths.inspectionPdf(slug)) ? paths.inspectionPdf(slug) : englishPaths.inspectionPdf(slug)) };
};

function inspectionEntry(inspection: Inspection, site: URL, { m, paths, pdfOf }: FeedLanguage): FeedEntry {
  const overall = ratingInline(inspection, inspection.rating.overall.rating, false);
  const score = scoreText(inspection, m);
  const fictional = inspection.service.fictional ? ` ${m.t('site.feeds.fictional')}` : '';
  const rating = m.t('site.feeds.overall', { rating: overall.label, score, scored: !hasComposite(inspection) ? 'unpublished' : score === '–' ? 'no' : 'yes' });
  // A historic record is in the feed like any report, dated by its original publication (so it sorts
  // among the reports of its time, not as news), with no PDF: the entry says where the report is.
  if (inspection.historic) {
    return {
      title: m.t('site.feeds.historic-title', { title: reportTitle(inspection, m) }),
      url: new URL(paths.inspection(inspection.slug), site).href,
      published: inspection.source.published,
      updated: inspection.source.published,
      summary: `${rating} ${m.t('site.feeds.historic', { published: m.date(inspection.source.published) })}${fictional}`,
      category: { term: kindOf(inspection.source), label: kindLabelIn(m, inspection.source) },
    };
  }
  return {
    title: reportTitle(inspection, m),
    url: new URL(paths.inspection(inspection.slug), site).href,
    published: inspection.source.published,
    updated: inspection.source.corrections.at(-1)?.date ?? inspection.source.published,
    summary: `${correctedSummary(m, inspection.source.corrections)}${rating} ${m.t('site.feeds.fieldwork', { start: m.date(inspection.source.fieldwork.start), end: m.date(inspection.source.fieldwork.end) })}${fictional}`,
    category: { term: kindOf(inspection.source), label: kindLabelIn(m, inspection.source) },
    pdf: new URL(pdfOf(inspection.slug), site).href,
  };
}

function thematicEntry(thematic: Thematic, site: URL, { m, paths }: FeedLanguage): FeedEntry {
  const fictional = thematic.source.fictional ? ` ${m.t('site.feeds.fictional')}` : '';
  return {
    title: thematic.source.title,
    url: new URL(paths.thematic(thematic.slug), site).href,
    published: thematic.source.published,
    updated: thematic.source.corrections.at(-1)?.date ?? thematic.source.published,
    summary: `${correctedSummary(m, thematic.source.corrections)}${thematic.source.summary}${fictional}`,
    category: { term: 'thematic', label: m.t('site.kinds.thematic') },
  };
}

type FeedModel = { project: Project; inspections: readonly Inspection[]; thematics: readonly Thematic[]; buildDate: string; pdfMade?: (name: string) => boolean };

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
  const language = languageOf(model);
  const { m, paths } = language;
  return feedXml(model, site, {
    title: m.t('site.feed.title', { publisher: publisher.shortName }),
    subtitle: m.t('site.feeds.subtitle', { publisher: publisher.name }),
    self: paths.feed,
    alternate: paths.home,
    entries: [...model.inspections.filter(hasFeedDate).map((i) => inspectionEntry(i, site, language)), ...model.thematics.map((t) => thematicEntry(t, site, language))],
  });
}

/** Whether a service has a feed: a report with a day of publication (Western Bay, known by one year-only record, has none). */
export const hasServiceFeed = (inspections: readonly Inspection[], serviceSlug: string): boolean => inspections.some((i) => i.service.slug === serviceSlug && hasFeedDate(i));

/** One service's published inspections, newest first: the feed its page links to. */
export function serviceFeed(model: FeedModel, serviceSlug: string, site: URL): string {
  const inspections = model.inspections.filter((i) => i.service.slug === serviceSlug);
  const name = inspections[0]?.service.name ?? serviceSlug;
  const language = languageOf(model);
  const { m, paths } = language;
  return feedXml(model, site, {
    title: m.t('site.feeds.service-title', { service: name, publisher: model.project.publisher.shortName }),
    subtitle: m.t('site.feeds.service-subtitle', { service: name, publisher: model.project.publisher.name }),
    self: paths.serviceFeed(serviceSlug),
    alternate: paths.service(serviceSlug),
    entries: inspections.filter(hasFeedDate).map((i) => inspectionEntry(i, site, language)),
  });
}

/**
 * The series of thematic reports: every published thematic inspection, newest first. A thematic
 * report has no theme of its own in the content (its recommendations do), so the series is the
 * inspectorate's whole programme of thematic inspections.
 */
export function thematicFeed(model: FeedModel, site: URL): string {
  const language = languageOf(model);
  const { m, paths } = language;
  return feedXml(model, site, {
    title: m.t('pages.thematics.feed-title', { publisher: model.project.publisher.shortName }),
    subtitle: m.t('site.feeds.thematic-subtitle', { publisher: model.project.publisher.name }),
    self: paths.thematicFeed,
    alternate: paths.thematics,
    entries: model.thematics.map((t) => thematicEntry(t, site, language)),
  });
}

function feedXml(model: FeedModel, site: URL, feedOf: FeedOf): string {
  const { publisher } = model.project;
  const entries = [...feedOf.entries].sort((a, b) => (a.published === b.published ? a.url.localeCompare(b.url) : a.published < b.published ? 1 : -1));
  // The feed changes when a report is published or corrected: its date is the newest of those (the build date only when there is none).
  const updated = entries.map((e) => e.updated).sort().at(-1) ?? model.buildDate;
  const self = new URL(feedOf.self, site).href;
  const { m } = languageOf(model);
  const feed = x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': LANGUAGE_FACTS[model.project.lang].tag }, [
    x('title', feedOf.title),
    x('subtitle', feedOf.subtitle),
    x('id', self),
    x('link', { rel: 'self', type: 'application/atom+xml', href: self }),
    x('link', { rel: 'alternate', type: 'text/html', href: new URL(feedOf.alternate, site).href }),
    x('updated', atomDate(updated)),
    x('author', [x('name', publisher.name), x('uri', publisher.website)]),
    x('rights', m.t('site.feeds.rights', { holder: publisher.copyrightHolder, licence: publisher.licence.name, url: publisher.licence.url })),
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

/**
 * sitemaps.org 0.9: every public page with the date its content last changed, where it has one,
 * and, for a page in more than one language, every language's address (xhtml:link hreflang, itself
 * included, as search engines ask), the English one also as x-default.
 */
export function sitemapXml(pages: readonly (SitePage & { alternates?: Partial<Record<Lang, string>> })[], site: URL): string {
  const alternate = (hreflang: string, path: string) => x('xhtml:link', { rel: 'alternate', hreflang, href: new URL(path, site).href });
  const links = (alternates: Partial<Record<Lang, string>> = {}) => {
    const found = Object.entries(alternates) as [Lang, string][];
    if (found.length < 2) return [];
    return [...found.map(([lang, path]) => alternate(LANGUAGE_FACTS[lang].tag, path)), ...(alternates.en ? [alternate('x-default', alternates.en)] : [])];
  };
  const urlset = x(
    'urlset',
    { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:xhtml': 'http://www.w3.org/1999/xhtml' },
    pages.map((page) => x('url', [x('loc', new URL(page.path, site).href), page.lastmod ? x('lastmod', page.lastmod) : null, ...links(page.alternates)])),
  );
  return xmlDocument(urlset);
}
