/**
 * Astro content collections over content/, backed by the same zod schemas as `npm run check`.
 * The checker (src/check) reads the same files with source positions and cross-file rules;
 * pages take computed data from the checked model (src/site/model.ts) and narratives from here.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { frameworkSchema } from './model/schemas/framework.ts';
import { serviceSchema } from './model/schemas/service.ts';
import { glossaryTermSchema } from './model/schemas/glossary.ts';
import { inspectionSchema } from './model/schemas/inspection.ts';
import { thematicSchema } from './model/schemas/thematic.ts';

const folderId = ({ entry }: { entry: string }) => entry.split('/')[0]!;

export const collections = {
  frameworks: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/frameworks' }), schema: frameworkSchema }),
  services: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/services' }), schema: serviceSchema }),
  glossary: defineCollection({ loader: file('content/glossary/terms.yaml'), schema: glossaryTermSchema }),
  inspections: defineCollection({ loader: glob({ pattern: '*/inspection.yaml', base: './content/inspections', generateId: folderId }), schema: inspectionSchema }),
  narratives: defineCollection({ loader: glob({ pattern: '*/report.mdx', base: './content/inspections', generateId: folderId }) }),
  thematics: defineCollection({ loader: glob({ pattern: '*/thematic.yaml', base: './content/thematic', generateId: folderId }), schema: thematicSchema }),
};
