/** Key-question results of every public inspection as JSON: the same rows as key-questions.csv, the columns described in the site's language. */
import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { keyQuestionJson } from '../../document/data-files.ts';

export const GET: APIRoute = () => {
  const { inspections, project } = siteModel();
  return new Response(keyQuestionJson(inspections, project.messages[project.lang]), { headers: { 'Content-Type': 'application/json' } });
};
