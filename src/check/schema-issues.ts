/**
 * Turns zod issues into messages for inspectors: which field, what is wrong, how to fix it.
 * Locked by tests so the wording stays stable.
 */
import type { z } from 'zod';
import { translatableFields } from '../model/schemas/welsh.ts';
import type { DiagnosticList } from './diagnostics.ts';
import type { YamlSource } from '../source/yaml-file.ts';

type Issue = z.core.$ZodIssue;

/** `recommendations → item 3 → text` */
export function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  return path.map((segment) => (typeof segment === 'number' ? `item ${segment + 1}` : String(segment))).join(' → ');
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a group of fields',
  date: 'a date',
};

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The closest of the allowed words, if it is close enough to be a typing slip. */
export function closest(word: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const segment of [...path, null]) {
    let def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    // Unwrap defaults, optionals and pipes to reach the object or array underneath.
    while (def && ['default', 'optional', 'nullable', 'pipe', 'prefault'].includes(def.type as string)) {
      const inner = (def.innerType ?? def.out) as { _zod?: { def?: Record<string, unknown> } };
      def = inner?._zod?.def;
    }
    if (!def) return [];
    if (segment === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') current = (def.shape as Record<string, unknown>)[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return [];
  }
  return [];
}

/** The fields that take a Welsh value in the object at a path (through records, lists, unions and transforms). */
function welshFieldsAt(schema: z.ZodType, path: readonly PropertyKey[], parent: unknown): string[] {
  // The objects, records and lists a schema stands for, through optional, default, transform and union wrappers.
  const containersOf = (candidate: z.ZodType): z.ZodType[] => {
    const def = candidate._zod.def as unknown as Record<string, unknown> & { type: string };
    if (['object', 'record', 'array'].includes(def.type)) return [candidate];
    if (def.type === 'union') return (def.options as z.ZodType[]).flatMap(containersOf);
    if (def.type === 'pipe') return containersOf(((def.out as z.ZodType)._zod.def.type === 'transform' ? def.in : def.out) as z.ZodType);
    return def.innerType ? containersOf(def.innerType as z.ZodType) : [];
  };
  let current: z.ZodType[] = [schema];
  for (const segment of path) {
    current = current.flatMap(containersOf).flatMap((container) => {
      const def = container._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'record') return [def.valueType as z.ZodType];
      if (def.type === 'array') return typeof segment === 'number' ? [def.element as z.ZodType] : [];
      const field = (def.shape as Record<string, z.ZodType>)[String(segment)];
      return field ? [field] : [];
    });
  }
  const objects = current.flatMap(containersOf).filter((candidate) => translatableFields(candidate).length);
  // Of a union's objects (the kinds of a template section), the one the written object is.
  const { cy: _welsh, ...english } = (parent ?? {}) as Record<string, unknown>;
  const chosen = objects.find((candidate) => candidate.safeParse(english).success) ?? objects[0];
  return chosen ? translatableFields(chosen) : [];
}

/**
 * Where a field of this name belongs elsewhere in the schema ("rating" written at the top of
 * inspection.yaml belongs under ratings → a standard id), for a field written in the wrong place.
 */
export function placeOf(schema: z.ZodType, key: string, depth = 0): string | undefined {
  const def = container(schema);
  if (!def || depth > 4) return undefined;
  if (def.type === 'object') {
    const shape = def.shape as Record<string, z.ZodType>;
    if (depth > 0 && key in shape) return '';
    for (const [name, field] of Object.entries(shape)) {
      const inner = placeOf(field, key, depth + 1);
      if (inner !== undefined) return inner ? `${name} → ${inner}` : name;
    }
  } else if (def.type === 'record') {
    const inner = placeOf(def.valueType as z.ZodType, key, depth + 1);
    // The key's own message gives its example: "must be a standard id such as "2.1"".
    const example = `(${(def.keyType as z.ZodType).safeParse('?').error?.issues[0]?.message.replace(/^must be /, '') ?? 'an id'})`;
    if (inner !== undefined) return inner ? `${example} → ${inner}` : example;
  } else if (def.type === 'array') {
    const inner = placeOf(def.element as z.ZodType, key, depth + 1);
    if (inner !== undefined) return inner ? `(an item) → ${inner}` : '(an item)';
  }
  return undefined;
}

/** The schema of the field at a path (ids of records and list items stand for any). */
function fieldSchema(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    const def = container(current);
    if (def?.type === 'object') current = (def.shape as Record<string, z.ZodType>)[String(segment)];
    else if (def?.type === 'record') current = def.valueType as z.ZodType;
    else if (def?.type === 'array') current = def.element as z.ZodType;
    else return undefined;
  }
  return current;
}

/** Parses data with a schema, reporting every issue at its place in the YAML source. */
export function parseWithDiagnostics<T extends z.ZodType>(
  schema: T,
  data: unknown,
  source: Pick<YamlSource, 'positionOf'>,
  file: string,
  diagnostics: DiagnosticList,
): z.infer<T> | undefined {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const misspelt = misspeltRequiredFields(schema, result.error.issues);
  // A field a rule of our own refuses (an unsafe link) is reported once, by that rule.
  const ownRule = new Set(result.error.issues.filter((issue) => ruleOf(issue)).map((issue) => pathKey(issue.path)));
  for (const issue of result.error.issues) {
    if (ownRule.has(pathKey(issue.path)) && !ruleOf(issue)) continue;
    if (!misspelt.missing.has(issue)) reportIssue(schema, issue, source, file, diagnostics, misspelt.required, data);
  }
  return undefined;
}

const pathKey = (path: readonly PropertyKey[]) => JSON.stringify(path.map(String));

/** A schema's own check names its rule and hint in the issue's params (as webAddress does). */
const ruleOf = (issue: Issue): { rule: string; hint: string } | undefined => {
  const params = issue.code === 'custom' ? (issue.params as { rule?: unknown; hint?: unknown } | undefined) : undefined;
  return typeof params?.rule === 'string' && typeof params.hint === 'string' ? { rule: params.rule, hint: params.hint } : undefined;
};

/**
 * A misspelt required field ("pubished:") is both an unknown field and a missing one. It is one
 * mistake, so it is reported once, as the unknown field, with the required field as the suggestion.
 */
function misspeltRequiredFields(schema: z.ZodType, issues: readonly Issue[]): { missing: Set<Issue>; required: Set<string> } {
  const missingAt = new Map<string, Issue>();
  for (const issue of issues) {
    if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) missingAt.set(pathKey(issue.path), issue);
  }
  const missing = new Set<Issue>();
  const required = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = knownKeys(schema, issue.path);
    for (const key of issue.keys) {
      const suggestion = closest(key, allowed);
      const path = suggestion === undefined ? undefined : pathKey([...issue.path, suggestion]);
      const target = path === undefined ? undefined : missingAt.get(path);
      if (target && !missing.has(target)) {
        missing.add(target);
        required.add(pathKey([...issue.path, key]));
      }
    }
  }
  return { missing, required };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The YYYY-MM-DD form of a date written another way, when there is only one reading: "4 July 2023",
 * "July 4, 2023", or 04/07/2023 read the British way (day first), as inspectorates in the UK write it.
 */
export function dateMeant(written: string): string | undefined {
  const text = written.trim().toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1').replace(/,/g, ' ');
  const iso = (year: number, month: number, day: number) => {
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.toISOString().slice(0, 10) : undefined;
  };
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const words = text.split(/\s+/);
  const monthIndex = words.findIndex((word) => word.length >= 3 && MONTHS.some((month) => month.startsWith(word)));
  const numbers = words.filter((word) => /^\d+$/.test(word)).map(Number);
  if (monthIndex < 0 || words.length !== 3 || numbers.length !== 2) return undefined;
  const month = MONTHS.findIndex((name) => name.startsWith(words[monthIndex]!)) + 1;
  const year = numbers.find((n) => n >= 1000);
  const day = numbers.find((n) => n < 100);
  return year !== undefined && day !== undefined ? iso(year, month, day) : undefined;
}

function wrongTypeHint(expected: string): string {
  if (expected === 'array') return 'write a list: one line per item starting with "- ", or [first, second] on one line';
  if (expected === 'object') return 'write the fields on the lines below, indented under this one';
  if (expected === 'number' || expected === 'int') return 'write a number, without quotes';
  if (expected === 'boolean') return 'write true or false, without quotes';
  return `write ${typeWords[expected] ?? expected} here`;
}

function reportIssue(schema: z.ZodType, issue: Issue, source: Pick<YamlSource, 'positionOf'>, file: string, diagnostics: DiagnosticList, misspeltRequired: ReadonlySet<string>, data?: unknown): void {
  const path = issue.path;
  const field = fieldName(path);
  const input = (issue as { input?: unknown }).input;
  const own = ruleOf(issue);
  if (own) {
    diagnostics.error(file, source.positionOf(path), own.rule, `${field} ${describe(input)} is not allowed: ${issue.message}`, own.hint);
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = knownKeys(schema, path);
      if (path.at(-1) === 'cy') {
        // A Welsh value for a field that is the same in both languages (an id, a date, a name) or that does not exist.
        const parent = path.slice(0, -1).reduce<unknown>((value, segment) => (value as Record<PropertyKey, unknown> | undefined)?.[segment], data);
        const allowed = welshFieldsAt(schema, path.slice(0, -1), parent);
        for (const key of issue.keys) {
          const suggestion = closest(key, allowed);
          diagnostics.error(
            file,
            source.positionOf([...path, key], 'key'),
            'unknown-field',
            `${field}: "${key}" is not a field with a Welsh value here`,
            `${suggestion ? `did you mean "${suggestion}"? ` : ''}the Welsh values here are for ${allowed.join(', ')}; ids, dates, numbers, ratings, addresses and people's names are the same in both languages: remove "${key}" from cy:`,
          );
        }
        return;
      }
      if (issue.keys.includes('cy') && !allowed.includes('cy')) {
        // A cy: map on something with no text of its own to translate (a section filled from data).
        diagnostics.error(file, source.positionOf([...path, 'cy'], 'key'), 'unknown-field', `${path.length ? `${field}: ` : ''}there is no text here to give in Welsh`, 'remove cy: here: the Welsh of what this holds goes with each item that has text');
      }
      for (const key of issue.keys.filter((k) => k !== 'cy' || allowed.includes('cy'))) {
        const suggestion = closest(key, allowed);
        const required = misspeltRequired.has(pathKey([...path, key]));
        // "rating: Good" at the top: "ratings" is a group, so the place where "rating" belongs is meant.
        const written = (input as Record<string, unknown> | undefined)?.[key];
        const group = suggestion !== undefined && ['object', 'record', 'array'].includes(container(fieldSchema(schema, [...path, suggestion]))?.type ?? '');
        const elsewhere = suggestion && !(group && (written === null || typeof written !== 'object')) ? undefined : placeOf(schema, key);
        diagnostics.error(
          file,
          source.positionOf([...path, key], 'key'),
          'unknown-field',
          `${path.length ? `${field}: ` : ''}unknown field "${key}"`,
          suggestion && !elsewhere
            ? `did you mean "${suggestion}"?${required ? ` ("${suggestion}" is required)` : ''}`
            : elsewhere
              ? `"${key}:" is not a field here: it belongs under ${elsewhere}; move it there, indented under it`
              : `remove it, or use one of: ${allowed.join(', ')}`,
        );
      }
      return;
    }
    case 'invalid_type': {
      if (input === undefined) {
        const parent = path.at(-2);
        const under = typeof parent === 'number' ? ` to ${fieldName(path.slice(0, -1))}` : parent === undefined ? '' : ` under "${String(parent)}:"`;
        diagnostics.error(file, source.positionOf(path), 'missing-field', `${field} is required`, `add "${String(path.at(-1))}:"${under}`);
      } else {
        const expected = typeWords[issue.expected] ?? issue.expected;
        diagnostics.error(file, source.positionOf(path), 'wrong-type', `${field} must be ${expected}, not ${describe(input)}`, wrongTypeHint(issue.expected));
      }
      return;
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof input === 'string' ? closest(input, allowed) : undefined;
      diagnostics.error(
        file,
        source.positionOf(path),
        'invalid-value',
        `${field} is ${describe(input)}, which is not allowed`,
        suggestion ? `did you mean "${suggestion}"? Allowed: ${allowed.join(', ')}` : `use one of: ${allowed.join(', ')}`,
      );
      return;
    }
    case 'invalid_format': {
      if (issue.format === 'date') {
        const meant = typeof input === 'string' ? dateMeant(input) : undefined;
        diagnostics.error(file, source.positionOf(path), 'invalid-date', `${field} is ${describe(input)}: it ${issue.message.replace(/^Invalid input: /, '')}`, meant ? `did you mean ${meant}?` : 'write the year, month and day as numbers joined by hyphens, and check that the day exists in that month');
        return;
      }
      // A slug written as words ("North Moor") has an obvious corrected form ("north-moor").
      const slugged = typeof input === 'string' ? input.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') : '';
      const pattern = (issue as { pattern?: unknown }).pattern;
      const fits = slugged !== '' && slugged !== input && String(pattern) === String(SLUG_PATTERN);
      diagnostics.error(file, source.positionOf(path), 'invalid-format', `${field} is ${describe(input)}: it ${issue.message.replace(/^Invalid input: /, '')}`, fits ? `did you mean "${slugged}"?` : 'rewrite the value in the form described');
      return;
    }
    case 'invalid_key': {
      diagnostics.error(file, source.positionOf(path, 'key'), 'invalid-key', `${field}: the key ${issue.issues[0]?.message ?? 'is not valid'}`, 'ids are numbers such as "2" or "2.1", written in quotes');
      return;
    }
    case 'too_small':
    case 'too_big': {
      // Text that must not be empty: the field is there but says nothing.
      if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
        diagnostics.error(file, source.positionOf(path), 'empty-field', `${field} is empty: ${issue.message.replace(/^must not be empty$/, 'it needs some text')}`, `write the text after "${String(path.at(-1))}:"`);
        return;
      }
      // The schemas' own messages ("must be…") read on from the field name; zod's ("Too small: …") do not.
      const message = /^must\b/.test(issue.message) ? ` ${issue.message}` : `: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
      diagnostics.error(file, source.positionOf(path), 'out-of-range', `${field}${message}`, issue.code === 'too_small' ? `use ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}` : `use ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`);
      return;
    }
    default:
      diagnostics.error(file, source.positionOf(path), 'invalid-value', `${field}: ${issue.message}`, 'correct the value, or see the template for an example');
  }
}

/**
 * What could be used of a file that fails its schema: each field that passes on its own, each entry
 * of a list or an id-keyed group that passes on its own. `broken` names what was left out
 * ("published", "ratings.2.1", "recommendations.3"), so that checks drawing on it can say nothing
 * rather than repeat the schema's message in other words.
 */
export interface Salvaged<T> {
  value: Partial<T>;
  broken: ReadonlySet<string>;
}

type Def = Record<string, unknown> & { type?: string };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } })?._zod?.def;
const isGroup = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object, array or record under defaults and optionals, for a value that is written. */
function container(schema: unknown): Def | undefined {
  let def = defOf(schema);
  while (def && ['default', 'optional', 'nullable', 'prefault', 'pipe', 'union'].includes(def.type as string)) {
    // A value written in one of several forms ("1.1": good, or "1.1": { rating: good }) is looked into by its group form.
    if (def.type === 'union') def = (def.options as unknown[]).map(container).find((inner) => ['object', 'record', 'array'].includes(inner?.type as string));
    else def = defOf(def.type === 'pipe' ? def.in : def.innerType);
  }
  return def;
}

/** The parts of one field's value that pass; undefined when nothing of it can be kept. */
function salvageField(schema: z.ZodType, value: unknown, name: string, broken: Set<string>): { kept: unknown } | undefined {
  const whole = schema.safeParse(value);
  if (whole.success) return { kept: whole.data };
  const def = container(schema);
  if (def?.type === 'array' && Array.isArray(value)) {
    const kept: unknown[] = [];
    value.forEach((item, index) => {
      const parsed = (def.element as z.ZodType).safeParse(item);
      if (parsed.success) kept.push(parsed.data);
      else broken.add(`${name}.${index}`);
    });
    return { kept };
  }
  if (def?.type === 'record' && isGroup(value)) {
    const kept: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const parsed = (def.valueType as z.ZodType).safeParse(item);
      if ((def.keyType as z.ZodType).safeParse(key).success && parsed.success) kept[key] = parsed.data;
      else broken.add(`${name}.${key}`);
    }
    return { kept };
  }
  broken.add(name);
  return undefined;
}

/**
 * Parses a file's data with an object schema, reporting every issue as parseWithDiagnostics does,
 * and keeps what passes field by field. Undefined only when the file is not a group of fields at all.
 */
export function salvageWithDiagnostics<T extends z.ZodObject>(
  schema: T,
  data: unknown,
  source: Pick<YamlSource, 'positionOf'>,
  file: string,
  diagnostics: DiagnosticList,
): Salvaged<z.infer<T>> | undefined {
  const parsed = parseWithDiagnostics(schema, data, source, file, diagnostics);
  if (parsed !== undefined) return { value: parsed, broken: new Set() };
  if (!isGroup(data)) return undefined;
  const broken = new Set<string>();
  const value: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const part = salvageField(field, data[name], name, broken);
    if (part !== undefined && part.kept !== undefined) value[name] = part.kept;
  }
  return { value: value as Partial<z.infer<T>>, broken };
}
