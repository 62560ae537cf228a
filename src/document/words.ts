/**
 * The tool's words that the renderers write themselves (contents, "Page N of M", "Figure 3: …",
 * notes), carried in each document model as unformatted message texts in the document's language:
 * a PDF worker draws from the model alone, and the PDF cache's key (a hash of the model) changes
 * when these words do.
 */
import { LANGUAGE_FACTS, LANGUAGES, REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';
import { messageKey, Messages } from '../model/messages.ts';
import type { DocumentModel } from './blocks.ts';

/** Every message a renderer (src/html, src/pdf) formats from a document model. */
export const RENDERER_MESSAGES = [
  messageKey('documents.contents'),
  messageKey('documents.list-of-figures'),
  messageKey('documents.figure-label'),
  messageKey('documents.table-label'),
  messageKey('documents.table'),
  messageKey('documents.data-in'),
  messageKey('documents.data-in-chart'),
  messageKey('documents.notes'),
  messageKey('documents.note'),
  messageKey('documents.note-ref'),
  messageKey('documents.back-to-text'),
  messageKey('documents.back-to-text-note'),
  messageKey('documents.diagram-scroll'),
  messageKey('documents.diagram-open'),
  messageKey('documents.diagram-region'),
  messageKey('documents.diagram-figure'),
  messageKey('documents.on-page'),
  messageKey('documents.page-of'),
  messageKey('documents.hard-word-pages'),
] as const;

/** The renderer's words for a document model, in the language of the messages given. */
export function rendererWords(messages: Messages): Record<string, string> {
  return messages.texts(RENDERER_MESSAGES);
}

/** The language of a BCP 47 tag ("cy" → cy, "en-GB" → en). */
export function langOfTag(tag: string): Lang {
  return LANGUAGES.find((lang) => LANGUAGE_FACTS[lang].tag === tag) ?? REFERENCE_LANGUAGE;
}

const formatters = new WeakMap<object, Messages>();
/**
 * Messages by language and words: every document of a language carries the same words, so its
 * messages (each compiled on first use, dates' formatters) are made once per process, not per document.
 */
const sharedFormatters = new Map<string, Messages>();
/** The messages a renderer formats a document's words with (made once per language and words). */
export function wordsOf(document: Pick<DocumentModel, 'words' | 'language'>): Messages {
  let messages = formatters.get(document.words);
  if (!messages) {
    const entries = Object.entries(document.words);
    const key = JSON.stringify([document.language, entries]);
    messages = sharedFormatters.get(key);
    if (!messages) sharedFormatters.set(key, (messages = new Messages(langOfTag(document.language), new Map(entries))));
    formatters.set(document.words, messages);
  }
  return messages;
}
