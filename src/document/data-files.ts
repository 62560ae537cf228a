/**
 * The open data files (dist/data/*): each file's one description, which its writer uses for its
 * columns and the data dictionary page (/data/) prints. A column described here is a column
 * written; tests/site/open-data.test.ts reads every built file back against its description.
 * Column names and JSON keys are identifiers, the same in every language; what they mean, and every
 * other word for people, is a message (templates/messages/<lang>/data.yaml).
 */
import type { Inspection } from '../model/project.ts';
import { messageKey, type Messages, type MessageValues } from '../model/messages.ts';
import { KIND_MESSAGES } from '../model/inspection-kind.ts';
import { csvText, type CsvValue } from './csv.ts';
import { ratingsOrder, ratingsRecords } from './ratings-table.ts';
import { TRACKER_CSV_COLUMNS } from './tracker-document.ts';

/** What a value is: the data dictionary gives it in words a spreadsheet user knows (FIELD_TYPE_WORDS). */
export type FieldType = 'text' | 'id' | 'date' | 'whole-number' | 'yes-no' | 'true-false' | 'list' | 'object' | 'web-address';
/** What a number counts or measures. */
export type FieldUnit = 'cases' | 'percent' | 'points' | 'year';

export const FIELD_TYPE_WORDS: Record<FieldType, string> = {
  text: messageKey('data.types.text'),
  id: messageKey('data.types.id'),
  date: messageKey('data.types.date'),
  'whole-number': messageKey('data.types.whole-number'),
  'yes-no': messageKey('data.types.yes-no'),
  'true-false': messageKey('data.types.true-false'),
  list: messageKey('data.types.list'),
  object: messageKey('data.types.object'),
  'web-address': messageKey('data.types.web-address'),
};

export const FIELD_UNIT_WORDS: Record<FieldUnit, string> = {
  cases: messageKey('data.units.cases'),
  percent: messageKey('data.units.percent'),
  points: messageKey('data.units.points'),
  year: messageKey('data.units.year'),
};

/** A field as the data dictionary gives it, its words in one language. */
export interface DataField {
  /** The column's name (CSV header, JSON key), or for nested JSON its path, such as `inspections[].slug`. */
  name: string;
  type: FieldType;
  meaning: string;
  unit?: FieldUnit;
  /** How the value is worked out, where it is not copied from the content as written. */
  computed?: string;
  /** Empty (CSV) or null (JSON) when it does not apply, and when. */
  empty?: string;
}

/** A message key, a key with the values its placeholders take, or words made from the messages. */
type Words = string | readonly [key: string, values: MessageValues] | ((m: Messages) => string);

/** A field as described here: its words as messages, put into a language by `fieldsIn`. */
interface FieldDescription {
  name: string;
  type: FieldType;
  meaning: Words;
  unit?: FieldUnit;
  computed?: Words;
  empty?: Words;
}

const say = (m: Messages, words: Words) => (typeof words === 'string' ? m.t(words) : typeof words === 'function' ? words(m) : m.t(words[0], words[1]));

function fieldsIn(m: Messages, fields: readonly FieldDescription[]): DataField[] {
  return fields.map(({ name, type, meaning, unit, computed, empty }) => ({
    name,
    type,
    meaning: say(m, meaning),
    ...(unit ? { unit } : {}),
    ...(computed ? { computed: say(m, computed) } : {}),
    ...(empty ? { empty: say(m, empty) } : {}),
  }));
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

const COUNTED = messageKey('data.common.counted');

// ---- key-question results ----

export const KEY_QUESTION_FIELDS = [
  { name: 'inspection', type: 'id', meaning: [messageKey('data.key-questions.inspection'), { address: '/inspections/<inspection>/' }] },
  { name: 'service', type: 'text', meaning: messageKey('data.key-questions.service') },
  { name: 'published', type: 'date', meaning: messageKey('data.key-questions.published') },
  { name: 'framework', type: 'id', meaning: messageKey('data.common.framework') },
  { name: 'standard', type: 'id', meaning: messageKey('data.common.standard-id') },
  { name: 'standard name', type: 'text', meaning: messageKey('data.key-questions.standard-name') },
  { name: 'key question', type: 'id', meaning: messageKey('data.key-questions.key-question') },
  { name: 'key question text', type: 'text', meaning: messageKey('data.key-questions.key-question-text') },
  { name: 'yes', type: 'whole-number', unit: 'cases', meaning: messageKey('data.key-questions.yes.meaning'), computed: messageKey('data.key-questions.yes.computed') },
  { name: 'relevant', type: 'whole-number', unit: 'cases', meaning: messageKey('data.key-questions.relevant.meaning'), computed: messageKey('data.key-questions.relevant.computed') },
  {
    name: 'percent',
    type: 'whole-number',
    unit: 'percent',
    meaning: messageKey('data.key-questions.percent.meaning'),
    computed: messageKey('data.key-questions.percent.computed'),
    empty: messageKey('data.key-questions.percent.empty'),
  },
  { name: 'sample', type: 'whole-number', unit: 'cases', meaning: messageKey('data.key-questions.sample'), computed: COUNTED },
] as const satisfies readonly FieldDescription[];

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

const fieldNames = (fields: readonly { name: string }[]) => fields.map((field) => field.name);

export function keyQuestionCsv(inspections: readonly Inspection[]): string {
  const names = fieldNames(KEY_QUESTION_FIELDS);
  return csvText(names, keyQuestionRows(inspections).map((row) => names.map((name) => row[name as keyof KeyQuestionRow])));
}

/** The same rows as JSON: the columns described (in the messages' language), then the rows keyed by column name. */
export function keyQuestionJson(inspections: readonly Inspection[], m: Messages): string {
  const columns = fieldsIn(m, KEY_QUESTION_FIELDS).map(({ name, meaning }) => ({ name, description: meaning }));
  return `${JSON.stringify({ columns, rows: keyQuestionRows(inspections) }, null, 2)}\n`;
}

// ---- the recommendations tracker ----

const PARTNERSHIP_FILLS_IN = { type: 'text', meaning: messageKey('data.common.partnership-fills-in'), empty: messageKey('data.common.always-empty') } as const;

const TRACKER_FIELDS: Record<(typeof TRACKER_CSV_COLUMNS)[number], Omit<FieldDescription, 'name'>> = {
  report: { type: 'text', meaning: messageKey('data.tracker.report') },
  year: { type: 'whole-number', meaning: messageKey('data.tracker.year'), unit: 'year' },
  number: { type: 'whole-number', meaning: messageKey('data.tracker.number') },
  addressee: { type: 'text', meaning: messageKey('data.tracker.addressee') },
  recommendation: { type: 'text', meaning: messageKey('data.tracker.recommendation') },
  'lines of enquiry': { type: 'text', meaning: messageKey('data.tracker.lines-of-enquiry') },
  evidence: { type: 'text', meaning: messageKey('data.tracker.evidence') },
  'our evidence': PARTNERSHIP_FILLS_IN,
  status: PARTNERSHIP_FILLS_IN,
};

export const trackerFields = (m: Messages): DataField[] => fieldsIn(m, TRACKER_CSV_COLUMNS.map((name) => ({ name, ...TRACKER_FIELDS[name] })));

// ---- inspections.json (src/model/publish.ts) ----

const I = 'inspections[]';
const S = `${I}.standards[]`;
const Q = `${S}.keyQuestions[]`;

/** Every key of inspections.json, by its path: containers too, so a new key anywhere is a key to describe. */
const INSPECTIONS_JSON_FIELDS: readonly FieldDescription[] = [
  { name: 'inspections', type: 'list', meaning: messageKey('data.inspections.inspections') },
  { name: `${I}.slug`, type: 'id', meaning: [messageKey('data.inspections.slug'), { address: '/inspections/<slug>/' }] },
  { name: `${I}.service`, type: 'object', meaning: messageKey('data.inspections.service') },
  { name: `${I}.service.slug`, type: 'id', meaning: [messageKey('data.inspections.service-slug'), { address: '/services/<slug>/' }] },
  { name: `${I}.service.name`, type: 'text', meaning: messageKey('data.inspections.service-name') },
  { name: `${I}.service.shortName`, type: 'text', meaning: messageKey('data.inspections.service-short-name') },
  { name: `${I}.service.nation`, type: 'text', meaning: messageKey('data.inspections.service-nation') },
  { name: `${I}.service.region`, type: 'text', meaning: messageKey('data.inspections.service-region') },
  { name: `${I}.service.fictional`, type: 'true-false', meaning: messageKey('data.inspections.service-fictional') },
  { name: `${I}.framework`, type: 'id', meaning: messageKey('data.common.framework') },
  { name: `${I}.kind`, type: 'id', meaning: messageKey('data.inspections.kind') },
  { name: `${I}.kindLabel`, type: 'text', meaning: (m) => m.t('data.inspections.kind-label', { example: m.t(KIND_MESSAGES['joint-reinspection']) }) },
  { name: `${I}.reinspectionOf`, type: 'id', meaning: messageKey('data.inspections.reinspection-of.meaning'), empty: messageKey('data.inspections.reinspection-of.empty') },
  { name: `${I}.partners`, type: 'list', meaning: messageKey('data.inspections.partners.meaning'), empty: messageKey('data.inspections.partners.empty') },
  { name: `${I}.fieldwork`, type: 'object', meaning: messageKey('data.inspections.fieldwork') },
  { name: `${I}.fieldwork.start`, type: 'date', meaning: messageKey('data.inspections.fieldwork-start') },
  { name: `${I}.fieldwork.end`, type: 'date', meaning: messageKey('data.inspections.fieldwork-end') },
  { name: `${I}.published`, type: 'date', meaning: messageKey('data.inspections.published') },
  { name: `${I}.record`, type: 'id', meaning: messageKey('data.inspections.record') },
  { name: `${I}.original`, type: 'web-address', meaning: messageKey('data.inspections.original.meaning'), empty: messageKey('data.inspections.original.empty') },
  { name: `${I}.sampleSize`, type: 'object', meaning: messageKey('data.inspections.sample-size.meaning'), empty: messageKey('data.inspections.sample-size.empty') },
  { name: `${I}.sampleSize.court`, type: 'whole-number', unit: 'cases', meaning: messageKey('data.inspections.sample-size-court'), computed: COUNTED },
  { name: `${I}.sampleSize.out-of-court`, type: 'whole-number', unit: 'cases', meaning: messageKey('data.inspections.sample-size-out-of-court'), computed: COUNTED },
  { name: `${I}.composite`, type: 'object', meaning: messageKey('data.inspections.composite') },
  {
    name: `${I}.composite.score`,
    type: 'whole-number',
    unit: 'points',
    meaning: messageKey('data.inspections.composite-score.meaning'),
    empty: messageKey('data.inspections.composite-score.empty'),
    computed: messageKey('data.inspections.composite-score.computed'),
  },
  { name: `${I}.composite.maximum`, type: 'whole-number', unit: 'points', meaning: messageKey('data.inspections.composite-maximum.meaning'), computed: messageKey('data.inspections.composite-maximum.computed') },
  { name: `${I}.composite.fullMaximum`, type: 'whole-number', unit: 'points', meaning: messageKey('data.inspections.composite-full-maximum') },
  { name: `${I}.overall`, type: 'object', meaning: messageKey('data.inspections.overall') },
  { name: `${I}.overall.rating`, type: 'id', meaning: messageKey('data.inspections.overall-rating.meaning'), computed: messageKey('data.inspections.overall-rating.computed') },
  { name: `${I}.overall.label`, type: 'text', meaning: messageKey('data.inspections.overall-label') },
  { name: `${I}.overall.limitedBy`, type: 'id', meaning: messageKey('data.inspections.overall-limited-by.meaning'), empty: messageKey('data.inspections.overall-limited-by.empty') },
  { name: `${I}.standards`, type: 'list', meaning: messageKey('data.inspections.standards') },
  { name: `${S}.id`, type: 'id', meaning: messageKey('data.common.standard-id') },
  { name: `${S}.name`, type: 'text', meaning: messageKey('data.inspections.standard-name') },
  { name: `${S}.method`, type: 'id', meaning: messageKey('data.inspections.standard-method') },
  { name: `${S}.awarded`, type: 'id', meaning: messageKey('data.inspections.standard-awarded') },
  { name: `${S}.awardedLabel`, type: 'text', meaning: messageKey('data.inspections.standard-awarded-label') },
  {
    name: `${S}.computed`,
    type: 'id',
    meaning: messageKey('data.inspections.standard-computed.meaning'),
    computed: messageKey('data.inspections.standard-computed.computed'),
    empty: messageKey('data.common.judgement-standard'),
  },
  { name: `${S}.professionalJudgement`, type: 'true-false', meaning: messageKey('data.inspections.standard-professional-judgement') },
  { name: `${S}.judgementRationale`, type: 'text', meaning: messageKey('data.inspections.standard-judgement-rationale'), empty: messageKey('data.common.no-judgement') },
  { name: `${S}.countsTowardsComposite`, type: 'true-false', meaning: messageKey('data.inspections.standard-counts') },
  { name: `${S}.sampleSize`, type: 'whole-number', unit: 'cases', meaning: messageKey('data.inspections.standard-sample-size'), empty: messageKey('data.common.judgement-standard') },
  { name: `${S}.keyQuestions`, type: 'list', meaning: messageKey('data.inspections.standard-key-questions') },
  { name: `${Q}.id`, type: 'id', meaning: messageKey('data.inspections.question-id') },
  { name: `${Q}.yes`, type: 'whole-number', unit: 'cases', meaning: messageKey('data.inspections.question-yes'), computed: COUNTED },
  { name: `${Q}.relevant`, type: 'whole-number', unit: 'cases', meaning: messageKey('data.inspections.question-relevant'), computed: COUNTED },
  { name: `${Q}.percent`, type: 'whole-number', unit: 'percent', meaning: messageKey('data.inspections.question-percent.meaning'), empty: messageKey('data.inspections.question-percent.empty') },
];

export const inspectionsJsonFields = (m: Messages): DataField[] => fieldsIn(m, INSPECTIONS_JSON_FIELDS);

// ---- ratings.csv and ratings.json (src/document/ratings-table.ts) ----

/** The type of a ratings column, by its name: the columns and their meanings are the writer's own (ratingsRecords). */
function ratingsFieldType(name: string): Pick<FieldDescription, 'type' | 'unit' | 'empty'> {
  if (/^\d+(\.\d+)*$/.test(name)) return { type: 'id', empty: messageKey('data.common.not-in-framework') };
  if (/^\d+(\.\d+)* judgement$/.test(name)) return { type: 'yes-no', empty: messageKey('data.common.not-in-framework') };
  if (/^\d+(\.\d+)* rationale$/.test(name)) return { type: 'text', empty: messageKey('data.common.no-judgement') };
  const known: Record<string, Pick<FieldDescription, 'type' | 'unit'>> = {
    slug: { type: 'id' },
    service: { type: 'text' },
    nation: { type: 'text' },
    kind: { type: 'id' },
    record: { type: 'id' },
    'fieldwork start': { type: 'date' },
    published: { type: 'date' },
    framework: { type: 'id' },
    'composite score': { type: 'whole-number', unit: 'points' },
    'composite maximum': { type: 'whole-number', unit: 'points' },
    'overall rating': { type: 'id' },
    'overall label': { type: 'text' },
  };
  const type = known[name];
  if (!type) throw new Error(`ratings data: the column "${name}" has no type in src/document/data-files.ts`);
  return type;
}

export function ratingsFields(inspections: readonly Inspection[], m: Messages): DataField[] {
  return ratingsRecords(inspections, m).columns.map((column) => {
    const { empty, ...type } = ratingsFieldType(column.name);
    return { name: column.name, meaning: column.description, ...type, ...(empty ? { empty: say(m, empty) } : {}) };
  });
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

/** Every file of /data/, described in the messages' language: what the data dictionary page prints. */
export function dataFiles(inspections: readonly Inspection[], m: Messages): DataFile[] {
  const ratings = ratingsFields(inspections, m);
  const keyQuestions = fieldsIn(m, KEY_QUESTION_FIELDS);
  const ratingRows = m.t('data.files.ratings.rows');
  const keyQuestionRowsText = m.t('data.files.key-questions.rows');
  return [
    { path: DATA_PATHS.inspections, title: m.t('data.files.inspections.title'), format: 'JSON', rows: m.t('data.files.inspections.rows'), fields: inspectionsJsonFields(m) },
    { path: DATA_PATHS.ratingsCsv, title: m.t('data.files.ratings-csv.title'), format: 'CSV', rows: ratingRows, fields: ratings },
    { path: DATA_PATHS.ratingsJson, title: m.t('data.files.ratings-json.title'), format: 'JSON', rows: m.t('data.files.ratings-json.rows', { rows: ratingRows }), fields: ratings },
    { path: DATA_PATHS.keyQuestionsCsv, title: m.t('data.files.key-questions-csv.title'), format: 'CSV', rows: keyQuestionRowsText, fields: keyQuestions },
    { path: DATA_PATHS.keyQuestionsJson, title: m.t('data.files.key-questions-json.title'), format: 'JSON', rows: m.t('data.files.key-questions-json.rows', { rows: keyQuestionRowsText }), fields: keyQuestions },
    { path: DATA_PATHS.tracker, title: m.t('data.files.tracker.title'), format: 'CSV', rows: m.t('data.files.tracker.rows'), fields: trackerFields(m) },
  ];
}
