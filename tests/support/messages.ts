/** The tool's words as the project's message files give them, for tests that build documents by hand. */
import { ContentReader } from '../../src/check/content-reader.ts';
import { DiagnosticList } from '../../src/check/diagnostics.ts';
import { loadMessages } from '../../src/check/messages.ts';
import type { Lang } from '../../src/model/language.ts';
import type { Messages } from '../../src/model/messages.ts';
import { rendererWords } from '../../src/document/words.ts';

let loaded: Record<Lang, Messages> | undefined;

/** The messages of templates/messages/<lang>/ in this checkout. */
export function messagesIn(lang: Lang = 'en'): Messages {
  loaded ??= loadMessages(new ContentReader(process.cwd(), new DiagnosticList()));
  return loaded[lang];
}

/** A document model's renderer words in a language. */
export const wordsIn = (lang: Lang = 'en') => rendererWords(messagesIn(lang));
