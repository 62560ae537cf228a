/**
 * What every easy-read language rule shares: the sentences it is given, the signature a rule has
 * (SentenceRule), and small helpers for what the rules say.
 */
import type { PhrasingContent } from 'mdast';
import type { Severity } from '../diagnostics.ts';
import type { Position } from '../../model/position.ts';
import type { Lang } from '../../model/language.ts';
import type { EasyReadCheckSettings, EasyReadRuleId } from '../../model/schemas/easy-read-checks.ts';
import type { Finding, ReadSentence, WordAt } from './read-text.ts';

export interface SentenceToCheck {
  text: string;
  inlines?: PhrasingContent[];
  file: string;
  at: { line: number; column: number };
}

export interface RowToCheck {
  file: string;
  at: { line: number; column: number };
  sentences: SentenceToCheck[];
}

/** A stretch of a sentence's text, as offsets. */
export interface Range {
  start: number;
  end: number;
}

export const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

export const quote = (text: string) => `"${text}"`;

/** The line and column in the file of an offset in a sentence's plain text. */
export type Locate = (offset: number) => Position;

/** What the rules read about the whole document: its settings and its glossary. */
export interface DocumentContext {
  settings: EasyReadCheckSettings;
  /** The language the text is in: rules that know words use that language's (rule-languages.ts says which rules run). */
  lang: Lang;
  /** Terms and aliases of the glossary: capitals explained there are no problem. */
  glossaryWords: ReadonlySet<string>;
  /** Capitals the settings allow (acronym.allow). */
  allowedCapitals: ReadonlySet<string>;
  /** retext-simplify rule ids the settings ignore (hard-word.ignore). */
  hardWordIgnored: ReadonlySet<string>;
}

/** One line of the document as the sentence rules see it. */
export interface SentenceInContext {
  /** The sentence as written: its text, inlines, file and position. */
  written: SentenceToCheck;
  text: string;
  /** The sentences retext found on the line (easy read has one) and all their words. */
  sentences: readonly ReadSentence[];
  words: readonly WordAt[];
  /** What retext-passive, retext-simplify and retext-readability found in it. */
  findings: readonly Finding[];
  /** The line and column in the file of an offset in the text. */
  locate: Locate;
  /** Glossary terms in the text: explained, so never hard words. */
  glossaryRanges: readonly Range[];
  /** Stretches an earlier rule has reported, which hard-word leaves alone (so the rules' order matters). */
  claimed: Range[];
  document: DocumentContext;
}

/** Reports one problem under the rule's id and at its severity; `level` asks for a lower one ("warning" for a long but not too long sentence). */
export type Report = (at: Position, message: string, hint: string, level?: Severity) => void;

/** One easy-read language rule (design/EASY-READ.md), named by its id in the check settings; only run when it is on. */
export interface SentenceRule {
  id: EasyReadRuleId;
  check(sentence: SentenceInContext, report: Report): void;
}
