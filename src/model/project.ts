/** The validated model every renderer draws from: content checked once, ratings computed once. */
import type { Root } from 'mdast';
import type { EasyReadSource } from './easy-read-source.ts';
import type { ThematicSource } from './schemas/thematic.ts';
import type { AnnualReportSource } from './schemas/annual-report.ts';
import type { EasyReadTemplate } from './schemas/easy-read-template.ts';
import type { CaseRecord } from './schemas/case.ts';
import type { Framework } from './schemas/framework.ts';
import type { GlossaryTerm } from './schemas/glossary.ts';
import type { InspectionSource } from './schemas/inspection.ts';
import type { Service } from './schemas/service.ts';
import type { Publisher } from './schemas/publisher.ts';
import type { DocumentTemplate } from './schemas/document-template.ts';
import type { InspectionRating } from './rating.ts';
import type { Lang } from './language.ts';
import type { Messages } from './messages.ts';

export interface Inspection {
  slug: string;
  source: InspectionSource;
  service: Service;
  framework: Framework;
  rating: InspectionRating;
  /** Case-level records: used for computing figures, never published as such. */
  cases: readonly CaseRecord[];
  /** Project-relative path of the MDX narrative. */
  narrativeFile: string;
  /** The narrative's syntax tree (mdast): both renderers draw from it. Without places once checked (the check reports them; nothing after it reads them). */
  narrative: Root;
  /** The easy-read version's source, when the inspection has one. */
  easyRead?: EasyReadFile;
  /**
   * Present for a historic record (published before this tool): only its published ratings are
   * known, so it has no cases, narrative, evidence, PDF or easy-read version.
   */
  historic?: HistoricRecord;
  /** The narrative and easy-read version in each other language (report.cy.mdx, easy-read.cy.mdx): see src/model/translations.ts. */
  translations?: Partial<Record<Lang, { narrativeFile: string; narrative: Root; easyRead?: EasyReadFile }>>;
}

export interface HistoricRecord {
  /** The https:// address of the original publication. */
  original: string;
  /** False when the source gives no fieldwork dates (source.fieldwork then holds the publication date). */
  fieldworkRecorded: boolean;
  /** False when the source does not give the composite score ("composite: null"; rating.composite.score is then 0 and must not be shown or compared). */
  compositeRecorded: boolean;
}

/** Whether an inspection has a composite score to show and compare: every full report; a historic record when its source gives it. */
export const hasComposite = (inspection: Pick<Inspection, 'historic'>): boolean => inspection.historic?.compositeRecorded !== false;

/** Whether an inspection has case data and a narrative: every full report; no historic record. */
export const hasCaseData = (inspection: Pick<Inspection, 'historic'>): boolean => inspection.historic === undefined;

export interface EasyReadFile {
  /** Project-relative path of easy-read.mdx. */
  file: string;
  source: EasyReadSource;
}

/** A thematic report: unrated, about one kind of work across services. */
export interface Thematic {
  slug: string;
  source: ThematicSource;
  /** Project-relative path of thematic.yaml. */
  file: string;
  easyRead?: EasyReadFile;
  /** The full report's narrative (report.mdx beside thematic.yaml), when it has one: without it the thematic has only its summary page. */
  narrative?: { file: string; tree: Root };
  /** The full report and easy-read version in each other language (report.cy.mdx, easy-read.cy.mdx). */
  translations?: Partial<Record<Lang, { narrative?: { file: string; tree: Root }; easyRead?: EasyReadFile }>>;
}

/** An annual report (content/annual-reports/<year>.mdx): figures across the inspections of a period, and a narrative. */
export interface AnnualReport {
  /** The file name without .mdx: the report's year and web address. */
  year: string;
  source: AnnualReportSource;
  /** Project-relative path of the .mdx file. */
  file: string;
  /** The narrative's syntax tree (mdast), positions as in the file. */
  narrative: Root;
  /** The narrative in each other language (content/annual-reports/<year>.cy.mdx). */
  translations?: Partial<Record<Lang, { file: string; narrative: Root }>>;
}

export interface Project {
  frameworks: Framework[];
  services: Service[];
  glossary: GlossaryTerm[];
  inspections: Inspection[];
  /** Document structures from templates/documents: section order and headings per document type. */
  documentTemplates: DocumentTemplate[];
  publisher: Publisher;
  thematics: Thematic[];
  /** Easy-read structures from templates/easy-read, one per kind of report. */
  easyReadTemplates: EasyReadTemplate[];
  /** Annual reports from content/annual-reports, in year order. */
  annualReports: AnnualReport[];
  /** The tool's own words in each language (templates/messages), checked complete. */
  messages: Record<Lang, Messages>;
  /**
   * The language this view of the project reads in: 'en' as loaded; projectIn(project, 'cy')
   * (src/model/translations.ts) gives the Welsh view, whose text fields, narratives and easy-read
   * versions are the Welsh ones. Renderers write the tool's words with project.messages[project.lang].
   */
  lang: Lang;
}

/**
 * Whether an inspection (or a thematic report: the same fields) may appear in public output on the
 * given build date (YYYY-MM-DD): drafts never; embargoed reports and published ones dated in the
 * future only from their date.
 */
export function isPublic(inspection: { source: Pick<InspectionSource, 'status' | 'published' | 'embargoedUntil'> }, buildDate: string): boolean {
  const { status, published, embargoedUntil } = inspection.source;
  if (status === 'draft') return false;
  if (published > buildDate) return false;
  if (status === 'embargoed') return embargoedUntil !== undefined && embargoedUntil <= buildDate;
  return true;
}

/** The build date: SOURCE_DATE_EPOCH (seconds) when set, so builds are reproducible, else today (UTC). */
export function buildDateFrom(env: Record<string, string | undefined>, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return date.toISOString().slice(0, 10);
}
