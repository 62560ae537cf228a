/** The recommendations tracker as a tagged PDF, with room to write: drawn from the same document model as the page. */
import type { APIRoute } from 'astro';
import { trackerFor } from '../../site/tracker.ts';

export const GET: APIRoute = async () => {
  const pdf = await trackerFor().pdf;
  return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
