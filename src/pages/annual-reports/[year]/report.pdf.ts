/** An annual report as a tagged PDF: drawn from the same document model as its page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { annualReportFor, publicAnnualReports } from '../../../site/annual-reports.ts';

export const getStaticPaths: GetStaticPaths = () => publicAnnualReports().map((report) => ({ params: { year: report.year } }));

export const GET: APIRoute = async ({ params }) => {
  const pdf = await annualReportFor(params.year!).pdf;
  return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
