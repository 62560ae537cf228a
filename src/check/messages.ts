/**
 * Loads the tool's words (templates/messages/<lang>/<area>.yaml) and checks them: every message the
 * code uses (src/model/message-keys.ts) is in every language, written as valid ICU MessageFormat,
 * with the same placeholders as the English one, and nothing else is there. A missing message is
 * an error: a page or PDF would otherwise be published with a hole in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LANGUAGES, REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';
import { MESSAGE_KEYS } from '../model/message-keys.ts';
import { Messages } from '../model/messages.ts';
import { ContentReader } from './content-reader.ts';
import { DiagnosticList } from './diagnostics.ts';

/** Where the tool itself is: its templates/messages are the words of a project that has none. */
const toolRoot = () => fileURLToPath(new URL('../..', import.meta.url));
import type { Position } from '../model/position.ts';

interface Written {
  text: unknown;
  file: string;
  at: Position;
}

const folderOf = (lang: Lang) => `templates/messages/${lang}`;

/** Every leaf of one file, with where it is written. Non-text leaves are kept so they can be reported. */
function leaves(area: string, data: unknown, file: string, positionOf: (p: PropertyKey[]) => Position, into: Map<string, Written>, at: string[] = []): void {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) leaves(area, value, file, positionOf, into, [...at, key]);
    return;
  }
  into.set([area, ...at].join('.'), { text: data, file, at: positionOf(at) });
}

/** The placeholder and tag names a message uses: {count}, {name}, <link>…</link>. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

const listed = (names: Iterable<string>) => [...names].map((n) => `{${n}}`).join(', ') || 'none';

export function loadMessages(reader: ContentReader): Record<Lang, Messages> {
  const { diagnostics } = reader;
  // A project without templates/messages at all (a test fixture of content only) uses the tool's own
  // words as they are, unchecked here: they are checked in the tool's own project.
  if (!fs.existsSync(path.join(reader.root, 'templates', 'messages')) && fs.existsSync(path.join(toolRoot(), 'templates', 'messages'))) {
    return loadMessages(new ContentReader(toolRoot(), new DiagnosticList()));
  }
  const written = new Map<Lang, Map<string, Written>>();
  for (const lang of LANGUAGES) {
    const messages = new Map<string, Written>();
    for (const absolute of reader.list(folderOf(lang), ['.yaml', '.yml'])) {
      reader.guarded(absolute, () => {
        const { file, source } = reader.yaml(absolute);
        if (source.data === undefined) return;
        leaves(path.basename(absolute).replace(/\.ya?ml$/, ''), source.data, file, (p) => source.positionOf(p), messages);
      });
    }
    written.set(lang, messages);
  }
  const reference = written.get(REFERENCE_LANGUAGE)!;
  const argumentsByKey = new Map<string, Set<string>>();
  const catalogues = {} as Record<Lang, Messages>;
  for (const lang of LANGUAGES) {
    const messages = written.get(lang)!;
    const catalogue = new Map<string, string>();
    for (const [key, { text, file, at }] of messages) {
      if (typeof text !== 'string' || text.trim() === '') {
        diagnostics.error(file, at, 'message-not-text', `the message ${key} is not a piece of text`, 'write the words the tool should use here, in quotes if they contain a colon');
        continue;
      }
      let elements: MessageFormatElement[];
      try {
        elements = parse(text);
      } catch (error) {
        diagnostics.error(file, at, 'message-syntax', `the message ${key} cannot be read: ${(error as Error).message}`, 'placeholders are written {name}; a literal { or } is written between apostrophes, as in \'{\'');
        continue;
      }
      catalogue.set(key, text);
      const names = argumentsOf(elements);
      if (lang === REFERENCE_LANGUAGE) argumentsByKey.set(key, names);
      else {
        const expected = argumentsByKey.get(key);
        if (expected && (expected.size !== names.size || [...expected].some((n) => !names.has(n)))) {
          diagnostics.error(file, at, 'message-placeholders', `the message ${key} uses ${listed(names)}, but the ${REFERENCE_LANGUAGE} message uses ${listed(expected)}`, 'use the same placeholders as the English message, translating only the words around them');
        }
      }
      if (!MESSAGE_KEYS.has(key)) diagnostics.warning(file, at, 'unused-message', `the tool no longer uses the message ${key}`, 'remove it');
    }
    for (const key of MESSAGE_KEYS) {
      if (messages.has(key)) continue;
      const area = key.split('.')[0];
      const file = `${folderOf(lang)}/${area}.yaml`;
      const english = reference.get(key);
      diagnostics.error(
        file,
        undefined,
        'missing-message',
        `the message ${key} is missing${typeof english?.text === 'string' && lang !== REFERENCE_LANGUAGE ? ` (in English: "${english.text}")` : ''}`,
        `add it to ${file}${lang !== REFERENCE_LANGUAGE ? ', translated from the English one' : ''}`,
      );
    }
    catalogues[lang] = new Messages(lang, catalogue);
  }
  return catalogues;
}
