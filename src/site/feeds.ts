/**
 * The Atom feed of published reports and the sitemap, written from the site model: only what may
 * be published on the build date, dated by the content (publication dates), never by the clock, so
 * the same content always gives the same bytes.
 */
import type { Inspection, Project, Thematic } from '../model/project.ts';
import { ratingInline } from '../document/report-tables.ts';
import { reportTitle } from '../document/report-document.ts';
import { formatDate } from '../document/dates.ts';
import { KIND_LABELS, scoreText } from './listing.ts';
import { paths } from './paths.ts';
import type { SitePage } from './public-pages.ts';

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A date as an Atom timestamp: the start of the day, UTC. */
const atomDate = (date: string) => `${date}T00:00:00Z`;

interface FeedEntry {
  title: string;
  url: string;
  published: string;
  summary: string;
  category: { term: string; label: string };
  pdf?: string;
}

function inspectionEntry(inspection: Inspection, site: URL): FeedEntry {
  const overall = ratingInline(inspection, inspection.rating.overall.rating, false);
  const score = scoreText(inspection);
  const fictional = inspection.service.fictional ? ' A fictional sample report.' : '';
  return {
    title: reportTitle(inspection),
    url: new URL(paths.inspection(inspection.slug), site).href,
    published: inspection.source.published,
    summary: `Overall rating: ${overall.label}${score === '–' ? '' : ` (${score})`}. Fieldwork ${formatDate(inspection.source.fieldwork.start)} to ${formatDate(inspection.source.fieldwork.end)}.${fictional}`,
    category: { term: inspection.source.kind, label: KIND_LABELS[inspection.source.kind] },
    pdf: new URL(paths.inspectionPdf(inspection.slug), site).href,
  };
}

function thematicEntry(thematic: Thematic, site: URL): FeedEntry {
  const fictional = thematic.source.fictional ? ' A fictional sample report.' : '';
  return {
    title: thematic.source.title,
    url: new URL(paths.thematic(thematic.slug), site).href,
    published: thematic.source.published,
    summary: `${thematic.source.summary}${fictional}`,
    category: { term: 'thematic', label: 'Thematic inspection' },
  };
}

/** Atom 1.0: published inspections and thematic reports, newest first; ids are the reports' canonical URLs. */
export function atomFeed(model: { project: Project; inspections: readonly Inspection[]; thematics: readonly Thematic[]; buildDate: string }, site: URL): string {
  const { publisher } = model.project;
  const entries = [...model.inspections.map((i) => inspectionEntry(i, site)), ...model.thematics.map((t) => thematicEntry(t, site))].sort((a, b) =>
    a.published === b.published ? a.url.localeCompare(b.url) : a.published < b.published ? 1 : -1,
  );
  // The feed changes when a report is published: its date is the newest report's (the build date only when there is none).
  const updated = entries[0]?.published ?? model.buildDate;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <title>${escapeXml(`Inspection reports – ${publisher.shortName}`)}</title>`,
    `  <subtitle>${escapeXml(`Inspection reports and thematic reports published by ${publisher.name}, newest first.`)}</subtitle>`,
    `  <id>${escapeXml(new URL(paths.feed, site).href)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(new URL(paths.feed, site).href)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(new URL(paths.home, site).href)}"/>`,
    `  <updated>${atomDate(updated)}</updated>`,
    `  <author><name>${escapeXml(publisher.name)}</name><uri>${escapeXml(publisher.website)}</uri></author>`,
    `  <rights>${escapeXml(`© ${publisher.copyrightHolder}. Available under the ${publisher.licence.name}: ${publisher.licence.url}`)}</rights>`,
  ];
  for (const entry of entries) {
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <id>${escapeXml(entry.url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      ...(entry.pdf ? [`    <link rel="enclosure" type="application/pdf" href="${escapeXml(entry.pdf)}"/>`] : []),
      `    <published>${atomDate(entry.published)}</published>`,
      `    <updated>${atomDate(entry.published)}</updated>`,
      `    <category term="${escapeXml(entry.category.term)}" label="${escapeXml(entry.category.label)}"/>`,
      `    <summary>${escapeXml(entry.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** sitemaps.org 0.9: every public page with the date its content last changed, where it has one. */
export function sitemapXml(pages: readonly SitePage[], site: URL): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const page of pages) {
    lines.push(`  <url><loc>${escapeXml(new URL(page.path, site).href)}</loc>${page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : ''}</url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}
