/**
 * What must not appear in an output made in Welsh: the English values of the messages whose Welsh
 * differs, cut at their placeholders into the literal words between them.
 */
import type { Lang } from '../../src/model/language.ts';
import type { Messages } from '../../src/model/messages.ts';
import { MESSAGE_KEYS } from '../../src/model/message-keys.ts';

/**
 * The literal words of the English messages of these areas (keys matching `areas`) whose Welsh
 * differs, at least `shortest` characters long.
 */
export function englishFragments(messages: Record<Lang, Messages>, areas: RegExp, shortest = 12): string[] {
  const { en, cy } = messages;
  const keys = [...MESSAGE_KEYS].filter((k) => areas.test(k) && en.texts([k])[k] !== cy.texts([k])[k]);
  return keys
    .flatMap((k) => en.texts([k])[k]!.split(/\{[^{}]*\}|[{}#]/))
    .map((s) => s.trim())
    // Short fragments ("of", "to") are too common to look for inside a text; rating words come from the framework.
    .filter((s) => s.length >= shortest);
}
