/**
 * `npm run corpus -- --inspections 1000 --out <dir> [--seed 1] [--thematic 5] [--historic N]`: writes a complete
 * project folder with a synthetic corpus of fictional inspections, for testing the tool at scale.
 *
 * The folder gets the tool's non-content parts (src, templates, public, schemas, config files; a
 * symlink to this repository's node_modules), the frameworks, glossary, publisher and easy-read
 * settings copied from this repository, and generated content: services in England and Wales,
 * inspections under both youth frameworks spread over the years the frameworks cover, each with
 * inspection.yaml, cases.csv, report.mdx and, for about half, easy-read.mdx; besides them, historic
 * records (a tenth as many unless told: published before the tool, ratings only, an inspection.yaml
 * each); and a few thematic reports. Case-sample ratings are computed by the tool's own rating engine from the generated
 * cases, so the written ratings always agree with the cases.
 *
 * Everything comes from one seeded generator (mulberry32): the same seed and counts give
 * byte-identical files. Nothing reads the clock or Math.random.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { wholeNumber } from './args.ts';
import { Document, isScalar, parse as parseYaml, visit as visitYaml } from 'yaml';
import { frameworkSchema, type Framework, type Standard } from '../src/model/schemas/framework.ts';
import type { AuthoredRating, InspectionSource } from '../src/model/schemas/inspection.ts';
import type { CaseAnswer, CaseRecord } from '../src/model/schemas/case.ts';
import { NOT_RATED, allStandards, caseQuestions, countCases, rateInspection, ratingLabel, ratingRank, type InspectionRating, type StandardResult } from '../src/model/rating.ts';

const REPO = path.resolve(import.meta.dirname, '..');

/** The tool's parts a corpus folder needs to check and build (as tests/support/project-copy.ts copies them). */
const TOOL_PARTS = ['src', 'templates', 'public', 'schemas', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
/** Content copied as it is from this repository. */
const SHARED_CONTENT = ['content/frameworks', 'content/glossary', 'content/publisher.yaml', 'content/easy-read-checks.yaml'];
/** Written into every generated folder: only folders with it may be replaced by a later run. */
const MARKER = '.synthetic-corpus';

/* ------------------------------------------------------------------------------------------------
 * Seeded randomness
 * ---------------------------------------------------------------------------------------------- */

/** mulberry32: a small, fast 32-bit generator; the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts: a seed for a sub-generator, so one inspection's text does not shift another's. */
function hashSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Roughly normal (sum of four uniforms, no transcendental functions, so the same on every platform). */
  normal(mean: number, sd: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + (sum - 2) * Math.sqrt(3) * sd;
  }
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [value, weight] of choices) {
      point -= weight;
      if (point < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(count, items.length)));
  }
}

/* ------------------------------------------------------------------------------------------------
 * Dates (whole days since 1970, UTC; the calendar only, never the clock)
 * ---------------------------------------------------------------------------------------------- */

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekday = (day: number): number => new Date(day * DAY_MS).getUTCDay(); // 0 Sunday … 6 Saturday
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthYear = (iso: string): string => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const nextMonday = (day: number): number => day + ((8 - weekday(day)) % 7);

/**
 * Fieldwork starts between these dates: from the first day of youth-2018 (June 2018; earlier
 * fieldwork would be outside any framework here) to late summer 2026, so nearly every report has a
 * publication date in the past.
 */
const WINDOW_START = dayOf('2018-06-04');
const WINDOW_END = dayOf('2026-08-28');
const FRAMEWORK_CHANGE = dayOf('2021-07-01');

/* ------------------------------------------------------------------------------------------------
 * Text helpers
 * ---------------------------------------------------------------------------------------------- */

type Vars = Readonly<Record<string, string>>;

/**
 * Fills a sentence template: [name] takes a variable, {a|b|c} one of the alternatives (nested
 * allowed), ((positive||negative)) the one that suits the tone ("+", "-" or "~" for either, from
 * the variable "tone"). Braces never survive, so the MDX never gets an expression.
 */
function fill(rng: Random, template: string, vars: Vars): string {
  let text = template.replace(/\[([A-Za-z]+)\]/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`no value for [${name}] in "${template}"`);
    return value;
  });
  if (text.includes('((')) {
    text = text.replace(/\(\(([^()]*)\|\|([^()]*)\)\)/g, (_, positive: string, negative: string) => {
      const tone = vars.tone ?? '~';
      return tone === '+' ? positive : tone === '-' ? negative : rng.chance(0.5) ? positive : negative;
    });
  }
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\{([^{}]*)\}/g, (_, body: string) => rng.pick(body.split('|')));
  }
  return text;
}

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "a, b and c". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Words as `wc -w` counts them: the measure the tests use for a narrative's length. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

interface ParsedTemplate {
  body: string;
  /** What the sentence is about: two sentences with the same key (such as praise and criticism of the case system) never meet. "~" keys count within a section only. */
  keys: string[];
}
const parsedTemplates = new Map<string, ParsedTemplate>();
function parseTemplate(template: string): ParsedTemplate {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    const match = /^#(\S+) /.exec(template);
    parsed = match ? { body: template.slice(match[0].length), keys: match[1]!.split(',') } : { body: template, keys: [] };
    parsedTemplates.set(template, parsed);
  }
  return parsed;
}

/**
 * Writes one document's sentences from templates: never the same sentence twice, never a template
 * twice in a section, never two sentences about the same subject (see ParsedTemplate.keys).
 */
class Writer {
  private readonly outputs = new Set<string>();
  private readonly keys = new Set<string>();
  private readonly sectionTemplates = new Set<string>();
  private scope = '';
  readonly rng: Random;
  readonly vars: Record<string, string>;
  constructor(rng: Random, vars: Record<string, string>) {
    this.rng = rng;
    this.vars = vars;
  }
  /** Starts a section: "~" keys and the templates used start afresh. */
  section(id: string, tone: '+' | '-' | '~' = '~'): void {
    this.scope = id;
    this.sectionTemplates.clear();
    this.vars.tone = tone;
  }
  tone(tone: '+' | '-' | '~'): void {
    this.vars.tone = tone;
  }
  take(pool: readonly string[], count: number): string[] {
    const chosen: string[] = [];
    if (count <= 0) return chosen;
    for (const template of this.rng.shuffle(pool)) {
      if (chosen.length >= count) break;
      if (this.sectionTemplates.has(template)) continue;
      const { body, keys } = parseTemplate(template);
      const keyIds = keys.map((key) => (key.startsWith('~') ? `${this.scope}:${key}` : key));
      if (keyIds.some((key) => this.keys.has(key))) continue;
      let text: string | undefined;
      for (let attempt = 0; attempt < 3 && text === undefined; attempt++) {
        const candidate = fill(this.rng, body, this.vars);
        if (!this.outputs.has(candidate)) text = candidate;
      }
      if (text === undefined) continue;
      this.outputs.add(text);
      this.sectionTemplates.add(template);
      for (const key of keyIds) this.keys.add(key);
      chosen.push(text);
    }
    return chosen;
  }
  one(pool: readonly string[]): string {
    return this.take(pool, 1)[0] ?? '';
  }
  say(template: string, extra: Vars = {}): string {
    return fill(this.rng, template, { ...this.vars, ...extra });
  }
}

/** Sentences joined into a paragraph, leaving out empty ones. */
const paragraph = (...sentences: (string | readonly string[])[]): string =>
  sentences
    .flat()
    .map((sentence) => sentence.trim())
    .filter(Boolean)
    .join(' ');

/* ------------------------------------------------------------------------------------------------
 * Word lists: places, people
 * ---------------------------------------------------------------------------------------------- */

const PLACE_STARTS = ['Ash', 'Bark', 'Bel', 'Black', 'Bram', 'Brook', 'Cal', 'Chal', 'Clay', 'Corn', 'Cran', 'Dal', 'Dun', 'Elm', 'Fair', 'Fern', 'Fox', 'Glen', 'Hal', 'Har', 'Hazel', 'Holm', 'Ken', 'Kings', 'Lang', 'Lark', 'Lin', 'Marl', 'Mel', 'Mill', 'Nor', 'Oak', 'Orm', 'Pen', 'Quen', 'Rad', 'Red', 'Rook', 'Rother', 'Sal', 'Shel', 'Stan', 'Stow', 'Thorn', 'Tor', 'Wal', 'Wen', 'Whit', 'Wil', 'Wood', 'Wyn', 'Yar', 'Cold', 'Ember', 'Gras', 'Heron', 'Ivy', 'Lyn', 'Mor', 'Sedge'];
const PLACE_ENDS = ['bury', 'by', 'caster', 'combe', 'dale', 'den', 'field', 'ford', 'gate', 'ham', 'hurst', 'ley', 'mere', 'moor', 'stead', 'stoke', 'ton', 'well', 'wick', 'worth', 'brook', 'bridge', 'borough', 'holme'];
/** Real places (and real youth justice services) that the word lists could make: never used. */
const REAL_PLACES = new Set(['Ashford', 'Ashby', 'Ashton', 'Ashwell', 'Oakham', 'Oakley', 'Thornbury', 'Thornton', 'Whitby', 'Whitley', 'Whitehaven', 'Kingston', 'Walton', 'Milton', 'Millbrook', 'Stanford', 'Stanley', 'Stanton', 'Wickham', 'Woodstock', 'Woodford', 'Woodley', 'Woodbridge', 'Salford', 'Blackburn', 'Bradford', 'Bramley', 'Brookwood', 'Dunstable', 'Fairford', 'Harrow', 'Kenley', 'Kenton', 'Langley', 'Langford', 'Linton', 'Norton', 'Redbridge', 'Redditch', 'Redcar', 'Shelford', 'Stowmarket', 'Wilton', 'Wellington', 'Calder', 'Coldstream', 'Melton', 'Holmfirth', 'Fernhurst', 'Hazelwood', 'Redhill', 'Rotherham', 'Dunham', 'Dalton', 'Harwell', 'Elmbridge', 'Cranbrook', 'Cranleigh', 'Hurst', 'Woodbury', 'Foxley', 'Millom', 'Stoke', 'Ormskirk', 'Wymondham', 'Marlow', 'Barkby', 'Orton', 'Sedgefield', 'Sedgemoor', 'Lynton', 'Morley', 'Morton', 'Fairfield', 'Belford', 'Kingsbury', 'Blackley', 'Blackmoor', 'Glenfield', 'Greenford', 'Wenlock', 'Lindale', 'Holmbury', 'Woodham', 'Wilford', 'Lynford', 'Heronsgate', 'Stanwell', 'Ivybridge', 'Torbridge', 'Brookmans']);
const WELSH_STARTS = ['Aber', 'Llan', 'Pen', 'Cwm', 'Bryn', 'Pont', 'Caer', 'Tre', 'Nant', 'Glyn', 'Rhos', 'Maes'];
const WELSH_ENDS = ['dŵr', 'gwyn', 'fawr', 'coed', 'hafod', 'wen', 'derwen', 'celyn', 'garth', 'deri'];
const WELSH_TY = ['coch', 'gwyn', 'mawr', 'newydd', 'isaf'];
const AREA_WORDS = ['Vale', 'Fells', 'Downs', 'Coast', 'Marches', 'Weald', 'Moors', 'Dales', 'Forest', 'Wolds', 'Valleys', 'Heath'];
const ENGLISH_REGIONS = ['North East', 'North West', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands', 'East of England', 'London', 'South East', 'South West'];
const WELSH_REGIONS: readonly (readonly [string, string])[] = [
  ['North Wales', 'North Wales'],
  ['Mid and West Wales', 'Dyfed-Powys'],
  ['South Wales', 'South Wales'],
  ['South Wales', 'Gwent'],
];

const FIRST_NAMES = ['Aisha', 'Amir', 'Anna', 'Bethan', 'Catherine', 'Chloe', 'Daniel', 'David', 'Deborah', 'Eleanor', 'Emma', 'Fatima', 'Femi', 'Gareth', 'Grace', 'Hannah', 'Harriet', 'Helen', 'Ian', 'Imran', 'James', 'Joanna', 'Jonathan', 'Kate', 'Kwame', 'Laura', 'Leila', 'Mark', 'Martin', 'Megan', 'Michael', 'Nadia', 'Niamh', 'Owain', 'Owen', 'Patrick', 'Paul', 'Priya', 'Rachel', 'Rebecca', 'Rhys', 'Ruth', 'Samuel', 'Sarah', 'Sian', 'Simon', 'Sunita', 'Tom', 'Yusuf', 'Zara'];
const LAST_NAMES = ['Adeyemi', 'Ahmed', 'Bailey', 'Bennett', 'Brennan', 'Campbell', 'Chaudhry', 'Clarke', 'Davies', 'Edwards', 'Evans', 'Fairclough', 'Fletcher', 'Gallagher', 'Greaves', 'Hartley', 'Hughes', 'Iqbal', 'Jenkins', 'Johnson', 'Kaur', 'Khan', 'Lloyd', 'Mensah', 'Morgan', 'Nowak', 'Okafor', "O'Neill", 'Osei', 'Patel', 'Pennington', 'Price', 'Pritchard', 'Rahman', 'Reid', 'Roberts', 'Shah', 'Singh', 'Thomas', 'Turner', 'Walsh', 'Watkins', 'Williams', 'Wright', 'Yilmaz', 'Okoro', 'Forsyth', 'Lindqvist', 'MacLeod', 'Varma'];
const CHILD_NAMES_BOYS = ['Jay', 'Kai', 'Leon', 'Tyler', 'Callum', 'Mason', 'Riley', 'Aaron', 'Deon', 'Harvey', 'Jamie', 'Josh', 'Liam', 'Nathan', 'Reece', 'Sami', 'Zain', 'Kyle', 'Dylan', 'Ethan'];
const CHILD_NAMES_GIRLS = ['Ellie', 'Jade', 'Leah', 'Mia', 'Sophie', 'Tia', 'Amira', 'Keira', 'Chantelle', 'Lacey', 'Nia', 'Poppy'];
/** Fictional chief inspectors, by the year a report was published. */
const CHIEF_INSPECTORS: readonly (readonly [number, string])[] = [
  [2018, 'Margaret Holloway'],
  [2021, 'Daniel Okoro'],
  [2025, 'Catherine Varma'],
];

const personName = (rng: Random) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;

/* ------------------------------------------------------------------------------------------------
 * Services
 * ---------------------------------------------------------------------------------------------- */

interface ServiceSpec {
  slug: string;
  name: string;
  shortName: string;
  nation: 'England' | 'Wales';
  region: string;
  policeForceArea: string;
  /** Words about the area for the introduction. */
  areaKind: string;
  council: string;
}

/** "the North West", "London", "North Wales": a region as it reads after "in". */
function regionPhrase(region: string): string {
  return region === 'London' || region === 'Yorkshire and the Humber' || region.includes('Wales') ? region : `the ${region}`;
}

const toSlug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A maker of services with names not used before. */
function serviceMaker(rng: Random): () => ServiceSpec {
  const usedPlaces = new Set<string>();
  const usedSlugs = new Set<string>();
  const englishPlace = (): string => {
    for (let attempt = 0; ; attempt++) {
      const place = `${rng.pick(PLACE_STARTS)}${rng.pick(PLACE_ENDS)}`;
      const tidy = place.replace(/(.)\1\1/g, '$1$1');
      if (!REAL_PLACES.has(tidy) && !usedPlaces.has(tidy)) {
        usedPlaces.add(tidy);
        return tidy;
      }
      if (attempt > 200) {
        const numbered = `${tidy} ${['North', 'South', 'East', 'West', 'Upper', 'Lower'][attempt % 6]}`;
        if (!usedPlaces.has(numbered)) {
          usedPlaces.add(numbered);
          return numbered;
        }
      }
    }
  };
  const welshPlace = (): string => {
    for (let attempt = 0; ; attempt++) {
      const place = rng.chance(0.25) ? `${rng.pick(WELSH_STARTS)} Tŷ-${rng.pick(WELSH_TY)}` : `${rng.pick(WELSH_STARTS)}${rng.pick(WELSH_ENDS)}`;
      if (!usedPlaces.has(place) || attempt > 500) {
        usedPlaces.add(place);
        return place;
      }
    }
  };
  let made = 0;
  return () => {
    // The second service is always in Wales, so that even a small corpus has one (and its checks run).
    made += 1;
    const welsh = rng.chance(0.12) || made === 2;
    let shortName: string;
    let region: string;
    let policeForceArea: string;
    let areaKind: string;
    if (welsh) {
      shortName = welshPlace();
      [region, policeForceArea] = rng.pick(WELSH_REGIONS);
      areaKind = rng.pick(['a county borough', 'a largely rural county', 'a county borough of former mining valleys', 'a coastal county']);
    } else {
      const two = rng.chance(0.1);
      shortName = two ? `${englishPlace()} and ${englishPlace()}` : englishPlace();
      region = rng.pick(ENGLISH_REGIONS);
      policeForceArea = rng.chance(0.5) ? `${shortName.split(' and ')[0]} ${rng.pick(AREA_WORDS)}` : `${shortName.split(' and ')[0]} and ${englishPlace()}`;
      if (region === 'London') {
        areaKind = 'a London borough';
        policeForceArea = 'Metropolitan Police';
      } else {
        areaKind = two
          ? 'two neighbouring council areas served by one youth justice service'
          : rng.pick(['a metropolitan borough', 'a largely rural county', 'a unitary authority covering a city and its surrounding towns', 'a coastal district with several market towns', 'a county with one large town and many villages', 'a city council area']);
      }
    }
    const kind = rng.weighted([
      ['Youth Justice Service', 6],
      ['Youth Offending Service', 3],
      ['Youth Offending Team', 1],
    ] as const);
    let slug = toSlug(shortName);
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${toSlug(shortName)}-${n}`;
    usedSlugs.add(slug);
    const council = shortName.includes(' and ') ? `${shortName} councils` : `${shortName} Council`;
    return { slug, name: `${shortName} ${kind}`, shortName, nation: welsh ? 'Wales' : 'England', region, policeForceArea, areaKind, council };
  };
}

function serviceYaml(service: ServiceSpec): string {
  // The synthetic corpus is written in English only: a service in Wales says so, rather than
  // publishing in Welsh (its default) without the Welsh to publish.
  const languages = service.nation === 'Wales' ? { languages: ['en'] } : {};
  const data = { slug: service.slug, name: service.name, shortName: service.shortName, nation: service.nation, region: service.region, policeForceArea: service.policeForceArea, fictional: true, ...languages };
  return `# yaml-language-server: $schema=../../schemas/service.schema.json\n# SYNTHETIC CORPUS: a made-up service, generated by scripts/corpus.ts.\n${yamlText(data)}`;
}

const YAML_OPTIONS = { lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false } as const;

/** YAML as the samples are written: short lists of short words on one line ("team: [A, B]"). */
function yamlText(data: unknown): string {
  const doc = new Document(data);
  visitYaml(doc, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item) && String(item.value).length <= 40)) node.flow = true;
    },
  });
  return doc.toString(YAML_OPTIONS);
}

/* ------------------------------------------------------------------------------------------------
 * The schedule: which service is inspected when
 * ---------------------------------------------------------------------------------------------- */

interface Planned {
  service: ServiceSpec;
  start: number;
  /** Underlying quality of the work, about 0.3 (poor) to 1 (excellent): drives every answer and rating. */
  quality: number;
  previous: Planned | undefined;
  kind: 'inspection' | 'reinspection' | 'joint';
  slug: string;
}

function plan(rng: Random, count: number): { services: ServiceSpec[]; planned: Planned[] } {
  // Each service has a timeline: a first inspection in the first years of the window, then one
  // every three to four years, or a reinspection a year or so after a poor one.
  const nextService = serviceMaker(rng);
  const services: ServiceSpec[] = [];
  const planned: Planned[] = [];
  while (planned.length < count) {
    const service = nextService();
    services.push(service);
    let start = nextMonday(WINDOW_START + rng.int(0, 3 * 365));
    let previous: Planned | undefined;
    while (start <= WINDOW_END && planned.length < count) {
      const reinspection = previous !== undefined && previous.quality < 0.6 && start - previous.start < 25 * 30;
      const quality = reinspection ? Math.min(0.95, previous!.quality + rng.between(0.06, 0.18)) : Math.min(0.97, Math.max(0.34, rng.normal(0.765, 0.1)));
      const kind = reinspection ? 'reinspection' : rng.chance(0.08) ? 'joint' : 'inspection';
      const entry: Planned = { service, start, quality, previous, kind, slug: '' };
      planned.push(entry);
      previous = entry;
      const gapMonths = quality < 0.6 ? rng.between(13, 20) : rng.between(32, 50);
      start = nextMonday(start + Math.round(gapMonths * 30.4));
    }
  }
  // Even a small corpus has a reinspection and a joint inspection, where it has room for them.
  if (!planned.some((p) => p.kind === 'reinspection')) {
    const later = planned.find((p) => p.previous !== undefined && p.kind !== 'joint');
    if (later) later.kind = 'reinspection';
  }
  if (planned.length >= 4 && !planned.some((p) => p.kind === 'joint')) {
    const candidate = planned.find((p) => p.kind === 'inspection');
    if (candidate) candidate.kind = 'joint';
  }
  planned.sort((a, b) => a.start - b.start || a.service.slug.localeCompare(b.service.slug));
  const slugs = new Set<string>();
  for (const entry of planned) {
    const base = `${entry.service.slug}-${isoOf(entry.start).slice(0, 4)}`;
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    entry.slug = slug;
  }
  return { services, planned };
}

/* ------------------------------------------------------------------------------------------------
 * Cases
 * ---------------------------------------------------------------------------------------------- */

const ETHNICITIES = [
  ['white', 70],
  ['black', 10],
  ['asian', 7],
  ['mixed', 10],
  ['other', 2],
  ['not-known', 1],
] as const;
const COURT_DISPOSALS = [
  ['referral-order', 45],
  ['youth-rehabilitation-order', 35],
  ['detention-and-training-order', 12],
  ['other-court', 8],
] as const;
const OOC_DISPOSALS = [
  ['community-resolution', 40],
  ['youth-caution', 25],
  ['youth-conditional-caution', 30],
  ['other-out-of-court', 5],
] as const;

/** What a key question is about: its position in the standard (desistance, the child's safety, other people's safety). */
const ASPECT_OFFSET = [0.06, 0, -0.05];
/** How hard each stage is: reviewing is usually weakest. */
const STAGE_OFFSET: Record<string, number> = { '1': 0, '2': 0.02, '3': 0.03, '4': -0.035 };

function makeCases(rng: Random, framework: Framework, quality: number, withResettlement: boolean): CaseRecord[] {
  const total = rng.int(20, 40);
  const smallOutOfCourt = rng.chance(0.08);
  const outOfCourt = smallOutOfCourt ? rng.int(2, 5) : Math.max(6, Math.round(total * rng.between(0.25, 0.45)));
  const court = total - outOfCourt;
  const types = rng.shuffle([...Array<'court'>(court).fill('court'), ...Array<'out-of-court'>(outOfCourt).fill('out-of-court')]);
  const questions = caseQuestions(framework);
  const domainOffset = { court: rng.normal(0, 0.05), 'out-of-court': rng.normal(0.02, 0.07) };
  // Each question's chance of a "yes" in this inspection.
  const rate = new Map<string, number>();
  for (const [id, type] of questions) {
    const [, stage, aspect] = id.split('.');
    const base = quality + domainOffset[type] + (ASPECT_OFFSET[Number(aspect) - 1] ?? 0) + (STAGE_OFFSET[stage!] ?? 0) + rng.normal(0, 0.05);
    rate.set(id, Math.min(0.99, Math.max(0.12, base)));
  }
  const hasDto = withResettlement;
  const records: CaseRecord[] = [];
  types.forEach((type, index) => {
    let disposal: CaseRecord['disposal'] = type === 'court' ? rng.weighted(COURT_DISPOSALS) : rng.weighted(OOC_DISPOSALS);
    // One court case of an inspection with resettlement work is a child leaving custody.
    const resettlement = type === 'court' && disposal === 'detention-and-training-order' && hasDto && rng.chance(0.75) ? 'yes' : 'no';
    if (!hasDto && disposal === 'detention-and-training-order' && framework.domains.some((d) => d.standards.some((s) => s.mayBeNotRated))) disposal = 'youth-rehabilitation-order';
    const answers: Record<string, CaseAnswer> = {};
    for (const [id, questionType] of questions) {
      if (questionType !== type) continue;
      const [, stage, aspect] = id.split('.');
      const notApplicable = stage === '4' && type === 'court' ? 0.12 : aspect === '3' ? 0.08 : aspect === '2' ? 0.03 : 0.01;
      answers[id] = rng.chance(notApplicable) ? 'n/a' : rng.chance(rate.get(id)!) ? 'yes' : 'no';
    }
    records.push({
      id: `C${String(index + 1).padStart(2, '0')}`,
      type,
      disposal,
      looked_after: rng.chance(0.2) ? 'yes' : 'no',
      sex: rng.chance(0.14) ? 'female' : 'male',
      ethnicity: rng.weighted(ETHNICITIES),
      disability: rng.weighted([
        ['no', 65],
        ['yes', 25],
        ['not-known', 10],
      ] as const),
      resettlement,
      answers,
    });
  });
  if (withResettlement && !records.some((r) => r.resettlement === 'yes')) {
    const first = records.find((r) => r.type === 'court');
    if (first) {
      first.disposal = 'detention-and-training-order';
      first.resettlement = 'yes';
    }
  }
  return records;
}

function casesCsv(framework: Framework, records: readonly CaseRecord[]): string {
  const questions = [...caseQuestions(framework).keys()];
  const header = ['id', 'type', 'disposal', 'looked_after', 'sex', 'ethnicity', 'disability', 'resettlement', ...questions];
  const lines = [header.join(',')];
  for (const r of records) lines.push([r.id, r.type, r.disposal, r.looked_after, r.sex, r.ethnicity, r.disability, r.resettlement, ...questions.map((q) => r.answers[q] ?? '')].join(','));
  return `${lines.join('\n')}\n`;
}

/* ------------------------------------------------------------------------------------------------
 * Sentence pools
 * ---------------------------------------------------------------------------------------------- */

interface TopicPools {
  positive: readonly string[];
  negative: readonly string[];
  context: readonly string[];
}

const GOVERNANCE: TopicPools = {
  positive: [
    '#board-knowledge Board members know the service\'s performance well and {ask searching questions|challenge one another constructively|hold partners to account} when children do not get what they need.',
    '#plan The youth justice plan sets {clear|realistic and well-understood} priorities, and its actions are {monitored closely|reviewed at every board meeting}.',
    '#attendance Every statutory partner is represented at the right level, and attendance at the board is {consistently high|good}.',
    '#vision Leaders have a clear vision for the service, built around seeing children as children first, and staff {understand and share it|understand how their work contributes to it}.',
    '#visits Board members visit the service {regularly|from time to time} to meet staff and children, so they understand the work at first hand.',
    '#board-info The board receives {a quarterly performance report|good-quality performance reports} that show how children are doing, not only how many there are.',
    '#vision The head of service is {visible, well respected and ambitious for children|well regarded by staff and partners}, and staff told us they feel listened to.',
    'Partners have made real commitments, {including funding for a seconded mental health worker|such as paying for an education worker in the team|including extra funding for early help and prevention}.',
    '#disproportionality The board understands why black and mixed heritage children are over-represented in the local youth justice system, and it has started to act on it.',
    '#induction New board members receive a thorough induction, and the board holds a development day every year.',
    '#visits Children\'s views are a standing item on the board\'s agenda, and {young people have spoken at board meetings|the board has changed its priorities in response to what children said}.',
    '#links Links with the community safety partnership and the local safeguarding partnership are strong, and the head of service sits on both.',
  ],
  negative: [
    '#board-knowledge Several board members were unsure of their role, and some could not say how well the service was performing.',
    '#attendance Attendance at the board is {patchy|inconsistent}, and {the police do|health partners do|the council\'s education service does} not always send someone with the authority to commit resources.',
    '#plan The youth justice plan is {out of date|a list of activities rather than a strategy}, and it does not say how progress will be measured.',
    '#board-info The board receives {little|too little} information about the quality of work with children, so it cannot challenge partners effectively.',
    '#board-knowledge Members rarely challenge one another, and {actions agreed at meetings are not always followed up|the same concerns appear on the agenda meeting after meeting}.',
    '#induction There is no induction for new board members, and the terms of reference have not been reviewed for {several|three} years.',
    'Leaders have given too little attention to the number of children out of education, training or employment.',
    '#links Strategic links with the community safety partnership and the safeguarding partnership are weak.',
    '#vision Changes in leadership have left staff unsure of the direction of the service.',
    '#visits Board members seldom visit the service and do not hear directly from children and their families.',
    '#disproportionality The board has not yet considered what its data says about the over-representation of some groups of children, and it has no plan to address it.',
  ],
  context: [
    'The service is hosted by [council] and sits within {its children\'s services directorate|its early help service|its community safety directorate}.',
    'The head of service reports to {the assistant director for early help|the director of children\'s services|the assistant director for safeguarding}.',
    'The management board meets {every two months|every quarter|six times a year} and is chaired by {the director of children\'s services|an independent chair|a senior police officer|the council\'s chief executive}.',
    'The board has {recently refreshed its membership|agreed new terms of reference in the last year|moved to a new meeting cycle that follows the council\'s planning year}.',
  ],
};

const STAFF: TopicPools = {
  positive: [
    '#staffing,caseload Staffing levels are {stable|good}, and case managers told us their workloads are manageable.',
    'Practitioners are {skilled, confident and motivated|committed, experienced and passionate about their work with children}.',
    '#supervision Managers provide {regular, reflective supervision|supervision that staff value}, and their oversight of cases is {clear and recorded|visible on case records}.',
    '#training A broad programme of training includes {trauma-informed practice|child criminal exploitation|speech and language needs|contextual safeguarding}, and staff rated it highly.',
    'Seconded staff from the police, health and probation are well integrated into the team.',
    '#morale Staff feel valued by leaders, and morale is high.',
    '#volunteers Volunteers who sit on referral order panels are well trained and bring a range of backgrounds to the work.',
    'The workforce broadly reflects the community the service works with.',
    '#caseload Work is allocated fairly, using a tool that takes account of the complexity of each case.',
    'Case managers have regular opportunities to reflect on complex cases with {a clinical psychologist|the service\'s health practitioners|senior managers}.',
  ],
  negative: [
    '#staffing Staff turnover has been high, and {agency staff|newly qualified staff} now hold a large share of the cases.',
    '#caseload Some case managers carry caseloads that are too high for the complexity of the work.',
    '#supervision Supervision is irregular, and management oversight of cases was {insufficient|not evident} in too many of the cases we inspected.',
    '#training Training has focused on mandatory courses, and staff told us they needed more help to work with {exploitation|children with complex needs|children who pose a high risk to others}.',
    '#supervision Managers did not always spot gaps in assessments before they were signed off.',
    '#staffing Several posts were vacant at the time of the inspection, including {the seconded probation officer|the education worker|a team manager}.',
    '#morale Staff morale has been affected by {a long period of change|a move to new offices|uncertainty about a restructure}.',
    '#volunteers Volunteers on referral order panels have not had refresher training for some time.',
    'Staff were not confident in their understanding of diversity, and few had received training on it.',
  ],
  context: [
    '#staffcount The service employs [staffCount] staff, including {seconded police officers, a probation officer and health workers|case managers, seconded staff and a small team of volunteers}.',
    'We surveyed {all|most} of the case managers before the fieldwork and met staff in {focus groups|individual interviews and focus groups}.',
  ],
};

const PARTNERSHIPS: TopicPools = {
  positive: [
    '#needs The partnership has a thorough, up-to-date analysis of the needs of the children it works with, and uses it to shape services.',
    '#mh Children can get mental health support {quickly|without a long wait}, through a {child and adolescent mental health worker|seconded CAMHS practitioner} in the team.',
    '#salt A speech and language therapist screens children and helps staff adapt their work to each child\'s needs.',
    'Reparation projects are varied and meaningful, {from gardening and conservation work to helping at a food bank|including work with a local football club and a community garden}.',
    '#csc Arrangements with children\'s social care are strong, and joint work to tackle exploitation is well established.',
    '#ete An education worker in the team helps children back into school, college or training.',
    '#substance The service has good links with {substance misuse services|voluntary organisations|local sports and arts groups}, which give children positive things to do.',
    '#victims Victims are offered restorative justice, and the victim worker makes sure their views inform the work.',
  ],
  negative: [
    '#ete Too many children known to the service are not in suitable education, training or employment.',
    '#mh Access to mental health support is {slow|inconsistent}, and some children waited months for an appointment.',
    '#needs The service has no up-to-date analysis of the needs of its children, so it cannot be sure that it offers the right services.',
    '#salt There is no speech and language provision, although many children in the sample had communication difficulties.',
    '#substance Substance misuse support has been reduced, and children now have to travel to {the other side of the area|a central clinic} to receive it.',
    '#victims Work with victims is underdeveloped: victims are not always contacted, and restorative options are rarely offered.',
    '#csc Arrangements with children\'s social care do not always work well, and joint planning for children at risk of exploitation is weak.',
    'Provision for children over school age is thin, and there are waiting lists for the few training places available.',
  ],
  context: [
    'Children known to the service often have complex needs: {exploitation, poor mental health and exclusion from school|family breakdown, substance misuse and low attainment at school|speech and language difficulties and experience of trauma} are common.',
    'The area has {seen a rise in serious youth violence|a small number of children who are exploited through county lines|a higher than average number of children in care}, and partners told us this shapes their priorities.',
  ],
};

const INFORMATION: TopicPools = {
  positive: [
    '#policies Policies and procedures are up to date, {easy to find|available on the shared drive} and well understood by staff.',
    '#premises Children are seen in {safe, welcoming|child-friendly} places, {close to where they live|including community venues and youth centres}.',
    '#cms The case management system is reliable, and staff can see information from {children\'s social care|partner agencies} when they need it.',
    '#data,audit,feedback The service makes good use of data, audit and feedback from children to improve its work.',
    'Learning from serious incidents and case reviews is shared quickly with staff.',
    '#audit A regular audit programme checks the quality of work, and managers can show how practice has changed as a result.',
    '#feedback Children\'s feedback is collected routinely and has led to changes, {such as new reception areas|such as more flexible appointment times}.',
  ],
  negative: [
    '#policies Several policies are out of date, and some have not been approved by the board.',
    '#premises The office is {not welcoming for children|shared with adult services}, and {some interview rooms lack privacy|there is nowhere private to meet families}.',
    '#cms The case management system is unreliable, and staff spend a lot of time working around its faults.',
    '#data The service collects data but does little to analyse it or use it to improve practice.',
    '#audit There is no regular audit of case work, so managers do not know the quality of practice.',
    '#feedback Children\'s views are rarely sought, and there is no easy way for them to give feedback.',
    '#cms Staff cannot see information held by children\'s social care, which delays assessments.',
  ],
  context: [
    'The service works from {two offices|one central office|a shared building with early help teams}, and staff also see children at home, in schools and in community venues.',
    '#cmscontext Staff record their work on {a case management system shared with partners|the youth justice case management system}, which was {upgraded|replaced} {last year|two years ago}.',
  ],
};

const OOC_POLICY: TopicPools = {
  positive: [
    '#oocpolicy A joint out-of-court disposal policy, agreed with the police, sets out clear criteria for each type of disposal.',
    '#panel A joint decision-making panel meets {every week|twice a month} and records the reasons for its decisions.',
    '#oocassess Every child is assessed before the panel decides, and the assessment shapes the decision.',
    'The service offers a good range of interventions for children on out-of-court disposals, including {prevention and diversion work|restorative work with victims}.',
    '#monitor The partnership monitors whether children go on to reoffend, and uses what it finds to improve the work.',
    'Children and their parents or carers are helped to understand what an out-of-court disposal means before they agree to it.',
  ],
  negative: [
    '#oocpolicy There is no up-to-date written out-of-court disposal policy, so the basis for decisions is unclear.',
    '#panel The panel does not always record why it chose one disposal over another.',
    '#oocassess Not every child is assessed before the panel meets, so decisions are sometimes made without the full picture.',
    'The police do not always tell the service about community resolutions, so some children miss out on support.',
    '#monitor Nobody checks whether out-of-court work is effective.',
    '#oocpolicy The policy has not been reviewed since the inspection standards changed, and staff were unsure of parts of it.',
  ],
  context: [
    'Out-of-court work has grown as a share of the caseload, and the service now works with more children on out-of-court disposals than on court orders.',
    'Decisions are made by {a joint panel of the service and the police|a multi-agency panel chaired by a police inspector|a panel that includes the police, education and health}.',
  ],
};

const RESETTLEMENT: TopicPools = {
  positive: [
    '#rpolicy The resettlement policy is up to date, based on the constructive resettlement approach, and known to staff.',
    '#rplanning,redu Planning for release began early, and {accommodation|education and health appointments} were arranged before the child left custody.',
    '#rvisits Case managers kept in close contact with children in custody, visiting {regularly|at least monthly}.',
    '#rboard The board receives regular reports on children in custody and on their progress after release.',
    'Children were met at the gate on the day of release and supported through the first weeks.',
  ],
  negative: [
    '#rpolicy,rboard There is no resettlement policy, and the board has not considered resettlement.',
    '#rplanning Planning for release started too late, and accommodation had not been found {a week before|in the days before} release.',
    '#rvisits Case managers did not visit children in custody often enough to build a relationship.',
    '#redu Children\'s education and health needs were not planned for before release.',
    '#rboard The board receives no information about how children fare after leaving custody.',
  ],
  context: ['The number of children sentenced to custody is small: [custodyCount] in the previous 12 months.', 'Children in custody are held {a long way from home|in young offender institutions and secure training centres in other regions}, which makes visits harder.'],
};

/** What inspectors did and heard, per judgement standard: prose for longer sections. */
const OBSERVATIONS: Record<string, readonly string[]> = {
  '1.1': [
    'We met the chair of the board and {several|a number of} board members, who ((spoke knowledgeably about the service||were candid about what still needed to change)). ((They could describe the service\'s priorities and the main risks it faces.||Not all of them could describe the service\'s priorities.))',
    'We read the minutes of recent board meetings. ((They show a board that discusses individual children as well as figures, and actions are assigned to named members.||They record a good deal of information being shared, but little challenge or follow-up.))',
    'The service\'s self-assessment, written before the inspection, ((was honest and matched what we found. Leaders already knew about most of the issues we raised.||was more positive than the evidence we saw. Leaders had not identified some of the weaknesses we found.))',
    'Relationships between the service and the local courts are ((good, and magistrates told us they value the quality of pre-sentence reports||workable, but magistrates told us they would welcome more information about what orders involve)).',
  ],
  '1.2': [
    'Staff we met in focus groups ((were positive about working for the service||spoke openly about the pressures they faced)). {Many had worked there for years and knew the area well.|Several had joined in the last year.}',
    'Our survey of practitioners found that ((most felt they had the skills to do their job, and that their manager helped them think through complex cases||many did not feel confident working with the most complex cases, and some said they rarely discussed cases with their manager)).',
    'Induction for new staff ((is thorough and includes shadowing experienced colleagues||is brief, and new staff told us they learned mostly by asking colleagues)).',
    'Managers told us that ((recruitment has become easier, and they have made good use of student placements||recruiting experienced practitioners remains difficult, and they rely on a small number of long-serving staff)).',
  ],
  '1.3': [
    'We met partners from {health, education, the police and children\'s social care|the police, schools and local charities|health services and the council\'s education team}. ((They spoke warmly about working with the service, and most could give examples of joint work that had helped a child.||Some were unclear about what the service offers, and few could say how their own agency\'s work with these children was measured.))',
    'The range of interventions includes {work on managing emotions, knife crime and healthy relationships|programmes on exploitation, substance misuse and victim awareness|mentoring, sports and arts projects and restorative work}. ((Case managers choose from them to suit each child.||Not all of them are used, and none has been evaluated.))',
    'Children\'s education is a {standing item at panel meetings|concern that all partners share}. ((The service\'s education worker has helped many children back into full-time education.||Even so, too many children are on reduced timetables or out of school altogether.))',
  ],
  '1.4': [
    'We visited the service\'s {main office|offices} and {two community venues|a youth centre it uses}. ((Reception areas are bright and welcoming, with information for children and parents.||The building is tired, and children have to wait in a corridor.))',
    'Managers showed us the service\'s performance reports, which cover {reoffending, first-time entrants and the use of custody|the timeliness of assessments, education and accommodation}. ((They are clear and well used.||They are produced regularly but rarely discussed.))',
    'The service has {a participation worker who gathers children\'s views|a group of young people who advise it on its work}. ((Their feedback has already changed how the service works.||It is not yet clear what difference their feedback makes.))',
  ],
  '3.4': [
    'We observed a meeting of the joint decision-making panel. ((Members discussed each child carefully and recorded the reasons for their decisions.||Discussion was brief, and the reasons for decisions were not always recorded.))',
    'The police and the service ((share a clear understanding of which children are suitable for diversion, and decisions are made quickly||do not always agree on which children are suitable for diversion, and some children wait weeks for a decision)).',
    'Data on out-of-court disposals is ((reported to the board every quarter, and the partnership can show how many children go on to reoffend||collected but not analysed, so the partnership cannot yet say how many children go on to reoffend)).',
  ],
  '4.1': [
    'We read the cases of children released from custody and spoke to their case managers. ((Planning for release was well coordinated between the secure estate and the service.||Communication between the secure estate and the service was patchy.))',
    'Case managers told us that {finding suitable accommodation|finding an education place at short notice} is the hardest part of resettlement work, and ((the board has taken this up with the council||the board has not discussed it)).',
  ],
};

/** Short stories from the case sample, told in prose, for the case-sample sections. */
const VIGNETTES = {
  positive: [
    'In one case, a [age]-year-old [childNoun] on [disposal] had been {excluded from school|missing from home several times}. The case manager worked with {the school and children\'s social care|the family and the police} to agree a clear plan, and {the child is now attending college|the risks to the child have reduced}.',
    'One [childNoun] we read about had {a diagnosis of ADHD|speech and language difficulties|experienced serious trauma}. The case manager adapted every session to suit [poss] needs, and the child told us that {it was the first time anyone had really listened|sessions were helpful and easy to understand}.',
    'In another case, the case manager noticed that a [age]-year-old [childNoun] was {spending time with older young people known to the police|carrying large sums of cash}. {The concern was shared the same day, and a safety plan was agreed within a week.|A strategy meeting was held quickly, and the child was moved out of the area for a time.}',
  ],
  negative: [
    'In one case, a [age]-year-old [childNoun] on [disposal] was known to be {at risk of exploitation|living in an overcrowded home with a violent older sibling}. This was not mentioned in the assessment, and no agency was asked to help.',
    'One [childNoun] we read about {stopped attending appointments after a few weeks|moved to a new address part-way through the order}. The case manager {did not find out why|did not review the plan}, and the work came to a halt for {several weeks|more than a month}.',
    'In another case, the police had shared information that a [age]-year-old [childNoun] had {threatened a former partner|been arrested for a further offence}. The plan was not updated, and there was no contingency plan if the risk increased.',
  ],
};

/** Detail sentences about one aspect of a case-sample standard, by what the key question is about. */
const ASPECT: Record<'desistance' | 'childSafety' | 'othersSafety', { positive: readonly string[]; negative: readonly string[] }> = {
  desistance: {
    positive: [
      '#~strengths Case managers {understood|had a good grasp of} what had led to the offending and {built on|made good use of} children\'s strengths and interests.',
      '#~voice The voice of the child, and of their parents or carers, {came through clearly|was clear in the records|was heard and acted on}.',
      '#~diversity The work took account of each child\'s {diversity, maturity and learning needs|identity, age and level of understanding}.',
      'Practitioners paid close attention to {education, relationships and how children spent their time|school, family life and friendships}.',
      'Trauma, loss and exclusion from school were {understood and taken into account|recognised, and the work was adapted to them}.',
      'Case managers {took time to build a relationship with each child|were persistent in engaging children who were reluctant at first}.',
      'The work focused on {the things most likely to help each child move away from offending|what mattered most to the child and their family}.',
    ],
    negative: [
      '#~strengths Some records said little about {the child\'s strengths or what mattered to them|what the child was good at or interested in}.',
      '#~voice The views of parents and carers were not always {sought|recorded}.',
      '#~diversity Diversity and learning needs were not always considered, so the work did not always suit the child.',
      'Some case managers relied on the child\'s own account without checking it with {other agencies|schools or children\'s social care}.',
      'The factors linked to offending were {listed rather than analysed|described, but not always explained}.',
      'In some cases the work {lost momentum|drifted} when the child\'s circumstances became more complicated.',
    ],
  },
  childSafety: {
    positive: [
      '#~exploit Risks to children\'s safety, including exploitation and self-harm, were {identified and shared with the right agencies|recognised and acted on promptly}.',
      'Case managers worked closely with {children\'s social care and health services|social workers and school staff} to keep children safe.',
      '#~agencies Information from other agencies was used well to understand the risks to the child.',
      '#~exploit Where a child was at risk of exploitation, {the service made sure that partners acted together and quickly|case managers took part in strategy meetings and followed up the actions}.',
      'Safety plans {were clear and shared with the child\'s family|set out who would do what if the child went missing}.',
    ],
    negative: [
      '#~exploit Risks from exploitation were sometimes {missed|underestimated}, or not shared with children\'s social care.',
      '#~agencies Case managers did not always draw on what other agencies knew about the child.',
      'Contingency planning for the child\'s own safety was {often missing|often too general to be useful}.',
      'Some children\'s {mental health needs were not recognised|emotional needs were not explored}.',
      'When a child went missing, {this was not always followed by a review of the risks|the response was not always recorded}.',
    ],
  },
  othersSafety: {
    positive: [
      '#~who Case managers identified who might be at risk and how, including specific victims.',
      '#~police Work with the police and other agencies to manage the risk to others was {well coordinated|timely and well recorded}.',
      '#~victims The needs and wishes of victims were {taken into account|considered carefully}.',
      '#~rosh The recorded level of risk of serious harm was {accurate and justified|well reasoned}.',
      'Where needed, cases were {discussed at multi-agency meetings|referred to the right panels}, and the actions agreed were followed up.',
    ],
    negative: [
      '#~who Case managers did not always identify who might be at risk from the child, or how.',
      '#~victims The needs and wishes of victims were often overlooked.',
      'Contingency plans, setting out what should happen if risks increased, were missing in {too many cases|a number of cases}.',
      '#~rosh Inspectors did not always agree with the recorded level of risk of serious harm.',
      '#~police Information from the police and children\'s social care was not always used to understand the risk to others.',
      'Some case managers {focused on the child\'s needs and overlooked the risks they posed|were reluctant to discuss the risks with the child and their family}.',
    ],
  },
};

/** Detail sentences about a stage of the work (assessment, planning, delivery, reviewing). */
const STAGE: Record<string, { positive: readonly string[]; negative: readonly string[] }> = {
  '1': {
    positive: ['#~timely Assessments were completed on time and drew on {a wide range of information|information from every agency involved}.', '#~quality AssetPlus assessments were {thorough, balanced and clearly written|detailed and analytical}.', 'Children and their families were involved in their assessments{, and it showed|, and their words were quoted in them}.'],
    negative: ['#~timely Some assessments were completed late, or not updated when new information emerged.', '#~quality Assessments sometimes repeated earlier text without fresh analysis.', '#~quality Some assessments described events without explaining what they meant for the child.'],
  },
  '2': {
    positive: ['#~plans Plans were {clear, realistic and written in words children could understand|concise and realistic, with goals children could understand}.', 'Plans set out who would do what, and when.', '#~shared Children helped to write their own plans, and {said they understood them|knew what they had agreed to}.'],
    negative: ['#~plans Some plans were {general and did not follow from the assessment|lists of appointments rather than plans}.', 'Plans did not always say what would happen if circumstances changed.', '#~shared A few plans had not been shared with the child or their family.'],
  },
  '3': {
    positive: ['#~order Children received interventions in a sensible order that suited their needs.', '#~engage Case managers worked hard to keep children engaged, {fitting appointments around school and family life|following up quickly when they missed appointments}.', '#~coord The contributions of other agencies were well coordinated.'],
    negative: ['#~order Interventions were sometimes delivered in a different order from the plan, or not at all.', '#~engage When children missed appointments, case managers did not always find out why.', '#~coord The work of other agencies was not always coordinated.'],
  },
  '4': {
    positive: ['#~changes Reviews picked up changes in children\'s lives and led to changes in the plan.', 'Children and their families took part in reviews.', 'Reviews were {timely and well recorded|held at the right times and clearly recorded}.'],
    negative: ['#~changes Reviews did not always follow significant changes in a child\'s circumstances.', 'Some reviews were little more than a summary of events, with no fresh analysis.', '#~changes Reviews seldom led to changes in the plan, even when circumstances had changed.'],
  },
};

const OUT_OF_COURT_DETAIL = {
  positive: [
    'Out-of-court work reached children early, often before problems became entrenched.',
    '#~oocassess Case managers completed assessments quickly, so the panel had a clear picture of each child.',
    '#~oochelp Interventions were short, focused and suited to the child\'s age and needs.',
    '#~oocend Children were linked to longer-term support in their community as the disposal ended.',
  ],
  negative: [
    '#~oocassess For community resolutions, assessments were sometimes brief and missed important information.',
    '#~oochelp Some children received little help after a community resolution.',
    '#~oocend Work ended abruptly, without links to further support.',
    'Parents and carers were not always told what the disposal involved.',
  ],
};

const JOINT_WORKING_DETAIL = {
  positive: ['#~recs The service\'s recommendations to the panel were well reasoned and suited to the child.', '#~inform Case managers kept the police informed about how children were getting on.', 'The service and the police shared information promptly once a disposal had been given.'],
  negative: ['The reasons for disposal decisions were not always clear on the record.', '#~recs Recommendations did not always take account of the child\'s circumstances.', '#~inform The police were not always told when a child stopped engaging.'],
};

/** What each key question is about: the words after "how to" in the text. */
const AIMS: Record<number, { aim: string; noun: string }> = {
  1: { aim: 'support the child\'s desistance', noun: 'desistance' },
  2: { aim: 'keep the child safe', noun: 'the child\'s own safety' },
  3: { aim: 'keep other people safe', noun: 'the safety of other people' },
};

const STAGE_HEADLINE: Record<string, Record<'strong' | 'good' | 'mixed' | 'weak', readonly string[]>> = {
  '1': {
    strong: ['Assessment of how to [aim] was {excellent|a real strength}: it was sufficient [cover].', '[Cover], assessments analysed well how to [aim]{, which is excellent work|}.'],
    good: ['Assessment of how to [aim] was good, and sufficient [cover].', '[Cover], assessments analysed how to [aim] well enough.'],
    mixed: ['Assessment of how to [aim] needs to improve: it was sufficient [cover].', '[Cover], assessments analysed how to [aim] well enough, which leaves room for improvement.'],
    weak: ['Assessment of how to [aim] was {poor|not good enough}: it was sufficient [cover].', 'Assessments analysed how to [aim] well enough only [cover], which is not good enough.'],
  },
  '2': {
    strong: ['Planning to [aim] was {outstanding|a clear strength}, and sufficient [cover].', '[Cover], plans focused well on how to [aim].'],
    good: ['Planning to [aim] was good: it was sufficient [cover].', '[Cover], plans set out well enough how to [aim].'],
    mixed: ['Planning to [aim] was {mixed|not consistent}, and sufficient [cover].', '[Cover], plans set out well enough how to [aim]; the rest fell short.'],
    weak: ['Planning to [aim] was {weak|poor}: it was sufficient [cover].', 'Plans set out how to [aim] well enough only [cover], which is not good enough.'],
  },
  '3': {
    strong: ['The work done to [aim] was {outstanding|excellent}: it was sufficient [cover].', '[Cover], the help children received supported them well to [aimShort].'],
    good: ['The work done to [aim] was good, and sufficient [cover].', '[Cover], the services delivered did enough to [aim].'],
    mixed: ['The work done to [aim] was {mixed|uneven}: it was sufficient [cover].', '[Cover], the services delivered did enough to [aim]; in the rest they fell short.'],
    weak: ['The work done to [aim] was {poor|not good enough}, and sufficient [cover].', 'The services delivered did enough to [aim] only [cover], which is not good enough.'],
  },
  '4': {
    strong: ['Reviewing of how to [aim] was {outstanding|excellent}, and sufficient [cover].', '[Cover], reviews focused well on how to [aim].'],
    good: ['Reviewing of how to [aim] was good: it was sufficient [cover].', '[Cover], reviews looked again at how to [aim] well enough.'],
    mixed: ['Reviewing of how to [aim] needs to improve: it was sufficient [cover].', '[Cover], reviews looked again well enough at how to [aim], which leaves room for improvement.'],
    weak: ['Reviewing of how to [aim] was {poor|not good enough}, and sufficient [cover].', 'Reviews looked again at how to [aim] well enough only [cover], which is not good enough.'],
  },
};

const AIM_SHORT: Record<number, string> = { 1: 'stop offending', 2: 'stay safe', 3: 'keep others safe' };

/** "in almost every case" from a percentage, for narrative text (the figures themselves are in the annex). */
function cover(percent: number, question: string, rng: Random): { cover: string } {
  if (percent >= 100) return { cover: 'in every case' };
  // A figure is quoted from the data, never typed (the check warns on a typed one).
  if (rng.chance(0.3)) return { cover: `in <Count question="${question}" /> cases` };
  if (percent >= 90) return { cover: 'in almost every case' };
  if (percent >= 80) return { cover: 'in the large majority of cases' };
  if (percent >= 65) return { cover: 'in most cases' };
  if (percent >= 50) return { cover: 'in just over half of the cases' };
  if (percent >= 35) return { cover: 'in fewer than half of the cases' };
  return { cover: 'in a minority of cases' };
}

const QUOTES = {
  childPositive: ['‘My worker actually listened. She helped me sort out college.’', '‘I didn’t want to come at first, but now I get why it matters.’', '‘They explained everything, so I knew what was going to happen.’', '‘It was the first time anyone asked me what would help.’', '‘We wrote my plan together, so I knew what I had to do and why.’'],
  childNegative: ['‘I had three different workers, so I had to tell my story again every time.’', '‘Nobody told me what would happen if I missed an appointment.’'],
  parentPositive: ['‘They kept me in the loop the whole way through, which made a big difference.’', '‘I felt like they were on our side.’', '‘For the first time, someone helped us with school as well as the court order.’'],
  parentNegative: ['‘I wish someone had got in touch sooner. We were left waiting for weeks.’', '‘I never knew who to ring when things went wrong.’'],
  staffPositive: ['‘Supervision is regular and I always feel I can ask for help.’', '‘The training on exploitation has changed how I work with children.’', '‘Managers know our cases and they back our decisions.’'],
  staffNegative: ['‘We’ve had four managers in two years, so it’s hard to know what’s expected.’', '‘My caseload is too high to do the work properly.’', '‘We get told about changes after they have happened.’'],
  boardPositive: ['‘We now look at the data on every child, not just the numbers.’', '‘The board has become a place where partners are held to account.’'],
  boardNegative: ['‘We get reports, but we rarely ask what difference the work makes to children.’', '‘We get a lot of figures, but not much about what they mean for children.’'],
};

function quote(rng: Random, kind: 'child' | 'parent' | 'staff' | 'board', positive: boolean): string {
  const key = `${kind}${positive ? 'Positive' : 'Negative'}` as keyof typeof QUOTES;
  const who = { child: rng.pick(['a child', 'a young person']), parent: rng.pick(['a parent', 'a carer', 'a parent']), staff: rng.pick(['a case manager', 'a practitioner', 'a member of staff']), board: 'a board member' }[kind];
  return `> ${rng.pick(QUOTES[key])}\n> (${who})`;
}

const OFFENCES = ['an assault', 'criminal damage', 'a theft from a shop', 'possession of a knife', 'a robbery', 'a drugs offence', 'a motoring offence', 'a burglary', 'a public order offence'];
const DISPOSAL_WORDS: Record<string, string> = {
  'referral-order': 'a referral order',
  'youth-rehabilitation-order': 'a youth rehabilitation order',
  'detention-and-training-order': 'a detention and training order',
  'other-court': 'a court order',
  'community-resolution': 'a community resolution',
  'youth-caution': 'a youth caution',
  'youth-conditional-caution': 'a youth conditional caution',
  'other-out-of-court': 'an out-of-court disposal',
};

const EXAMPLE_STARTS = [
  '[child], aged [age], received [disposal] for [offence]. [Pron] had {stopped going to school|been excluded from school|been reported missing several times} and {found it hard to trust adults|was anxious about meeting new people|had been known to children\'s social care for many years}.',
  '[child] was [age] when [pron] received [disposal] for [offence]. {Police intelligence suggested that [pron] was being exploited by older young people|[Pron] was living with a relative after [poss] placement broke down|[Pron] had an education, health and care plan but had not been in school for months}.',
];
const EXAMPLE_ACTIONS = [
  'met [obj] at a place [pron] chose, and let [obj] decide how sessions were run;',
  'asked the speech and language therapist to assess [obj], and then wrote [poss] plan in short, plain sentences;',
  'worked with [poss] school to agree a timetable that built up over six weeks;',
  'arranged reparation at {a community garden|an animal sanctuary|a local sports club}, because [pron] said [pron] liked being {outdoors|active};',
  'brought children\'s social care, the police and [poss] school together to agree a safety plan;',
  'visited the family at home to explain the order to [poss] parents;',
  'made sure [pron] was seen by the health worker in the team within a week;',
  'helped [obj] apply for a college course and went with [obj] to the interview;',
];
const EXAMPLE_OUTCOMES = [
  '[child] kept almost every appointment. By the end of the order [pron] was back in education for part of each week.',
  '[child] completed the work and has not offended since. [Pron] told us that [pron] now knows who to ask for help.',
  'The risks to [obj] reduced over the order, and [pron] started a college course in the autumn.',
  'By the time the disposal ended, [child] had a place on a training course and a mentor from a local charity.',
];

/* ------------------------------------------------------------------------------------------------
 * Recommendations
 * ---------------------------------------------------------------------------------------------- */

type Addressee = 'board' | 'head' | 'police' | 'council' | 'health';

interface RecommendationTemplate {
  topic: string;
  addressee: Addressee;
  text: readonly string[];
  themes: readonly string[];
  easyRead: readonly string[];
}

const RECOMMENDATIONS: readonly RecommendationTemplate[] = [
  {
    topic: 'governance',
    addressee: 'board',
    text: ['Make sure that board members understand their role, know how the service is performing and challenge partners to improve what children receive.', 'Strengthen the board\'s oversight of the service, so that members use performance and quality information to hold partners to account.'],
    themes: ['governance', 'performance-data'],
    easyRead: ['The board should learn what the service does. It should check how well the service works. It should ask other services to do better for children.'],
  },
  {
    topic: 'staff',
    addressee: 'head',
    text: ['Make sure that every case manager receives regular supervision, and that managers\' oversight of cases is consistent and recorded.', 'Reduce caseloads to a level that allows case managers to do the work well, and fill vacant posts with permanent staff.'],
    themes: ['workforce'],
    easyRead: ['Managers should meet with staff often. They should check the work with each child.'],
  },
  {
    topic: 'education',
    addressee: 'board',
    text: ['Make sure that every child supervised by the service has a suitable education, training or employment place, and that the board knows how many do not.', 'Widen the education, training and employment offer for children above school age, so that no child waits for a place.'],
    themes: ['education', 'partnerships'],
    easyRead: ['Every child should go to school or training. The board must make this happen.', 'Some children are too old for school. They need training or a job. The board should make sure they do not have to wait.'],
  },
  {
    topic: 'health',
    addressee: 'health',
    text: ['Make sure that children supervised by the service can get mental health and speech and language support without long waits.'],
    themes: ['health', 'partnerships'],
    easyRead: ['Some children need help with their feelings. Some need help to talk and listen. They should get this help quickly.'],
  },
  {
    topic: 'information',
    addressee: 'head',
    text: ['Review and update the service\'s policies, and use audit and feedback from children to improve the quality of practice.', 'Make better use of data and audit, so that managers know the quality of the work and can show how it is improving.'],
    themes: ['performance-data'],
    easyRead: ['The service should check its work often. It should ask children what they think. Then it should use this to get better.'],
  },
  {
    topic: 'othersSafety',
    addressee: 'head',
    text: ['Improve the quality of assessment and planning to keep other people safe, including specific victims and contingency arrangements.', 'Make sure that every plan sets out how the risks a child may pose to other people will be managed, including what will happen if those risks increase.'],
    themes: ['risk-of-harm'],
    easyRead: ['Some children could hurt other people. Every plan should say how staff will keep people safe. It should say what to do if things get worse.'],
  },
  {
    topic: 'childSafety',
    addressee: 'head',
    text: ['Make sure that risks to children\'s own safety and wellbeing, including exploitation, are identified, shared with partners and planned for.'],
    themes: ['safety-and-wellbeing'],
    easyRead: ['Staff should always check if a child is safe. They should work with other services to keep the child safe.'],
  },
  {
    topic: 'reviewing',
    addressee: 'head',
    text: ['Strengthen reviewing, so that changes in a child\'s circumstances lead promptly to fresh assessments of their safety and of the risks to others.', 'Make sure that reviews take place when circumstances change, and that they lead to changes in the plan where needed.'],
    themes: ['risk-of-harm', 'safety-and-wellbeing'],
    easyRead: ['A child\'s life can change. Then staff should look at the plan again. They should check if the child is safe.'],
  },
  {
    topic: 'delivery',
    addressee: 'head',
    text: ['Coordinate the work of other agencies with each child, so that services are delivered in the order set out in the plan.'],
    themes: ['partnerships'],
    easyRead: ['Many people help each child. Staff should make sure they all work together.'],
  },
  {
    topic: 'outOfCourt',
    addressee: 'police',
    text: ['Agree with the youth justice service a written out-of-court disposal policy that makes clear how and why decisions are reached, and review it every year.', 'Make sure that every child offered an out-of-court disposal is assessed by the youth justice service before a decision is made.'],
    themes: ['out-of-court-disposals', 'partnerships'],
    easyRead: ['The police and the service should write clear rules for out-of-court disposals. The rules should say how they choose what happens to a child.'],
  },
  {
    topic: 'resettlement',
    addressee: 'board',
    text: ['Agree a resettlement policy with partners, including housing, so that every child leaving custody has suitable accommodation before release.', 'Receive regular reports on children in custody and leaving custody, and hold partners to account for the support those children receive.'],
    themes: ['resettlement', 'accommodation', 'governance'],
    easyRead: ['Some children leave a secure centre. They need a safe place to live. The board should make sure they get a safe home.'],
  },
  {
    topic: 'victims',
    addressee: 'head',
    text: ['Make sure that the needs and wishes of victims are taken into account in assessment and planning, and that victims are offered restorative justice.'],
    themes: ['victims'],
    easyRead: ['Staff should think about the victims of a crime. They should ask what the victims want.'],
  },
  {
    topic: 'diversity',
    addressee: 'council',
    text: ['Understand why black and mixed heritage children are over-represented in the youth justice system in the area, and act to reduce it.'],
    themes: ['diversity', 'governance'],
    easyRead: ['Some groups of children get into trouble with the law more often. The council should find out why. Then it should act to change this.'],
  },
];

const EASY_ADDRESSEE: Record<Addressee, string> = { board: 'The management board', head: 'The leader of the service', police: 'The police', council: 'The council', health: 'Health services' };

/* ------------------------------------------------------------------------------------------------
 * Easy read
 * ---------------------------------------------------------------------------------------------- */

interface EasyRow {
  picture: string;
  alt: string;
  sentences: readonly string[];
}

const row = (picture: string, alt: string, ...sentences: string[]): EasyRow => ({ picture, alt, sentences });

/** Rows about one topic: what we say when it is good and when it needs to be better. */
const EASY_TOPICS: Record<string, { good: readonly EasyRow[]; bad: readonly EasyRow[] }> = {
  governance: {
    good: [row('busts-in-silhouette', '2 people side by side', 'A group of leaders checks the work of the service.', 'We call this group the management board.', 'The board knows the service well.', 'It asks good questions.')],
    bad: [row('busts-in-silhouette', '2 people side by side', 'A group of leaders checks the work of the service.', 'We call this group the management board.', 'Some people on the board do not know what their job is.', 'Some do not know how well the service is doing.')],
  },
  staff: {
    good: [row('woman-office-worker', 'A woman holding some papers', 'Staff told us they have enough time for their work.', 'Managers meet with staff often to talk about their work.', 'Staff said their training is good.')],
    bad: [row('woman-office-worker', 'A woman holding some papers', 'Some staff have too much work.', 'Managers do not always check the work.', 'Some jobs in the team are empty.')],
  },
  partnerships: {
    good: [row('health-worker', 'A health worker', 'Children can get help with their feelings quickly.', 'Some children get help to talk and listen.', 'Children do not have to wait long for this help.')],
    bad: [row('school', 'A school building', 'Many of the children do not go to school, college or training.', 'Leaders need to do much more about this.'), row('health-worker', 'A health worker', 'Some children need help with their feelings.', 'They often have to wait a long time for this help.')],
  },
  information: {
    good: [row('house-with-garden', 'A house with a garden', 'The service meets children in safe and friendly places.', 'The service asks children what they think.', 'It uses what children say to get better.')],
    bad: [row('page-facing-up', 'A sheet of paper', 'Some of the rules for staff are old.', 'The service does not check its work often enough.')],
  },
  desistance: {
    good: [row('handshake', '2 hands shaking', 'Staff are good at helping children to stop crime.', 'They make a plan with each child.', 'They choose help that suits the child.')],
    bad: [row('handshake', '2 hands shaking', 'Staff do not always find out what each child needs.', 'So some children do not get the right help.')],
  },
  childSafety: {
    good: [row('people-holding-hands', '2 people holding hands', 'Staff check if each child is safe.', 'They work with other services to keep children safe.')],
    bad: [row('warning', 'A warning sign', 'Staff do not always check if a child is safe.', 'Some children needed more help to stay safe.')],
  },
  othersSafety: {
    good: [row('police-officer', 'A police officer', 'Staff think about how to keep other people safe.', 'They work well with the police.')],
    bad: [row('warning', 'A warning sign', 'Staff do not always check if a child could hurt other people.', 'Plans do not always say what to do if things get worse.')],
  },
  reviewing: {
    good: [row('counterclockwise-arrows-button', '2 arrows going round in a circle', 'A child\'s life can change.', 'Staff look at the plan again when this happens.')],
    bad: [row('counterclockwise-arrows-button', '2 arrows going round in a circle', 'A child\'s life can change.', 'Then staff should look at the plan again.', 'Often staff did not do this.')],
  },
  outOfCourt: {
    good: [row('police-officer', 'A police officer', 'Some children get help without going to court.', 'The service and the police work well as a team.', 'They make sure children know what will happen next.')],
    bad: [row('page-facing-up', 'A sheet of paper', 'Some children get help without going to court.', 'No one has written clear rules for this work.', 'So it is hard to see why they make each choice.')],
  },
  resettlement: {
    good: [row('house', 'A house', 'Some children have to live in a secure centre for a time.', 'Staff help them get ready to come home.', 'They find them a safe place to live.')],
    bad: [row('house', 'A house', 'Some children have to live in a secure centre for a time.', 'Staff did not start to plan for them to come home early enough.', 'Some did not have a safe place to live.')],
  },
};

function easyReadMdx(rng: Random, ctx: InspectionContext): string {
  const { service, rating, cases, planned } = ctx;
  const lines: string[] = [];
  const put = (r: EasyRow) => lines.push(`![${r.alt}](openmoji:${r.picture})`, ...r.sentences, '');
  const where = regionPhrase(service.region);
  lines.push('## What this report is about', '');
  put(row('magnifying-glass-tilted-left', 'A magnifying glass', 'We are inspectors.', 'We check how services help children who have broken the law.', `This report is about the service in ${service.shortName}.`, `${service.shortName.includes(' and ') ? 'These places are' : `${service.shortName} is`} in ${where}.`));
  put(row('people-dialogue', '2 people talking', 'The service works with children aged 10 to 18.', 'Some of these children had to go to court.', 'Other children got help from the service without going to court.', 'We call this an out-of-court disposal.', 'We explain it in <SectionRef to="hard-words" />.'));
  put(row('books', 'A pile of books', `We read about the work with ${cases.length} children.`, 'We talked to staff and leaders.', rng.pick(['We also met people from other services that help children.', 'We also talked to some children and their families.'])));
  if (planned.kind === 'reinspection' && planned.previous) {
    put(row('counterclockwise-arrows-button', '2 arrows going round in a circle', `We checked this service before, in ${isoOf(planned.previous.start).slice(0, 4)}.`, 'Then we found some big problems.', 'We came back to see if things got better.'));
  }
  if (planned.kind === 'joint') put(row('handshake', '2 hands shaking', 'Other inspectors did this check with us.', 'They check things like schools and health care.'));

  // What went well and what did not, by topic, from the ratings.
  const scores = topicScores(ctx);
  const ordered = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const good = ordered.filter(([, score]) => score >= 2).slice(0, rng.int(2, 4));
  const bad = ordered
    .filter(([, score]) => score < 2)
    .reverse()
    .slice(0, rng.int(2, 4));
  if (good.length === 0) good.push(ordered[0]!);
  if (bad.length === 0) bad.push(ordered[ordered.length - 1]!);
  lines.push('## What we found', '');
  good.forEach(([topic], index) => {
    const r = rng.pick(EASY_TOPICS[topic]!.good);
    put(index === 0 ? { ...r, sentences: ['First, here are the things the service does well.', ...r.sentences].slice(0, 5) } : r);
  });
  bad.forEach(([topic], index) => {
    const r = rng.pick(EASY_TOPICS[topic]!.bad);
    put(index === 0 ? { ...r, sentences: ['Now here are the things that need to be better.', ...r.sentences].slice(0, 5) } : r);
  });
  if (rating.overall.limitedBy) {
    put(row('trophy', 'A trophy', 'The service does a lot of good work.', 'But children leaving a secure centre did not get the help they need.', 'So we could not give the service our top rating.'));
  }
  if (rng.chance(0.6)) {
    lines.push('## What happens next', '');
    put(
      row(
        'spiral-calendar',
        'A calendar',
        'We have told the service what needs to get better.',
        'The service should now make a plan to do these things.',
        rating.overall.rating === 'inadequate' || rating.overall.rating === 'requires-improvement' ? 'We will come back to check the service again.' : rng.pick(['We will check on the service again in the future.', 'We hope the service keeps up its good work.']),
      ),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** How well each topic went: 0 (poor) to 3 (excellent), from the awarded ratings and key questions. */
function topicScores(ctx: InspectionContext): Map<string, number> {
  const { rating, framework } = ctx;
  const rank = (id: string) => {
    const result = rating.standards.find((s) => s.id === id);
    return result && result.awarded !== NOT_RATED ? ratingRank(framework, result.awarded) : undefined;
  };
  const scores = new Map<string, number>();
  const set = (topic: string, value: number | undefined) => {
    if (value !== undefined) scores.set(topic, value);
  };
  set('governance', rank('1.1'));
  set('staff', rank('1.2'));
  set('partnerships', rank('1.3'));
  set('information', rank('1.4'));
  // Aspects: the average band of each aspect's key questions across the court standards.
  for (const [aspect, topic] of [
    [1, 'desistance'],
    [2, 'childSafety'],
    [3, 'othersSafety'],
  ] as const) {
    const bands = rating.standards.filter((s) => s.domainId === '2').flatMap((s) => s.keyQuestions.filter((q) => q.id.endsWith(`.${aspect}`) && q.band).map((q) => ratingRank(framework, q.band!)));
    if (bands.length) set(topic, Math.floor(bands.reduce((a, b) => a + b, 0) / bands.length));
  }
  set('reviewing', rank('2.4'));
  const ooc = framework.id === 'youth-2021' ? rank('3.4') : rank('3.3');
  set('outOfCourt', ooc);
  if (framework.id === 'youth-2021') set('resettlement', rank('4.1'));
  return scores;
}

/* ------------------------------------------------------------------------------------------------
 * One inspection
 * ---------------------------------------------------------------------------------------------- */

interface InspectionContext {
  planned: Planned;
  service: ServiceSpec;
  framework: Framework;
  cases: CaseRecord[];
  rating: InspectionRating;
  authored: Record<string, AuthoredRating>;
  /** The earlier inspection's overall rating, for reinspections. */
  previousRating: string | undefined;
  fieldwork: { start: string; end: string };
  published: string;
}

export interface GeneratedInspection {
  slug: string;
  files: Record<string, string>;
  overall: string;
  framework: string;
  status: InspectionSource['status'];
  kind: Planned['kind'];
  easyRead: boolean;
  reportWords: number;
}

/** The topic of a standard, for sentence pools and recommendations. */
function topicOf(framework: Framework, standard: Standard): TopicPools | undefined {
  switch (standard.id) {
    case '1.1':
      return GOVERNANCE;
    case '1.2':
      return STAFF;
    case '1.3':
      return PARTNERSHIPS;
    case '1.4':
      return INFORMATION;
    case '3.4':
      return framework.id === 'youth-2021' ? OOC_POLICY : undefined;
    case '4.1':
      return RESETTLEMENT;
    default:
      return undefined;
  }
}

const BAND_FROM_SCORE = (score: number): string => (score < 0.57 ? 'inadequate' : score < 0.68 ? 'requires-improvement' : score < 0.84 ? 'good' : 'outstanding');

/** Tone of a band. */
const tone = (band: string): 'strong' | 'good' | 'mixed' | 'weak' => (band === 'outstanding' ? 'strong' : band === 'good' ? 'good' : band === 'requires-improvement' ? 'mixed' : 'weak');

/** Evidence for a judgement rating: sentences from the topic, positive or negative as the rating says. */
function judgementSentences(writer: Writer, pools: TopicPools, band: string, count: number): string[] {
  const positive = band === 'outstanding' ? count : band === 'good' ? count - 1 : band === 'requires-improvement' ? 1 : 0;
  const negative = count - positive;
  return [...writer.take(pools.positive, positive), ...writer.take(pools.negative, negative)];
}

const SECTION_PHRASE: Record<string, string> = {
  '1.1': 'its governance and leadership',
  '1.2': 'its staff',
  '1.3': 'its partnerships and services',
  '1.4': 'its information and facilities',
  '2.1': 'assessment of children sentenced by the courts',
  '2.2': 'planning for children sentenced by the courts',
  '2.3': 'the help delivered to children on court orders',
  '2.4': 'reviewing in court cases',
  '3.1': 'assessment of children dealt with out of court',
  '3.2': 'planning in out-of-court cases',
  '3.3': 'the help delivered to children on out-of-court disposals',
  '3.4': 'its out-of-court work',
  '4.1': 'its work with children leaving custody',
};

function generateInspection(seed: number, planned: Planned, framework: Framework, previousRating: string | undefined): GeneratedInspection {
  const rng = new Random(hashSeed(seed, 'inspection', planned.slug));
  const { service } = planned;
  const hasResettlementStandard = framework.domains.some((d) => d.standards.some((s) => s.mayBeNotRated));
  const withResettlement = hasResettlementStandard && rng.chance(0.6);
  const cases = makeCases(rng, framework, planned.quality, withResettlement);
  const counts = countCases(framework, cases);

  // Judgement ratings from the quality, with some spread; case-sample ones left to the cases.
  const authored: Record<string, AuthoredRating> = {};
  const judgementBand = new Map<string, string>();
  for (const { standard } of allStandards(framework)) {
    if (standard.method !== 'judgement') continue;
    if (standard.mayBeNotRated && !cases.some((c) => c.resettlement === 'yes')) continue;
    const offset = standard.id === '4.1' ? -0.06 : standard.id === '1.3' ? -0.03 : 0;
    judgementBand.set(standard.id, BAND_FROM_SCORE(planned.quality + offset + rng.normal(0, 0.08)));
  }
  // Now and then a strong service lets down the children leaving custody (the limiting judgement).
  if (judgementBand.has('4.1') && planned.quality > 0.78 && rng.chance(0.35)) judgementBand.set('4.1', 'inadequate');
  const firstPass = rateInspection(framework, { ...counts, authored: Object.fromEntries([...judgementBand].map(([id, rating]) => [id, { rating }])) });

  // Professional judgement now and then: one band from the computed rating, with the reasons.
  const overrides = new Map<string, { rating: string; rationale: string }>();
  if (rng.chance(0.06)) {
    const candidates = firstPass.standards.filter((s) => s.method === 'case-sample' && s.computed && s.computed !== NOT_RATED);
    if (candidates.length) {
      const target = rng.pick(candidates);
      const rank = ratingRank(framework, target.computed!);
      const up = rank < framework.ratingScale.length - 1 && (rank === 0 || rng.chance(0.75));
      const awarded = framework.ratingScale[up ? rank + 1 : rank - 1]!.id;
      const lowest = [...target.keyQuestions].filter((q) => q.percent).sort((a, b) => a.percent!.shown - b.percent!.shown)[0]!;
      const aim = target.id === '3.4' ? 'joint work with the police' : (AIMS[Number(lowest.id.split('.')[2])]?.noun ?? 'one key question');
      const rationale = up
        ? `The computed rating rests on ${aim}, where ${lowest.yes} of ${lowest.relevant} cases were sufficient. Most of the insufficient cases were from before the service introduced new guidance and management checks, and every case since then was sufficient. The other key questions for this standard were stronger. Inspectors therefore judged the standard ${ratingLabel(framework, awarded)}, one band above the computed rating.`
        : `The computed rating does not reflect the quality of the work inspectors saw on ${aim}: several cases counted as sufficient met the standard only narrowly, and in some the child's circumstances had changed without any response. Inspectors therefore judged the standard ${ratingLabel(framework, awarded)}, one band below the computed rating.`;
      overrides.set(target.id, { rating: awarded, rationale });
    }
  }

  const start = isoOf(planned.start);
  const fieldworkEnd = planned.start + (rng.chance(0.3) ? 11 : 4);
  let publishedDay = fieldworkEnd + rng.int(50, 75);
  while (weekday(publishedDay) !== 2 && weekday(publishedDay) !== 4) publishedDay++;
  const fieldwork = { start, end: isoOf(fieldworkEnd) };
  const published = isoOf(publishedDay);

  // Evidence and written ratings need the text writer (shared vars), so set it up first.
  const staffCount = String(rng.int(14, 60));
  const vars: Record<string, string> = {
    short: service.shortName,
    name: service.name,
    council: service.council,
    region: service.region,
    month: monthYear(start),
    staffCount,
    custodyCount: String(rng.int(1, 9)),
  };
  const writer = new Writer(rng, vars);

  for (const { standard } of allStandards(framework)) {
    if (standard.method === 'judgement') {
      const band = judgementBand.get(standard.id);
      if (!band) {
        authored[standard.id] = { rating: NOT_RATED, notRatedReason: rng.pick(['No child in the sample was leaving custody.', 'None of the children in the case sample had been released from custody during the period inspected.']) };
        continue;
      }
      const pools = topicOf(framework, standard)!;
      writer.section(`evidence-${standard.id}`, ratingRank(framework, band) >= 2 ? '+' : '-');
      authored[standard.id] = { rating: band, evidence: paragraph(judgementSentences(writer, pools, band, rng.int(2, 3))) || `Inspectors rated this standard ${ratingLabel(framework, band)}.` };
      continue;
    }
    const override = overrides.get(standard.id);
    if (override) {
      authored[standard.id] = { rating: override.rating, override: { rationale: override.rationale } };
      continue;
    }
    const computed = firstPass.standards.find((s) => s.id === standard.id)!.computed!;
    if (computed !== NOT_RATED && rng.chance(0.75)) authored[standard.id] = { rating: computed };
  }
  const rating = rateInspection(framework, { ...counts, authored });
  const overall = rating.overall.rating;

  const status: InspectionSource['status'] = 'published';
  const ctx: InspectionContext = { planned, service, framework, cases, rating, authored, previousRating, fieldwork, published };

  // Recommendations from the weakest topics first.
  const recommendations = makeRecommendations(rng, ctx);
  const findings = makeFindings(writer, ctx);
  const context = makeContextFacts(rng, ctx);

  const lead = personName(rng);
  const team = Array.from({ length: rng.int(1, 4) }, () => personName(rng)).filter((name) => name !== lead);
  const data: Record<string, unknown> = {
    service: service.slug,
    framework: framework.id,
    // No "kind": it follows from reinspectionOf and partners.
    ...(planned.kind === 'reinspection' && planned.previous ? { reinspectionOf: planned.previous.slug } : {}),
    ...(planned.kind === 'joint' ? { partners: service.nation === 'Wales' ? rng.sample(['Care Inspectorate Wales', 'Estyn', 'Healthcare Inspectorate Wales'], rng.int(1, 2)) : rng.sample(['Ofsted', 'Care Quality Commission', 'HM Inspectorate of Constabulary and Fire and Rescue Services'], rng.int(1, 2)) } : {}),
    fieldwork,
    published,
    status,
    lead,
    team: [...new Set(team)],
    ratings: authored,
    recommendations,
    findings,
    context,
  };

  const report = reportMdx(writer, ctx, recommendations.length);
  const easyRead = rng.chance(0.5);
  const files: Record<string, string> = {
    'inspection.yaml': '', // filled in by the caller once the status is known
    'cases.csv': casesCsv(framework, cases),
    'report.mdx': report,
  };
  if (easyRead) files['easy-read.mdx'] = easyReadMdx(rng, ctx);
  return {
    slug: planned.slug,
    files: { ...files, 'inspection.yaml': JSON.stringify(data) },
    overall,
    framework: framework.id,
    status,
    kind: planned.kind,
    easyRead,
    reportWords: wordCount(report),
  };
}

function inspectionYaml(data: Record<string, unknown>, slug: string): string {
  const header = `# yaml-language-server: $schema=../../../schemas/inspection.schema.json\n# SYNTHETIC CORPUS (${slug}): a made-up inspection generated by scripts/corpus.ts. Every name,\n# figure and finding is invented.\n`;
  return header + yamlText(data);
}

function makeRecommendations(rng: Random, ctx: InspectionContext): Record<string, unknown>[] {
  const scores = topicScores(ctx);
  const topicFor = (template: RecommendationTemplate): number => {
    const key = template.topic === 'education' || template.topic === 'health' ? 'partnerships' : template.topic === 'delivery' ? 'desistance' : template.topic === 'victims' ? 'othersSafety' : template.topic === 'diversity' ? 'governance' : template.topic;
    return (scores.get(key) ?? 2) + rng.between(0, 1.2);
  };
  const available = RECOMMENDATIONS.filter((r) => r.topic !== 'resettlement' || scores.has('resettlement'));
  const ranked = [...available].map((template) => ({ template, score: topicFor(template) })).sort((a, b) => a.score - b.score);
  const count = rng.int(3, 6);
  const chosen = ranked.slice(0, count).map((entry) => entry.template);
  // Board first, then the head of service, then partners: as reports group them.
  const order: Addressee[] = ['board', 'council', 'health', 'police', 'head'];
  chosen.sort((a, b) => order.indexOf(a.addressee) - order.indexOf(b.addressee));
  const { service } = ctx;
  const addressee = (who: Addressee): string =>
    ({
      board: `${service.name} Management Board`,
      head: `Head of ${service.name}`,
      police: service.policeForceArea === 'Metropolitan Police' ? 'Metropolitan Police Service' : `${service.policeForceArea} Police`,
      council: service.council.replace(/^./, (c) => c.toUpperCase()),
      health: service.nation === 'Wales' ? 'The local health board' : ctx.fieldwork.start >= '2022-07-01' ? 'The local integrated care board' : 'The local clinical commissioning group',
    })[who];
  return chosen.map((template, index) => ({
    number: index + 1,
    addressee: addressee(template.addressee),
    text: rng.pick(template.text),
    themes: [...template.themes],
    easyRead: rng.pick(template.easyRead),
    easyReadAddressee: EASY_ADDRESSEE[template.addressee],
  }));
}

/** Short findings per standard (domains 1, 3.4 and 4) or per stage of case work (domains 2 and 3). */
const FINDINGS: Record<string, { strength: readonly string[]; improvement: readonly string[] }> = {
  '1.1': { strength: ['The management board gives clear direction and holds partners to account.', 'Leaders are ambitious for children and have a clear plan.'], improvement: ['Board members do not receive or use enough information about the quality of work.', 'The board does not challenge partners enough when children do not get what they need.'] },
  '1.2': { strength: ['Staff are skilled, well supported and know the children well.', 'Supervision is regular and staff value their training.'], improvement: ['Management oversight of cases is inconsistent.', 'Staff turnover and vacancies have affected the quality of work.'] },
  '1.3': { strength: ['Children can get specialist help, including mental health support, quickly.', 'Partners offer a good range of services that meet children\'s needs.'], improvement: ['Too many children are not in suitable education, training or employment.', 'Access to mental health and speech and language support is too slow.'] },
  '1.4': { strength: ['Policies, systems and audit support good practice.', 'The service uses data and feedback from children well.'], improvement: ['Several policies are out of date.', 'The service makes too little use of data and audit to improve its work.'] },
  'court-1': { strength: ['Assessments are thorough and involve children and their families.'], improvement: ['Assessments do not always analyse the risks to the child and to other people.'] },
  'court-2': { strength: ['Plans are personalised and written with children.'], improvement: ['Plans do not always set out how risks will be managed, or what will happen if they increase.'] },
  'court-3': { strength: ['Children receive well-coordinated help that suits their needs.'], improvement: ['The help delivered does not always do enough to keep other people safe.'] },
  'court-4': { strength: ['Reviews respond well to changes in children\'s lives.'], improvement: ['Reviews do not always follow changes in a child\'s circumstances.'] },
  'ooc-1': { strength: ['Out-of-court assessments are completed quickly and inform decisions.'], improvement: ['Out-of-court assessments of the risks to others are sometimes brief.'] },
  'ooc-2': { strength: ['Out-of-court plans are clear and proportionate.'], improvement: ['Some out-of-court plans do not say how risks to other people will be managed.'] },
  'ooc-3': { strength: ['Out-of-court work is well delivered and links children to support in their community.'], improvement: ['Some children receive little help after an out-of-court disposal.'] },
  'ooc-4': { strength: ['The service and the police work well together on out-of-court disposals.'], improvement: ['The reasons for out-of-court decisions are not always recorded.'] },
  '3.4': { strength: ['The out-of-court disposal policy is clear and agreed with the police.', 'The joint panel makes well-reasoned, recorded decisions.'], improvement: ['Not every child is assessed before an out-of-court decision is made.', 'Nobody checks whether out-of-court work is effective.'] },
  '4.1': { strength: ['The resettlement policy is up to date and practitioners use it.', 'Accommodation and education are arranged before release.'], improvement: ['Planning for release starts too late.', 'The board receives no information on how children fare after release.'] },
};

function findingKey(result: StandardResult): string {
  if (result.method === 'judgement') return result.id;
  const stage = result.id.split('.')[1]!;
  return `${result.domainId === '2' ? 'court' : 'ooc'}-${stage}`;
}

function makeFindings(writer: Writer, ctx: InspectionContext): Record<string, { strengths: string[]; improvements: string[] }> {
  const { rating, framework } = ctx;
  const { rng } = writer;
  const findings: Record<string, { strengths: string[]; improvements: string[] }> = {};
  for (const domain of framework.domains) {
    const results = rating.standards.filter((s) => s.domainId === domain.id && s.awarded !== NOT_RATED);
    if (results.length === 0) continue;
    const ranked = [...results].sort((a, b) => ratingRank(framework, b.awarded) - ratingRank(framework, a.awarded) || a.id.localeCompare(b.id));
    const good = ranked.filter((s) => ratingRank(framework, s.awarded) >= 2);
    const weak = [...ranked].reverse().filter((s) => ratingRank(framework, s.awarded) <= 1);
    const strengthsFrom = (good.length ? good : ranked.slice(0, 1)).slice(0, 3);
    const improvementsFrom = (weak.length ? weak : ranked.slice(-1)).slice(0, 3);
    findings[domain.id] = {
      strengths: strengthsFrom.map((s) => rng.pick(FINDINGS[findingKey(s)]!.strength)),
      improvements: improvementsFrom.map((s) => rng.pick(FINDINGS[findingKey(s)]!.improvement)),
    };
  }
  return findings;
}

function makeContextFacts(rng: Random, ctx: InspectionContext): Record<string, string>[] {
  const { service } = ctx;
  const national = service.nation === 'Wales' ? 'Wales' : 'England';
  const entrants = rng.int(90, 340);
  const facts: Record<string, string>[] = [
    { label: 'First-time entrants to the youth justice system, per 100,000 children', value: String(entrants), comparison: `${service.region === national ? national : service.region} ${rng.int(110, 260)}; ${national} ${rng.int(130, 220)}`, source: 'Invented figure for this synthetic corpus' },
    { label: 'Proven reoffending rate', value: `${(rng.int(220, 450) / 10).toFixed(1)}%`, comparison: `${national} ${(rng.int(300, 420) / 10).toFixed(1)}%`, source: 'Invented figure for this synthetic corpus' },
  ];
  if (rng.chance(0.7)) facts.push({ label: 'Children aged 10 to 17 in the area', value: `${rng.int(8, 60)},${String(rng.int(0, 999)).padStart(3, '0')}`, source: 'Invented figure for this synthetic corpus' });
  if (rng.chance(0.5)) facts.push({ label: 'Children sentenced to custody in the previous 12 months', value: String(rng.int(0, 12)), source: 'Invented figure for this synthetic corpus' });
  return facts;
}

/* ------------------------------------------------------------------------------------------------
 * The narrative
 * ---------------------------------------------------------------------------------------------- */

/** The length of a report.mdx, in words: Dudley's is about 4,300. */
export const MIN_REPORT_WORDS = 2500;
export const MAX_REPORT_WORDS = 4500;

interface Section {
  heading: string;
  paragraphs: string[];
  /** Paragraphs that may be added to reach the report's length, best first. */
  extras: string[];
  /** Paragraphs that stay at the end of the section (a signature). */
  tail?: string[];
}

function reportMdx(writer: Writer, ctx: InspectionContext, recommendationCount: number): string {
  const { rng } = writer;
  const { framework, rating } = ctx;
  const sections: Section[] = [foreword(writer, ctx, recommendationCount), introduction(writer, ctx)];
  if (rng.chance(0.5)) sections.push(diversity(writer, ctx));
  for (const { standard } of allStandards(framework)) {
    const result = rating.standards.find((s) => s.id === standard.id)!;
    sections.push(standard.method === 'judgement' ? judgementSection(writer, ctx, standard, result) : caseSampleSection(writer, ctx, standard, result));
  }
  for (const section of sections) section.extras = section.extras.filter((extra) => extra.trim() !== '');
  // Length: a target between the limits, reached by adding each section's extra paragraphs in turn.
  const target = rng.int(MIN_REPORT_WORDS + 200, MAX_REPORT_WORDS - 200);
  const text = () => sections.map((s) => [`## ${s.heading}`, ...s.paragraphs, ...(s.tail ?? [])].join('\n\n')).join('\n\n');
  let words = wordCount(text());
  for (let round = 0; words < target && round < 12; round++) {
    const withExtras = sections.filter((s) => s.extras.length > 0);
    if (withExtras.length === 0) break;
    for (const section of rng.shuffle(withExtras)) {
      if (words >= target) break;
      const extra = section.extras.shift()!;
      section.paragraphs.push(extra);
      words += wordCount(extra);
    }
  }
  // Still short (few sections rated, say): more about the case work, in sections without a closing list.
  const open = sections.filter((s) => /^\d/.test(s.heading) && !s.paragraphs.some((p) => p.startsWith('### ')));
  const morePool = [...PARTNERSHIPS.context, ...INFORMATION.context, ...OUT_OF_COURT_DETAIL.positive, ...GENERAL_OBSERVATIONS];
  while (words < MIN_REPORT_WORDS + 100 && open.length > 0) {
    const section = rng.pick(open);
    writer.section(`more-${section.heading}`);
    const more = paragraph(writer.take(morePool, 3));
    if (!more) break;
    section.paragraphs.push(more);
    words += wordCount(more);
  }
  return `${text()}\n`;
}

/** Neutral sentences about how the inspection was done, for any section. */
const GENERAL_OBSERVATIONS: readonly string[] = [
  'We discussed each case with the case manager, who {talked us through the work|explained the decisions they had made}.',
  'Case managers were {open|reflective} about their work, and {most|many} could explain what they would do differently.',
  'We also looked at {records of management oversight|the service\'s own audits of these cases}, which {mostly matched|did not always match} our findings.',
  'Where we found a child at risk who was not getting the right help, we told the service during the fieldwork, and it acted straight away.',
  'Children\'s records were {well organised|mostly easy to follow}, although some information was held {in several places|outside the case management system}.',
  'We spoke to {some|a number of} children and parents by telephone, and their views are reflected in this report.',
];

/** The praise or concern that fits a standard, for the foreword. */
function remarkOn(writer: Writer, ctx: InspectionContext, result: StandardResult, positive: boolean): string {
  const topic = topicOf(ctx.framework, ctx.framework.domains.flatMap((d) => d.standards).find((s) => s.id === result.id)!);
  if (topic) return writer.one(positive ? topic.positive : topic.negative);
  const stage = STAGE[result.id.split('.')[1]!] ?? STAGE['1']!;
  if (positive) return writer.one([...stage.positive]);
  const lowest = [...result.keyQuestions].filter((q) => q.percent).sort((a, b) => a.percent!.shown - b.percent!.shown)[0];
  const aspect = (['desistance', 'childSafety', 'othersSafety'] as const)[Number(lowest?.id.split('.')[2] ?? 3) - 1] ?? 'othersSafety';
  return writer.one(ASPECT[aspect].negative);
}

function foreword(writer: Writer, ctx: InspectionContext, recommendationCount: number): Section {
  const { rng } = writer;
  const { framework, rating, planned } = ctx;
  const overall = rating.overall.rating;
  writer.section('foreword');
  const resettlement = framework.id === 'youth-2021';
  const paragraphs: string[] = [];
  paragraphs.push(
    writer.say(
      `This report sets out what we found when we inspected [name]{ in [month]|, as part of our programme of inspections of youth justice services}. We looked at the three areas of its work: how the service is organised and led, the quality of its work with children sentenced by the courts, and the quality of its work with children dealt with out of court.${resettlement ? ' We also looked at its work with children leaving custody.' : ''} Overall, we rated [short] as <Rating />.`,
    ),
  );
  const verdict: Record<string, readonly string[]> = {
    outstanding: ['This is an excellent service. Its leaders are ambitious for children, its staff are skilled and well supported, and the quality of its work with children is among the best we have seen.', 'We found a service that knows its children well and does exceptional work with them. Partners are committed, and the board holds everyone to a high standard.'],
    good: ['This is a good service with much to be proud of. Children are well supported by staff who know them, and leaders have a clear sense of what needs to improve.', '[short] does good work with most of the children it supports. There are some gaps, which leaders recognise, but the foundations are strong.'],
    'requires-improvement': ['There is much to build on, but the service is not yet consistently good. Some of its work with children is strong, while other parts fall short of what children need.', 'We found committed staff doing good work in places, but the quality of work is too uneven, and some important areas need attention from leaders and partners.'],
    inadequate: ['This is a disappointing inspection. Too many children are not getting the help they need, and leaders and partners have not done enough to put this right.', 'We found serious weaknesses in the service. Too many children did not get the help they needed, and the board has not held partners to account.'],
  };
  paragraphs.push(writer.say(rng.pick(verdict[overall] ?? verdict.good!)));

  const rated = rating.standards.filter((s) => s.awarded !== NOT_RATED && SECTION_PHRASE[s.id]);
  const byRank = [...rated].sort((a, b) => ratingRank(framework, b.awarded) - ratingRank(framework, a.awarded) || a.id.localeCompare(b.id));
  const best = byRank.slice(0, 2).filter((s) => ratingRank(framework, s.awarded) >= 2);
  const worst = byRank
    .slice(-3)
    .reverse()
    .filter((s) => ratingRank(framework, s.awarded) <= 1);
  if (best.length) paragraphs.push(paragraph(writer.say(`{The strongest parts of the service are|We were particularly impressed by} ${listWords(best.map((s) => SECTION_PHRASE[s.id]!))}.`), remarkOn(writer, ctx, best[0]!, true)));
  if (worst.length) paragraphs.push(paragraph(writer.say(`{The areas that most need to improve are|Leaders now need to focus on} ${listWords(worst.map((s) => SECTION_PHRASE[s.id]!))}.`), remarkOn(writer, ctx, worst[0]!, false)));
  if (rating.overall.limitedBy) paragraphs.push(writer.say('The composite score would have earned a higher overall rating. But resettlement was rated Inadequate, and under our rules a service whose resettlement work is Inadequate cannot be rated Outstanding, so its overall rating is Good. We hope leaders bring the same ambition to resettlement that they show elsewhere.'));
  if (planned.kind === 'reinspection' && ctx.previousRating && planned.previous) {
    const better = ratingRank(framework, overall) > ratingRank(framework, ctx.previousRating);
    paragraphs.push(writer.say(`This is a reinspection. When we last inspected the service, in ${monthYear(isoOf(planned.previous.start))}, we rated it ${ratingLabel(framework, ctx.previousRating)}. ${better ? '{Leaders have made real progress since then, and it shows in the work with children.|The service has improved since then, and staff and partners deserve credit for that.}' : '{Some progress has been made since then, but not enough.|Leaders have worked hard since then, but the improvements have not yet reached enough children.}'}`));
  }
  if (planned.kind === 'joint') paragraphs.push(writer.say(`We carried out this inspection jointly with {colleagues from other inspectorates|our partner inspectorates}, who looked at how well [short]'s partners work with the service.`));
  paragraphs.push(
    writer.say(
      `We have made ${recommendationCount} recommendations{, which we set out in this report| to help the service improve}. {I hope they help the service to build on what it does well and to tackle the areas where it needs to improve.|We will follow the service's progress with interest.|I am grateful to the staff, children and families who gave their time to the inspection.}`,
    ),
  );
  const year = Number(ctx.published.slice(0, 4));
  const chief = [...CHIEF_INSPECTORS].reverse().find(([from]) => year >= from)?.[1] ?? CHIEF_INSPECTORS[0]![1];
  const signature = `${chief}\\\nChief Inspector of Probation`;
  const good = ratingRank(framework, overall) >= 2;
  const extras = [
    paragraph(writer.say('{Children are at the heart of this work.|Behind every figure in this report is a child.}'), writer.take(good ? ASPECT.desistance.positive : PARTNERSHIPS.context, 2)),
    paragraph(writer.say(good ? '{We saw the difference that good relationships make.|Relationships matter.}' : '{Children need more consistent help than many of them received.|The gaps we found matter for children.}'), writer.take(good ? STAFF.positive : [...ASPECT.childSafety.negative, ...ASPECT.othersSafety.negative], 2)),
  ];
  return { heading: 'Foreword', paragraphs, extras, tail: [signature] };
}

function introduction(writer: Writer, ctx: InspectionContext): Section {
  const { rng } = writer;
  const { service, rating, framework } = ctx;
  writer.section('introduction');
  const court = rating.sampleSize.court;
  const ooc = rating.sampleSize['out-of-court'];
  const paragraphs: string[] = [];
  paragraphs.push(
    rng.pick([
      'Youth justice services work with children aged 10 to 18 who have either been sentenced by a court or been dealt with by the police without a charge, through an out-of-court disposal. We inspect both kinds of work.',
      'Youth justice services supervise children aged 10 to 18 who have been sentenced by a court, and work with children who receive out-of-court disposals from the police. Our inspections look at both.',
      'Every local authority in England and Wales must have a youth justice service, which works with children aged 10 to 18 who have offended or are at risk of offending. We inspect how well these services work with children on court orders and out-of-court disposals.',
    ]),
  );
  paragraphs.push(
    rng.pick([
      'Each service is a statutory partnership. By law it must include staff from the local authority\'s children\'s social care and education services, the police, the probation service and local health services, so that it can respond to all of a child\'s needs.',
      'The services are multi-agency partnerships: the police, probation, health, education and children\'s social care must all take part, and a management board of senior leaders oversees the work.',
    ]),
  );
  paragraphs.push(paragraph(writer.say(`[short] is ${service.areaKind} in ${regionPhrase(service.region)}{, with a population of about [population] children aged 10 to 17|}.`, { population: `${rng.int(9, 60)},000` }), writer.take(GOVERNANCE.context, 2)));
  const survey = rng.chance(0.5);
  paragraphs.push(
    writer.say(
      `Our fieldwork took place in [month]. Before it started, the service sent us evidence and gave a presentation on its arrangements and priorities. During the fieldwork we {surveyed case managers, |}held meetings with staff, managers and partners, and inspected ${court} court cases and ${ooc} out-of-court cases, reading the case files and talking to the case managers.${survey ? '[^survey]' : ''}`,
    ),
  );
  if (survey) paragraphs.push(`[^survey]: ${rng.pick([`${rng.int(12, 40)} case managers and other practitioners answered our survey.`, `Our survey was sent to every practitioner in the service; ${rng.int(55, 95)} in every 100 replied.`])}`);
  if (ooc < framework.caseSample.minimumSample) {
    paragraphs.push(writer.say(`The service worked with very few children on out-of-court disposals during the period we inspected, so our sample had only <Sample caseType="out-of-court" /> out-of-court ${ooc === 1 ? 'case' : 'cases'}. That is too few to rate the out-of-court case standards, so we have not rated them.`));
  }
  const extras = [
    paragraph(writer.take([...PARTNERSHIPS.context, ...INFORMATION.context], 2)),
    paragraph(writer.say(`We read <Sample /> cases in all{, chosen to reflect the caseload by sex, type of disposal and level of risk|, chosen at random from the cases that began in the previous year}.`), writer.take(STAFF.context, 1)),
  ];
  return { heading: 'Introduction', paragraphs, extras };
}

function diversity(writer: Writer, ctx: InspectionContext): Section {
  const { cases } = ctx;
  writer.section('diversity');
  const girls = cases.filter((c) => c.sex === 'female').length;
  const minority = cases.filter((c) => ['black', 'asian', 'mixed', 'other'].includes(c.ethnicity)).length;
  const lookedAfter = cases.filter((c) => c.looked_after === 'yes').length;
  const disabled = cases.filter((c) => c.disability === 'yes').length;
  const paragraphs = [
    writer.say(
      `Of the <Sample /> children in our sample, ${girls === 0 ? 'none were girls' : `${girls} ${girls === 1 ? 'was a girl' : 'were girls'}`}, ${minority} ${minority === 1 ? 'was' : 'were'} from black, Asian, mixed or other ethnic groups, and ${lookedAfter} ${lookedAfter === 1 ? 'was' : 'were'} looked after by the local authority. ${disabled} ${disabled === 1 ? 'child had' : 'children had'} a disability or a diagnosed learning need.`,
    ),
    writer.say(
      `((Case managers generally paid attention to each child's identity and background, and assessments usually said how the child's culture, faith and experiences shaped their needs.||Attention to diversity was uneven: in some cases assessments said little about the child's identity or how it affected their experience of the service.)) ${girls > 0 ? "{Work with girls was tailored to their needs, with some sessions run by female staff.|Few staff had been trained to work with girls, and the service has no specific offer for them.}" : ''}`,
    ).trim(),
  ];
  const extras = [writer.say(`{Looked-after children were well supported, and case managers worked closely with their social workers.|Looked-after children sometimes received a less joined-up service, because social workers and case managers did not always plan together.} {The board has begun to analyse its data by ethnicity, sex and care status.|The board does not yet analyse its data by ethnicity, sex or care status.}`)];
  return { heading: 'Diversity', paragraphs, extras };
}

function judgementSection(writer: Writer, ctx: InspectionContext, standard: Standard, result: StandardResult): Section {
  const { rng } = writer;
  const { framework } = ctx;
  const pools = topicOf(framework, standard)!;
  const band = result.awarded;
  const heading = `${standard.id} ${standard.name}`;
  if (band === NOT_RATED) {
    writer.section(standard.id);
    const paragraphs = [paragraph('No child in our sample was leaving custody, so we did not rate this standard.', writer.take(pools.context, 1)), rng.pick(['The service has a resettlement policy, agreed with the board, but we could not see it in practice.', 'Staff knew about the resettlement guidance and told us how they would use it.', 'Managers told us that the board receives an update whenever a child is sentenced to custody.'])];
    return { heading, paragraphs, extras: [] };
  }
  const rank = ratingRank(framework, band);
  writer.section(standard.id, rank >= 2 ? '+' : rank === 1 ? '~' : '-');
  const label = ratingLabel(framework, band);
  const openings: Record<string, readonly string[]> = {
    outstanding: [`We rated this standard <Rating standard="${standard.id}" />. {This is excellent work.|The service is a model for others here.}`, `This is a real strength of the service, and we rated it <Rating standard="${standard.id}" />.`],
    good: [`We rated this standard <Rating standard="${standard.id}" />.`, `This is a good area of work, and we rated it <Rating standard="${standard.id}" />.`],
    'requires-improvement': [`We rated this standard <Rating standard="${standard.id}" />. {There are strengths, but also gaps that need attention.|Some things work well, but not consistently.}`, `This area requires improvement, and we rated it <Rating standard="${standard.id}" />.`],
    inadequate: [`We rated this standard <Rating standard="${standard.id}" />. {This is a serious concern.|Leaders need to act quickly here.}`, `This is one of the weakest areas of the service's work, and we rated it <Rating standard="${standard.id}" />.`],
  };
  const paragraphs: string[] = [];
  paragraphs.push(paragraph(writer.take(pools.context, 1), writer.say(rng.pick(openings[band] ?? [`We rated this standard ${label}.`]))));
  paragraphs.push(paragraph(judgementSentences(writer, pools, band, rng.int(3, 4))));
  const extras: string[] = [];
  const observations = writer.take(OBSERVATIONS[standard.id] ?? [], 3);
  extras.push(observations[0] ?? '');
  extras.push(paragraph(judgementSentences(writer, pools, band, 2), writer.take(pools.context, 1)));
  extras.push(...observations.slice(1));
  const positive = rank >= 2;
  const kind = standard.id === '1.1' ? 'board' : standard.id === '1.2' ? 'staff' : rng.pick(['child', 'parent'] as const);
  extras.push(quote(rng, kind, positive));
  const strengths = writer.take(pools.positive, positive ? 3 : 1);
  const improvements = writer.take(pools.negative, positive ? 1 : 3);
  return { heading, paragraphs, extras, tail: subSections(standard, strengths, improvements) };
}

/** The sub-sections every rated standard ends with (standardSections in templates/documents/inspection-report.yaml), never empty. */
function subSections(standard: Standard, strengths: string[], improvements: string[]): string[] {
  const list = (items: string[], fallback: string) => (items.length ? items : [fallback]).map((s) => `- ${s}`).join('\n');
  return [
    `### Strengths\n\n${list(strengths, `Staff were committed to this part of the work (standard ${standard.id}).`)}`,
    `### Areas for improvement\n\n${list(improvements, `The service should make this part of the work (standard ${standard.id}) consistent in every case.`)}`,
  ];
}

function caseSampleSection(writer: Writer, ctx: InspectionContext, standard: Standard, result: StandardResult): Section {
  const { rng } = writer;
  const { framework, cases } = ctx;
  const heading = `${standard.id} ${standard.name}`;
  const domain = framework.domains.find((d) => d.standards.includes(standard))!;
  const outOfCourt = domain.caseType === 'out-of-court';
  const kindWords = outOfCourt ? 'out-of-court' : 'court';
  const good = result.awarded !== NOT_RATED && ratingRank(framework, result.awarded) >= 2;
  writer.section(standard.id, result.awarded === NOT_RATED ? '~' : good ? '+' : '-');
  if (result.awarded === NOT_RATED) {
    return {
      heading,
      paragraphs: [paragraph(`We inspected only <Sample caseType="out-of-court" /> out-of-court ${result.sampleSize === 1 ? 'case' : 'cases'}, fewer than the ${framework.caseSample.minimumSample} we need to rate this standard, so we have not rated it.`, outOfCourt ? writer.take(OUT_OF_COURT_DETAIL.positive, 1) : [])],
      extras: [paragraph(writer.take([...OUT_OF_COURT_DETAIL.positive, ...OUT_OF_COURT_DETAIL.negative], 1).map((s) => `In the cases we did read, ${s.charAt(0).toLowerCase()}${s.slice(1)}`))],
    };
  }
  const stage = standard.id.split('.')[1]!;
  const paragraphs: string[] = [];
  const extras: string[] = [];
  const opening = rng.pick([
    `We inspected <Sample caseType="${kindWords}" /> ${kindWords} cases and rated this standard <Rating standard="${standard.id}" />.`,
    `We rated this standard <Rating standard="${standard.id}" />, from the <Sample caseType="${kindWords}" /> ${kindWords} cases we inspected.`,
    `Our rating for this standard is <Rating standard="${standard.id}" />.`,
  ]);
  const lowest = [...result.keyQuestions].filter((q) => q.percent).sort((a, b) => a.percent!.shown - b.percent!.shown)[0];
  if (standard.id === '3.4') {
    // youth-2018 3.4, joint working: two questions about work with the police.
    const [recommendation, police] = result.keyQuestions;
    const sentences = [opening];
    if (recommendation?.percent) sentences.push(writer.say(`The service's recommendations to the joint decision-making panel were sufficiently well informed and personalised ${cover(recommendation.percent.shown, recommendation.id, rng).cover}.`));
    if (police?.percent) sentences.push(writer.say(`The service worked effectively with the police to put the disposal into practice ${cover(police.percent.shown, police.id, rng).cover}.`));
    paragraphs.push(sentences.join(' '));
    paragraphs.push(paragraph(writer.take(good ? JOINT_WORKING_DETAIL.positive : JOINT_WORKING_DETAIL.negative, 2), writer.take(good ? JOINT_WORKING_DETAIL.negative : JOINT_WORKING_DETAIL.positive, 1)));
    extras.push(paragraph(writer.take(OOC_POLICY.context, 1), writer.take(good ? OOC_POLICY.positive : OOC_POLICY.negative, 1)));
  } else {
    paragraphs.push(opening);
    for (const question of result.keyQuestions) {
      if (!question.percent || !question.band) continue;
      const aspectIndex = Number(question.id.split('.')[2]);
      const aspect = (['desistance', 'childSafety', 'othersSafety'] as const)[aspectIndex - 1]!;
      const t = tone(question.band);
      const coverage = cover(question.percent.shown, question.id, rng);
      const headline = writer.say(rng.pick(STAGE_HEADLINE[stage]![t]), { aim: AIMS[aspectIndex]!.aim, aimShort: AIM_SHORT[aspectIndex]!, cover: coverage.cover, Cover: cap(coverage.cover) });
      const positive = t === 'strong' || t === 'good';
      const details = writer.take(positive ? ASPECT[aspect].positive : ASPECT[aspect].negative, t === 'strong' || t === 'weak' ? 2 : 1);
      if (t === 'good' || t === 'mixed') {
        const other = writer.one(positive ? ASPECT[aspect].negative : ASPECT[aspect].positive);
        if (other) details.push(`${t === 'good' ? 'However' : 'On the other hand'}, ${other.charAt(0).toLowerCase()}${other.slice(1)}`);
      }
      const heldDown = question === lowest && ratingRank(framework, result.awarded) <= 1 && !result.professionalJudgement ? 'This held the standard down.' : '';
      paragraphs.push(paragraph(headline, details, heldDown));
    }
  }
  if (result.professionalJudgement) {
    paragraphs.push(writer.say(`Taken on their own, the key questions would give this standard a rating of ${ratingLabel(framework, result.computed!)}. {Having weighed the quality of the work we saw|After weighing the cases behind the figures}, inspectors applied professional judgement and awarded ${ratingLabel(framework, result.awarded)}.`));
  }
  const stagePools = STAGE[stage] ?? STAGE['1']!;
  extras.push(paragraph(writer.take(good ? stagePools.positive : stagePools.negative, 2), writer.take(good ? stagePools.negative : stagePools.positive, 1)));
  if (outOfCourt) extras.push(paragraph(writer.take(good ? OUT_OF_COURT_DETAIL.positive : OUT_OF_COURT_DETAIL.negative, 2)));
  if (rng.chance(0.5)) extras.push(`<KeyQuestions standard="${standard.id}" />`);
  extras.push(vignette(writer, cases.filter((c) => c.type === (outOfCourt ? 'out-of-court' : 'court')), good));
  if (good && rng.chance(0.5)) extras.push(goodPracticeExample(writer, cases.filter((c) => c.type === (outOfCourt ? 'out-of-court' : 'court'))));
  extras.push(paragraph(writer.take(GENERAL_OBSERVATIONS, 2)));
  if (rng.chance(0.4)) extras.push(quote(rng, rng.pick(['child', 'parent'] as const), good));
  const strengths = writer.take(stagePools.positive, good ? 2 : 1);
  const improvements = good ? writer.take(stagePools.negative, 1) : [...writer.take(stagePools.negative, 1), ...writer.take([...ASPECT.othersSafety.negative, ...ASPECT.childSafety.negative], 2)];
  return { heading, paragraphs, extras, tail: subSections(standard, strengths, improvements) };
}

function vignette(writer: Writer, cases: readonly CaseRecord[], positive: boolean): string {
  const { rng } = writer;
  const record = cases.length ? rng.pick(cases) : undefined;
  const girl = record?.sex === 'female';
  return writer.say(rng.pick(positive ? VIGNETTES.positive : VIGNETTES.negative), { age: String(rng.int(12, 17)), childNoun: girl ? 'girl' : 'boy', disposal: DISPOSAL_WORDS[record?.disposal ?? 'referral-order']!, poss: girl ? 'her' : 'his' });
}

function goodPracticeExample(writer: Writer, cases: readonly CaseRecord[]): string {
  const { rng } = writer;
  const record = cases.length ? rng.pick(cases) : undefined;
  const girl = record?.sex === 'female';
  const child = rng.pick(girl ? CHILD_NAMES_GIRLS : CHILD_NAMES_BOYS);
  const vars = { child, age: String(rng.int(12, 17)), disposal: DISPOSAL_WORDS[record?.disposal ?? 'referral-order']!, offence: rng.pick(OFFENCES), pron: girl ? 'she' : 'he', Pron: girl ? 'She' : 'He', obj: girl ? 'her' : 'him', poss: girl ? 'her' : 'his' };
  const say = (t: string) => fill(rng, t, vars);
  const actions = rng.sample(EXAMPLE_ACTIONS, 3).map(say);
  return [
    `<Example title="Good practice example">`,
    say(rng.pick(EXAMPLE_STARTS)),
    `${girl ? 'Her' : 'His'} case manager:`,
    actions.map((a) => `- ${a}`).join('\n'),
    say(rng.pick(EXAMPLE_OUTCOMES)),
    `</Example>`,
  ].join('\n\n');
}

/* ------------------------------------------------------------------------------------------------
 * Thematic reports
 * ---------------------------------------------------------------------------------------------- */

interface ThematicTopic {
  slug: string;
  title: string;
  summary: string;
  glossary: readonly string[];
  recommendations: readonly { addressee: string; easyReadAddressee: string; text: string; easyRead: string; themes: readonly string[]; lines: readonly string[]; evidence: readonly string[] }[];
  about: readonly EasyRow[];
  found: readonly EasyRow[];
}

const THEMATIC_TOPICS: readonly ThematicTopic[] = [
  {
    slug: 'girls-in-the-youth-justice-system',
    title: 'Girls in the youth justice system',
    summary: 'How well youth justice services understand and meet the needs of girls, who make up a small share of their caseloads. We visited [areas] areas and read [cases] cases.',
    glossary: ['safeguarding', 'criminal-exploitation'],
    recommendations: [
      { addressee: 'Youth justice management boards', easyReadAddressee: 'The people who run youth justice services', text: 'Know how many girls the service works with, what their needs are and whether the services on offer meet them.', easyRead: 'Find out how many girls the service works with. Find out what help they need.', themes: ['diversity', 'governance'], lines: ['Does the board receive figures on girls, broken down by age, ethnicity and care status?', 'Has the partnership asked girls what help they want?', 'Are there services designed for girls, and do they use them?'], evidence: ['Board reports that give figures for girls separately.', 'Records of consultation with girls and what changed as a result.'] },
      { addressee: 'Youth justice service managers', easyReadAddressee: 'The people who run youth justice services', text: 'Make sure that girls can choose to work with a female case manager and can take part in sessions with other girls.', easyRead: 'Girls should be able to choose a woman worker. They should be able to meet other girls.', themes: ['diversity', 'workforce'], lines: ['Are girls asked whether they would prefer a female case manager?', 'Does the service offer any group work for girls?'], evidence: ['Case records showing the choice was offered.', 'Attendance records for group sessions for girls.'] },
      { addressee: 'Local authorities', easyReadAddressee: 'Councils', text: 'Make sure that girls at risk of exploitation are identified early and protected through joint work with children\'s social care and the police.', easyRead: 'Some girls are in danger from older people. Councils should spot this early. They should work with the police to keep girls safe.', themes: ['safety-and-wellbeing', 'partnerships'], lines: ['Are girls at risk of exploitation discussed at a multi-agency panel?', 'Do case managers know how to refer a girl they are worried about?'], evidence: ['Panel minutes that include girls known to the service.', 'Referral records and the response to each referral.'] },
    ],
    about: [row('people-holding-hands', '2 people holding hands', 'Most children who get into trouble with the law are boys.', 'This report is about girls.', 'We wanted to find out if girls get the help they need.')],
    found: [
      row('woman-office-worker', 'A woman holding some papers', 'Many girls had a hard life before they got into trouble.', 'Adults had hurt some of them.', 'Staff were kind and worked hard to help them.'),
      row('warning', 'A warning sign', 'Now here are the things that need to be better.', 'Few services had help made just for girls.', 'Girls could not always choose a woman worker.'),
    ],
  },
  {
    slug: 'children-and-criminal-exploitation',
    title: 'Children and criminal exploitation',
    summary: 'How youth justice services and their partners protect children who are exploited by adults or older young people to commit crime, including through county lines. We visited [areas] areas and read [cases] cases.',
    glossary: ['criminal-exploitation', 'county-lines', 'safeguarding'],
    recommendations: [
      { addressee: 'Local safeguarding partnerships', easyReadAddressee: 'The groups that keep children safe', text: 'Make sure that children who are criminally exploited are treated as victims first, and that every agency understands this.', easyRead: 'Some children are made to do crimes by older people. These children need help and protection.', themes: ['safety-and-wellbeing', 'partnerships'], lines: ['Does the partnership have an agreed approach to criminal exploitation that treats children as victims?', 'Are staff in every agency trained in it?'], evidence: ['A written approach agreed by every partner.', 'Training records for staff in each agency.'] },
      { addressee: 'Police forces', easyReadAddressee: 'The police', text: 'Share intelligence about exploitation with youth justice services promptly, so that plans reflect the latest risks to each child.', easyRead: 'The police should tell the youth justice service what they know quickly. Then staff can keep the child safe.', themes: ['partnerships', 'safety-and-wellbeing'], lines: ['How quickly does the service hear about new intelligence on a child it supervises?', 'Is intelligence used to update the child\'s plan?'], evidence: ['An information-sharing agreement with the police.', 'Case records showing intelligence and the change it led to.'] },
      { addressee: 'Youth justice service managers', easyReadAddressee: 'The people who run youth justice services', text: 'Make sure that every plan for an exploited child sets out what will happen if the child goes missing or the risks increase.', easyRead: 'Every plan should say what to do if the child goes missing.', themes: ['safety-and-wellbeing', 'risk-of-harm'], lines: ['Do plans for exploited children include what to do if the child goes missing?', 'Are the plans shared with the police and children\'s social care?'], evidence: ['Audits of plans for children at risk of exploitation.'] },
    ],
    about: [row('warning', 'A warning sign', 'Some adults make children do crimes for them.', 'This can be very dangerous for children.', 'This report is about how services keep these children safe.')],
    found: [
      row('police-officer', 'A police officer', 'The police and youth justice services work together more than before.', 'Most staff know that these children need protection.'),
      row('page-facing-up', 'A sheet of paper', 'Now here are the things that need to be better.', 'The police do not always share what they know quickly.', 'Some plans do not say what to do if a child goes missing.'),
    ],
  },
  {
    slug: 'resettlement-of-children-leaving-custody',
    title: 'Children leaving custody',
    summary: 'How well children are helped to settle back into their communities when they leave custody, and whether they have somewhere safe to live and something to do. We visited [areas] areas and followed [cases] children.',
    glossary: ['resettlement', 'detention-and-training-order'],
    recommendations: [
      { addressee: 'Local authorities', easyReadAddressee: 'Councils', text: 'Make sure that every child leaving custody knows where they will live at least two weeks before release.', easyRead: 'Some children leave a secure centre. They need a safe place to live. They should know where they will live 2 weeks before they go.', themes: ['resettlement', 'accommodation'], lines: ['How many children last year knew their address two weeks before release?', 'Who is responsible for finding accommodation, and how is it checked?'], evidence: ['Records of the date accommodation was confirmed for each child.', 'Board reports on accommodation for children leaving custody.'] },
      { addressee: 'Youth justice management boards', easyReadAddressee: 'The people who run youth justice services', text: 'Receive regular reports on every child in custody and hold partners to account for the support they receive on release.', easyRead: 'The board should hear about every child in a secure centre. It should check they get help when they leave.', themes: ['resettlement', 'governance'], lines: ['Does the board hear about each child in custody at every meeting?', 'Does it follow up what happened after release?'], evidence: ['Board minutes that discuss children in custody.'] },
      { addressee: 'Youth justice service managers', easyReadAddressee: 'The people who run youth justice services', text: 'Make sure that education, training or work is arranged before release, so that children have something to do from their first day out.', easyRead: 'Children should have school, training or work to go to when they leave.', themes: ['resettlement', 'education'], lines: ['Is an education or training place arranged before release?', 'Do children start it in their first week?'], evidence: ['Case records showing the place and the start date.'] },
    ],
    about: [row('house', 'A house', 'Some children have to live in a secure centre for a time.', 'This report is about what happens when they come home.', 'We wanted to know if they get the help they need.')],
    found: [
      row('handshake', '2 hands shaking', 'Staff kept in touch with children while they were away.', 'Most children said their worker was kind.'),
      row('warning', 'A warning sign', 'Now here are the things that need to be better.', 'Some children did not know where they would live until the last day.', 'Some had nothing to do when they came home.'),
    ],
  },
  {
    slug: 'speech-language-and-communication-needs',
    title: 'Speech, language and communication needs',
    summary: 'How youth justice services identify and meet the speech, language and communication needs of the children they work with. We visited [areas] areas and read [cases] cases.',
    glossary: ['speech-and-language-therapy', 'education-health-and-care-plan'],
    recommendations: [
      { addressee: 'Youth justice service managers', easyReadAddressee: 'The people who run youth justice services', text: 'Screen every child for speech, language and communication needs at the start of their work with the service.', easyRead: 'Check every child to see if they need help to talk and listen.', themes: ['health', 'education'], lines: ['Is every child screened within their first month?', 'Does the result change how staff work with the child?'], evidence: ['Screening results on file for each child.', 'Plans that show adjustments where a need was found.'] },
      { addressee: 'Health commissioners', easyReadAddressee: 'Health services', text: 'Make sure that every youth justice service has access to a speech and language therapist.', easyRead: 'Every youth justice service should have a worker who helps children to talk and listen.', themes: ['health', 'partnerships'], lines: ['Does the service have a speech and language therapist, and for how many hours a week?', 'How long do children wait for an assessment?'], evidence: ['The therapist\'s hours and caseload.', 'Waiting times for assessment.'] },
      { addressee: 'Youth justice service managers', easyReadAddressee: 'The people who run youth justice services', text: 'Write plans, letters and court reports in words that children can understand.', easyRead: 'Use easy words when you write to children.', themes: ['education'], lines: ['Are plans written in plain words, and do children say they understand them?'], evidence: ['Plans and letters checked with children.'] },
    ],
    about: [row('people-dialogue', '2 people talking', 'Some children find it hard to talk and listen.', 'This can make school and court very hard.', 'This report is about how services help them.')],
    found: [
      row('health-worker', 'A health worker', 'Some services have a worker who helps children to talk and listen.', 'This help made a big difference.'),
      row('warning', 'A warning sign', 'Now here are the things that need to be better.', 'Many services do not check if children need this help.', 'Some plans used words that children did not understand.'),
    ],
  },
  {
    slug: 'restorative-justice-and-work-with-victims',
    title: 'Restorative justice and work with victims',
    summary: 'How well youth justice services contact victims, take account of their wishes and offer restorative justice. We visited [areas] areas and read [cases] cases.',
    glossary: ['restorative-justice', 'victim'],
    recommendations: [
      { addressee: 'Youth justice service managers', easyReadAddressee: 'The people who run youth justice services', text: 'Contact every victim who agrees to it, and record their views and wishes before the child\'s plan is agreed.', easyRead: 'Talk to the victims of a crime. Ask them what they want before you make a plan.', themes: ['victims'], lines: ['How many victims were contacted last year, and how quickly?', 'Do plans show what victims wanted?'], evidence: ['Records of contact with victims.', 'Plans that refer to the victim\'s wishes.'] },
      { addressee: 'Youth justice management boards', easyReadAddressee: 'The people who run youth justice services', text: 'Make sure that restorative justice is offered to victims wherever it is safe and suitable.', easyRead: 'Offer victims the chance to meet the child. Or they can get a letter from the child.', themes: ['victims', 'governance'], lines: ['How many victims were offered restorative justice, and how many took it up?'], evidence: ['Figures on restorative justice offered and taken up.'] },
      { addressee: 'Police forces', easyReadAddressee: 'The police', text: 'Pass victims\' details to the youth justice service promptly, with their consent, so that they can be offered support.', easyRead: 'The police should tell the service about the victims of a crime. They should do this quickly.', themes: ['victims', 'partnerships'], lines: ['How long does it take for victims\' details to reach the service?'], evidence: ['Dates on which details were received, compared with the date of the offence.'] },
    ],
    about: [row('people-dialogue', '2 people talking', 'Some crimes hurt other people.', 'This report is about how services help these people.', 'It is also about how children can put things right.')],
    found: [
      row('handshake', '2 hands shaking', 'Some children met the person they hurt.', 'Many found this helped them to change.'),
      row('warning', 'A warning sign', 'Now here are the things that need to be better.', 'Staff did not always talk to victims.', 'Some people never got the chance to say what they wanted.'),
    ],
  },
];

interface GeneratedThematic {
  slug: string;
  files: Record<string, string>;
  easyRead: boolean;
}

function generateThematics(seed: number, count: number): GeneratedThematic[] {
  const rng = new Random(hashSeed(seed, 'thematic'));
  const result: GeneratedThematic[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const topic = THEMATIC_TOPICS[i % THEMATIC_TOPICS.length]!;
    const start = nextMonday(WINDOW_START + Math.floor(((i + rng.float()) / count) * (WINDOW_END - WINDOW_START - 60)));
    const end = start + 7 * rng.int(4, 9) + 4;
    let published = end + rng.int(90, 160);
    while (weekday(published) !== 2 && weekday(published) !== 4) published++;
    let slug = `${topic.slug}-${isoOf(published).slice(0, 4)}`;
    for (let n = 2; used.has(slug); n++) slug = `${topic.slug}-${isoOf(published).slice(0, 4)}-${n}`;
    used.add(slug);
    const areas = rng.int(4, 8);
    const cases = rng.int(40, 140);
    const lead = personName(rng);
    const data = {
      title: topic.title,
      summary: topic.summary.replace('[areas]', String(areas)).replace('[cases]', String(cases)),
      fieldwork: { start: isoOf(start), end: isoOf(end) },
      published: isoOf(published),
      status: 'published',
      lead,
      team: [...new Set(Array.from({ length: rng.int(2, 4) }, () => personName(rng)))].filter((n) => n !== lead),
      fictional: true,
      recommendations: topic.recommendations.map((r, index) => ({ number: index + 1, addressee: r.addressee, text: r.text, themes: [...r.themes], easyRead: r.easyRead, easyReadAddressee: r.easyReadAddressee, linesOfEnquiry: [...r.lines], evidence: [...r.evidence] })),
      glossary: [...topic.glossary],
    };
    const files: Record<string, string> = {
      'thematic.yaml': `# yaml-language-server: $schema=../../../schemas/thematic.schema.json\n# SYNTHETIC CORPUS: a made-up thematic report generated by scripts/corpus.ts.\n${yamlText(data)}`,
    };
    const easyRead = i % 2 === 0;
    if (easyRead) {
      const lines: string[] = ['## What this report is about', ''];
      const put = (r: EasyRow) => lines.push(`![${r.alt}](openmoji:${r.picture})`, ...r.sentences, '');
      for (const r of topic.about) put(r);
      put(row('books', 'A pile of books', `We visited ${areas} areas.`, `We read about the work with ${cases} children.`, 'We met children, parents and staff.'));
      lines.push('## What we found', '');
      for (const r of topic.found) put(r);
      lines.push('## What happens next', '');
      put(row('spiral-calendar', 'A calendar', 'We have told the services what we found.', 'We will check that they make these changes.'));
      files['easy-read.mdx'] = `${lines.join('\n').trimEnd()}\n`;
    }
    result.push({ slug, files, easyRead });
  }
  return result;
}

/* ------------------------------------------------------------------------------------------------
 * The corpus
 * ---------------------------------------------------------------------------------------------- */

export interface CorpusOptions {
  out: string;
  inspections: number;
  seed?: number;
  thematic?: number;
  /** Historic records besides the inspections (reports from before the tool: ratings only); a tenth of them unless told. */
  historic?: number;
  /** Replace an earlier corpus in the same folder. */
  force?: boolean;
}

export interface CorpusSummary {
  out: string;
  services: number;
  inspections: GeneratedInspection[];
  /** Slugs of the historic records, besides the inspections. */
  historic: string[];
  thematics: number;
  files: number;
  bytes: number;
  milliseconds: number;
}

/** Where a historic record says its report was published: the inspectorate's list of reports (the corpus's services are made up). */
const HISTORIC_ORIGINAL = 'https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/';
/** Overall ratings of historic records, drawn in about the shares of the inspections. */
const HISTORIC_OVERALL: [string, number][] = [
  ['outstanding', 0.12],
  ['good', 0.47],
  ['requires-improvement', 0.37],
  ['inadequate', 0.04],
];

/**
 * Historic records (record: historic): reports published before the tool, kept with their published
 * ratings only (no cases, narrative or PDF), as an inspectorate's whole record would be. One for each
 * of the first services whose first inspection here is in 2020 or later, a year or two before it,
 * under youth-2018; its standards' ratings "unclear" and no composite score, as a record taken from
 * a ratings table that lost its colours would have them (the sample's western-bay-2018).
 */
function historicRecords(seed: number, planned: readonly Planned[], count: number, framework: Framework): { slug: string; yaml: string }[] {
  const rng = new Random(hashSeed(seed, 'historic'));
  const firstStart = new Map<string, number>();
  for (const entry of planned) if (!firstStart.has(entry.service.slug)) firstStart.set(entry.service.slug, entry.start);
  const taken = new Set(planned.map((entry) => entry.slug));
  const records: { slug: string; yaml: string }[] = [];
  for (const [service, start] of firstStart) {
    if (records.length >= count) break;
    if (start < dayOf('2020-06-01')) continue;
    const published = Math.max(dayOf('2018-10-01'), start - rng.int(400, 700));
    const slug = `${service}-${isoOf(published).slice(0, 4)}`;
    if (taken.has(slug)) continue;
    taken.add(slug);
    let draw = rng.float();
    const overall = HISTORIC_OVERALL.find(([, share]) => (draw -= share) < 0)?.[0] ?? 'good';
    const ratings = Object.fromEntries(framework.domains.flatMap((domain) => domain.standards).map((standard) => [standard.id, 'unclear']));
    const data = { record: 'historic', service, framework: framework.id, published: isoOf(published), status: 'published', composite: null, overall, original: HISTORIC_ORIGINAL, ratings };
    records.push({ slug, yaml: inspectionYaml(data, slug) });
  }
  return records;
}

function loadFrameworks(): Map<string, Framework> {
  const frameworks = new Map<string, Framework>();
  for (const id of ['youth-2018', 'youth-2021']) {
    const text = fs.readFileSync(path.join(REPO, 'content/frameworks', `${id}.yaml`), 'utf8');
    frameworks.set(id, frameworkSchema.parse(parseYaml(text)));
  }
  return frameworks;
}

/** Generates the content files in memory: path (under content/) → text. */
export function generateContent(options: { inspections: number; seed: number; thematic: number; historic: number }): { files: Map<string, string>; services: number; inspections: GeneratedInspection[]; historic: string[]; thematics: number } {
  const frameworks = loadFrameworks();
  const rng = new Random(hashSeed(options.seed, 'schedule'));
  const { services, planned } = plan(rng, options.inspections);
  const files = new Map<string, string>();
  for (const service of services) files.set(`services/${service.slug}.yaml`, serviceYaml(service));

  const overallBySlug = new Map<string, string>();
  const generated: GeneratedInspection[] = [];
  for (const entry of planned) {
    const framework = frameworks.get(entry.start < FRAMEWORK_CHANGE ? 'youth-2018' : 'youth-2021')!;
    const previousRating = entry.previous ? overallBySlug.get(entry.previous.slug) : undefined;
    const inspection = generateInspection(options.seed, entry, framework, previousRating);
    overallBySlug.set(entry.slug, inspection.overall);
    generated.push(inspection);
  }

  // Status: the most recent reports are drafts or embargoed; a few older ones too.
  const statusRng = new Random(hashSeed(options.seed, 'status'));
  const recent = WINDOW_END - 150;
  generated.forEach((inspection, index) => {
    const start = planned[index]!.start;
    const draw = statusRng.float();
    inspection.status = start >= recent ? (draw < 0.35 ? 'draft' : draw < 0.65 ? 'embargoed' : 'published') : draw < 0.012 ? 'draft' : draw < 0.024 ? 'embargoed' : 'published';
  });
  if (generated.length >= 4) {
    if (!generated.some((g) => g.status === 'draft')) generated[generated.length - 1]!.status = 'draft';
    if (!generated.some((g) => g.status === 'embargoed')) generated[generated.length - 2]!.status = 'embargoed';
  }
  for (const inspection of generated) {
    const data = JSON.parse(inspection.files['inspection.yaml']!) as Record<string, unknown>;
    data.status = inspection.status;
    if (inspection.status === 'embargoed') {
      // Embargoed until the publication date, at ten in the morning as the press notice says.
      data.embargoedUntil = data.published;
      const ordered: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(data)) {
        if (key === 'embargoedUntil') continue;
        ordered[key] = value;
        if (key === 'status') ordered.embargoedUntil = data.published;
      }
      inspection.files['inspection.yaml'] = inspectionYaml(ordered, inspection.slug);
    } else {
      inspection.files['inspection.yaml'] = inspectionYaml(data, inspection.slug);
    }
    for (const [name, text] of Object.entries(inspection.files)) files.set(`inspections/${inspection.slug}/${name}`, text);
  }

  const historic = historicRecords(options.seed, planned, options.historic, frameworks.get('youth-2018')!);
  for (const record of historic) files.set(`inspections/${record.slug}/inspection.yaml`, record.yaml);

  const thematics = generateThematics(options.seed, options.thematic);
  for (const thematic of thematics) for (const [name, text] of Object.entries(thematic.files)) files.set(`thematic/${thematic.slug}/${name}`, text);
  return { files, services: services.length, inspections: generated, historic: historic.map((record) => record.slug), thematics: thematics.length };
}

/** Writes a complete project folder with a generated corpus. */
export function generateCorpus(options: CorpusOptions): CorpusSummary {
  const started = performance.now();
  const out = path.resolve(options.out);
  const seed = options.seed ?? 1;
  const thematic = options.thematic ?? 5;
  const historic = options.historic ?? Math.floor(options.inspections / 10);
  if (!Number.isInteger(options.inspections) || options.inspections < 1) throw new Error('--inspections must be a whole number of at least 1');
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) {
    if (!fs.existsSync(path.join(out, MARKER))) throw new Error(`${out} is not empty and was not made by this generator: choose another --out`);
    if (!options.force) throw new Error(`${out} already holds a corpus: add --force to replace it`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, MARKER), `Generated by scripts/corpus.ts (seed ${seed}, ${options.inspections} inspections, ${historic} historic records asked for, ${thematic} thematic reports).\n`);

  for (const part of TOOL_PARTS) {
    const from = path.join(REPO, part);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(out, part), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  for (const part of SHARED_CONTENT) fs.cpSync(path.join(REPO, part), path.join(out, part), { recursive: true });

  const content = generateContent({ inspections: options.inspections, seed, thematic, historic });
  let bytes = 0;
  const folders = new Set<string>();
  for (const [relative, text] of [...content.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = path.join(out, 'content', relative);
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { out, services: content.services, inspections: content.inspections, historic: content.historic, thematics: content.thematics, files: content.files.size, bytes, milliseconds: performance.now() - started };
}

function optionsFrom(argv: string[]): CorpusOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      inspections: { type: 'string', short: 'n' },
      out: { type: 'string', short: 'o' },
      seed: { type: 'string' },
      thematic: { type: 'string' },
      historic: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  if (!values.out) throw new Error('--out <dir> is required');
  const seed = wholeNumber(values.seed, 'seed', 0);
  const thematic = wholeNumber(values.thematic, 'thematic', 0);
  const historic = wholeNumber(values.historic, 'historic', 0);
  return {
    out: values.out,
    inspections: wholeNumber(values.inspections, 'inspections', 1) ?? 100,
    ...(seed !== undefined ? { seed } : {}),
    ...(thematic !== undefined ? { thematic } : {}),
    ...(historic !== undefined ? { historic } : {}),
    ...(values.force ? { force: true } : {}),
  };
}

function describe(summary: CorpusSummary): string {
  const { inspections } = summary;
  const count = (test: (i: GeneratedInspection) => boolean) => inspections.filter(test).length;
  const ratings = ['outstanding', 'good', 'requires-improvement', 'inadequate'].map((r) => `${count((i) => i.overall === r)} ${r}`).join(', ');
  const words = inspections.map((i) => i.reportWords);
  const mb = (summary.bytes / 1_048_576).toFixed(1);
  return [
    `Wrote a synthetic corpus to ${summary.out}:`,
    `  ${inspections.length} inspections of ${summary.services} services: ${count((i) => i.framework === 'youth-2018')} under youth-2018, ${count((i) => i.framework === 'youth-2021')} under youth-2021`,
    `  ${count((i) => i.kind === 'reinspection')} reinspections, ${count((i) => i.kind === 'joint')} joint; ${count((i) => i.status === 'published')} published, ${count((i) => i.status === 'embargoed')} embargoed, ${count((i) => i.status === 'draft')} drafts`,
    `  overall ratings: ${ratings}`,
    `  ${count((i) => i.easyRead)} easy-read versions; report.mdx ${Math.min(...words)} to ${Math.max(...words)} words (mean ${Math.round(words.reduce((a, b) => a + b, 0) / words.length)})`,
    `  ${summary.historic.length} historic records (published before the tool: ratings only)`,
    `  ${summary.thematics} thematic reports`,
    `  ${summary.files} content files, ${mb} MB, in ${(summary.milliseconds / 1000).toFixed(1)} s`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const summary = generateCorpus(optionsFrom(process.argv.slice(2)));
    process.stdout.write(`${describe(summary)}\n`);
  } catch (error) {
    process.stderr.write(`corpus: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
