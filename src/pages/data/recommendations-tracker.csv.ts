/** The recommendations tracker as CSV (RFC 4180): one row per recommendation of a public thematic report. */
import type { APIRoute } from 'astro';
import { trackerFor } from '../../site/tracker.ts';

export const GET: APIRoute = () => new Response(trackerFor().csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
