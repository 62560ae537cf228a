/**
 * The kind of an inspection, worked out from its facts: joint when it names partner
 * inspectorates (or, in a historic record whose source does not name them, says "joint: true"), a reinspection when it names the inspection it follows up. The facts are
 * independent, so an inspection can be both ("joint reinspection"); inspectors write only the facts.
 */
import type { InspectionSource } from './schemas/inspection.ts';
import { messageKey } from './messages.ts';

type KindFacts = Pick<InspectionSource, 'partners' | 'reinspectionOf'> & Partial<Pick<InspectionSource, 'joint'>>;

/** Ids as they appear in open data and filter addresses; "joint" as before the facts were separate. */
export type InspectionKind = 'inspection' | 'reinspection' | 'joint' | 'joint-reinspection';

/** Labels in the order filters list them. */
export const KIND_LABELS: Record<InspectionKind, string> = {
  inspection: 'Inspection',
  reinspection: 'Reinspection',
  joint: 'Joint inspection',
  'joint-reinspection': 'Joint reinspection',
};

/** Each kind in words, as the messages give them (templates/messages/<lang>/site.yaml): "Joint reinspection", "Ailarolygiad ar y cyd". */
export const KIND_MESSAGES: Record<InspectionKind, string> = {
  inspection: messageKey('site.kinds.inspection'),
  reinspection: messageKey('site.kinds.reinspection'),
  joint: messageKey('site.kinds.joint'),
  'joint-reinspection': messageKey('site.kinds.joint-reinspection'),
};

export const isJoint = (facts: KindFacts): boolean => facts.partners.length > 0 || facts.joint === true;

/** A joint inspection whose source does not name the partner inspectorates (a historic record). */
export const partnersNotNamed = (facts: KindFacts): boolean => facts.joint === true && facts.partners.length === 0;

/** Where partners are listed: their names, or that the source does not name them. */
export const PARTNERS_NOT_NAMED = 'The source does not name the partner inspectorates.';
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
