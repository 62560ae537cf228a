/**
 * The open data files of every public inspection (described on /data/ and in src/document/data-files.ts):
 * - ratings.csv and ratings.json: the ratings, a description of each column, then the rows (the same in both);
 * - key-questions.csv and key-questions.json: the key-question results (the JSON's columns described in the site's language);
 * - inspections.json: each inspection as published (src/model/publish.ts).
 * One route, so that each file has a cacheKey (only getStaticPaths gives one). They show reports'
 * metadata (ratings, dates, figures from cases.csv) and no narrative, so they are keyed as the
 * ratings pages are (sitePageKey, src/site/page-keys.ts): after an edit of a report's narrative
 * Astro copies them from its cache.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { keyQuestionCsv, keyQuestionJson } from '../../document/data-files.ts';
import { publishedInspection } from '../../model/publish.ts';
import { siteModel } from '../../site/model.ts';
import { sitePageKey } from '../../site/page-keys.ts';
import { ratingsData } from '../../site/ratings.ts';
import type { Site } from '../../site/site.ts';

const CSV = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json';

/** Each file's content type and body, made from the site. */
const DATA_FILES: Record<string, { type: string; body: (site: Site) => string }> = {
  'ratings.csv': { type: CSV, body: (site) => ratingsData(site).csv },
  'ratings.json': { type: JSON_TYPE, body: (site) => ratingsData(site).json },
  'key-questions.csv': { type: CSV, body: (site) => keyQuestionCsv(site.inspections) },
  'key-questions.json': { type: JSON_TYPE, body: (site) => keyQuestionJson(site.inspections, site.project.messages[site.project.lang]) },
  'inspections.json': {
    type: JSON_TYPE,
    body: ({ inspections, project }) => `${JSON.stringify({ inspections: inspections.map((inspection) => publishedInspection(inspection, project.messages[project.lang])) }, null, 2)}\n`,
  },
};

export const getStaticPaths = (() => Object.keys(DATA_FILES).map((file) => ({ params: { file }, cacheKey: sitePageKey() }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = DATA_FILES[params.file!]!;
  return new Response(file.body(siteModel()), { headers: { 'Content-Type': file.type } });
};
