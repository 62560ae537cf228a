/** 6. Figures of speech and foreign words, with a plain way to say them. */
import { quote, type SentenceRule } from '../rule.ts';

interface Figure {
  pattern: string;
  plain: string;
  foreign?: true;
}

/** Figures of speech and foreign words common in reports, with a plain way to say them. */
const FIGURES: Figure[] = [
  { pattern: 'on track', plain: '"going as planned"' },
  { pattern: 'off track', plain: '"not going as planned"' },
  { pattern: 'step(?:s|ped|ping)? up', plain: '"do more"' },
  { pattern: '(?:going|moving) forward', plain: '"from now on"' },
  { pattern: 'hit(?:s|ting)? the ground running', plain: '"started well straight away"' },
  { pattern: 'rais(?:e|es|ed|ing) the bar', plain: '"expect more"' },
  { pattern: 'across the board', plain: '"everywhere" or "for everyone"' },
  { pattern: 'on the same page', plain: '"agree"' },
  { pattern: 'in a nutshell', plain: '"in short"' },
  { pattern: 'at the end of the day', plain: 'nothing: leave it out' },
  { pattern: 'the bigger picture', plain: 'what you mean, such as "everything together"' },
  { pattern: 'low hanging fruit', plain: '"easy changes"' },
  { pattern: 'touch(?:es|ed|ing)? base', plain: '"talk" or "meet"' },
  { pattern: 'think(?:s|ing)? outside the box', plain: '"think of new ideas"' },
  { pattern: 'work(?:s|ed|ing)? in silos', plain: '"work apart"' },
  { pattern: 'per se', plain: '"on its own"', foreign: true },
  { pattern: 'ad hoc', plain: '"when needed"', foreign: true },
  { pattern: 'via', plain: '"through" or "by"', foreign: true },
  { pattern: 'bona fide', plain: '"real"', foreign: true },
  { pattern: 'de facto', plain: '"in practice"', foreign: true },
  { pattern: 'status quo', plain: '"how things are now"', foreign: true },
  { pattern: 'inter alia', plain: '"among other things"', foreign: true },
  { pattern: 'vice versa', plain: '"the other way round"', foreign: true },
  { pattern: 'pro rata', plain: '"in proportion"', foreign: true },
  { pattern: 'vis [aà] vis', plain: '"about" or "compared with"', foreign: true },
  { pattern: 'a priori', plain: '"from the start"', foreign: true },
];
const FIGURE_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${FIGURES.map((f) => `(${f.pattern.replace(/ /g, '[\\s-]+')})`).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

export const figurative: SentenceRule = {
  id: 'figurative',
  check({ text, locate, claimed }, report) {
    for (const match of text.matchAll(FIGURE_PATTERN)) {
      const figure = FIGURES[match.slice(1).findIndex((group) => group !== undefined)]!;
      claimed.push({ start: match.index, end: match.index + match[0].length });
      report(
        locate(match.index),
        figure.foreign ? `${quote(match[0])} is a foreign phrase: many readers will not know it` : `${quote(match[0])} is a figure of speech: some readers take it word for word`,
        `say plainly what you mean, such as ${figure.plain}`,
      );
    }
  },
};
