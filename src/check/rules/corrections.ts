/**
 * A report's corrections (inspection.yaml or thematic.yaml): each made after the report was
 * published, in order, and not in the future of the build date (a correction is written when it is
 * published, so one dated later would tell readers of a change they cannot yet see). An inspection's
 * PDF as it was before each correction must be kept in the report's versions/ folder, since no
 * build can draw an earlier version from today's content.
 */
import fs from 'node:fs';
import { LANGUAGE_FACTS, REFERENCE_LANGUAGE, type Lang } from '../../model/language.ts';
import path from 'node:path';
import type { DiagnosticList } from '../diagnostics.ts';
import type { YamlSource } from '../../source/yaml-file.ts';
import type { Correction } from '../../model/schemas/correction.ts';

/**
 * The file, inside a report's folder, that keeps its PDF as it was before correction `number`
 * (1-based): versions/report-v1.pdf, and versions/report-v1.cy.pdf for the Welsh PDF.
 */
export const earlierVersionFile = (number: number, lang: Lang = REFERENCE_LANGUAGE) => `versions/report-v${number}${lang === REFERENCE_LANGUAGE ? '' : `.${lang}`}.pdf`;

export interface CorrectionsInput {
  file: string;
  source: YamlSource;
  corrections: readonly Correction[];
  /** When readers could first see the report: its publication date, or the end of its embargo. */
  published: string;
  buildDate: string;
  /** For a report with a PDF: its folder (absolute), where versions/ is looked for. */
  pdfFolder?: string;
  /** The folder as written in messages, such as content/inspections/dudley-2019. */
  folderName?: string;
  /** The languages the report is published in: a PDF is kept for each. */
  languages?: readonly Lang[];
  diagnostics: DiagnosticList;
}

export function checkCorrections({ file, source, corrections, published, buildDate, pdfFolder, folderName, languages = [REFERENCE_LANGUAGE], diagnostics }: CorrectionsInput): void {
  corrections.forEach((correction, index) => {
    const at = source.positionOf(['corrections', index, 'date'], 'value');
    const { date } = correction;
    if (date <= published) {
      diagnostics.error(file, at, 'correction-date', `correction ${index + 1} is dated ${date}, but the report was published on ${published}: a correction comes after publication`, 'give the day the corrected report was published');
    } else if (date > buildDate) {
      diagnostics.error(file, at, 'correction-date', `correction ${index + 1} is dated ${date}, after today (${buildDate})`, 'add a correction on the day the corrected report is published, dated that day');
    }
    const before = corrections[index - 1];
    if (before && date < before.date) {
      diagnostics.error(file, at, 'correction-order', `correction ${index + 1} (${date}) is dated before correction ${index} (${before.date})`, 'list the corrections oldest first, each with the day it was made');
    }
    for (const lang of pdfFolder ? languages : []) {
      const kept = path.join(pdfFolder!, earlierVersionFile(index + 1, lang));
      const where = `${folderName ?? path.basename(pdfFolder!)}/${earlierVersionFile(index + 1, lang)}`;
      const welsh = lang === REFERENCE_LANGUAGE ? '' : ` (${LANGUAGE_FACTS[lang].englishName})`;
      if (!fs.existsSync(kept)) {
        diagnostics.error(
          file,
          source.positionOf(['corrections', index], 'value'),
          'missing-earlier-version',
          `the ${lang === REFERENCE_LANGUAGE ? '' : `${LANGUAGE_FACTS[lang].englishName} `}PDF as it was before correction ${index + 1} is not kept: it stays published at ${LANGUAGE_FACTS[lang].prefix ? `/${LANGUAGE_FACTS[lang].prefix}/…/` : ''}report-v${index + 1}.pdf beside the corrected one`,
          `save the ${LANGUAGE_FACTS[lang].prefix ? `${LANGUAGE_FACTS[lang].prefix}/…/` : ''}report.pdf${welsh} published before this correction as ${where} (from the site as it was, or a build of the content before the correction)`,
        );
      } else if (!fs.readFileSync(kept).subarray(0, 5).equals(Buffer.from('%PDF-'))) {
        diagnostics.error(file, source.positionOf(['corrections', index], 'value'), 'missing-earlier-version', `${where} is not a PDF`, 'keep the report.pdf exactly as it was published before this correction');
      }
    }
  });
}
