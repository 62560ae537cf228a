/**
 * The routes that publish the pictures of reports and easy-read versions, normalised by sharp
 * exactly as their PDFs embed them: one path per picture of each PDF's document.
 */
import type { APIRoute } from 'astro';
import type { ImageRef } from '../document/blocks.ts';
import { normaliseImage } from '../document/images.ts';
import { REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';
import { siteModel } from './model.ts';
import { pdfImages, pdfImagesIfWritten } from './pdf-facts.ts';
import { easyReadPdfName, reportPdfName, thematicReportPdfName, thematicsWithReport, withEasyRead, type ReportKind } from './reports.ts';
import { inEveryLanguageOnceKnown } from './languages.ts';
import { fileIn } from './paths.ts';
import type { Site } from './site.ts';
import type { Inspection, Thematic } from '../model/project.ts';
import { pictureHash, storedImage } from '../pdf/cache.ts';
import { picturePageKey } from './page-keys.ts';

/**
 * The pictures of a page in a language: those of its PDF in that language, or, while that PDF is not
 * made, those of the English one (the same pictures: only their descriptions are translated).
 */
async function picturesOf(site: Site, lang: Lang, name: string): Promise<ImageRef[]> {
  if (lang !== REFERENCE_LANGUAGE) {
    const local = await pdfImagesIfWritten(site, fileIn(lang, name));
    if (local) return local;
  }
  return pdfImages(siteModel(), name);
}

type Report = (Inspection | Thematic) & { slug: string };

/**
 * A picture's cacheKey: the picture as the document names it (its file relative to the project) and
 * its file's bytes (it may live outside the report's folder); the file is made from these and the
 * code alone, so a report's edited narrative leaves its pictures as they were.
 */
export function pictureKey(image: ImageRef): string | undefined {
  return picturePageKey(`${JSON.stringify(storedImage(image))}\u0000${image.svg === undefined ? pictureHash(image.source) : ''}`);
}

/** In a build, once every PDF's pictures are known: before the PDFs are drawn. */
const picturePaths = (reportsOf: (site: Site) => Report[], pdfName: (slug: string) => string) =>
  inEveryLanguageOnceKnown<{ image: ImageRef }>(async (site, lang) => {
    const reports = reportsOf(site);
    const pictures = await Promise.all(reports.map((report) => picturesOf(site, lang, pdfName(report.slug))));
    return reports.flatMap((report, index) => pictures[index]!.map((image) => ({ params: { slug: report.slug, name: image.name }, props: { image }, cacheKey: pictureKey(image) })));
  });

/** Every picture of every public inspection's full report, in each language (a historic record has no report of ours, so no pictures). */
export const reportPicturePaths = () => picturePaths((site) => site.inspections.filter((i) => !i.historic), reportPdfName);

/** Every picture of every public thematic report's full report. */
export const thematicReportPicturePaths = () => picturePaths((site) => thematicsWithReport(site), thematicReportPdfName);

/** Every picture of the easy-read versions of a kind of report. */
export const easyReadPicturePaths = (kind: ReportKind) =>
  picturePaths(
    (site) => withEasyRead(site, kind),
    (slug) => easyReadPdfName(kind, slug),
  );

export const servePicture: APIRoute<{ image: ImageRef }> = async ({ props }) => {
  const { data, format } = await normaliseImage(props.image);
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': `image/${format}` } });
};
