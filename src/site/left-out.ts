/**
 * What a build leaves out, and why, in words the person building can act on: a new inspection starts
 * as a draft, so without these lines a first build would lack it and say nothing. The public build
 * ends with one line per report it did not publish; the drafts preview, one per report it shows that
 * the public build would not.
 */
import path from 'node:path';
import { isPublic, type Project } from '../model/project.ts';
import type { Site } from './site.ts';

interface Dates {
  status: 'draft' | 'embargoed' | 'published';
  published: string;
  embargoedUntil?: string;
}

/** Why a report with these fields is not public on the build date; undefined when it is. */
export function whyNotPublic(source: Dates, buildDate: string, where: string): string | undefined {
  if (isPublic({ source }, buildDate)) return undefined;
  const { status, published, embargoedUntil } = source;
  const later = published > buildDate;
  if (status === 'draft') {
    const from = later ? `; it will then appear from its published date, ${published}` : '';
    return `a draft: set status: published in ${where} to publish it${from}`;
  }
  if (status === 'embargoed') {
    if (embargoedUntil === undefined) return `embargoed with no embargoedUntil date: add the first day it may be published to ${where}`;
    if (embargoedUntil > buildDate) {
      const dated = later && published > embargoedUntil ? `, and its published date, ${published}, is later still` : '';
      return `embargoed until ${embargoedUntil}${dated}; the build date is ${buildDate}`;
    }
  }
  return `its published date, ${published}, is after the build date, ${buildDate}`;
}

export interface LeftOut {
  /** The report's content folder (or file, for an annual report), relative to the project. */
  path: string;
  reason: string;
}

/** Every report of the project that is not public on the build date, inspections first, each kind by path. */
export function reportsNotPublic(project: Project, buildDate: string): LeftOut[] {
  const withEasyRead = (folder: string, easyRead: unknown) => (easyRead ? `${folder} (and its easy-read version)` : folder);
  const folder = (file: string) => path.posix.dirname(file.split(path.sep).join('/'));
  const found = (items: { path: string; reason: string | undefined }[]) =>
    items.filter((item): item is LeftOut => item.reason !== undefined).sort((a, b) => a.path.localeCompare(b.path));
  return [
    ...found(project.inspections.map((i) => ({ path: withEasyRead(i.historic ? `content/inspections/${i.slug}` : folder(i.narrativeFile), i.easyRead), reason: whyNotPublic(i.source, buildDate, 'inspection.yaml') }))),
    ...found(project.thematics.map((t) => ({ path: withEasyRead(folder(t.file), t.easyRead), reason: whyNotPublic(t.source, buildDate, 'thematic.yaml') }))),
    ...found(project.annualReports.map((r) => ({ path: r.file, reason: whyNotPublic(r.source, buildDate, 'its front matter') }))),
  ];
}

/**
 * The lines a build ends with: in the public build, "Not published: <folder> (<why>)" for each
 * report left out; in the drafts preview, the same reports as "In this preview only: …".
 */
export function leftOutLines(site: Site): string[] {
  const label = site.drafts ? 'In this preview only, not published' : 'Not published';
  return reportsNotPublic(site.project, site.buildDate).map(({ path: where, reason }) => `${label}: ${where} (${reason})`);
}
