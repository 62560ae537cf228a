/**
 * The earlier versions of a corrected inspection or thematic report: the PDF as it was before each correction,
 * kept by the publisher in the report's versions/ folder (npm run check makes sure each is there)
 * and published beside the corrected report.pdf at a versioned address that never changes:
 * inspections/<slug>/report-v1.pdf is the report as first published, report-v2.pdf as it was after
 * the first correction, and so on. No build draws them: today's content gives only today's version.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Inspection, Thematic } from '../model/project.ts';
import type { Correction } from '../model/schemas/correction.ts';
import { firstPublished } from '../document/report-document.ts';
import { formatDate } from '../document/dates.ts';
import { earlierVersionFile } from '../check/rules/corrections.ts';
import { LANGUAGE_FACTS, REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';
import type { Messages } from '../model/messages.ts';
import { languagesOf } from '../model/translations.ts';

export interface EarlierVersion {
  number: number;
  /** Its path in the built site, such as "inspections/dudley-2019/report-v1.pdf". */
  name: string;
  /** The kept file, absolute. */
  file: string;
  /** "Version 1, as first published on 3 March 2026". */
  label: string;
}

/**
 * The earlier versions of an inspection's report in the language of the site it is read from
 * (site.project.lang): the English ones at inspections/<slug>/report-vN.pdf, the Welsh ones, kept as
 * versions/report-vN.cy.pdf, at cy/inspections/<slug>/report-vN.pdf. Labels in that language with m.
 */
export function earlierVersions(inspection: Inspection, root: string = process.cwd(), lang: Lang = REFERENCE_LANGUAGE, m?: Messages): EarlierVersion[] {
  return versionsOf(path.resolve(root, path.dirname(inspection.narrativeFile)), `inspections/${inspection.slug}`, inspection.source, lang, m);
}

/** The same for a thematic report with a full report and PDF: thematic/<slug>/report-v1.pdf and on. */
export function thematicEarlierVersions(thematic: Thematic, root: string = process.cwd(), lang: Lang = REFERENCE_LANGUAGE, m?: Messages): EarlierVersion[] {
  if (!thematic.narrative) return [];
  return versionsOf(path.resolve(root, path.dirname(thematic.file)), `thematic/${thematic.slug}`, thematic.source, lang, m);
}

function versionsOf(folder: string, siteFolder: string, source: { published: string; embargoedUntil?: string | undefined; corrections: readonly Correction[] }, lang: Lang, m?: Messages): EarlierVersion[] {
  const { corrections } = source;
  const prefix = LANGUAGE_FACTS[lang].prefix;
  return corrections.map((_correction, index) => {
    const first = index === 0;
    const date = first ? firstPublished(source) : corrections[index - 1]!.date;
    return {
      number: index + 1,
      name: `${prefix ? `${prefix}/` : ''}${siteFolder}/report-v${index + 1}.pdf`,
      file: path.join(folder, earlierVersionFile(index + 1, lang)),
      label: m
        ? m.t('pages.report.version-label', { number: index + 1, first: first ? 'yes' : 'no', date: m.date(date) })
        : `Version ${index + 1}, ${first ? `as first published on ${formatDate(date)}` : `as corrected on ${formatDate(date)}`}`,
    };
  });
}

/** Copies every earlier version of the site's inspections and thematic reports, in each of their languages, into the output folder; returns their names. */
export function publishEarlierVersions(inspections: readonly Inspection[], outDir: string, root: string = process.cwd(), thematics: readonly Thematic[] = []): string[] {
  const names: string[] = [];
  const versions = [
    ...inspections.flatMap((inspection) => (inspection.historic ? [] : languagesOf(inspection).flatMap((lang) => earlierVersions(inspection, root, lang)))),
    ...thematics.flatMap((thematic) => languagesOf(thematic).flatMap((lang) => thematicEarlierVersions(thematic, root, lang))),
  ];
  for (const version of versions) {
    const target = path.join(outDir, version.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(version.file, target);
    names.push(version.name);
  }
  return names;
}
