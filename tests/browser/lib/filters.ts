/**
 * Filters of a list page, checked against the data: every filter the page offers (a select, a
 * checkbox or radio button, or a link to a filtered page) is applied alone, and the reports the
 * page then shows must be exactly those the unfiltered page shows that have the filter's value in
 * dist/data/inspections.json. The same works with JavaScript off, where filters have to be links
 * to pre-built pages or forms that lead to one.
 */
import type { Page } from 'playwright-core';
import { allowCompiledFunctions } from '../../support/browser.ts';

/** What the data says about one public inspection, as filters may name it. */
export interface InspectionFacts {
  slug: string;
  facets: Record<string, string>;
}

/** The facts a filter can be about, read from dist/data/inspections.json. */
export function inspectionFacts(data: unknown): InspectionFacts[] {
  const list = (data as { inspections?: unknown[] }).inspections ?? (Array.isArray(data) ? data : []);
  return (list as Record<string, any>[]).map((i) => ({
    slug: String(i.slug),
    facets: {
      rating: String(i.overall?.rating ?? ''),
      ratingLabel: String(i.overall?.label ?? ''),
      nation: String(i.service?.nation ?? ''),
      year: String(i.published ?? '').slice(0, 4),
      kind: String(i.kind ?? ''),
      region: String(i.service?.region ?? ''),
      framework: String(i.framework ?? ''),
      service: String(i.service?.slug ?? ''),
    },
  }));
}

const slugify = (value: string) =>
  value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\(\d+\)\s*$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const FACET_HINTS: Record<string, string[]> = {
  rating: ['rating', 'ratingLabel'],
  overall: ['rating', 'ratingLabel'],
  'overall-rating': ['rating', 'ratingLabel'],
  nation: ['nation'],
  country: ['nation'],
  year: ['year'],
  published: ['year'],
  'year-published': ['year'],
  kind: ['kind'],
  type: ['kind'],
  region: ['region'],
  framework: ['framework'],
  service: ['service'],
};
const FACET_ORDER = ['rating', 'ratingLabel', 'nation', 'year', 'kind', 'region', 'framework', 'service'];
const KIND_WORDS: Record<string, string> = { 'joint-inspection': 'joint', inspections: 'inspection', reinspections: 'reinspection' };

/**
 * The reports a filter should leave: those of `shown` whose data has the filter's value. The facet
 * comes from the control's name or the address segment before the value when it is a known one,
 * else from the first facet where some report has that value. Undefined when no facet matches.
 */
export function expectedFor(facts: InspectionFacts[], shown: string[], values: string[], hint?: string): { facet: string; slugs: string[] } | undefined {
  const wanted = values.map(slugify).filter(Boolean).map((v) => KIND_WORDS[v] ?? v);
  if (!wanted.length) return undefined;
  const hinted = hint ? FACET_HINTS[slugify(hint)] : undefined;
  for (const facet of hinted ?? FACET_ORDER) {
    const matching = facts.filter((f) => wanted.includes(slugify(f.facets[facet] ?? '')));
    if (matching.length) {
      const set = new Set(matching.map((f) => f.slug));
      return { facet: facet === 'ratingLabel' ? 'rating' : facet, slugs: shown.filter((s) => set.has(s)).sort() };
    }
  }
  return undefined;
}

/** The reports a list page shows: visible links to /inspections/<slug>/ in main, outside forms and navigation. */
export async function reportsShown(page: Page): Promise<string[]> {
  await allowCompiledFunctions(page);
  return page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const slugs = new Set<string>();
    for (const a of main.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      if (a.closest('form, nav, [role="search"], .govuk-breadcrumbs')) continue;
      const match = /^\/inspections\/([^/]+)\/$/.exec(new URL(a.href, location.href).pathname);
      if (match && a.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) slugs.add(decodeURIComponent(match[1] ?? ''));
    }
    return [...slugs].sort();
  });
}

export interface FilterOption {
  kind: 'select' | 'checkbox' | 'radio' | 'link';
  /** For form controls: the index among the page's visible controls of that kind; for links, the address. */
  index: number;
  href?: string;
  name: string;
  value: string;
  label: string;
}

/** The filters the page offers: visible selects, checkboxes and radio buttons in main, and links to filtered versions of the page. */
export async function filterOptions(page: Page, reportSlugs: string[]): Promise<FilterOption[]> {
  await allowCompiledFunctions(page);
  return page.evaluate((reports) => {
    const main = document.querySelector('main') ?? document.body;
    const visible = (el: Element) => (el as HTMLElement).checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) || el.matches('input[type="checkbox"], input[type="radio"]') && !!(el as HTMLInputElement).labels?.[0]?.checkVisibility();
    const labelOf = (el: HTMLInputElement | HTMLSelectElement) => (el.labels?.[0]?.innerText ?? el.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim();
    const options: FilterOption[] = [];
    const selects = [...main.querySelectorAll('select')].filter(visible);
    selects.forEach((select, index) => {
      for (const option of select.options) {
        if (option.disabled) continue;
        options.push({ kind: 'select', index, name: select.name || labelOf(select), value: option.value, label: option.label.replace(/\s+/g, ' ').trim() });
      }
    });
    for (const kind of ['checkbox', 'radio'] as const) {
      const inputs = [...main.querySelectorAll<HTMLInputElement>(`input[type="${kind}"]`)].filter(visible);
      inputs.forEach((input, index) => {
        const group = input.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? '';
        options.push({ kind, index, name: input.name || group, value: input.value === 'on' ? '' : input.value, label: labelOf(input) });
      });
    }
    // Links to a filtered version of this page: a longer address under it, or the same one with a query.
    const here = new URL(location.href);
    const base = here.pathname.replace(/[^/]*$/, '');
    const seen = new Set<string>();
    for (const a of main.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const url = new URL(a.href, location.href);
      if (url.origin !== here.origin || !visible(a)) continue;
      const report = /^\/inspections\/([^/]+)\//.exec(url.pathname);
      const isReport = !!report && reports.includes(decodeURIComponent(report[1] ?? ''));
      const isFilter = (url.pathname.startsWith(base) && url.pathname !== base && !isReport) || (url.pathname === here.pathname && url.search !== '');
      if (!isFilter || url.hash || /\.[a-z0-9]+$/i.test(url.pathname)) continue;
      if (seen.has(url.href)) continue;
      seen.add(url.href);
      const rest = url.pathname.slice(base.length).split('/').filter(Boolean).map(decodeURIComponent);
      const query = [...url.searchParams.entries()];
      const [firstQuery] = query;
      const name = firstQuery ? firstQuery[0] : rest.length > 1 ? (rest[rest.length - 2] ?? '') : '';
      const value = firstQuery ? firstQuery[1] : (rest[rest.length - 1] ?? '');
      options.push({ kind: 'link', index: -1, href: url.href, name, value, label: a.innerText.replace(/\s+/g, ' ').trim() });
    }
    return options;
  }, reportSlugs);
}

/** Applies one filter to a freshly loaded list page, as a person would: choose, then press the form's button if it has one. */
export async function applyFilter(page: Page, option: FilterOption): Promise<void> {
  await allowCompiledFunctions(page);
  if (option.kind === 'link') {
    await page.goto(option.href!, { waitUntil: 'load' });
    return;
  }
  const selector = option.kind === 'select' ? 'main select' : `main input[type="${option.kind}"]`;
  const control = option.kind === 'select' ? page.locator(selector).filter({ visible: true }).nth(option.index) : page.locator(selector).nth(await visibleIndex(page, option));
  if (option.kind === 'select') await control.selectOption({ label: option.label }).catch(() => control.selectOption(option.value));
  else await control.check({ force: true });
  const submit = await control.evaluate((el) => {
    const form = (el as HTMLInputElement).form;
    const button = form?.querySelector<HTMLElement>('button:not([type]), button[type="submit"], input[type="submit"]');
    if (!button || !button.checkVisibility()) return false;
    button.setAttribute('data-filter-submit', '');
    return true;
  });
  if (submit) {
    const before = page.url();
    await page.locator('[data-filter-submit]').first().click();
    await page.waitForLoadState('load');
    if (page.url() === before) await page.waitForTimeout(300);
  } else {
    await page.waitForTimeout(300);
  }
}

/** Checkboxes and radios may be visually replaced by their labels: find the option's input among all of its kind. */
async function visibleIndex(page: Page, option: FilterOption): Promise<number> {
  await allowCompiledFunctions(page);
  return page.evaluate(({ kind, index }) => {
    const main = document.querySelector('main') ?? document.body;
    const inputs = [...main.querySelectorAll<HTMLInputElement>(`input[type="${kind}"]`)];
    const visible = inputs.filter((el) => el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) || !!el.labels?.[0]?.checkVisibility());
    const wanted = visible[index];
    return wanted ? inputs.indexOf(wanted) : -1;
  }, { kind: option.kind, index: option.index });
}

export interface FilterCheck {
  baseline: string[];
  tried: { option: string; facet?: string; expected?: string[]; shown: string[] }[];
  problems: string[];
  unmatched: string[];
}

const describeOption = (o: FilterOption) => `${o.kind} ${o.name ? `"${o.name}" ` : ''}= "${o.label || o.value}"${o.href ? ` (${new URL(o.href).pathname}${new URL(o.href).search})` : ''}`;

/** Applies every filter of a list page alone and compares what it shows with the data. */
export async function checkFilters(page: Page, url: string, facts: InspectionFacts[], limit = 60): Promise<FilterCheck & { options: FilterOption[] }> {
  await page.goto(url, { waitUntil: 'load' });
  const baseline = await reportsShown(page);
  const options = (await filterOptions(page, facts.map((f) => f.slug))).slice(0, limit);
  const tried: FilterCheck['tried'] = [];
  const problems: string[] = [];
  const unmatched: string[] = [];
  // The control whose filter the page shows now: another choice in the same control is made on that
  // page, as a person changes a filter; a choice in another control starts from the list freshly loaded.
  let shownBy: string | undefined;
  const controlOf = (o: FilterOption) => (o.kind === 'radio' ? `radio ${o.name}` : `${o.kind} ${o.index}`);
  for (const option of options) {
    const all = !option.value || /^(all|any|every|)$/i.test(slugify(option.value)) || /^(all|any)\b/i.test(option.label);
    const expected = all ? { facet: 'none', slugs: baseline } : expectedFor(facts, baseline, [option.value, option.label], option.name);
    if (!expected) {
      unmatched.push(describeOption(option));
      continue;
    }
    // A link is followed from anywhere to the same address; a form control needs the list freshly
    // loaded, or showing another choice of the same control.
    if (option.kind !== 'link' && shownBy !== controlOf(option)) await page.goto(url, { waitUntil: 'load' });
    await applyFilter(page, option);
    shownBy = option.kind === 'link' || option.kind === 'checkbox' ? undefined : controlOf(option);
    const shown = await reportsShown(page);
    tried.push({ option: describeOption(option), facet: expected.facet, expected: expected.slugs, shown });
    compare(problems, `${describeOption(option)} [${expected.facet}] at ${page.url()}`, expected.slugs, shown);
    // A filtered view kept in the address shows the same reports when that address is opened.
    const address = page.url();
    if (option.kind !== 'link' && address !== url) {
      await page.goto(address, { waitUntil: 'load' });
      compare(problems, `${describeOption(option)}, address ${new URL(address).pathname}${new URL(address).search} opened again`, expected.slugs, await reportsShown(page));
    }
  }
  // Two filters of a form together: the reports that have both values.
  const selects = [...new Set(options.filter((o) => o.kind === 'select').map((o) => o.index))];
  const [firstSelect, secondSelect] = selects;
  if (firstSelect !== undefined && secondSelect !== undefined) {
    const valued = (index: number) => options.filter((o) => o.kind === 'select' && o.index === index && o.value).map((o) => ({ o, e: expectedFor(facts, baseline, [o.value, o.label], o.name) })).filter((x) => x.e);
    const pairs = valued(firstSelect).flatMap((a) => valued(secondSelect).map((b) => ({ a, b, both: a.e!.slugs.filter((s) => b.e!.slugs.includes(s)) })));
    const pair = pairs.find((p) => p.both.length > 0 && p.both.length < baseline.length) ?? pairs[0];
    if (pair) {
      await page.goto(url, { waitUntil: 'load' });
      const first = page.locator('main select').filter({ visible: true });
      await first.nth(pair.a.o.index).selectOption(pair.a.o.value);
      await applyFilter(page, pair.b.o);
      const shown = await reportsShown(page);
      const label = `${describeOption(pair.a.o)} and ${describeOption(pair.b.o)} together`;
      tried.push({ option: label, facet: `${pair.a.e!.facet}+${pair.b.e!.facet}`, expected: pair.both, shown });
      compare(problems, label, pair.both, shown);
    }
  }
  return { baseline, tried, problems, unmatched, options };
}

function compare(problems: string[], what: string, expected: string[], shown: string[]): void {
  if (JSON.stringify(shown) === JSON.stringify(expected)) return;
  const missing = expected.filter((s) => !shown.includes(s));
  const extra = shown.filter((s) => !expected.includes(s));
  problems.push(`${what}: ${missing.length ? `missing ${missing.join(', ')}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `should not show ${extra.join(', ')}` : ''}`);
}
