/**
 * The public data of an inspection, as published in /data/inspections.json: computed ratings and
 * key-question figures only. No case-level record ever leaves the model.
 */
import { KIND_MESSAGES, kindOf, partnersNotNamed } from './inspection-kind.ts';
import type { Messages } from './messages.ts';
import { hasComposite, type Inspection } from './project.ts';
import { ratingLabel } from './rating.ts';

/** `m`: the messages of the language the data's words (kindLabel) are written in. */
export function publishedInspection(inspection: Inspection, m: Messages) {
  const { source, service, framework, rating } = inspection;
  return {
    slug: inspection.slug,
    service: { slug: service.slug, name: service.name, shortName: service.shortName, nation: service.nation, region: service.region, fictional: service.fictional },
    framework: framework.id,
    /** inspection, reinspection, joint or joint-reinspection: worked out from reinspectionOf and partners. */
    kind: kindOf(source),
    kindLabel: m.t(KIND_MESSAGES[kindOf(source)]),
    /** "historic": published before this site, with its published ratings only (no key-question figures). */
    record: inspection.historic ? ('historic' as const) : ('full' as const),
    original: inspection.historic?.original ?? null,
    reinspectionOf: source.reinspectionOf ?? null,
    /** Null for a joint inspection whose source does not name the partners (a historic record). */
    partners: partnersNotNamed(source) ? null : source.partners,
    fieldwork: inspection.historic?.fieldworkRecorded === false ? null : source.fieldwork,
    published: source.published,
    sampleSize: inspection.historic ? null : rating.sampleSize,
    composite: { score: hasComposite(inspection) ? rating.composite.score : null, maximum: rating.composite.maximum, fullMaximum: rating.composite.fullMaximum },
    overall: {
      rating: rating.overall.rating,
      label: ratingLabel(framework, rating.overall.rating),
      limitedBy: rating.overall.limitedBy?.standard ?? null,
    },
    standards: rating.standards.map((standard) => ({
      id: standard.id,
      name: standard.name,
      method: standard.method,
      awarded: standard.awarded,
      awardedLabel: ratingLabel(framework, standard.awarded),
      computed: standard.computed,
      professionalJudgement: standard.professionalJudgement,
      judgementRationale: standard.judgementRationale,
      countsTowardsComposite: standard.countsTowardsComposite,
      sampleSize: standard.sampleSize,
      keyQuestions:
        standard.method === 'case-sample' && !inspection.historic
          ? standard.keyQuestions.map((q) => ({ id: q.id, yes: q.yes, relevant: q.relevant, percent: q.percent?.shown ?? null }))
          : [],
    })),
  };
}

export type PublishedInspection = ReturnType<typeof publishedInspection>;
