/**
 * The pages in src/pages/[...lang]/ exist in every language their content is published in: one
 * file each, whose rest parameter `lang` is undefined for English (/inspections/…) and "cy" for
 * Welsh (/cy/inspections/…). A page reads its language from the parameter and shows the site in
 * that language (siteIn): only what is published in it, every author's text in it, and the tool's
 * words from that language's messages.
 */
import { LANGUAGES, LANGUAGE_FACTS, isLang, REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';
import type { Messages } from '../model/messages.ts';
import { siteModel } from './model.ts';
import { siteIn, type Site } from './site.ts';
import { pathsIn, type Paths } from './paths.ts';

/** The `lang` parameter of a language's pages: none for English, the prefix ("cy") for the others. */
export const langParam = (lang: Lang): string | undefined => LANGUAGE_FACTS[lang].prefix || undefined;

/** The language a page's `lang` parameter names. */
export function langOfParam(param: string | undefined): Lang {
  if (param === undefined) return REFERENCE_LANGUAGE;
  const lang = LANGUAGES.find((l) => LANGUAGE_FACTS[l].prefix === param);
  if (!lang || !isLang(lang)) throw new Error(`no language has the address prefix "${param}"`);
  return lang;
}

interface Route<Props> {
  params?: Record<string, string | undefined>;
  props?: Props;
  /** Astro's incremental build skips the page when this is last build's (src/site/page-keys.ts). */
  cacheKey?: string | undefined;
}

/** A route of a page in a language, as getStaticPaths gives it. */
const inLanguage = <Props>(lang: Lang, route: Route<Props>) => ({ params: { ...route.params, lang: langParam(lang) }, props: route.props ?? ({} as Props), ...(route.cacheKey ? { cacheKey: route.cacheKey } : {}) });

/** getStaticPaths of a page in every language: `routes` gives the page's routes in the site in one language. */
export function inEveryLanguage<Props = Record<string, never>>(routes: (site: Site, lang: Lang) => Route<Props>[]) {
  return LANGUAGES.flatMap((lang) => routes(siteIn(siteModel(), lang), lang).map((route) => inLanguage(lang, route)));
}

/** The same, for routes that wait for something first (the pictures of PDFs the build is making). */
export async function inEveryLanguageOnceKnown<Props = Record<string, never>>(routes: (site: Site, lang: Lang) => Promise<Route<Props>[]>) {
  const perLanguage = await Promise.all(LANGUAGES.map(async (lang) => (await routes(siteIn(siteModel(), lang), lang)).map((route) => inLanguage(lang, route))));
  return perLanguage.flat();
}

export interface PageLanguage {
  lang: Lang;
  /** The site in the page's language. */
  site: Site;
  /** The tool's words in the page's language. */
  m: Messages;
  /** Addresses as the page links to them. */
  paths: Paths;
}

/** What a page in src/pages/[...lang]/ needs to know of its language, from its `lang` parameter. */
export function pageLanguage(param: string | undefined): PageLanguage {
  const lang = langOfParam(param);
  const site = siteIn(siteModel(), lang);
  return { lang, site, m: site.project.messages[lang], paths: pathsIn(lang) };
}
