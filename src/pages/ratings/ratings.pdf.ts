/** The ratings of every public inspection as a tagged A4 landscape PDF: drawn from the same figures as the page. */
import type { APIRoute } from 'astro';
import { ratingsFor } from '../../site/ratings.ts';

export const GET: APIRoute = async () => {
  const pdf = await ratingsFor().pdf;
  return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
