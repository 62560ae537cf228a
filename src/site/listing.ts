/**
 * Lists of inspections as pages show them: the filters of the inspections list (overall rating,
 * nation, year of publication, kind), scores with their maximum.
 * Pure functions of the site model, shared by the pages, the feed and the tests.
 */
import { KIND_LABELS, KIND_MESSAGES, kindOf } from '../model/inspection-kind.ts';
import { messageKey, type Messages } from '../model/messages.ts';
import { hasComposite, type Inspection } from '../model/project.ts';
import { NOT_RATED, ratingRank } from '../model/rating.ts';
import { ratingInline } from '../document/report-tables.ts';

export type FacetId = 'rating' | 'nation' | 'year' | 'kind';

/**
 * The filters of the inspections list, in the order they are offered: `label` is the message that
 * names the filter in the filter panel, `title` the message that names one value's page ("Inspections
 * rated Good"), for its <title>, h1 and breadcrumb alike, given the value's `label` and `value`.
 */
export const FACETS: readonly { id: FacetId; label: string; title: string }[] = [
  { id: 'rating', label: messageKey('site.facets.rating.label'), title: messageKey('site.facets.rating.title') },
  { id: 'nation', label: messageKey('site.facets.nation.label'), title: messageKey('site.facets.nation.title') },
  { id: 'year', label: messageKey('site.facets.year.label'), title: messageKey('site.facets.year.title') },
  { id: 'kind', label: messageKey('site.facets.kind.label'), title: messageKey('site.facets.kind.title') },
];

/** Each nation's name, as the site's messages give it (each kind's words: KIND_MESSAGES). */
const NATION_MESSAGES: Record<string, string> = { England: messageKey('site.nations.england'), Wales: messageKey('site.nations.wales') };

/** "Joint reinspection", in the messages' language. */
export const kindLabelIn = (m: Messages, source: Inspection['source']): string => m.t(KIND_MESSAGES[kindOf(source)]);
/** "Wales" / "Cymru". */
export const nationIn = (m: Messages, nation: string): string => (NATION_MESSAGES[nation] ? m.t(NATION_MESSAGES[nation]) : nation);

export { KIND_LABELS, kindLabel } from '../model/inspection-kind.ts';
const KIND_ORDER = Object.keys(KIND_LABELS);

export interface FacetValue {
  /** As it appears in the filter page's address, such as "requires-improvement" or "2024". */
  value: string;
  label: string;
}

/** An inspection's value for a filter: its label in the messages' language, or as the content has it without them. */
export function facetOf(inspection: Inspection, facet: FacetId, m?: Messages): FacetValue {
  switch (facet) {
    case 'rating': {
      const rating = inspection.rating.overall.rating;
      return { value: rating, label: ratingInline(inspection, rating, false).label };
    }
    case 'nation':
      return { value: inspection.service.nation.toLowerCase(), label: m ? nationIn(m, inspection.service.nation) : inspection.service.nation };
    case 'year':
      return { value: inspection.source.published.slice(0, 4), label: inspection.source.published.slice(0, 4) };
    case 'kind':
      return { value: kindOf(inspection.source), label: m ? kindLabelIn(m, inspection.source) : KIND_LABELS[kindOf(inspection.source)] };
  }
}

/** Sort key of a value within its filter: best rating first, newest year first, kinds in their usual order. */
function orderOf(inspection: Inspection, facet: FacetId): number {
  switch (facet) {
    case 'rating': {
      const rating = inspection.rating.overall.rating;
      return rating === NOT_RATED ? 1 : -ratingRank(inspection.framework, rating);
    }
    case 'year':
      return -Number(inspection.source.published.slice(0, 4));
    case 'kind':
      return KIND_ORDER.indexOf(kindOf(inspection.source));
    case 'nation':
      return 0;
  }
}

/** Every value a filter takes among the inspections, with how many inspections have it. */
export function facetValues(inspections: readonly Inspection[], facet: FacetId, m?: Messages): (FacetValue & { count: number })[] {
  const values = new Map<string, FacetValue & { count: number; order: number }>();
  for (const inspection of inspections) {
    const { value, label } = facetOf(inspection, facet, m);
    const entry = values.get(value) ?? { value, label, count: 0, order: orderOf(inspection, facet) };
    entry.count += 1;
    values.set(value, entry);
  }
  return [...values.values()]
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ value, label, count }) => ({ value, label, count }));
}

/** The title of a filter's page for one of its values, such as "Inspections in Wales"; undefined for a value no inspection has. */
export function facetTitle(inspections: readonly Inspection[], facet: FacetId, value: string, m: Messages): string | undefined {
  const found = facetValues(inspections, facet, m).find((v) => v.value === value);
  // ICU selections take no hyphens: "not_rated", "joint_reinspection".
  return found && m.t(FACETS.find((f) => f.id === facet)!.title, { value: found.value.replace(/-/g, '_'), label: found.label });
}

export function withFacet(inspections: readonly Inspection[], facet: FacetId, value: string): Inspection[] {
  return inspections.filter((inspection) => facetOf(inspection, facet).value === value);
}

/** "24 out of 36", or a dash when nothing counting towards the score was rated, in the messages' language. */
export function scoreText(inspection: Inspection, m: Messages): string {
  const { overall, composite } = inspection.rating;
  // A historic record whose source does not give the score: said, never shown as 0.
  if (!hasComposite(inspection)) return m.t('site.score-not-published');
  if (overall.rating === NOT_RATED) return '–';
  return m.t('site.score', { score: composite.score, maximum: composite.maximum });
}
