/** 5. Hard words retext-simplify knows a simpler word for, unless another rule has already spoken of them. */
import { overlaps, quote, type SentenceRule } from '../rule.ts';
import { expandContractions } from './contraction.ts';

export const hardWord: SentenceRule = {
  id: 'hard-word',
  check({ findings, locate, claimed, document }, report) {
    for (const message of findings) {
      if (message.source !== 'retext-simplify') continue;
      const { offset, actual } = message;
      const range = { start: offset, end: offset + actual.length };
      if (document.hardWordIgnored.has(message.ruleId) || claimed.some((other) => overlaps(other, range))) continue;
      const expected = message.expected.map((e) => quote(expandContractions(e)));
      const omit = /remove it/.test(message.reason);
      const alternatives = expected.length > 0 ? `use ${expected.join(' or ')}` : '';
      report(
        locate(offset),
        `${quote(actual)} is a hard word${expected.length > 0 ? ' with a simpler one' : ''}`,
        omit ? `leave it out${alternatives ? `, or ${alternatives}` : ''}` : alternatives ? `${alternatives} instead, or explain it in the next sentence` : 'explain it in the next sentence',
      );
    }
  },
};
