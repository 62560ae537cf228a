/**
 * The kind of an inspection, worked out from its facts: joint when it names partner
 * inspectorates, a reinspection when it names the inspection it follows up. The facts are
 * independent, so an inspection can be both ("joint reinspection"); inspectors write only the facts.
 */
import type { InspectionSource } from './schemas/inspection.ts';

type KindFacts = Pick<InspectionSource, 'partners' | 'reinspectionOf'>;

/** Ids as they appear in open data and filter addresses; "joint" as before the facts were separate. */
export type InspectionKind = 'inspection' | 'reinspection' | 'joint' | 'joint-reinspection';

/** Labels in the order filters list them. */
export const KIND_LABELS: Record<InspectionKind, string> = {
  inspection: 'Inspection',
  reinspection: 'Reinspection',
  joint: 'Joint inspection',
  'joint-reinspection': 'Joint reinspection',
};

export const isJoint = (facts: KindFacts): boolean => facts.partners.length > 0;
export const isReinspection = (facts: KindFacts): boolean => Boolean(facts.reinspectionOf);

export function kindOf(facts: KindFacts): InspectionKind {
  if (isJoint(facts)) return isReinspection(facts) ? 'joint-reinspection' : 'joint';
  return isReinspection(facts) ? 'reinspection' : 'inspection';
}

/** "Joint reinspection". */
export const kindLabel = (facts: KindFacts): string => KIND_LABELS[kindOf(facts)];

/** "joint reinspection": for use inside a sentence. */
export const kindPhrase = (facts: KindFacts): string => kindLabel(facts).toLowerCase();

/** What a list of services adds after a name: "joint reinspection"; nothing for a plain inspection. */
export function kindNote(facts: KindFacts): string | undefined {
  const kind = kindOf(facts);
  return kind === 'inspection' ? undefined : KIND_LABELS[kind].toLowerCase();
}

/** "A joint reinspection of …". */
export function kindWithArticle(facts: KindFacts): string {
  const label = kindPhrase(facts);
  return `${/^[aeiou]/.test(label) ? 'An' : 'A'} ${label}`;
}
