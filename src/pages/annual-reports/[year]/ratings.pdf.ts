/** The ratings of every standard of an annual report's inspections: its ratings annex in full, as an A4 landscape PDF. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { annualReportFor, publicAnnualReports } from '../../../site/annual-reports.ts';

export const getStaticPaths: GetStaticPaths = () => publicAnnualReports().map((report) => ({ params: { year: report.year } }));

export const GET: APIRoute = async ({ params }) => {
  const pdf = await annualReportFor(params.year!).ratingsPdf;
  return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
