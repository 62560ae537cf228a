/**
 * The easy-read language rules as units (src/check/easy-read/rules/): the list the driver runs, the
 * order it runs them in, and the number words they share. What each rule reports is in
 * easy-read-language.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../src/check/diagnostics.ts';
import { checkEasyReadLanguage, SENTENCE_RULES } from '../../src/check/easy-read/language.ts';
import { numberRuns, smallNumber } from '../../src/check/easy-read/numbers.ts';
import { easyReadCheckSettingsSchema } from '../../src/model/schemas/easy-read-checks.ts';

/** `column rule` for each problem in one sentence. */
function problems(text: string, settings: object = {}): string[] {
  const diagnostics = new DiagnosticList();
  const sentence = { text, file: 'easy-read.mdx', at: { line: 1, column: 1 } };
  checkEasyReadLanguage([{ file: 'easy-read.mdx', at: sentence.at, sentences: [sentence] }], [], easyReadCheckSettingsSchema.parse(settings), diagnostics);
  return diagnostics.items.map((d) => `${d.column} ${d.rule}`);
}

describe('the sentence rules', () => {
  it('each have their own id, one of the settings', () => {
    const ids = SENTENCE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    const settings = Object.keys(easyReadCheckSettingsSchema.parse({}));
    for (const id of ids) expect(settings).toContain(id);
  });

  it('run only when they are on', () => {
    expect(problems('Staff said e.g. this today.')).toEqual(['12 abbreviation']);
    expect(problems('Staff said e.g. this today.', { abbreviation: { severity: 'off' }, 'hard-word': { severity: 'off' } })).toEqual([]);
  });

  it('leave to hard-word only what no earlier rule has reported', () => {
    // retext-simplify knows "e.g." and "vice versa" too: reported once, by the rule that explains them best.
    expect(problems('Staff said e.g. this today.', { abbreviation: { severity: 'off' } })).toEqual(['12 hard-word']);
    expect(problems('Staff said vice versa today.')).toEqual(['12 figurative']);
    expect(problems('Staff said vice versa today.', { figurative: { severity: 'off' } })).toEqual(['12 hard-word']);
  });

  it('leave the numbers of a percentage to the percentage rule, when it is on', () => {
    expect(problems('About fifty per cent of children met staff.')).toEqual(['7 percentage']);
    expect(problems('About fifty per cent of children met staff.', { percentage: { severity: 'off' } })).toEqual(['7 number-words']);
  });
});

describe('number words', () => {
  const words = (text: string) => [...text.matchAll(/[\p{L}-]+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));

  it('reads the value of one word', () => {
    expect(smallNumber('Twenty-one')).toBe(21);
    expect(smallNumber('twenty-ten')).toBeUndefined();
    expect(smallNumber('staff')).toBeUndefined();
  });

  it('joins the words of one number, and leaves "one" as a pronoun alone', () => {
    const text = 'two hundred and fifty children, a dozen staff and no one else';
    expect(numberRuns(words(text), text).map((run) => [run.text, run.value])).toEqual([
      ['two hundred and fifty', 250],
      ['a dozen', 12],
    ]);
  });
});
