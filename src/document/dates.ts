/**
 * The one way dates are written, on pages and in PDFs: "4 March 2026", or "March 2026" for a
 * month. Dates are ISO calendar days (YYYY-MM-DD) read in UTC, so the day never moves with the
 * machine's time zone.
 */

// Made once: creating an Intl.DateTimeFormat costs far more than formatting with one.
const dateFormats = {
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/**
 * "4 March 2026" (`day`, the default) or "March 2026" (`month`) from "2026-03-04"; a year alone
 * ("2018", a historic record whose source gives no day) stays "2018".
 */
export function formatDate(iso: string, parts: 'day' | 'month' = 'day'): string {
  if (/^\d{4}$/.test(iso)) return iso;
  return dateFormats[parts].format(new Date(`${iso}T00:00:00Z`));
}
