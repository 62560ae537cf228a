/**
 * A service's lineage as its page shows it: each change (merger, split, rename) that made it or
 * ended it, as a sentence naming every service involved, and its ratings history across the
 * lineage (its own inspections and those of the services it came from).
 */
import type { Inspection, Project } from '../model/project.ts';
import type { LineageKind, Service } from '../model/schemas/service.ts';
import { Lineage } from '../model/lineage.ts';
import { formatDate } from '../document/dates.ts';
import { pathsIn, servicesWithInspections } from './paths.ts';
import { messageKey, type Messages } from '../model/messages.ts';
import { REFERENCE_LANGUAGE, type Lang } from '../model/language.ts';

/** A service named in a sentence: a link when it has a page (a public inspection) and is not the page's own. */
export interface ServiceMention {
  slug: string;
  name: string;
  href?: string;
}

/** A part of a sentence: words, or a service. */
export type LineagePart = string | ServiceMention;

export interface LineageChange {
  date: string;
  kind: LineageKind;
  before: string[];
  after: string[];
  /** The sentence, such as "Western Bay … split on 1 April 2019 into Bridgend …, Neath Port Talbot … and Swansea …." */
  sentence: LineagePart[];
  /** The services before and after the change, as the sentence names them. */
  mentions: { before: ServiceMention[]; after: ServiceMention[] };
}

export interface ServiceLineage {
  changes: LineageChange[];
  /** The services it came from, however many steps back. */
  ancestors: Service[];
  /** Its public inspections and those of the services it came from, newest first. */
  history: Inspection[];
}

const lineages = new WeakMap<readonly Service[], { lineage: Lineage; bySlug: Map<string, Service> }>();
const withPages = new WeakMap<readonly Inspection[], Set<string>>();

/** The services' lineage and each service by its slug, made once per list of services (every service page asks). */
function lineageOf(services: readonly Service[]) {
  let known = lineages.get(services);
  if (!known) lineages.set(services, (known = { lineage: new Lineage(services), bySlug: new Map(services.map((s) => [s.slug, s])) }));
  return known;
}

/** The slugs of the services with a page, made once per list of inspections. */
function servicesWithPage(inspections: readonly Inspection[]): Set<string> {
  let known = withPages.get(inspections);
  if (!known) withPages.set(inspections, (known = new Set(servicesWithInspections(inspections).map((s) => s.service.slug))));
  return known;
}

/** A service's lineage; links go to the service pages in `lang`. */
export function serviceLineage(project: Project, inspections: readonly Inspection[], slug: string, lang: Lang = REFERENCE_LANGUAGE): ServiceLineage {
  const paths = pathsIn(lang);
  const { lineage, bySlug } = lineageOf(project.services);
  const withPage = servicesWithPage(inspections);
  const mention = (other: string): ServiceMention => {
    const name = bySlug.get(other)?.name ?? other;
    return other !== slug && withPage.has(other) ? { slug: other, name, href: paths.service(other) } : { slug: other, name };
  };
  const changes = new Map<string, LineageChange>();
  for (const step of [...lineage.predecessorsOf(slug), ...lineage.successorsOf(slug)]) {
    const same = (s: { date: string; kind: LineageKind }) => s.date === step.date && s.kind === step.kind;
    const before = step.kind === 'merger' ? lineage.predecessorsOf(step.to).filter(same).map((s) => s.from) : [step.from];
    const after = step.kind === 'split' ? lineage.successorsOf(step.from).filter(same).map((s) => s.to) : [step.to];
    const key = `${step.date} ${step.kind} ${before.join(',')} ${after.join(',')}`;
    if (!changes.has(key)) changes.set(key, { date: step.date, kind: step.kind, before, after, sentence: sentence(step.kind, step.date, before.map(mention), after.map(mention)), mentions: { before: before.map(mention), after: after.map(mention) } });
  }
  const ancestors = lineage.ancestorsOf(slug).flatMap((s) => bySlug.get(s) ?? []);
  const inHistory = new Set([slug, ...ancestors.map((s) => s.slug)]);
  return {
    changes: [...changes.values()].sort((a, b) => a.date.localeCompare(b.date)),
    ancestors,
    history: inspections.filter((i) => inHistory.has(i.service.slug)),
  };
}

/** "A, B and C" with the services as mentions. */
function listed(services: readonly ServiceMention[]): LineagePart[] {
  return services.flatMap((service, i) => [...(i === 0 ? [] : [i === services.length - 1 ? ' and ' : ', ']), service]);
}

function sentence(kind: LineageKind, date: string, before: ServiceMention[], after: ServiceMention[]): LineagePart[] {
  const on = `on ${formatDate(date)}`;
  switch (kind) {
    case 'merger':
      return [...listed(before), ` merged ${on} to form `, ...listed(after), '.'];
    case 'split':
      return [...listed(before), ` split ${on} into `, ...listed(after), '.'];
    case 'rename':
      return [...listed(before), ` was renamed `, ...listed(after), ` ${on}.`];
  }
}

/** The sentence as plain text, for descriptions and tests. */
export const sentenceText = (parts: readonly LineagePart[]): string => parts.map((p) => (typeof p === 'string' ? p : p.name)).join('');

/**
 * The sentence as HTML in the messages' language, each service with a page a link:
 * "<a>Western Bay …</a> split on 1 April 2019 into <a>Bridgend …</a> and <a>Swansea …</a>."
 */
export function sentenceHtml(change: LineageChange, m: Messages, link: (mention: ServiceMention) => string): string {
  const list = (mentions: readonly ServiceMention[]) => () => joinAnd(m, mentions.map(link));
  // One message per kind of change: Messages.html passes string values as markup, so a select on one would not match.
  return m.html(CHANGE_MESSAGES[change.kind], { date: m.date(change.date) }, { before: list(change.mentions.before), after: list(change.mentions.after) });
}

const CHANGE_MESSAGES: Record<LineageKind, string> = { merger: messageKey('site.lineage.merger'), split: messageKey('site.lineage.split'), rename: messageKey('site.lineage.rename') };

/** "A, B and C" from pieces of HTML, with the messages' "and". */
function joinAnd(m: Messages, names: readonly string[]): string {
  const and = m.t('site.list.and');
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')}${and}${names.at(-1)}`;
}
