/**
 * parity: the Welsh version of a file (report.cy.mdx, easy-read.cy.mdx, <year>.cy.mdx) has the same
 * structure as the English one. Words differ; what the reader is shown besides them must not:
 * the same sections in the same order, the same components with the same attributes (text ones such
 * as alt or title may differ in value), the same pictures, the same figure references and the same
 * recommendations by number. Paragraphs may be split differently, so they are not compared.
 *
 * A pure comparison of the two syntax trees: each file is read once into an outline (sections, each
 * with its structural items in order), the outlines are aligned, and every mismatch is reported
 * once, in the file that has the extra or the different part; a part missing from one file is
 * reported in that file where it should be (at the next part both files share, or at the end).
 */
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type {} from 'mdast-util-mdx-expression';
import { toString } from 'mdast-util-to-string';
import type { DiagnosticList } from '../diagnostics.ts';
import type { Position } from '../../model/position.ts';
import type { Lang } from '../../model/language.ts';
import { LANGUAGE_NAMES } from '../../source/translation-file.ts';
import { componentNamed } from '../../document/components.ts';

/** Attributes whose value is words, translated with the text: only their presence is compared. */
export const TEXT_ATTRIBUTES: ReadonlySet<string> = new Set(['alt', 'caption', 'title', 'label', 'description', 'summary', 'heading']);

/** How a recommendation is introduced in each language, where it is written in Markdown ("Recommendation 2", "Argymhelliad 2"). */
const RECOMMENDATION_WORDS: Record<Lang, string> = { en: 'Recommendation', cy: 'Argymhelliad' };
const RECOMMENDATION = new RegExp(`^\\s*(?:${Object.values(RECOMMENDATION_WORDS).join('|')})\\s+(\\d+)\\b`, 'i');

/** A `## 2.1 Assessment` heading's number: the same in both languages. */
const NUMBERED = /^(\d+(?:\.\d+)*)\.?\s/;

type Category = 'heading' | 'component' | 'figure' | 'picture' | 'recommendation';
const CATEGORIES: readonly Category[] = ['heading', 'component', 'figure', 'picture', 'recommendation'];

interface Item {
  category: Category;
  /** What must be the same in both files (for components: the name; attributes are compared after). */
  key: string;
  /** How the message names it. */
  label: string;
  at: Position;
  /** Document order inside the file. */
  order: number;
  attributes?: Map<string, string>;
}

interface Section {
  /** The `##` heading's text; undefined for what comes before the first one. */
  heading?: string;
  at: Position;
  /** A key both languages share: the heading's number, or the template section it is. */
  key?: string;
  items: Item[];
}

interface Outline {
  sections: Section[];
  end: Position;
}

/**
 * The template's sections and sub-sections by what they are, from their heading in either language:
 * `heading` (or `narrative`, the name report.mdx uses) in English, and the same fields under `cy:`
 * once the templates have Welsh values (templates/documents/*.yaml). Headings the template does not
 * name are matched by their place.
 */
export function templateSectionKey(template: { id?: string; sections: readonly object[] } | undefined, source = template?.id ? `templates/documents/${template.id}.yaml` : undefined): SectionKeys {
  const keys: Record<Lang, Map<string, string>> = { en: new Map(), cy: new Map() };
  const headings: Record<Lang, Map<string, string>> = { en: new Map(), cy: new Map() };
  const add = (lang: Lang, text: unknown, key: string) => {
    if (typeof text !== 'string' || !text.trim()) return;
    keys[lang].set(text.trim().toLowerCase(), key);
    // The name report.mdx uses (narrative:) when there is one: it is what the documents look the section up by.
    if (!headings[lang].has(key) || !key.startsWith('section-')) headings[lang].set(key, text.trim());
  };
  (template?.sections ?? []).forEach((written, index) => {
    const section = written as { heading?: string; narrative?: string; standardSections?: string[]; cy?: { heading?: string; narrative?: string; standardSections?: string[] } };
    // A key only for what has its words in both languages: until then, sections are matched by their place.
    const welsh = section.cy;
    if (!welsh) return;
    for (const [lang, words] of [['en', section], ['cy', welsh]] as const) {
      if (welsh.narrative && section.narrative) add(lang, words.narrative, `section-${index}`);
      if (welsh.heading && section.heading) add(lang, words.heading, `section-${index}`);
      words.standardSections?.forEach((name, k) => {
        if (welsh.standardSections?.[k] && section.standardSections?.[k]) add(lang, name, `sub-section-${k}`);
      });
    }
  });
  const keyOf: SectionKeys = (heading, lang) => keys[lang].get(heading.trim().toLowerCase());
  keyOf.headingOf = (key, lang) => headings[lang].get(key);
  if (source) keyOf.source = source;
  return keyOf;
}

/**
 * What a heading is, in both languages (a template's section or sub-section), and the heading a key
 * must have in a language: the documents find a template's sections by these words.
 */
export interface SectionKeys {
  (heading: string, lang: Lang): string | undefined;
  headingOf?: (key: string, lang: Lang) => string | undefined;
  /** The file the headings come from, for hints. */
  source?: string;
}

export interface ParityFile {
  /** Project-relative path, as printed in diagnostics. */
  file: string;
  tree: Root;
}

export interface ParityInput {
  /** What is compared, for messages: "report", "easy read", "annual report". */
  what: string;
  english: ParityFile;
  welsh: ParityFile;
  /**
   * The template section a `##` heading is, in the language it is written in (templates/documents:
   * `heading`, and `cy.heading` once templates have Welsh values), so that sections are matched by
   * what they are and not only by their place.
   */
  sectionKey?: SectionKeys;
  diagnostics: DiagnosticList;
}

const startOf = (node: { position?: { start: { line: number; column: number } } | undefined }, fallback: Position = { line: 1, column: 1 }): Position =>
  node.position ? { line: node.position.start.line, column: node.position.start.column } : fallback;

const isComment = (value: string) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(value);

function attributesOf(node: MdxJsxFlowElement | MdxJsxTextElement): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const attribute of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
    if (attribute.type === 'mdxJsxExpressionAttribute') attributes.set(`{${attribute.value}}`, attribute.value);
    else if (attribute.value === null || attribute.value === undefined) attributes.set(attribute.name, 'true');
    else attributes.set(attribute.name, typeof attribute.value === 'string' ? JSON.stringify(attribute.value) : `{${attribute.value.value}}`);
  }
  return attributes;
}

/** `<Percent question="2.1.1" />`, with a text attribute's value left out (it is translated). */
function written(name: string, attributes: Map<string, string>): string {
  const parts = [...attributes].map(([key, value]) => (key.startsWith('{') ? key : TEXT_ATTRIBUTES.has(key) ? `${key}="…"` : value === 'true' ? key : `${key}=${value}`));
  return `<${[name, ...parts].join(' ')} />`;
}

/** The file's outline: its `##` sections, each with the headings, components, figures, pictures and recommendations in it, in order. */
export function outlineOf(tree: Root, lang: Lang, sectionKey?: ParityInput['sectionKey']): Outline {
  const sections: Section[] = [{ at: { line: 1, column: 1 }, items: [] }];
  let order = 0;
  const subKey = (text: string) => {
    const key = sectionKey?.(text, lang);
    return key ? ` ${key}` : '';
  };
  const add = (item: Omit<Item, 'order'>) => sections.at(-1)!.items.push({ ...item, order: order++ });
  const walk = (node: Nodes) => {
    switch (node.type) {
      case 'heading': {
        const text = toString(node).trim();
        const number = NUMBERED.exec(text)?.[1];
        const recommendation = RECOMMENDATION.exec(text)?.[1];
        if (node.depth === 2) {
          const key = number ? `number ${number}` : sectionKey?.(text, lang);
          sections.push({ heading: text, at: startOf(node), ...(key ? { key } : {}), items: [] });
        } else add({ category: 'heading', key: `${'#'.repeat(node.depth)}${number ? ` ${number}` : ''}${subKey(text)}`, label: `the heading "${'#'.repeat(node.depth)} ${text}"`, at: startOf(node) });
        if (recommendation) add({ category: 'recommendation', key: recommendation, label: `recommendation ${recommendation}`, at: startOf(node) });
        return;
      }
      case 'image':
        add({ category: 'picture', key: node.url, label: `the picture ${node.url}`, at: startOf(node) });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const attributes = attributesOf(node);
        // Inline components and pictures given by address are figures and pictures; the rest are block components.
        const inline = node.type === 'mdxJsxTextElement' || componentNamed(name)?.kind === 'inline';
        if (attributes.has('src')) add({ category: 'picture', key: attributes.get('src')!, label: `the picture ${attributes.get('src')}`, at: startOf(node) });
        else if (inline) add({ category: 'figure', key: written(name, attributes), label: `the figure reference ${written(name, attributes)}`, at: startOf(node) });
        else add({ category: 'component', key: name, label: `the component <${name}>`, at: startOf(node), attributes });
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isComment(node.value)) add({ category: 'figure', key: `{${node.value.trim()}}`, label: `the expression {${node.value.trim()}}`, at: startOf(node) });
        return;
      case 'paragraph': {
        // A list item's text is its paragraph: found there, once.
        const number = RECOMMENDATION.exec(toString(node, { includeImageAlt: false }))?.[1];
        if (number) add({ category: 'recommendation', key: number, label: `recommendation ${number}`, at: startOf(node) });
        break;
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  for (const child of tree.children) walk(child as Nodes);
  // What comes before the first heading is always there (often empty), so the two files' always pair.
  const end = tree.position ? { line: tree.position.end.line, column: tree.position.end.column } : { line: 1, column: 1 };
  return { sections, end };
}

/**
 * The longest alignment of two lists: index pairs in increasing order, maximising the total score
 * (a pair scoring 0 or less is never made). Lists are short (sections, the components of a section).
 */
export function align<A, B>(a: readonly A[], b: readonly B[], score: (x: A, y: B, i: number, j: number) => number): [number, number][] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const best = new Float64Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const pair = score(a[i]!, b[j]!, i, j);
      const take = pair > 0 ? pair + best[(i + 1) * cols + j + 1]! : -Infinity;
      best[i * cols + j] = Math.max(take, best[(i + 1) * cols + j]!, best[i * cols + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const here = best[i * cols + j]!;
    const pair = score(a[i]!, b[j]!, i, j);
    if (pair > 0 && here === pair + best[(i + 1) * cols + j + 1]!) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (here === best[(i + 1) * cols + j]!) i += 1;
    else j += 1;
  }
  return pairs;
}

/** How many item keys two sections share, as a share of the larger: sections with the same contents belong together. */
function overlap(a: Section, b: Section): number {
  const keys = new Map<string, number>();
  for (const item of a.items) keys.set(`${item.category}:${item.key}`, (keys.get(`${item.category}:${item.key}`) ?? 0) + 1);
  let shared = 0;
  for (const item of b.items) {
    const key = `${item.category}:${item.key}`;
    const left = keys.get(key) ?? 0;
    if (left > 0) {
      shared += 1;
      keys.set(key, left - 1);
    }
  }
  const most = Math.max(a.items.length, b.items.length);
  return most === 0 ? 0 : shared / most;
}

/** Whether two sections can be the same one, and how sure: the same key counts most, then the same contents, then the same place. */
function sectionScore(english: Section, welsh: Section, place: number): number {
  if (english.heading === undefined || welsh.heading === undefined) return english.heading === welsh.heading ? 10 : 0;
  if (english.key && welsh.key && english.key !== welsh.key) return 0;
  return 1 + (english.key && english.key === welsh.key ? 4 : 0) + 2 * overlap(english, welsh) - 0.01 * place;
}

/** Compares the English and Welsh versions of one file and reports every difference in structure. */
export function checkParity(input: ParityInput): void {
  const { english, welsh, what, diagnostics, sectionKey } = input;
  const en = outlineOf(english.tree, 'en', sectionKey);
  const cy = outlineOf(welsh.tree, 'cy', sectionKey);
  const words = (lang: Lang) => `the ${LANGUAGE_NAMES[lang]} ${what}`;
  const where = (file: ParityFile, at: Position) => `${path.basename(file.file)}:${at.line}:${at.column}`;
  const report = (at: Position, message: string, hint: string) => diagnostics.error(welsh.file, at, 'parity', message, hint);
  const quoteHeading = (section: Section) => (section.heading === undefined ? 'the text before the first section' : `the section "${section.heading}"`);

  const place = (i: number, j: number) => Math.abs(i / Math.max(1, en.sections.length) - j / Math.max(1, cy.sections.length));
  const pairs = align(en.sections, cy.sections, (a, b, i, j) => sectionScore(a, b, place(i, j)));
  const matchedEn = new Map(pairs.map(([i, j]) => [i, j]));
  const matchedCy = new Set(pairs.map(([, j]) => j));

  // A section both files have, in another place in each: one message, and its contents are still compared.
  const moved: [number, number][] = [];
  for (let i = 0; i < en.sections.length; i += 1) {
    if (matchedEn.has(i)) continue;
    const section = en.sections[i]!;
    const j = cy.sections.findIndex((other, index) => !matchedCy.has(index) && !moved.some(([, m]) => m === index) && other.heading !== undefined && section.heading !== undefined && (section.key ? other.key === section.key : !other.key && overlap(section, other) === 1 && section.items.length > 0));
    if (j >= 0) moved.push([i, j]);
  }
  const movedEn = new Map(moved);
  const movedCy = new Set(moved.map(([, j]) => j));

  // Where a section missing from the Welsh file should be: at the Welsh section matched to the next English one, or at the end.
  const welshPlaceAfter = (i: number): Position => {
    for (let next = i + 1; next < en.sections.length; next += 1) {
      const j = matchedEn.get(next);
      if (j !== undefined) return cy.sections[j]!.at;
    }
    return cy.end;
  };
  for (let i = 0; i < en.sections.length; i += 1) {
    const section = en.sections[i]!;
    const j = matchedEn.get(i) ?? movedEn.get(i);
    if (j === undefined) {
      report(welshPlaceAfter(i), `${words('en')} has ${quoteHeading(section)} (${where(english, section.at)}) here; ${words('cy')} has none`, `write the Welsh version of "## ${section.heading}" here, with the same components, pictures and figures as in ${path.basename(english.file)}`);
      continue;
    }
    const other = cy.sections[j]!;
    if (movedEn.has(i)) {
      const before = en.sections[i - 1];
      report(other.at, `${quoteHeading(other)} is here in ${words('cy')}, but in ${words('en')} its section "${section.heading}" (${where(english, section.at)}) comes ${before?.heading ? `after "${before.heading}"` : 'first'}`, `put the sections of ${path.basename(welsh.file)} in the same order as those of ${path.basename(english.file)}`);
    } else if (section.key?.startsWith('section-') && other.key === undefined && sectionKey?.headingOf?.(section.key, 'cy')) {
      // Matched by place, but not written as the template's Welsh heading: the documents would not find it.
      const expected = sectionKey.headingOf(section.key, 'cy')!;
      report(other.at, `the section "${other.heading}" stands where ${words('en')} has "${section.heading}" (${where(english, section.at)}), whose Welsh heading is "${expected}"`, `write "## ${expected}", as ${sectionKey.source ?? 'the report template'} has it: the page and the PDF find the section by that heading`);
    } else if (section.key !== other.key && section.heading !== undefined && (section.key?.startsWith('number') || other.key?.startsWith('number'))) {
      report(other.at, `the heading "## ${other.heading}" is numbered differently from the English "## ${section.heading}" (${where(english, section.at)})`, `number the Welsh heading as the English one: "${NUMBERED.exec(section.heading)?.[1] ?? 'no number'}"`);
    }
    compareSections(section, other, j + 1 < cy.sections.length ? cy.sections[j + 1]!.at : cy.end);
  }
  for (let j = 0; j < cy.sections.length; j += 1) {
    if (matchedCy.has(j) || movedCy.has(j)) continue;
    const section = cy.sections[j]!;
    report(section.at, `${words('cy')} has ${quoteHeading(section)} here; ${words('en')} has none`, `delete it, or add the same section to ${path.basename(english.file)} if it belongs in both languages`);
  }

  /** The items of one section in both files, category by category. */
  function compareSections(a: Section, b: Section, welshEnd: Position): void {
    const counterpart = new Map<Item, Item>();
    const missing: Item[] = [];
    for (const category of CATEGORIES) {
      const left = a.items.filter((item) => item.category === category);
      const right = b.items.filter((item) => item.category === category);
      const matched = align(left, right, (x, y) => (x.key === y.key ? 1 : 0));
      // Between two matched items, one item in each file is the same item, different: said once.
      let previous: [number, number] = [-1, -1];
      for (const pair of [...matched, [left.length, right.length] as [number, number]]) {
        const gapLeft = left.slice(previous[0] + 1, pair[0]);
        const gapRight = right.slice(previous[1] + 1, pair[1]);
        if (gapLeft.length === gapRight.length) {
          gapLeft.forEach((item, k) => {
            const changed = gapRight[k]!;
            counterpart.set(item, changed);
            report(changed.at, `${words('en')} has ${item.label} here (${where(english, item.at)}); ${words('cy')} has ${changed.label} instead`, hintFor(item));
          });
        } else {
          missing.push(...gapLeft);
          for (const extra of gapRight) report(extra.at, `${words('cy')} has ${extra.label} here; ${words('en')} has none`, `delete it, or add it to ${path.basename(english.file)} in the same place if it belongs in both languages`);
        }
        if (pair[0] < left.length) {
          counterpart.set(left[pair[0]]!, right[pair[1]]!);
          if (category === 'component') compareAttributes(left[pair[0]]!, right[pair[1]]!);
        }
        previous = pair;
      }
    }
    for (const item of missing) {
      const next = a.items.find((later) => later.order > item.order && counterpart.has(later));
      report(next ? counterpart.get(next)!.at : welshEnd, `${words('en')} has ${item.label} (${where(english, item.at)}) here; ${words('cy')} has none`, `add it here in ${path.basename(welsh.file)}: ${hintFor(item)}`);
    }
  }

  function hintFor(item: Item): string {
    switch (item.category) {
      case 'heading':
        return `use the same heading levels in the same order as ${path.basename(english.file)}: write "${item.key} …" with the Welsh words`;
      case 'picture':
        return `use the same picture as ${path.basename(english.file)}: ${item.key} (only its description, the alt text, is in Welsh)`;
      case 'figure':
        return `copy ${item.key} from ${path.basename(english.file)} as it is: figures are computed once and shown in both languages`;
      case 'recommendation':
        return `the recommendations are numbered as in ${path.basename(english.file)}: write recommendation ${item.key} here`;
      case 'component':
        return `copy the component from ${path.basename(english.file)} and translate only its text attributes (${[...TEXT_ATTRIBUTES].join(', ')})`;
    }
  }

  /** A component in both files: the same attributes, with the same values except text ones. */
  function compareAttributes(a: Item, b: Item): void {
    const differences: string[] = [];
    const names = new Set([...a.attributes!.keys(), ...b.attributes!.keys()]);
    for (const name of names) {
      const left = a.attributes!.get(name);
      const right = b.attributes!.get(name);
      if (left === undefined) differences.push(`${name} is not in the English one`);
      else if (right === undefined) differences.push(`${name} (${TEXT_ATTRIBUTES.has(name) ? 'in Welsh words' : left}) is missing`);
      else if (!TEXT_ATTRIBUTES.has(name) && left !== right) differences.push(`${name} is ${right} here but ${left} in English`);
    }
    if (differences.length === 0) return;
    report(b.at, `<${b.key}> has other attributes than in ${words('en')} (${where(english, a.at)}): ${differences.join('; ')}`, `give it the attributes of the English one, ${written(a.key, a.attributes!)}; only text attributes (${[...TEXT_ATTRIBUTES].join(', ')}) are written in Welsh`);
  }
}

/** Front matter (an annual report's): the same keys, and the same values except for text fields, which are written in Welsh. */
export function checkFrontMatterParity(input: {
  english: { file: string; data: unknown };
  welsh: { file: string; data: unknown; positionOf: (path: PropertyKey[]) => Position | undefined };
  textKeys: ReadonlySet<string>;
  diagnostics: DiagnosticList;
}): void {
  const { english, welsh, textKeys, diagnostics } = input;
  const base = path.basename(english.file);
  const visit = (left: unknown, right: unknown, at: PropertyKey[]) => {
    const name = at.join('.');
    if (left !== null && typeof left === 'object' && right !== null && typeof right === 'object' && !Array.isArray(left) === !Array.isArray(right)) {
      const l = left as Record<string, unknown>;
      const r = right as Record<string, unknown>;
      for (const key of Object.keys(l)) {
        if (!(key in r)) diagnostics.error(welsh.file, welsh.positionOf(at.length ? at : []) ?? { line: 1, column: 1 }, 'parity', `the English front matter has ${[...at, key].join('.')} (${base}); the Welsh one has none`, `add ${[...at, key].join('.')} with the same value as in ${base}${textKeys.has(key) ? ', in Welsh' : ''}`);
        else visit(l[key], r[key], [...at, key]);
      }
      for (const key of Object.keys(r)) {
        if (!(key in l)) diagnostics.error(welsh.file, welsh.positionOf([...at, key]) ?? { line: 1, column: 1 }, 'parity', `the Welsh front matter has ${[...at, key].join('.')}; the English one (${base}) has none`, `delete it, or add it to ${base} too`);
      }
      return;
    }
    if (at.length > 0 && textKeys.has(String(at.at(-1)))) return;
    if (JSON.stringify(left) !== JSON.stringify(right)) {
      diagnostics.error(welsh.file, welsh.positionOf(at) ?? { line: 1, column: 1 }, 'parity', `${name} is ${JSON.stringify(right)} here but ${JSON.stringify(left)} in ${base}`, `use the same value as the English version: only text such as the title is written in Welsh`);
    }
  };
  visit(english.data, welsh.data, []);
}
