/**
 * Where the version of a file in another language is: beside it, with the language before the
 * extension (report.mdx → report.cy.mdx, easy-read.mdx → easy-read.cy.mdx, 2026.mdx → 2026.cy.mdx).
 */
import { LANGUAGES, REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';

/** Languages by their English names, for messages to authors (which are in English). */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', cy: 'Welsh' };

/** The path of a file's version in `lang`: the same folder and name, `.<lang>` before the extension. */
export function translationPath(file: string, lang: Lang): string {
  if (lang === REFERENCE_LANGUAGE) return file;
  return file.replace(/(\.[a-z]+)$/i, `.${lang}$1`);
}

/** The language a file name says it is in (report.cy.mdx: cy), and the name of the reference file; undefined for a reference file. */
export function translationOf(name: string): { lang: Lang; reference: string } | undefined {
  const match = /^(.+)\.([a-z]{2})(\.[a-z]+)$/i.exec(name);
  const lang = LANGUAGES.find((l) => l !== REFERENCE_LANGUAGE && l === match?.[2]);
  return match && lang ? { lang, reference: `${match[1]}${match[3]}` } : undefined;
}
