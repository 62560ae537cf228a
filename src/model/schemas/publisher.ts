import { z } from 'zod';
import { nonEmptyText, webAddress } from './common.ts';
import { withWelsh } from './welsh.ts';

/** Who publishes the reports: shown on every cover, credits page and page footer. */
export const publisherSchema = withWelsh(
  z.strictObject({
  name: nonEmptyText.describe('The inspectorate, such as "HM Inspectorate of Probation".'),
  shortName: nonEmptyText.describe('The short name used in running headers, such as "HMI Probation".'),
  website: webAddress.describe('The inspectorate\'s website.'),
  address: z.array(nonEmptyText).min(1).describe('Postal address, one line per item.'),
  /** The copyright holder: "© <holder> <year of publication>". */
  copyrightHolder: nonEmptyText.describe('Copyright holder, such as "Crown copyright".'),
  licence: withWelsh(
    z.strictObject({
      name: nonEmptyText,
      url: webAddress,
      /** The licence notice printed in every report, in the inspectorate's words. */
      notice: nonEmptyText,
    }),
    ['name', 'notice'],
  ).describe('The licence the reports are published under, with its notice.'),
  /** Where readers can ask for a report in another format. */
  alternativeFormats: nonEmptyText.describe('How to ask for the report in another format.'),
  }),
  ['name', 'shortName', 'address', 'copyrightHolder', 'alternativeFormats'],
);

export type Publisher = z.infer<typeof publisherSchema>;
