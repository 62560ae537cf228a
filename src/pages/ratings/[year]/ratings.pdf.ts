/** The ratings of the public inspections whose fieldwork started in one year, as a tagged A4 landscape PDF. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ratingsFor, ratingsYears } from '../../../site/ratings.ts';

export const getStaticPaths: GetStaticPaths = () => ratingsYears().map((year) => ({ params: { year } }));

export const GET: APIRoute = async ({ params }) => {
  const pdf = await ratingsFor(params.year!).pdf;
  return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
