/**
 * Recommendations are addressed to a named body of one service ("Dudley YOS Management Board",
 * "Head of Northmoor Youth Justice Service"). Counted across services, names are grouped into kinds
 * by the words they contain. The first rule that matches wins, so "Chair of the YOS Management
 * Board" is a management board, not a manager. The rules are data: the annual report prints them,
 * so readers can see how each name was grouped.
 */

export interface AddresseeKind {
  id: string;
  /** Plural, as a table row or chart label: "Management boards". */
  label: string;
  /** The words that put an addressee in this kind, matched case-insensitively as whole words. */
  words: readonly string[];
}

export const ADDRESSEE_KINDS: readonly AddresseeKind[] = [
  { id: 'management-board', label: 'Management boards', words: ['Management Board', 'Partnership Board', 'Executive Board'] },
  { id: 'service-leader', label: 'Heads and managers of services', words: ['Head of', 'Manager', 'Director', 'Service Lead'] },
  { id: 'police', label: 'Police', words: ['police', 'constabulary', 'Police and Crime Commissioner'] },
  { id: 'local-authority', label: 'Local authorities', words: ['council', 'local authority', 'chief executive'] },
  { id: 'health', label: 'Health services', words: ['NHS', 'health', 'integrated care board', 'clinical commissioning group'] },
  { id: 'national', label: 'National bodies', words: ['Youth Justice Board', 'Ministry of Justice', 'Home Office', 'Department for Education', 'Welsh Government'] },
];

/** Where no rule matches. */
export const OTHER_ADDRESSEES: AddresseeKind = { id: 'other', label: 'Other bodies', words: [] };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function addresseeKind(addressee: string): AddresseeKind {
  return ADDRESSEE_KINDS.find((kind) => kind.words.some((words) => new RegExp(`\\b${escape(words)}\\b`, 'i').test(addressee))) ?? OTHER_ADDRESSEES;
}

/** Counts per addressee (as `recommendationCounts` gives them) added up per kind, in the order of the rules. */
export function countsByKind(rows: readonly { key: string; count: number; previous: number }[]): { kind: AddresseeKind; count: number; previous: number; addressees: string[] }[] {
  const kinds = [...ADDRESSEE_KINDS, OTHER_ADDRESSEES].map((kind) => ({ kind, count: 0, previous: 0, addressees: [] as string[] }));
  for (const row of rows) {
    const entry = kinds.find((k) => k.kind.id === addresseeKind(row.key).id)!;
    entry.count += row.count;
    entry.previous += row.previous;
    entry.addressees.push(row.key);
  }
  return kinds.filter((k) => k.count > 0 || k.previous > 0);
}
