/**
 * Welsh values for YAML text fields (issue 17): an object with author-written text may carry a
 * `cy:` map holding the Welsh value of each of its text fields under the same name, such as
 * `{ rating: good, evidence: …, cy: { evidence: … } }`. A schema says once which of its fields are
 * translatable, with withWelsh(); the `cy` map's schema is derived from them, every field optional
 * (whether a Welsh value is required depends on where the object is published: src/check/rules/welsh-values.ts).
 */
import { z } from 'zod';

/** The key of the Welsh values map on an object. */
export const WELSH_KEY = 'cy';

/** Words for editors (JSON schema) that say what `cy:` is, in an inspector's terms. */
function describeWelsh(fields: readonly string[], lists: boolean): string {
  const names = fields.length > 1 ? `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}` : fields[0];
  return [
    `The Welsh of ${names}, for reports published in Welsh: write each under the same name, such as cy: { ${fields[0]}: … }.`,
    lists ? 'A list has the same number of items as the English one, in the same order.' : '',
    'Needed where this is published in Welsh (services in Wales, unless their languages: say otherwise); it may be left out elsewhere.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A field's schema without its default or optional wrapper: a Welsh value is never filled in for the author. */
function bare(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType };
  if ((def.type === 'default' || def.type === 'optional' || def.type === 'prefault') && def.innerType) return bare(def.innerType);
  return schema;
}

/** The fields of each `cy` map whose Welsh is optional and may have any number of items (a term's other spellings). */
const freeFields = new WeakMap<z.ZodType, ReadonlySet<string>>();

/**
 * The object schema with a `cy:` map of the given fields added: `withWelsh(z.strictObject({ name, … }), ['name'])`.
 * Works on an object schema that already has a `cy` (a schema extended with more text fields): the map is made anew.
 * `free` fields may be given in Welsh but need not be, with any number of items: Welsh forms of a
 * glossary term (mutations, plurals) do not match the English ones one for one.
 */
export function withWelsh<Shape extends z.ZodRawShape, Field extends keyof Shape & string>(schema: z.ZodObject<Shape, z.core.$strict>, fields: readonly Field[], { free = [] }: { free?: readonly Field[] } = {}) {
  const fieldSchema = (field: Field) => bare(schema.shape[field] as z.ZodType);
  const welsh = Object.fromEntries(
    fields.map((field) => {
      const english = (schema.shape[field] as z.ZodType).description;
      const words = free.includes(field) ? `Welsh forms of ${field}, as many as Welsh needs (plurals, mutated forms), or none.` : english ? `In Welsh, ${english.charAt(0).toLowerCase()}${english.slice(1)}` : `The Welsh of ${field}.`;
      return [field, fieldSchema(field).optional().describe(words)];
    }),
  ) as unknown as { [K in Field]: z.ZodOptional<Shape[K]> };
  const lists = fields.some((field) => !free.includes(field) && fieldSchema(field)._zod.def.type === 'array');
  const map = z.strictObject(welsh).optional().describe(describeWelsh(fields, lists));
  freeFields.set(map, new Set(free));
  return schema.extend({ [WELSH_KEY]: map } as { cy: z.ZodOptional<z.ZodObject<{ [K in Field]: z.ZodOptional<Shape[K]> }, z.core.$strict>> });
}

/** The translatable fields an object schema declares (the keys of its `cy` map), or none. */
export function translatableFields(schema: z.ZodType): string[] {
  const def = schema._zod.def as { type: string; shape?: Record<string, z.ZodType> };
  if (def.type !== 'object' || !def.shape?.[WELSH_KEY]) return [];
  const welsh = bare(def.shape[WELSH_KEY]!)._zod.def as { shape?: Record<string, z.ZodType> };
  return Object.keys(welsh.shape ?? {});
}

/** The object schema a schema stands for, if any (through optional, default and transform wrappers). */
function objectIn(schema: z.ZodType): z.ZodType | undefined {
  const def = schema._zod.def as Record<string, unknown> & { type: string };
  if (def.type === 'object') return schema;
  if (def.innerType) return objectIn(def.innerType as z.ZodType);
  if (def.type === 'pipe') return objectIn(def.in as z.ZodType);
  return undefined;
}

/** The translatable fields of an object schema whose Welsh is optional, in any number of items. */
export function freeTranslatableFields(schema: z.ZodType): ReadonlySet<string> {
  const def = schema._zod.def as { type: string; shape?: Record<string, z.ZodType> };
  const map = def.type === 'object' ? def.shape?.[WELSH_KEY] : undefined;
  return (map && freeFields.get(map)) ?? new Set();
}

/** One object with translatable fields found in a value: where it is and which of its fields are translatable. */
export interface TranslatableObject {
  path: (string | number)[];
  value: Record<string, unknown>;
  fields: string[];
  /** Those of the fields whose Welsh is optional, in any number of items. */
  free: ReadonlySet<string>;
}

/**
 * Every object with translatable fields in a value, found by walking the value and its schema
 * together (objects, lists, records, optional and default values, unions, transforms).
 */
export function translatableObjects(schema: z.ZodType, value: unknown, path: (string | number)[] = [], found: TranslatableObject[] = []): TranslatableObject[] {
  if (value === null || value === undefined) return found;
  const def = schema._zod.def as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
      return translatableObjects(def.innerType as z.ZodType, value, path, found);
    case 'pipe':
      // A transform's input describes what was written; its output may be made by code (a rating id read as { rating }).
      return translatableObjects(((def.out as z.ZodType)._zod.def.type === 'transform' ? def.in : def.out) as z.ZodType, value, path, found);
    case 'union': {
      if (typeof value !== 'object') return found;
      const discriminator = def.discriminator as string | undefined;
      const option = (def.options as z.ZodType[]).find((candidate) => {
        const object = objectIn(candidate);
        if (!object) return false;
        return discriminator === undefined || object._zod.propValues?.[discriminator]?.has((value as Record<string, never>)[discriminator]) === true;
      });
      return option ? translatableObjects(option, value, path, found) : found;
    }
    case 'array':
      if (Array.isArray(value)) value.forEach((item, index) => translatableObjects(def.element as z.ZodType, item, [...path, index], found));
      return found;
    case 'record':
      if (typeof value === 'object') for (const [key, item] of Object.entries(value)) translatableObjects(def.valueType as z.ZodType, item, [...path, key], found);
      return found;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return found;
      const record = value as Record<string, unknown>;
      const fields = translatableFields(schema);
      if (fields.length) found.push({ path, value: record, fields, free: freeTranslatableFields(schema) });
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        if (key !== WELSH_KEY) translatableObjects(field, record[key], [...path, key], found);
      }
      return found;
    }
    default:
      return found;
  }
}
