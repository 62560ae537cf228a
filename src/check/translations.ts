/**
 * The Welsh files beside the English ones (report.cy.mdx, easy-read.cy.mdx, <year>.cy.mdx): each
 * is found, read and checked like its English file (the same narrative and easy-read checks, with
 * positions in the Welsh file), then compared with the English one (rules/parity.ts).
 *
 * Rules: missing-translation (something published in Welsh without its Welsh file: an error on the
 * English file), unpublished-translation (a Welsh file for something not published in Welsh: a
 * warning), translation-without-original, mdx-syntax, parity and those of narrative-mdx.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { ContentReader } from './content-reader.ts';
import type { DocumentTemplate } from '../model/schemas/document-template.ts';
import type { Lang } from '../model/language.ts';
import { readMarkdown } from '../source/markdown-file.ts';
import { LANGUAGE_NAMES, translationPath } from '../source/translation-file.ts';
import { checkNarrativeMdx, type NarrativeMdxInput } from './rules/narrative-mdx.ts';
import { checkParity, templateSectionKey } from './rules/parity.ts';

const SYNTAX_HINT = 'MDX reads "<" and "{" as code: write them as &lt; and &#123;, or close the tag';

/** What is being translated, for messages: "inspection "aberwyn-2026"", "the thematic report "…"". */
export interface TranslationSubject {
  /** How messages name it, such as `inspection "aberwyn-2026"`. */
  name: string;
  /** The languages it is published in (languagesOf, or the file's own `languages:`). */
  languages: readonly Lang[];
  /** Where its languages are set, for hints. */
  languagesAt: string;
}

/**
 * The version in `lang` of the file at `englishAbsolute`: its absolute path when there is one to
 * read; what is missing or left over is reported. An English file that is missing is reported by
 * its own reader; a translation without it is reported here.
 */
export function findTranslation(reader: ContentReader, englishAbsolute: string, lang: Lang, subject: TranslationSubject): string | undefined {
  const translated = translationPath(englishAbsolute, lang);
  const englishName = path.basename(englishAbsolute);
  const name = path.basename(translated);
  const exists = fs.existsSync(translated);
  const published = subject.languages.includes(lang);
  const language = LANGUAGE_NAMES[lang];
  if (!fs.existsSync(englishAbsolute)) {
    if (exists) reader.diagnostics.error(reader.relative(translated), { line: 1, column: 1 }, 'translation-without-original', `there is no ${englishName} beside this ${language} version`, `write ${englishName} first: the ${language} version follows the English one`);
    return undefined;
  }
  if (!exists) {
    if (published) {
      reader.diagnostics.error(reader.relative(englishAbsolute), { line: 1, column: 1 }, 'missing-translation', `${subject.name} is published in ${language} (languages: [${subject.languages.join(', ')}]) but has no ${name}: write the ${language} version beside it`, `add ${reader.relative(translated)} with the same sections, components, pictures and figures as ${englishName}, or leave ${lang} out of languages: in ${subject.languagesAt}`);
    }
    return undefined;
  }
  if (!published) {
    reader.diagnostics.warning(reader.relative(translated), { line: 1, column: 1 }, 'unpublished-translation', `${subject.name} is not published in ${language} (languages: [${subject.languages.join(', ')}]), so ${name} is not published: add ${lang} to languages`, `add ${lang} to languages: in ${subject.languagesAt}, or delete ${name}`);
  }
  return translated;
}

/** The Welsh `###` sub-headings a standard's section must have, once the template has them (`cy: { standardSections }`). */
export function translatedStandardSections(template: DocumentTemplate | undefined, lang: Lang): readonly string[] {
  const domains = template?.sections.find((section) => section.kind === 'domains') as { cy?: { standardSections?: string[] } } | undefined;
  return lang === 'cy' ? (domains?.cy?.standardSections ?? []) : [];
}

/**
 * A translated narrative (report.cy.mdx, <year>.cy.mdx): its syntax, the narrative rules (components,
 * pictures, footnotes: positions in the translated file), then its structure against the English
 * tree. The tree, or undefined when it cannot be read.
 */
export function checkTranslatedNarrative(
  content: { file: string; text: string },
  body: string,
  english: { file: string; tree: Root | undefined },
  narrative: Omit<NarrativeMdxInput, 'tree' | 'text' | 'file'>,
  what: string,
  template: DocumentTemplate | undefined,
): Root | undefined {
  const markdown = readMarkdown(body);
  if (markdown.syntaxError || !markdown.tree) {
    if (markdown.syntaxError) narrative.diagnostics.error(content.file, markdown.syntaxError.at, 'mdx-syntax', markdown.syntaxError.message, SYNTAX_HINT);
    return undefined;
  }
  checkNarrativeMdx({ ...narrative, tree: markdown.tree, text: body, file: content.file });
  if (english.tree) checkParity({ what, english: { file: english.file, tree: english.tree }, welsh: { file: content.file, tree: markdown.tree }, sectionKey: templateSectionKey(template), diagnostics: narrative.diagnostics });
  return markdown.tree;
}
