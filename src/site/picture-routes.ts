/**
 * The routes that publish the pictures of reports and easy-read versions, normalised by sharp
 * exactly as their PDFs embed them: one path per picture of each PDF's document.
 */
import type { APIRoute } from 'astro';
import type { ImageRef } from '../document/blocks.ts';
import { normaliseImage } from '../document/images.ts';
import { siteModel } from './model.ts';
import { pdfImages } from './pdf-facts.ts';
import { easyReadPdfName, reportPdfName, thematicReportPdfName, thematicsWithReport, withEasyRead, type ReportKind } from './reports.ts';

const picturePaths = (slugs: string[], pdfName: (slug: string) => string) => {
  const site = siteModel();
  return slugs.flatMap((slug) => pdfImages(site, pdfName(slug)).map((image) => ({ params: { slug, name: image.name }, props: { image } })));
};

/** Every picture of every public inspection's full report (a historic record has no report of ours, so no pictures). */
export const reportPicturePaths = () =>
  picturePaths(
    siteModel()
      .inspections.filter((i) => !i.historic)
      .map((i) => i.slug),
    reportPdfName,
  );

/** Every picture of every public thematic report's full report. */
export const thematicReportPicturePaths = () =>
  picturePaths(
    thematicsWithReport(siteModel()).map((t) => t.slug),
    thematicReportPdfName,
  );

/** Every picture of the easy-read versions of a kind of report. */
export const easyReadPicturePaths = (kind: ReportKind) =>
  picturePaths(
    withEasyRead(siteModel(), kind).map((r) => r.slug),
    (slug) => easyReadPdfName(kind, slug),
  );

export const servePicture: APIRoute<{ image: ImageRef }> = async ({ props }) => {
  const { data, format } = await normaliseImage(props.image);
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': `image/${format}` } });
};
