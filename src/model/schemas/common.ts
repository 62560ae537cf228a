import { z } from 'zod';
import { LINK_POLICY_HINT, unsafeLinkReason } from '../url-policy.ts';
import { LANGUAGES, REFERENCE_LANGUAGE } from '../language.ts';

/** Lower-case words joined by hyphens: the form used for every id that appears in a URL. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug whose message gives an example of its own kind ("good" for a rating, not "dudley-2019"). */
export const slugLike = (example: string) => z.string().regex(SLUG, `must be lower-case letters, digits and single hyphens, such as "${example}"`);

export const slug = slugLike('dudley-2019');
/** A rating id from a framework's scale, or not-rated. */
export const ratingId = slugLike('good');

/**
 * A calendar date written as YYYY-MM-DD. YAML readers differ (some turn dates into Date objects),
 * so a Date is accepted and turned back into the written form.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: 'must be a date written as YYYY-MM-DD, such as 2019-06-13' }),
);

/**
 * A publication date: a calendar day, or in a historic record whose source gives only the year, the
 * year alone (2018, read as "2018"). A year is never widened to a made-up day: it stays "2018".
 */
const calendarDay = z.iso.date({ error: 'must be a date written as YYYY-MM-DD, such as 2019-06-13' });
export const publicationDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
  z.string().superRefine((value, ctx) => {
    if (/^\d{4}$/.test(value) || calendarDay.safeParse(value).success) return;
    // Reported as a date in the wrong form, so that the message suggests the YYYY-MM-DD reading.
    ctx.addIssue({ code: 'invalid_format', format: 'date', input: value, message: 'must be a date written as YYYY-MM-DD, such as 2019-06-13' });
  }),
);

/** Whether a publication date is a year alone ("2018"): only a historic record may give one. */
export const isYearOnly = (date: string): boolean => /^\d{4}$/.test(date);

/** Domain ids are "1", standards "1.1", key questions "1.1.1". */
export const domainId = z.string().regex(/^\d+$/, 'must be a domain number such as "2"');
export const standardId = z.string().regex(/^\d+\.\d+$/, 'must be a standard id such as "2.1"');
export const keyQuestionId = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a key question id such as "2.1.1"');

export const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/**
 * An address readers follow from the page and the PDF: a full web address that the one link policy
 * allows (src/model/url-policy.ts). A refused address is reported under the rule "unsafe-link".
 */
export const webAddress = z.url().superRefine((url, ctx) => {
  const reason = unsafeLinkReason(url);
  if (reason) ctx.addIssue({ code: 'custom', input: url, message: `its address ${reason}`, params: { rule: 'unsafe-link', hint: LINK_POLICY_HINT } });
});

/**
 * The languages something is published in: en (English), cy (Welsh). English is always one of
 * them: it is the reference language every other one is checked against.
 */
export const languagesField = (defaultIs: string) =>
  z
    .array(z.enum(LANGUAGES, { error: 'must be en (English) or cy (Welsh)' }))
    .refine((languages) => languages.includes(REFERENCE_LANGUAGE), { message: 'must include en, such as [en, cy]: every report is published in English, and in other languages beside it' })
    .refine((languages) => new Set(languages).size === languages.length, { message: 'names a language twice: write each once, such as [en, cy]' })
    .optional()
    .describe(`The languages this is published in: [en] for English only, [en, cy] for English and Welsh. ${defaultIs}`);
