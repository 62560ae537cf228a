/**
 * The search index in shards: separate Pagefind bundles, pagefind/0/, pagefind/1/, …, which the
 * search page merges in the reader's browser (PagefindUI's mergeIndex). Pagefind holds a whole
 * index in memory while it writes it, so one shard's pages, not the site's, bound the build's
 * memory, and an edited report's pages are indexed again in their shard alone.
 *
 * Pure, so the search page (which lists the shards) and the indexer (src/build/search-index.ts,
 * which fills them) agree:
 * - a page's shard is a hash of its report's address (inspections/<slug>, thematic/<slug>,
 *   annual-reports/<year>; the language prefix left off), so every page of one report (its page,
 *   easy-read version, full thematic report, Welsh pages) is in one shard, and the same one in
 *   every build; pages of the site's own (the recommendations tracker) are placed the same way;
 * - the number of shards is a power of two from the number of public inspections, so it changes
 *   only when the site has doubled (or halved), and a shard holds 100 to 200 inspections' pages, up
 *   to 32 shards (past 6,400 inspections the shards grow instead).
 *
 * The size is a trade-off. An edited report's shard is indexed again whole: at a thousand reports a
 * shard of 250 took 4.5–5 s of a 12 s build, one of 125 half that. But the reader's browser asks
 * every shard for its part of the index for each word searched: a few more small requests are
 * nothing, hundreds would be, hence the cap.
 */
import { createHash } from 'node:crypto';
import { LANGUAGE_FACTS, LANGUAGES, REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';
import type { Site } from './site.ts';

/** The most inspections a shard is made for: a shard is started for each this many public inspections (rounded up to a power of two). */
const INSPECTIONS_PER_SHARD = 200;
/** The most shards a search page merges: requests the reader's browser makes for each word searched. */
const MOST_SHARDS = 32;

/** How many shards an index of a site with this many public inspections has: 1, 2, 4, 8, …, 32. */
export function shardCount(publicInspections: number): number {
  return Math.min(MOST_SHARDS, 2 ** Math.max(0, Math.ceil(Math.log2(publicInspections / INSPECTIONS_PER_SHARD))));
}

/** The language a built file is in, from its address: Welsh under cy/ (src/site/paths.ts). */
export function langOfFile(file: string): Lang {
  return LANGUAGES.find((lang) => LANGUAGE_FACTS[lang].prefix && file.startsWith(`${LANGUAGE_FACTS[lang].prefix}/`)) ?? REFERENCE_LANGUAGE;
}

/** The report (or site page) a built file belongs to: "inspections/<slug>" for cy/inspections/<slug>/easy-read/index.html. */
function ownerOf(file: string): string {
  const prefix = LANGUAGE_FACTS[langOfFile(file)].prefix;
  const bare = prefix ? file.slice(prefix.length + 1) : file;
  return bare
    .split('/')
    .filter((segment) => segment && segment !== 'index.html')
    .slice(0, 2)
    .join('/');
}

/** The shard a built page (its file, relative to the site: "inspections/<slug>/index.html") is indexed in. */
export function shardOf(file: string, count: number): number {
  return createHash('sha256').update(ownerOf(file)).digest().readUInt32BE(0) % count;
}

/** The folder of a shard's bundle in the built site, as the search page addresses it. */
export const shardFolder = (shard: number): string => `pagefind/${shard}/`;

export interface SearchShards {
  /** How many shards the pages are spread over (some may hold no page). */
  count: number;
  /** The shards holding pages of each language, in order: the ones its search page merges. */
  byLang: Record<Lang, number[]>;
}

/**
 * The shards a site's searchable pages are in, given the site in every language (siteIn): each
 * public inspection's and thematic report's pages in each language they are published in; the
 * annual reports and the recommendations tracker only in English (their pages have no Welsh yet).
 * The indexer checks that the pages it indexes are exactly these.
 */
export function searchShards(sites: readonly Site[]): SearchShards {
  const reference = sites.find((site) => site.project.lang === REFERENCE_LANGUAGE);
  if (!reference) throw new Error('searchShards needs the site in the reference language');
  const count = shardCount(reference.inspections.length);
  const byLang = Object.fromEntries(LANGUAGES.map((lang) => [lang, [] as number[]])) as Record<Lang, number[]>;
  for (const site of sites) {
    const lang = site.project.lang;
    const prefix = LANGUAGE_FACTS[lang].prefix ? `${LANGUAGE_FACTS[lang].prefix}/` : '';
    const owners = [...site.inspections.map((i) => `inspections/${i.slug}`), ...site.thematics.map((t) => `thematic/${t.slug}`)];
    if (lang === REFERENCE_LANGUAGE) owners.push(...site.annualReports.map((r) => `annual-reports/${r.year}`), 'recommendations-tracker');
    const shards = new Set(owners.map((owner) => shardOf(`${prefix}${owner}/index.html`, count)));
    byLang[lang] = [...shards].sort((a, b) => a - b);
  }
  return { count, byLang };
}
