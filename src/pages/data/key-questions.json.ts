/** Key-question results of every public inspection as JSON: the same rows as key-questions.csv. */
import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { keyQuestionJson } from '../../document/data-files.ts';

export const GET: APIRoute = () => new Response(keyQuestionJson(siteModel().inspections), { headers: { 'Content-Type': 'application/json' } });
