/** The easy-read version as a tagged PDF: drawn from the same document model as the easy-read page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { easyReadFor, easyReadSlugs } from '../../../site/reports.ts';

export const getStaticPaths: GetStaticPaths = () => easyReadSlugs('thematic').map((slug) => ({ params: { slug } }));

export const GET: APIRoute = async ({ params }) => {
  const pdf = await easyReadFor('thematic', params.slug!).pdf;
  return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
