/** The ratings of every public inspection as CSV (RFC 4180): the same columns and values as ratings.json. */
import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { ratingsData } from '../../site/ratings.ts';

export const GET: APIRoute = () => new Response(ratingsData(siteModel()).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
