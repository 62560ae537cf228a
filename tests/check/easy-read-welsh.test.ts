/**
 * Easy-read language checks on Welsh text (issue 17, item 5): the rules that read English words
 * (hard words, passive voice, reading age, contractions, abbreviations, figures of speech) are not
 * run on Welsh; sentence length, numbers, percentages, italics and the shape rules are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../src/check/diagnostics.ts';
import { checkEasyReadLanguage, type RowToCheck } from '../../src/check/easy-read/language.ts';
import { EASY_READ_RULE_LANGUAGES, appliesTo } from '../../src/check/easy-read/rule-languages.ts';
import { welshNumberRuns } from '../../src/check/easy-read/numbers.ts';
import { easyReadCheckSettingsSchema } from '../../src/model/schemas/easy-read-checks.ts';
import { readEasyRead } from '../../src/source/easy-read-file.ts';
import type { Lang } from '../../src/model/language.ts';

const FILE = 'content/inspections/x/easy-read.cy.mdx';

function rowsOf(mdx: string): RowToCheck[] {
  const source = readEasyRead(mdx);
  return source.sections.flatMap((section) => section.rows.map((row) => ({ file: FILE, at: row.at, sentences: row.sentences.map((sentence) => ({ ...sentence, file: FILE })) })));
}

function check(mdx: string, lang: Lang) {
  const diagnostics = new DiagnosticList();
  checkEasyReadLanguage(rowsOf(mdx), [], easyReadCheckSettingsSchema.parse({}), diagnostics, lang);
  return diagnostics.items;
}

/**
 * Plain Welsh with long words: English word lists read them as hard (many "syllables"), its
 * apostrophes ("i'r", "a'r") as contractions, "e.e." as an abbreviation. None is a problem in Welsh.
 */
const WELSH = `## Beth wnaethon ni ei ganfod

![Bawd i fyny](openmoji:thumbs-up)
Mae'r gweithwyr cyfiawnder ieuenctid yn gyfrifol am gynlluniau'r plant.
Roedd cydweithwyr ymroddedig yn trefnu gweithgareddau i'r plant a'r teuluoedd.
Mae angen cefnogaeth ychwanegol, e.e. cymorth gydag addysg.
`;

describe('easy-read rules by language', () => {
  it('says which rules run on Welsh: those that read shape, not English words', () => {
    const welsh = Object.entries(EASY_READ_RULE_LANGUAGES).filter(([, r]) => r.languages.includes('cy')).map(([id]) => id);
    expect(welsh.sort()).toEqual(['acronym', 'italic', 'number-words', 'one-sentence-per-line', 'percentage', 'row-length', 'sentence-length']);
    for (const id of ['hard-word', 'passive-voice', 'readability', 'contraction', 'abbreviation', 'figurative'] as const) expect(appliesTo(id, 'cy')).toBe(false);
    // Every rule runs on English.
    expect(Object.values(EASY_READ_RULE_LANGUAGES).every((r) => r.languages.includes('en'))).toBe(true);
  });

  it('does not run the English-only rules on Welsh text (which they would flag)', () => {
    const asEnglish = new Set(check(WELSH, 'en').map((d) => d.rule));
    // The English rules do find "problems" in this Welsh text: the test would fail if they ran.
    expect([...asEnglish].some((rule) => ['readability', 'contraction', 'abbreviation', 'hard-word'].includes(rule))).toBe(true);
    expect(check(WELSH, 'cy')).toEqual([]);
  });

  it('flags a too-long Welsh sentence, a number in words, a percentage and italics', () => {
    const long = 'Roedd y staff yn cyfarfod â phob plentyn ar ddechrau eu gorchymyn ac yn gwneud cynllun da gyda nhw oherwydd bod y llys wedi gofyn iddyn nhw wneud hynny bob wythnos.';
    expect(long.split(' ').length).toBeGreaterThan(25);
    const mdx = `## Beth wnaethon ni ei ganfod\n\n![Llyfrau](openmoji:books)\n${long}\nGwnaethom siarad â dau ddeg pump o blant.\nRoedd 63 y cant o'r cynlluniau yn dda.\nRoedd y staff yn *garedig*.\n`;
    const found = check(mdx, 'cy');
    expect(found.map((d) => [d.rule, d.line, d.column, d.severity])).toEqual([
      ['sentence-length', 4, 1, 'error'],
      ['number-words', 5, 'Gwnaethom siarad â '.length + 1, 'warning'],
      ['percentage', 6, 'Roedd '.length + 1, 'error'],
      ['italic', 7, 'Roedd y staff yn '.length + 1, 'error'],
    ]);
    expect(found[1]!.message).toBe('"dau ddeg pump" is a number written in words: numbers are easier to read in digits');
    expect(found[1]!.hint).toBe('write "25"');
  });
});

describe('Welsh number words', () => {
  const runs = (text: string) => welshNumberRuns(text.split(' ').reduce<{ text: string; start: number; end: number }[]>((words, word) => {
    const start = words.length ? words.at(-1)!.end + 1 : 0;
    return [...words, { text: word.replace(/[.,]$/, ''), start, end: start + word.replace(/[.,]$/, '').length }];
  }, []), text).map((run) => [run.text, run.value]);

  it('finds numbers and their values, with mutations, and leaves "un" alone', () => {
    expect(runs('Mae tri phlentyn yma')).toEqual([['tri', 3]]);
    expect(runs('Gwelsom ddau blentyn')).toEqual([['ddau', 2]]);
    expect(runs('un ar ddeg o blant')).toEqual([['un ar ddeg', 11]]);
    expect(runs('pedwar ar bymtheg')).toEqual([['pedwar ar bymtheg', 19]]);
    expect(runs('dau ddeg pump')).toEqual([['dau ddeg pump', 25]]);
    expect(runs('cant a deg')).toEqual([['cant a deg', 110]]);
    expect(runs('yr un plentyn')).toEqual([]);
    // "teg" (fair) after "yn" is not ten.
    expect(runs("Gwirio bod y dewisiadau'n deg i bob plentyn")).toEqual([]);
    expect(runs('Roedd y broses yn deg')).toEqual([]);
    expect(runs('Mae deg plentyn yma')).toEqual([['deg', 10]]);
  });
});

describe('the README', () => {
  it('lists the easy-read checks by language as the code does', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| ([a-z-]+)[^|]* \| (yes|no) \| (yes|no) \|$/gm)].map((m) => [m[1], m[2] === 'yes', m[3] === 'yes']);
    const expected = Object.entries(EASY_READ_RULE_LANGUAGES).map(([id, r]) => [id, r.languages.includes('en'), r.languages.includes('cy')]);
    expect(rows.sort()).toEqual(expected.sort());
  });
});
