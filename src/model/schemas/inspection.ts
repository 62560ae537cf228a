import { z } from 'zod';
import { correctionsField } from './correction.ts';
import { withWelsh } from './welsh.ts';
import { languagesField, domainId, isoDate, publicationDate, keyQuestionId, nonEmptyText, ratingId, slug, slugLike, standardId, webAddress } from './common.ts';

export const NOT_RATED = 'not-rated';
/**
 * A historic record's standard whose published rating cannot be read with certainty from the
 * sources (a table copied without its colours): its composite is then checked as a range.
 */
export const NOT_KNOWN = 'unclear';

/** An inspector's rating of one standard. */
export const authoredRatingSchema = withWelsh(
  z.strictObject({
  /** A rating id from the framework's scale, or "not-rated". Optional for case-sample standards. */
  rating: ratingId.optional(),
  /** The evidence the rating rests on: required for judgement standards. */
  evidence: nonEmptyText.optional(),
  /** Professional judgement: the awarded rating differs from the computed one. */
  override: withWelsh(
    z.strictObject({
      rationale: z.string().trim().min(1, 'a professional-judgement override needs a written rationale'),
    }),
    ['rationale'],
  ).optional(),
  /** Why a standard that may be left unrated was not rated (resettlement with no resettlement cases). */
  notRatedReason: nonEmptyText.optional(),
  }),
  ['evidence', 'notRatedReason'],
);

/** Historic reports publish counts per key question instead of case records. */
export const keyQuestionCountSchema = z.strictObject({
  yes: z.int().min(0),
  relevant: z.int().min(1, 'relevant must be at least 1: it counts the cases where the question applied'),
});

/**
 * A rating as written: the object above, or, in a historic record, just the rating id ("1.1": good),
 * read as { rating: good }.
 */
export const writtenRatingSchema = z
  .union([ratingId, authoredRatingSchema])
  .transform((value) => (typeof value === 'string' ? { rating: value } : value))
  .describe('A rating id such as good (historic records), or { rating, evidence, override, notRatedReason }.');

/** A recommendation's text fields: the Welsh of each goes under cy:. */
export const RECOMMENDATION_TEXTS = ['addressee', 'text', 'easyRead', 'easyReadAddressee'] as const;

export const recommendationSchema = withWelsh(
  z.strictObject({
  number: z.int().min(1),
  addressee: nonEmptyText,
  text: nonEmptyText,
  themes: z.array(slugLike('governance')).default([]),
  /** The same recommendation in easy words, for the easy-read version. */
  easyRead: nonEmptyText.optional().describe('The recommendation in easy words: short sentences, one idea each. Needed when the report has an easy-read version.'),
  /** Who must act, in easy words, for the easy-read version ("The council"); else the addressee. */
  easyReadAddressee: nonEmptyText.optional().describe('Who must act, in easy words, for the easy-read version, such as "The people who run the service".'),
  }),
  RECOMMENDATION_TEXTS,
);

export const contextualFactSchema = withWelsh(
  z.strictObject({
    label: nonEmptyText,
    value: nonEmptyText,
    comparison: nonEmptyText.optional(),
    source: nonEmptyText.optional(),
  }),
  ['label', 'value', 'comparison', 'source'],
);

export const domainFindingsSchema = withWelsh(
  z.strictObject({
    strengths: z.array(nonEmptyText).default([]),
    improvements: z.array(nonEmptyText).default([]),
  }),
  ['strengths', 'improvements'],
);

export const inspectionSchema = withWelsh(
  z.strictObject({
  record: z
    .enum(['full', 'historic'])
    .default('full')
    .describe('full: a report written with this tool (narrative, cases, evidence); historic: a report published before this tool, recorded with its published ratings only (give composite, overall and original).'),
  service: slugLike('northmoor').describe('The inspected service: a file name in content/services, without .yaml.'),
  framework: slugLike('youth-2021').describe('The inspection framework: a file name in content/frameworks, without .yaml, such as youth-2021.'),
  /**
   * No longer written: the kind follows from partners and reinspectionOf. Still read in older files,
   * where the check says to remove it (or what to add when it says more than the other fields).
   */
  kind: z.enum(['inspection', 'reinspection', 'joint']).optional().describe('No longer needed: an inspection is joint when it names partners and a reinspection when it gives reinspectionOf. Remove this line.'),
  reinspectionOf: slug.optional().describe('For a reinspection: the slug (folder name) of the inspection it follows up, such as northmoor-2022. It may be an inspection of a predecessor service.'),
  partners: z.array(nonEmptyText).default([]).describe('For a joint inspection: the partner inspectorates, such as Ofsted. An inspection with partners is joint; with reinspectionOf too, it is a joint reinspection.'),
  joint: z.boolean().optional().describe('Historic records only: "joint: true" when the source says the inspection was joint but does not name the partner inspectorates. A report written with this tool names them under partners instead.'),
  fieldwork: z.strictObject({ start: isoDate, end: isoDate }).optional().describe('First and last day of fieldwork, YYYY-MM-DD. Required, except in a historic record whose source does not give them.'),
  published: publicationDate.describe('Publication date, YYYY-MM-DD. The report appears in no output before this date. A historic record whose source gives only the year may give the year alone, such as 2018.'),
  status: z.enum(['draft', 'embargoed', 'published']).describe('draft: never published; embargoed: published from embargoedUntil; published.'),
  languages: languagesField("Without it, the service's languages; a list here must be within them."),
  embargoedUntil: isoDate.optional().describe('For an embargoed report: the first day it may be published.'),
  lead: nonEmptyText.optional().describe('The lead inspector. Required, except in a historic record whose source does not name them.'),
  team: z.array(nonEmptyText).default([]).describe('The other inspectors.'),
  /**
   * For historic reports without case records: counts per key question and the sample sizes.
   * Inspections with a cases.csv leave these out: they are computed from the cases.
   */
  counts: z.record(keyQuestionId, keyQuestionCountSchema).optional().describe('Historic reports only: yes and relevant cases per key question. Leave out when there is a cases.csv.'),
  sampleSize: z.record(z.enum(['court', 'out-of-court']), z.int().min(0)).optional().describe('Historic reports only: the number of court and out-of-court cases.'),
  ratings: z.record(standardId, writtenRatingSchema).default({}).describe('Per standard id (quoted, such as "1.1"): rating and evidence for judgement standards; optional for case-sample standards, where it is checked against the cases.'),
  recommendations: z.array(recommendationSchema).default([]).describe('Numbered 1, 2, 3… in order, each with the body it is addressed to.'),
  findings: z.record(domainId, domainFindingsSchema).default({}).describe('Per domain id (quoted, such as "1"): strengths and areas for improvement.'),
  context: z.array(contextualFactSchema).default([]).describe('Contextual facts about the area: label, value, comparison, source.'),
  /** Historic records: the published composite score, overall rating and original publication. */
  composite: z.int().min(0).nullable().optional().describe('Historic records only: the composite score as published (the points of the rated standards, not scaled). Checked against the standard ratings. Write "composite: null" when the source does not give it.'),
  overall: ratingId.optional().describe('Historic records only: the overall rating as published, such as good. Checked against the composite score.'),
  original: webAddress.optional().describe('Historic records only: the https:// address of the original publication (the report page, or the publisher\'s reports listing).'),
  /** Glossary term ids to include in the report's glossary besides those found in its text. */
  glossary: z.array(slugLike('assetplus')).default([]).describe('Glossary term ids to include in the report glossary besides those found in its text.'),
  corrections: correctionsField,
  }),
  ['partners'],
);

export type AuthoredRating = z.infer<typeof authoredRatingSchema>;
export type KeyQuestionCount = z.infer<typeof keyQuestionCountSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
/** inspection.yaml as written. */
export type InspectionYaml = z.infer<typeof inspectionSchema>;
/**
 * An inspection as the model holds it: a historic record without fieldwork dates takes its
 * publication date for them (and says so: see Inspection.historic), and without a lead an empty name.
 */
export type InspectionSource = Omit<InspectionYaml, 'fieldwork' | 'lead'> & { fieldwork: NonNullable<InspectionYaml['fieldwork']>; lead: string };
