/**
 * The tool's own words, in each language: headings, labels, the sentences it writes, running
 * headers, "Page N of M". They are ICU MessageFormat texts (plurals and selections are Welsh-aware
 * through Intl.PluralRules) kept in templates/messages/<lang>/<area>.yaml, where an inspectorate can
 * correct them; the check (src/check/messages.ts) makes sure every language has every message the
 * code uses (src/model/message-keys.ts) with the same placeholders.
 *
 * Keys are "<area>.<path>": templates/messages/en/site.yaml's `nav: { inspections: … }` is
 * `site.nav.inspections`. Write keys literally in the code, as t('site.nav.inspections') or
 * html('…'), or messageKey('…') where a key is chosen in one place and formatted in another, so that
 * `npm run -s message-keys` finds them.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LANGUAGE_FACTS, type Lang } from './language.ts';

export type MessageValues = Record<string, string | number>;

/** Marks a string as a message key, for keys chosen in one place and formatted in another. */
export const messageKey = <Key extends string>(key: Key): Key => key;

/** Text made safe inside HTML, in an element or a double-quoted attribute: the one escaping of the tool's HTML strings. */
export const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A parsed message with its literal words escaped as HTML, in every plural and select branch and inside tags. */
function escapeLiterals(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: escapeHtml(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      return { ...element, options: Object.fromEntries(Object.entries(element.options).map(([name, option]) => [name, { ...option, value: escapeLiterals(option.value) }])) } as MessageFormatElement;
    }
    if (element.type === TYPE.tag) return { ...element, children: escapeLiterals(element.children) };
    return element;
  });
}

export class MissingMessage extends Error {}

export class Messages {
  private readonly formats = new Map<string, IntlMessageFormat>();
  private readonly htmlFormats = new Map<string, IntlMessageFormat>();
  private readonly dates: Record<'day' | 'month', Intl.DateTimeFormat>;
  readonly lang: Lang;
  /** Key → ICU message text. */
  private readonly catalogue: ReadonlyMap<string, string>;

  constructor(lang: Lang, catalogue: ReadonlyMap<string, string>) {
    this.lang = lang;
    this.catalogue = catalogue;
    const tag = LANGUAGE_FACTS[lang].tag;
    this.dates = {
      day: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      month: new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    };
  }

  /** The BCP 47 tag: "en-GB", "cy". */
  get tag(): string {
    return LANGUAGE_FACTS[this.lang].tag;
  }

  has(key: string): boolean {
    return this.catalogue.has(key);
  }

  /**
   * The message texts of these keys, unformatted: how a document model carries the words its
   * renderer writes (a PDF worker has no project) — new Messages(lang, new Map(Object.entries(…))).
   */
  texts(keys: readonly string[]): Record<string, string> {
    return Object.fromEntries(keys.map((key) => [key, this.source(key)]));
  }

  private source(key: string): string {
    const text = this.catalogue.get(key);
    // The check reports a missing message before any build; reaching this is a fault in the tool.
    if (text === undefined) throw new MissingMessage(`No message "${key}" in templates/messages/${this.lang}/`);
    return text;
  }

  private format(key: string): IntlMessageFormat {
    let format = this.formats.get(key);
    if (!format) {
      format = new IntlMessageFormat(this.source(key), this.tag, undefined, { ignoreTag: false });
      this.formats.set(key, format);
    }
    return format;
  }

  /** The message as plain text, placeholders filled: t('report.page-of', { page: 2, pages: 40 }). */
  t(key: string, values: MessageValues = {}): string {
    const result = this.format(key).format<string>(values);
    return Array.isArray(result) ? result.join('') : String(result);
  }

  /**
   * The message as HTML: its text and the values escaped, and each <tag>…</tag> in it drawn by the
   * function of that name, given the (escaped) HTML inside:
   * html('site.footer.licence', { licence: name }, { link: (inner) => `<a href="…">${inner}</a>` }).
   */
  html(key: string, values: MessageValues = {}, tags: Record<string, (inner: string) => string> = {}): string {
    const filled: Record<string, unknown> = {};
    // Values are escaped as text, but stay strings, so that a {kind, select, …} still matches them.
    for (const [name, value] of Object.entries(values)) filled[name] = typeof value === 'string' ? escapeHtml(value) : value;
    for (const [name, draw] of Object.entries(tags)) filled[name] = (chunks: unknown[]) => draw(chunks.join(''));
    const result = this.htmlFormat(key).format<string>(filled as never);
    return Array.isArray(result) ? result.join('') : String(result);
  }

  /** The message with its own words escaped as HTML (in every branch and tag), made once per key. */
  private htmlFormat(key: string): IntlMessageFormat {
    let format = this.htmlFormats.get(key);
    if (!format) {
      const text = this.catalogue.get(key);
      if (text === undefined) throw new MissingMessage(`No message "${key}" in templates/messages/${this.lang}/`);
      format = new IntlMessageFormat(escapeLiterals(parse(text)), this.tag);
      this.htmlFormats.set(key, format);
    }
    return format;
  }


  /** "4 March 2026" / "4 Mawrth 2026" (`day`), or "March 2026" (`month`), from "2026-03-04", in UTC. */
  date(iso: string, parts: 'day' | 'month' = 'day'): string {
    // A historic record's source may give only the year of publication.
    if (/^\d{4}$/.test(iso)) return iso;
    return this.dates[parts].format(new Date(`${iso}T00:00:00Z`));
  }
}
