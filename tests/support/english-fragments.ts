/**
 * The English words of message areas that a text in Welsh must not contain: for every message of
 * those areas whose Welsh differs, the literal words of its English text (in every plural and select
 * branch and inside tags), split at placeholders. A Welsh output holding one of them has an English
 * word typed in code, or taken from the wrong language's messages.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { MESSAGE_KEYS } from '../../src/model/message-keys.ts';
import type { Lang } from '../../src/model/language.ts';
import type { Messages } from '../../src/model/messages.ts';

function literals(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select) return Object.values(element.options).flatMap((option) => literals(option.value));
    if (element.type === TYPE.tag) return literals(element.children);
    return [];
  });
}

export interface EnglishWords {
  /** Literal runs of at least `minLength` characters: none may appear anywhere in the Welsh text. */
  fragments: string[];
  /** Whole English texts of the messages without placeholders, however short ("Status", "Done"): no Welsh text node may be one of them. */
  wholeTexts: Set<string>;
}

/** The English words of the messages whose key matches `areas` (and the code uses) that differ in Welsh. */
export function englishWords(en: Messages, cy: Messages, areas: RegExp, minLength = 12): EnglishWords {
  const keys = [...MESSAGE_KEYS].filter((key) => areas.test(key) && en.texts([key])[key] !== cy.texts([key])[key]);
  const fragments = new Set<string>();
  const wholeTexts = new Set<string>();
  for (const key of keys) {
    const elements = parse(en.texts([key])[key]!);
    const runs = literals(elements).map((run) => run.trim());
    // Words the Welsh keeps as they are (ids such as requires-improvement, column names) are not English words.
    const welsh = literals(parse(cy.texts([key])[key]!)).join(' ');
    for (const run of runs) if (run.length >= minLength && !welsh.includes(run)) fragments.add(run);
    if (elements.every((element) => element.type === TYPE.literal)) wholeTexts.add(runs.join('').trim());
  }
  return { fragments: [...fragments], wholeTexts };
}

/**
 * The literal words of the English messages of these areas (keys matching `areas`) whose Welsh
 * differs, at least `shortest` characters long (the annual report's test: its texts are long).
 */
export function englishFragments(messages: Record<Lang, Messages>, areas: RegExp, shortest = 12): string[] {
  return englishWords(messages.en, messages.cy, areas, shortest).fragments;
}
