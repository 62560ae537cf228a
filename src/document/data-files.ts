/**
 * The open data files (dist/data/*): each file's one description, which its writer uses for its
 * columns and the data dictionary page (/data/) prints. A column described here is a column
 * written; tests/site/open-data.test.ts reads every built file back against its description.
 */
import type { Inspection } from '../model/project.ts';
import { csvText, type CsvValue } from './csv.ts';
import { ratingsOrder, ratingsRecords } from './ratings-table.ts';
import type { Messages } from '../model/messages.ts';
import { TRACKER_CSV_COLUMNS } from './tracker-document.ts';

/** What a value is, in words a spreadsheet user knows. */
export type FieldType = 'text' | 'id' | 'date (YYYY-MM-DD)' | 'whole number' | 'yes or no' | 'true or false' | 'list' | 'object' | 'web address';

export interface DataField {
  /** The column's name (CSV header, JSON key), or for nested JSON its path, such as `inspections[].slug`. */
  name: string;
  type: FieldType;
  meaning: string;
  /** What a number counts or measures: "cases", "percent", "points". */
  unit?: string;
  /** How the value is worked out, where it is not copied from the content as written. */
  computed?: string;
  /** Empty (CSV) or null (JSON) when it does not apply, and when. */
  empty?: string;
}

export interface DataFile {
  /** The file's address in the built site, such as "/data/key-questions.csv". */
  path: string;
  title: string;
  format: 'CSV' | 'JSON';
  /** What one row (or entry) is, and the order of the rows. */
  rows: string;
  fields: DataField[];
}

// ---- key-question results ----

export const KEY_QUESTION_FIELDS = [
  { name: 'inspection', type: 'id', meaning: 'The inspection’s identifier: its report is at /inspections/<inspection>/.' },
  { name: 'service', type: 'text', meaning: 'The youth justice service inspected.' },
  { name: 'published', type: 'date (YYYY-MM-DD)', meaning: 'The day the report was published.' },
  { name: 'framework', type: 'id', meaning: 'The inspection standards used, such as youth-2023.' },
  { name: 'standard', type: 'id', meaning: 'The standard’s number, such as 2.1.' },
  { name: 'standard name', type: 'text', meaning: 'The standard’s name in that framework.' },
  { name: 'key question', type: 'id', meaning: 'The key question’s number, such as 2.1.1.' },
  { name: 'key question text', type: 'text', meaning: 'The key question as the framework asks it.' },
  { name: 'yes', type: 'whole number', unit: 'cases', meaning: 'The cases in which inspectors judged the work sufficient.', computed: 'Counted from the inspection’s case sample: the cases answered yes to this question.' },
  { name: 'relevant', type: 'whole number', unit: 'cases', meaning: 'The cases to which the question applied.', computed: 'Counted from the case sample: the cases answered yes or no (a case answered n/a is not counted).' },
  {
    name: 'percent',
    type: 'whole number',
    unit: 'percent',
    meaning: 'The cases judged sufficient as a percentage of the relevant cases: the figure the report shows.',
    computed: 'yes ÷ relevant × 100, rounded to a whole number as the framework says (half up, or half to even).',
    empty: 'When no case was relevant to the question.',
  },
  { name: 'sample', type: 'whole number', unit: 'cases', meaning: 'The cases the standard was rated from: the inspection’s sample of the case type this standard’s domain looks at.', computed: 'Counted from the case sample.' },
] as const satisfies readonly DataField[];

type KeyQuestionRow = Record<(typeof KEY_QUESTION_FIELDS)[number]['name'], CsvValue>;

/**
 * One row per inspection, case-sample standard and key question, with the figures the reports
 * show (the rating engine's, src/model/rating.ts). An inspection with no case figures has no rows.
 */
export function keyQuestionRows(inspections: readonly Inspection[]): KeyQuestionRow[] {
  const rows: KeyQuestionRow[] = [];
  for (const inspection of ratingsOrder(inspections)) {
    for (const standard of inspection.rating.standards) {
      // No cases, no figures: a historic inspection (ratings only) or a domain with an empty sample.
      if (standard.method !== 'case-sample' || !standard.sampleSize) continue;
      for (const question of standard.keyQuestions) {
        rows.push({
          inspection: inspection.slug,
          service: inspection.service.name,
          published: inspection.source.published,
          framework: inspection.framework.id,
          standard: standard.id,
          'standard name': standard.name,
          'key question': question.id,
          'key question text': question.text,
          yes: question.yes,
          relevant: question.relevant,
          percent: question.percent?.shown ?? null,
          sample: standard.sampleSize,
        });
      }
    }
  }
  return rows;
}

const fieldNames = (fields: readonly DataField[]) => fields.map((field) => field.name);

export function keyQuestionCsv(inspections: readonly Inspection[]): string {
  const names = fieldNames(KEY_QUESTION_FIELDS);
  return csvText(names, keyQuestionRows(inspections).map((row) => names.map((name) => row[name as keyof KeyQuestionRow])));
}

/** The same rows as JSON: the columns described, then the rows keyed by column name. */
export function keyQuestionJson(inspections: readonly Inspection[]): string {
  const columns = KEY_QUESTION_FIELDS.map(({ name, meaning }) => ({ name, description: meaning }));
  return `${JSON.stringify({ columns, rows: keyQuestionRows(inspections) }, null, 2)}\n`;
}

// ---- the recommendations tracker ----

const TRACKER_FIELDS: Record<(typeof TRACKER_CSV_COLUMNS)[number], Omit<DataField, 'name'>> = {
  report: { type: 'text', meaning: 'The title of the thematic report that made the recommendation.' },
  year: { type: 'whole number', meaning: 'The year the report was published.', unit: 'year' },
  number: { type: 'whole number', meaning: 'The recommendation’s number in its report.' },
  addressee: { type: 'text', meaning: 'Who the recommendation is made to.' },
  recommendation: { type: 'text', meaning: 'The recommendation as the report gives it.' },
  'lines of enquiry': { type: 'text', meaning: 'Questions a partnership asks itself to judge how far it has acted on the recommendation, one per line within the cell.' },
  evidence: { type: 'text', meaning: '“How do we know?”: what would show the recommendation is done, one per line within the cell.' },
  'our evidence': { type: 'text', meaning: 'Left empty for a partnership to fill in.', empty: 'Always, as published.' },
  status: { type: 'text', meaning: 'Left empty for a partnership to fill in.', empty: 'Always, as published.' },
};

export const trackerFields = (): DataField[] => TRACKER_CSV_COLUMNS.map((name) => ({ name, ...TRACKER_FIELDS[name] }));

// ---- inspections.json (src/model/publish.ts) ----

const I = 'inspections[]';
const S = `${I}.standards[]`;
const Q = `${S}.keyQuestions[]`;

/** Every key of inspections.json, by its path: containers too, so a new key anywhere is a key to describe. */
export const INSPECTIONS_JSON_FIELDS: readonly DataField[] = [
  { name: 'inspections', type: 'list', meaning: 'Every published inspection, in the order of the inspections list.' },
  { name: `${I}.slug`, type: 'id', meaning: 'The inspection’s identifier: its report is at /inspections/<slug>/.' },
  { name: `${I}.service`, type: 'object', meaning: 'The service inspected.' },
  { name: `${I}.service.slug`, type: 'id', meaning: 'The service’s identifier: its page is at /services/<slug>/.' },
  { name: `${I}.service.name`, type: 'text', meaning: 'The service’s full name.' },
  { name: `${I}.service.shortName`, type: 'text', meaning: 'The service’s short name, as sentences use it.' },
  { name: `${I}.service.nation`, type: 'text', meaning: 'England or Wales.' },
  { name: `${I}.service.region`, type: 'text', meaning: 'The region the service is in.' },
  { name: `${I}.service.fictional`, type: 'true or false', meaning: 'true for a made-up sample service.' },
  { name: `${I}.framework`, type: 'id', meaning: 'The inspection standards used, such as youth-2023.' },
  { name: `${I}.kind`, type: 'id', meaning: 'inspection, reinspection, joint or joint-reinspection: worked out from partners and reinspectionOf.' },
  { name: `${I}.kindLabel`, type: 'text', meaning: 'The kind in words, as the pages show it: "Joint reinspection".' },
  { name: `${I}.reinspectionOf`, type: 'id', meaning: 'For a reinspection, the slug of the inspection it follows up.', empty: 'When the inspection is not a reinspection.' },
  { name: `${I}.partners`, type: 'list', meaning: 'For a joint inspection, the partner inspectorates; else an empty list.', empty: 'For a joint inspection whose source does not name the partner inspectorates (a historic record): null.' },
  { name: `${I}.fieldwork`, type: 'object', meaning: 'The days of fieldwork.' },
  { name: `${I}.fieldwork.start`, type: 'date (YYYY-MM-DD)', meaning: 'The first day of fieldwork.' },
  { name: `${I}.fieldwork.end`, type: 'date (YYYY-MM-DD)', meaning: 'The last day of fieldwork.' },
  { name: `${I}.published`, type: 'date (YYYY-MM-DD)', meaning: 'The day the report was published; the year alone (YYYY) for a historic record whose source gives only the year.' },
  { name: `${I}.record`, type: 'id', meaning: 'full: a report published on this site, its ratings worked out from its cases and evidence; historic: a report published before this site, recorded with its published ratings only.' },
  { name: `${I}.original`, type: 'web address', meaning: 'For a historic record, where the original report was published.', empty: 'For a full report.' },
  { name: `${I}.sampleSize`, type: 'object', meaning: 'The cases inspected, by case type.', empty: 'For a historic record, which has no case data.' },
  { name: `${I}.sampleSize.court`, type: 'whole number', unit: 'cases', meaning: 'Court cases inspected.', computed: 'Counted from the case sample.' },
  { name: `${I}.sampleSize.out-of-court`, type: 'whole number', unit: 'cases', meaning: 'Out-of-court cases inspected.', computed: 'Counted from the case sample.' },
  { name: `${I}.composite`, type: 'object', meaning: 'The composite score.' },
  { name: `${I}.composite.score`, type: 'whole number', unit: 'points', meaning: 'The points of the rated standards that count towards the overall rating.', empty: 'For a historic record whose source does not give the score: null.', computed: 'The sum of each such standard’s points (Outstanding 3, Good 2, Requires improvement 1, Inadequate 0).' },
  { name: `${I}.composite.maximum`, type: 'whole number', unit: 'points', meaning: 'The most the rated standards could score.', computed: 'The top points times the number of rated standards that count.' },
  { name: `${I}.composite.fullMaximum`, type: 'whole number', unit: 'points', meaning: 'The most every standard that counts could score (36 in the youth frameworks).' },
  { name: `${I}.overall`, type: 'object', meaning: 'The overall rating.' },
  { name: `${I}.overall.rating`, type: 'id', meaning: 'The overall rating as an id, such as requires-improvement, or not-rated.', computed: 'Read from the composite score (scaled to the full maximum when some standards were not rated) by the framework’s bands, then any limiting judgement.' },
  { name: `${I}.overall.label`, type: 'text', meaning: 'The overall rating in words, as the reports show it.' },
  { name: `${I}.overall.limitedBy`, type: 'id', meaning: 'The standard whose rating limited the overall rating.', empty: 'When no limiting judgement applied.' },
  { name: `${I}.standards`, type: 'list', meaning: 'Every standard of the framework, in order.' },
  { name: `${S}.id`, type: 'id', meaning: 'The standard’s number, such as 2.1.' },
  { name: `${S}.name`, type: 'text', meaning: 'The standard’s name.' },
  { name: `${S}.method`, type: 'id', meaning: 'case-sample (rated from the cases) or judgement (rated by inspectors from evidence).' },
  { name: `${S}.awarded`, type: 'id', meaning: 'The rating the report shows, as an id, or not-rated.' },
  { name: `${S}.awardedLabel`, type: 'text', meaning: 'The rating the report shows, in words.' },
  { name: `${S}.computed`, type: 'id', meaning: 'The rating the case figures give.', computed: 'The band of the standard’s lowest key-question percentage.', empty: 'For a judgement standard.' },
  { name: `${S}.professionalJudgement`, type: 'true or false', meaning: 'true when inspectors awarded a different rating from the computed one (shown with * in the reports).' },
  { name: `${S}.judgementRationale`, type: 'text', meaning: 'The inspectors’ reasons for a rating by professional judgement, as the report gives them beside the rating.', empty: 'When professional judgement was not applied.' },
  { name: `${S}.countsTowardsComposite`, type: 'true or false', meaning: 'true when the standard’s points count towards the composite score.' },
  { name: `${S}.sampleSize`, type: 'whole number', unit: 'cases', meaning: 'The cases the standard was rated from.', empty: 'For a judgement standard.' },
  { name: `${S}.keyQuestions`, type: 'list', meaning: 'For a case-sample standard, its key questions with their figures (as in key-questions.csv); else an empty list.' },
  { name: `${Q}.id`, type: 'id', meaning: 'The key question’s number.' },
  { name: `${Q}.yes`, type: 'whole number', unit: 'cases', meaning: 'The cases judged sufficient.', computed: 'Counted from the case sample.' },
  { name: `${Q}.relevant`, type: 'whole number', unit: 'cases', meaning: 'The cases the question applied to.', computed: 'Counted from the case sample.' },
  { name: `${Q}.percent`, type: 'whole number', unit: 'percent', meaning: 'yes as a percentage of relevant, rounded as the report shows it.', empty: 'When no case was relevant.' },
];

// ---- ratings.csv and ratings.json (src/document/ratings-table.ts) ----

/** The type of a ratings column, by its name: the columns and their meanings are the writer's own (ratingsRecords). */
function ratingsFieldType(name: string): Pick<DataField, 'type' | 'unit' | 'empty'> {
  if (/^\d+(\.\d+)*$/.test(name)) return { type: 'id', empty: 'When the standard was not part of the inspection’s framework.' };
  if (/^\d+(\.\d+)* judgement$/.test(name)) return { type: 'yes or no', empty: 'When the standard was not part of the inspection’s framework.' };
  if (/^\d+(\.\d+)* rationale$/.test(name)) return { type: 'text', empty: 'When professional judgement was not applied.' };
  const known: Record<string, Pick<DataField, 'type' | 'unit'>> = {
    slug: { type: 'id' },
    service: { type: 'text' },
    nation: { type: 'text' },
    kind: { type: 'id' },
    record: { type: 'id' },
    'fieldwork start': { type: 'date (YYYY-MM-DD)' },
    published: { type: 'date (YYYY-MM-DD)' },
    framework: { type: 'id' },
    'composite score': { type: 'whole number', unit: 'points' },
    'composite maximum': { type: 'whole number', unit: 'points' },
    'overall rating': { type: 'id' },
    'overall label': { type: 'text' },
  };
  const type = known[name];
  if (!type) throw new Error(`ratings data: the column "${name}" has no type in src/document/data-files.ts`);
  return type;
}

export function ratingsFields(inspections: readonly Inspection[], m: Messages): DataField[] {
  return ratingsRecords(inspections, m).columns.map((column) => ({ name: column.name, meaning: column.description, ...ratingsFieldType(column.name) }));
}

// ---- every data file ----

export const DATA_PATHS = {
  inspections: '/data/inspections.json',
  ratingsCsv: '/data/ratings.csv',
  ratingsJson: '/data/ratings.json',
  keyQuestionsCsv: '/data/key-questions.csv',
  keyQuestionsJson: '/data/key-questions.json',
  tracker: '/data/recommendations-tracker.csv',
} as const;

/** Every file of /data/, described: what the data dictionary page prints. */
export function dataFiles(inspections: readonly Inspection[], m: Messages): DataFile[] {
  const ratings = ratingsFields(inspections, m);
  const keyQuestions = [...KEY_QUESTION_FIELDS];
  const ratingRows = 'One row per published inspection, newest report first.';
  const keyQuestionRowsText = 'One row per published inspection, case-sample standard and key question: inspections newest report first, then standards and key questions in the framework’s order. An inspection without case figures has no rows, nor has a standard with no cases in its sample.';
  return [
    { path: DATA_PATHS.inspections, title: 'Inspections (JSON)', format: 'JSON', rows: 'One object with a list of the published inspections; nested fields are named by their path.', fields: [...INSPECTIONS_JSON_FIELDS] },
    { path: DATA_PATHS.ratingsCsv, title: 'Ratings (CSV)', format: 'CSV', rows: ratingRows, fields: ratings },
    { path: DATA_PATHS.ratingsJson, title: 'Ratings (JSON)', format: 'JSON', rows: `${ratingRows} The file gives the columns with their descriptions (columns), then the rows (rows), each keyed by column name; null where the CSV field is empty.`, fields: ratings },
    { path: DATA_PATHS.keyQuestionsCsv, title: 'Key-question results (CSV)', format: 'CSV', rows: keyQuestionRowsText, fields: keyQuestions },
    { path: DATA_PATHS.keyQuestionsJson, title: 'Key-question results (JSON)', format: 'JSON', rows: `${keyQuestionRowsText} The file gives the columns (columns), then the rows (rows), each keyed by column name; null where the CSV field is empty.`, fields: keyQuestions },
    { path: DATA_PATHS.tracker, title: 'Recommendations tracker (CSV)', format: 'CSV', rows: 'One row per recommendation of a published thematic report, newest report first.', fields: trackerFields() },
  ];
}
