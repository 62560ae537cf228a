/** The recommendations tracker as CSV (RFC 4180): one row per recommendation of a public thematic report. */
import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { trackerFor } from '../../site/tracker.ts';

export const GET: APIRoute = () => new Response(trackerFor(siteModel()).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
