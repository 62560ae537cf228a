/**
 * Lists of inspections as pages show them: the filters of the inspections list (overall rating,
 * nation, year of publication, kind), scores with their maximum.
 * Pure functions of the site model, shared by the pages, the feed and the tests.
 */
import { KIND_LABELS, kindOf, kindPhrase } from '../model/inspection-kind.ts';
import { hasComposite, type Inspection } from '../model/project.ts';
import { NOT_RATED, ratingRank } from '../model/rating.ts';
import { ratingInline } from '../document/report-tables.ts';

export type FacetId = 'rating' | 'nation' | 'year' | 'kind';

/** A kind's inspections, as a filter page's title names them. */
const KIND_PLURALS: Record<string, string> = { inspection: 'Standard inspections', reinspection: 'Reinspections', joint: 'Joint inspections', 'joint-reinspection': 'Joint reinspections' };

/**
 * The filters of the inspections list, in the order they are offered: `label` names the filter in the
 * filter panel, `title` names one value's page in English ("Inspections rated Good"), for its
 * <title>, h1 and breadcrumb alike.
 */
export const FACETS: readonly { id: FacetId; label: string; title: (value: FacetValue) => string }[] = [
  { id: 'rating', label: 'Overall rating', title: ({ value, label }) => (value === NOT_RATED ? 'Inspections without an overall rating' : `Inspections rated ${label}`) },
  { id: 'nation', label: 'Nation', title: ({ label }) => `Inspections in ${label}` },
  { id: 'year', label: 'Year published', title: ({ label }) => `Inspections published in ${label}` },
  { id: 'kind', label: 'Kind of inspection', title: ({ value, label }) => KIND_PLURALS[value] ?? `${label} inspections` },
];

export { KIND_LABELS, kindLabel } from '../model/inspection-kind.ts';
const KIND_ORDER = Object.keys(KIND_LABELS);

export interface FacetValue {
  /** As it appears in the filter page's address, such as "requires-improvement" or "2024". */
  value: string;
  label: string;
}

/** An inspection's value for a filter. */
export function facetOf(inspection: Inspection, facet: FacetId): FacetValue {
  switch (facet) {
    case 'rating': {
      const rating = inspection.rating.overall.rating;
      return { value: rating, label: ratingInline(inspection, rating, false).label };
    }
    case 'nation':
      return { value: inspection.service.nation.toLowerCase(), label: inspection.service.nation };
    case 'year':
      return { value: inspection.source.published.slice(0, 4), label: inspection.source.published.slice(0, 4) };
    case 'kind':
      return { value: kindOf(inspection.source), label: KIND_LABELS[kindOf(inspection.source)] };
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
export function facetValues(inspections: readonly Inspection[], facet: FacetId): (FacetValue & { count: number })[] {
  const values = new Map<string, FacetValue & { count: number; order: number }>();
  for (const inspection of inspections) {
    const { value, label } = facetOf(inspection, facet);
    const entry = values.get(value) ?? { value, label, count: 0, order: orderOf(inspection, facet) };
    entry.count += 1;
    values.set(value, entry);
  }
  return [...values.values()]
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ value, label, count }) => ({ value, label, count }));
}

/** The title of a filter's page for one of its values, such as "Inspections in Wales"; undefined for a value no inspection has. */
export function facetTitle(inspections: readonly Inspection[], facet: FacetId, value: string): string | undefined {
  const found = facetValues(inspections, facet).find((v) => v.value === value);
  return found && FACETS.find((f) => f.id === facet)!.title(found);
}

export function withFacet(inspections: readonly Inspection[], facet: FacetId, value: string): Inspection[] {
  return inspections.filter((inspection) => facetOf(inspection, facet).value === value);
}

/** "24 out of 36", or a dash when nothing counting towards the score was rated. */
export function scoreText(inspection: Inspection): string {
  const { overall, composite } = inspection.rating;
  // A historic record whose source does not give the score: said, never shown as 0.
  if (!hasComposite(inspection)) return SCORE_NOT_PUBLISHED;
  return overall.rating === NOT_RATED ? '–' : `${composite.score} out of ${composite.maximum}`;
}

export const SCORE_NOT_PUBLISHED = 'Not published';

/** "Northmoor Youth Justice Service, 2024 reinspection". */
export function inspectionName(inspection: Inspection): string {
  return `${inspection.service.name}, ${inspection.source.fieldwork.start.slice(0, 4)} ${kindPhrase(inspection.source)}`;
}
