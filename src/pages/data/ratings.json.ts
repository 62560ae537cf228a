/** The ratings of every public inspection as JSON: a description of each column, then the rows (the same as ratings.csv). */
import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { ratingsData } from '../../site/ratings.ts';

export const GET: APIRoute = () => new Response(ratingsData(siteModel()).json, { headers: { 'Content-Type': 'application/json' } });
