import { z } from 'zod';
import { nonEmptyText, slugLike } from './common.ts';

export const serviceSchema = z.strictObject({
  slug: slugLike('northmoor'),
  name: nonEmptyText,
  shortName: nonEmptyText,
  nation: z.enum(['England', 'Wales']),
  region: nonEmptyText,
  policeForceArea: nonEmptyText,
  /** Sample services made up for the project: shown as such wherever they appear. */
  fictional: z.boolean().default(false),
});

export type Service = z.infer<typeof serviceSchema>;
