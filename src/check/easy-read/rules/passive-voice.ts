/** 3. Passive voice: retext-passive (irregular verbs: "were given"), and regular verbs ("were checked"). */
import type { Finding, WordAt } from '../read-text.ts';
import { quote, type SentenceRule } from '../rule.ts';

export const passiveVoice: SentenceRule = {
  id: 'passive-voice',
  check({ words, text, findings, locate }, report) {
    for (const passive of passiveVerbs(words, text, findings)) {
      report(locate(passive.start), `${quote(passive.phrase)} may be passive: the sentence may not say who did it`, 'say who does what, such as "Workers checked the plans" rather than "The plans were checked"');
    }
  },
};

const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Words that may stand between "were" and the verb: "were not checked", "were always checked". */
const BETWEEN = new Set(['not', 'never', 'always', 'often', 'also', 'all', 'usually', 'sometimes', 'only', 'still', 'then', 'now']);
/** Words in -ed that are mostly describing words after "be" ("were worried"), not passive verbs. */
const ED_ADJECTIVES = new Set([
  'tired', 'worried', 'interested', 'pleased', 'scared', 'excited', 'bored', 'surprised', 'annoyed', 'confused', 'frightened',
  'concerned', 'based', 'involved', 'qualified', 'skilled', 'experienced', 'motivated', 'committed', 'dedicated', 'focused',
  'determined', 'relaxed', 'ashamed', 'embarrassed', 'disappointed', 'satisfied', 'shocked', 'married', 'supposed', 'used',
]);

/**
 * Verbs that may be passive. retext-passive knows about 200 irregular verbs right after a form of
 * "be" ("were given"); regular ones ("were checked", "were not checked") are found here the same
 * simple way: a form of "be", perhaps "not" or "always", then a word ending in -ed.
 */
function passiveVerbs(words: readonly WordAt[], text: string, findings: readonly Finding[]): { start: number; phrase: string }[] {
  const found = new Map<number, { start: number; phrase: string }>();
  for (const finding of findings) {
    if (finding.source !== 'retext-passive') continue;
    const verb = /(\p{L}+)\s+$/u.exec(text.slice(0, finding.offset));
    found.set(finding.offset, { start: verb ? verb.index : finding.offset, phrase: verb ? `${verb[1]} ${finding.actual}` : finding.actual });
  }
  const adjacent = (a: WordAt, b: WordAt) => /^\s+$/.test(text.slice(a.end, b.start));
  words.forEach((be, index) => {
    if (!BE.has(be.text.toLowerCase())) return;
    let next = words[index + 1];
    if (!next || !adjacent(be, next)) return;
    if (BETWEEN.has(next.text.toLowerCase())) {
      const after = words[index + 2];
      if (!after || !adjacent(next, after)) return;
      next = after;
    }
    const lower = next.text.toLowerCase();
    if (found.has(next.start) || lower.length <= 4 || !lower.endsWith('ed') || ED_ADJECTIVES.has(lower)) return;
    found.set(next.start, { start: be.start, phrase: text.slice(be.start, next.end) });
  });
  return [...found.values()].sort((a, b) => a.start - b.start);
}
