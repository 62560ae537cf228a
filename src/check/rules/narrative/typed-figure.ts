/**
 * typed-figure: a percentage, an "N of M" or "N out of M", or a number of cases typed in the
 * narrative that is one of the figures the inspection's data computes. Typed, it goes stale when the
 * data is corrected; written as <Percent />, <Count />, <Composite /> or <Sample /> it is always the
 * data's. A warning, at the figure itself, naming the component to write instead. In a thematic
 * report's narrative the figures are those of thematic.yaml: the cases read (<CasesRead />) and the
 * number of areas visited (<AreasVisited />).
 *
 * A percentage in a case-sample standard's section that the data does not give is reported too, as
 * most likely stale. Figures are not reported in a sentence about staff, a
 * survey or national figures ("100% of staff", "40% of children nationally"), which the case sample
 * does not compute; quotations (someone's own words) and headings (drawn as plain text, where a
 * component cannot go) are left alone.
 */
import type { Nodes, Text } from 'mdast';
import { dataFigures, thematicFigures, type DataFigure, type FigureKind } from '../../../document/figure-references.ts';
import { positionsIn, type NarrativeRule } from './narrative.ts';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const WORD = NUMBER_WORDS.join('|');

interface Pattern {
  /** The kinds of figure its numbers are compared with. */
  kinds: FigureKind[];
  regex: RegExp;
  /** The numbers it typed, in the order DataFigure.numbers has them. */
  numbers(match: RegExpMatchArray): number[];
  /** For a number of cases: the case type it names, which must be the figure's. */
  caseType?(match: RegExpMatchArray): string | undefined;
}

const toNumber = (written: string) => (/^\d/.test(written) ? Number(written) : NUMBER_WORDS.indexOf(written.toLowerCase()));

const PATTERNS: Pattern[] = [
  // 88%, 88 %, 88 per cent, 88 percent
  { kinds: ['percent'], regex: /(?<![\d.,])(\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent\b)/gi, numbers: (m) => [Number(m[1])] },
  // 22 of 25, 22 out of 25, nine of the 12, 15 out of 36
  {
    kinds: ['count', 'composite'],
    regex: new RegExp(`(?<![\\w.,/])(\\d+|${WORD})\\s+(?:out\\s+)?of\\s+(?:the\\s+|these\\s+|those\\s+|our\\s+|its\\s+)?(\\d+)(?![.,]?\\d)`, 'gi'),
    numbers: (m) => [toNumber(m[1]!), Number(m[2])],
  },
  // 22/25, 15/36
  { kinds: ['count', 'composite'], regex: /(?<![\d./])(\d+)\s?\/\s?(\d+)(?![\d/])/g, numbers: (m) => [Number(m[1]), Number(m[2])] },
  // 38 cases, 24 court cases, 14 out-of-court cases
  {
    kinds: ['sample'],
    regex: /(?<![\d.,])(\d+)\s+(?:(court|out-of-court)\s+)?(?:cases|case\s+files)\b/gi,
    numbers: (m) => [Number(m[1])],
    caseType: (m) => m[2]?.toLowerCase(),
  },
  // six areas, 6 areas, 6 local areas (a thematic report's areas visited)
  { kinds: ['areas'], regex: new RegExp(`(?<![\\w.,])(\\d+|${WORD})\\s+(?:local\\s+)?areas\\b`, 'gi'), numbers: (m) => [toNumber(m[1]!)] },
];

/** Words that say a sentence's figures are about something other than the case sample: "100% of staff", "a survey". */
const NOT_THE_CASES = /\b(?:staff|surveys?|surveyed|respondents?|replied|practitioners|nationally|national)\b/i;

/** The sentence around a place in a run of text, roughly: from the last full stop before it to the next after. */
function sentenceAround(source: string, index: number, length: number): string {
  const before = source.slice(0, index).search(/[.!?;][^.!?;]*$/);
  const after = source.slice(index + length).search(/[.!?;]/);
  return source.slice(before < 0 ? 0 : before, after < 0 ? undefined : index + length + after);
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

export const typedFigure: NarrativeRule = {
  name: 'typed-figure',
  severity: 'warning',
  check({ tree, text, inspection, thematic, kind }, report) {
    // An inspection's figures come from its case data; a thematic report's from thematic.yaml (cases read, areas visited).
    const figures = kind === 'inspection' && inspection ? dataFigures(inspection.rating) : kind === 'thematic' && thematic ? thematicFigures(thematic.source) : [];
    if (figures.length === 0) return;
    const positionAt = positionsIn(text);
    for (const { node, standard } of textRuns(tree)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      const source = text.slice(start, end);
      // Each part of the text is one figure at most: the 24 of "21 of 24 cases" is not also a number of cases.
      const taken: [number, number][] = [];
      for (const pattern of PATTERNS) {
        for (const match of source.matchAll(pattern.regex)) {
          const from = match.index!;
          const to = from + match[0].length;
          if (taken.some(([a, b]) => from < b && a < to)) continue;
          const typed = pattern.numbers(match);
          const caseType = pattern.caseType?.(match);
          const matching = figures.filter(
            (f) => pattern.kinds.includes(f.kind) && same(f.numbers, typed) && (!pattern.caseType || (caseType ? f.tag.includes(`"${caseType}"`) : true)),
          );
          if (NOT_THE_CASES.test(sentenceAround(source, from, match[0].length))) continue;
          if (matching.length === 0) {
            // A percentage in a case-sample standard's section that the data does not give: most likely
            // a figure typed from an earlier draft of the data, now wrong.
            const ofStandard = pattern.kinds.includes('percent') && standard ? figures.filter((f) => f.kind === 'percent' && f.question?.startsWith(`${standard}.`)) : [];
            if (ofStandard.length === 0) continue;
            taken.push([from, to]);
            report(
              positionAt(start + from),
              `"${match[0]}" is not a figure the data computes for standard ${standard} (${ofStandard.map((f) => `${f.question}: ${f.text}`).join(', ')})`,
              `if it is about the cases, write the key question's figure instead, such as ${ofStandard[0]!.tag}, so it is always the data's; if it is about something else, say what in the sentence`,
            );
            continue;
          }
          taken.push([from, to]);
          const chosen = preferred(matching, standard, caseType);
          // A number of cases: the number is the figure; the words after it stay.
          const written = (pattern.caseType ? match[1]! : match[0]).replace(/\s+/g, ' ');
          report(
            positionAt(start + match.index!),
            `"${written}" is a figure the data computes (${describe(chosen)})`,
            `write ${chosen.map((f) => f.tag).join(' or ')}${chosen.length > 1 ? ', whichever the sentence is about,' : ''} in place of "${written}", so it stays right when the data changes`,
          );
        }
      }
    }
  },
};

/**
 * Of several figures with the same numbers, those the sentence is most likely about: a key question
 * of the standard whose section the text is in; for a number of cases with no type, the whole sample.
 */
function preferred(matching: DataFigure[], standard: string | undefined, caseType: string | undefined): DataFigure[] {
  const inSection = standard ? matching.filter((f) => f.question?.startsWith(`${standard}.`)) : [];
  if (inSection.length > 0) return inSection;
  if (matching.every((f) => f.kind === 'sample') && caseType === undefined) {
    const whole = matching.filter((f) => f.tag === '<Sample />');
    if (whole.length > 0) return whole;
  }
  return matching.slice(0, 3);
}

function describe(figures: DataFigure[]): string {
  const text = figures[0]!.text;
  const questions = figures.flatMap((f) => (f.question ? [f.question] : []));
  if (questions.length !== figures.length) return `${figures.map((f) => f.what).join('; ')}: ${text}`;
  const list = questions.length === 1 ? questions[0] : `${questions.slice(0, -1).join(', ')} and ${questions.at(-1)}`;
  const about = figures[0]!.kind === 'count' ? `cases judged sufficient on key question${questions.length > 1 ? 's' : ''}` : `key question${questions.length > 1 ? 's' : ''}`;
  return `${about} ${list}: ${text}${questions.length > 1 ? ' each' : ''}`;
}

/** The text of the narrative outside headings, quotations and code, each with the standard whose section it is in ("2.1"). */
function textRuns(tree: Nodes): { node: Text; standard: string | undefined }[] {
  const runs: { node: Text; standard: string | undefined }[] = [];
  let standard: string | undefined;
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') {
      if (node.depth === 2) standard = /^\s*(\d+\.\d+)\b/.exec(headingText(node))?.[1];
      return;
    }
    if (node.type === 'blockquote') return;
    if (node.type === 'text') runs.push({ node, standard });
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return runs;
}

const headingText = (node: Nodes): string => ('value' in node && typeof node.value === 'string' ? node.value : 'children' in node ? node.children.map((c) => headingText(c as Nodes)).join('') : '');
