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

export interface EarlierVersion {
  number: number;
  /** Its path in the built site, such as "inspections/dudley-2019/report-v1.pdf". */
  name: string;
  /** The kept file, absolute. */
  file: string;
  /** "Version 1, as first published on 3 March 2026". */
  label: string;
}

export function earlierVersions(inspection: Inspection, root: string = process.cwd()): EarlierVersion[] {
  return versionsOf(path.resolve(root, path.dirname(inspection.narrativeFile)), `inspections/${inspection.slug}`, inspection.source);
}

/** The same for a thematic report with a full report and PDF: thematic/<slug>/report-v1.pdf and on. */
export function thematicEarlierVersions(thematic: Thematic, root: string = process.cwd()): EarlierVersion[] {
  if (!thematic.narrative) return [];
  return versionsOf(path.resolve(root, path.dirname(thematic.file)), `thematic/${thematic.slug}`, thematic.source);
}

function versionsOf(folder: string, siteFolder: string, source: { published: string; embargoedUntil?: string | undefined; corrections: readonly Correction[] }): EarlierVersion[] {
  const { corrections } = source;
  return corrections.map((_correction, index) => ({
    number: index + 1,
    name: `${siteFolder}/report-v${index + 1}.pdf`,
    file: path.join(folder, earlierVersionFile(index + 1)),
    label: `Version ${index + 1}, ${index === 0 ? `as first published on ${formatDate(firstPublished(source))}` : `as corrected on ${formatDate(corrections[index - 1]!.date)}`}`,
  }));
}

/** Copies every earlier version of the site's inspections and thematic reports into the output folder; returns their names. */
export function publishEarlierVersions(inspections: readonly Inspection[], outDir: string, root: string = process.cwd(), thematics: readonly Thematic[] = []): string[] {
  const names: string[] = [];
  const versions = [...inspections.flatMap((inspection) => earlierVersions(inspection, root)), ...thematics.flatMap((thematic) => thematicEarlierVersions(thematic, root))];
  for (const version of versions) {
    const target = path.join(outDir, version.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(version.file, target);
    names.push(version.name);
  }
  return names;
}
