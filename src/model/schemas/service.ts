import { z } from 'zod';
import { isoDate, languagesField, nonEmptyText, slugLike } from './common.ts';
import { withWelsh } from './welsh.ts';

/** How one service became another: merged with others, split into several, or renamed. */
export const LINEAGE_KINDS = ['merger', 'split', 'rename'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

/** One step of a service's lineage, written in the service file on either side of it. */
export const lineageLinkSchema = z.strictObject({
  service: slugLike('western-bay').describe('The other service: a file name in content/services, without .yaml (a service that no longer exists keeps its file).'),
  date: isoDate.describe('The day the change took effect, YYYY-MM-DD.'),
  kind: z.enum(LINEAGE_KINDS).describe('merger (several services became one), split (one service became several) or rename.'),
});

export const serviceSchema = withWelsh(
  z.strictObject({
  slug: slugLike('northmoor'),
  name: nonEmptyText,
  shortName: nonEmptyText,
  nation: z.enum(['England', 'Wales']),
  region: nonEmptyText,
  policeForceArea: nonEmptyText,
  /** Which languages its reports are published in: by default English and Welsh in Wales, English in England. */
  languages: languagesField('Without it: [en, cy] for a service in Wales, [en] in England.'),
  /** Sample services made up for the project: shown as such wherever they appear. */
  fictional: z.boolean().default(false),
  /**
   * The services this one came from. Write each step once, in the newer service's file: the older
   * service's successors are worked out from it.
   */
  predecessors: z
    .array(lineageLinkSchema)
    .default([])
    .describe('The services this one came from, such as [{ service: western-bay, date: 2019-04-01, kind: split }]. The other service\'s successors are worked out from it: write each step once.'),
  /** The services this one became: for a step not written in the newer service's file. */
  successors: z
    .array(lineageLinkSchema)
    .default([])
    .describe('The services this one became, when the newer service\'s file does not name this one as a predecessor. Write each step once.'),
  }),
  ['name', 'shortName', 'region', 'policeForceArea'],
);

export type Service = z.infer<typeof serviceSchema>;
export type LineageLink = z.infer<typeof lineageLinkSchema>;
