/** Key-question results of every public inspection as CSV (RFC 4180), described in src/document/data-files.ts. */
import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { keyQuestionCsv } from '../../document/data-files.ts';

export const GET: APIRoute = () => new Response(keyQuestionCsv(siteModel().inspections), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
