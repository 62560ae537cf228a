/** The full report as a tagged PDF: drawn from the same document model as the report page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../site/model.ts';
import { reportFor } from '../../../site/reports.ts';

export const getStaticPaths: GetStaticPaths = () => siteModel().inspections.map((inspection) => ({ params: { slug: inspection.slug } }));

export const GET: APIRoute = async ({ params }) => {
  const pdf = await reportFor(params.slug!).pdf;
  return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
