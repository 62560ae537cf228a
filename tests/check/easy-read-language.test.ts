import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticList, type Diagnostic } from '../../src/check/diagnostics.ts';
import { checkEasyReadLanguage, fleschKincaidGrade, percentageInWords, type RowToCheck } from '../../src/check/easy-read/language.ts';
import { easyReadCheckSettingsSchema } from '../../src/model/schemas/easy-read-checks.ts';
import { glossaryTermSchema, type GlossaryTerm } from '../../src/model/schemas/glossary.ts';
import { readEasyRead } from '../../src/source/easy-read-file.ts';
import { readYaml } from '../../src/source/yaml-file.ts';

const FILE = 'content/inspections/fernley-2026/easy-read.mdx';

const term = (id: string, name: string, aliases: string[] = []): GlossaryTerm =>
  glossaryTermSchema.parse({ id, term: name, aliases, definition: `${name}.`, easyRead: `${name}.` });

const GLOSSARY: GlossaryTerm[] = [
  term('mappa', 'Multi-agency public protection arrangements', ['MAPPA']),
  term('youth-offending-team', 'Youth offending team', ['YOT', 'YOS', 'YOSs']),
  // "requirement" is in retext-simplify's list of hard words; as a glossary term it is explained.
  term('requirement', 'Requirement', ['requirements']),
];

/** Rows of an easy-read source, as the source reader gives them. */
function rowsOf(mdx: string, file = FILE): RowToCheck[] {
  const source = readEasyRead(mdx);
  return source.sections.flatMap((section) => section.rows.map((row) => ({ file, at: row.at, sentences: row.sentences.map((sentence) => ({ ...sentence, file })) })));
}

/** An easy-read file with one section and one row: line 3 is the picture, the sentences start on line 4. */
const row = (...sentences: string[]) => `## What we found\n\n![Staff](openmoji:woman)\n${sentences.join('\n')}\n`;

function check(rows: RowToCheck[], settings: object = {}, glossary: GlossaryTerm[] = GLOSSARY): Diagnostic[] {
  const diagnostics = new DiagnosticList();
  checkEasyReadLanguage(rows, glossary, easyReadCheckSettingsSchema.parse(settings), diagnostics);
  return diagnostics.items;
}

/** The diagnostics of one rule, as (line, column, severity) with the message and hint. */
function findings(mdx: string, rule: string, settings: object = {}): Diagnostic[] {
  return check(rowsOf(mdx), settings).filter((d) => d.rule === rule);
}

const at = (line: number, column: number, severity: 'error' | 'warning') => expect.objectContaining({ file: FILE, line, column, severity });

describe('sentence-length', () => {
  const fifteen = 'Staff met every child at the start and made a good plan with them there.';
  const sixteen = 'Staff met every child at the start and made a good plan with them there today.';
  const twentySix = 'Staff met every child at the start of the order and made a plan because the court asked them to do this work with each child every week.';

  it('passes a sentence of 15 words', () => {
    expect(fifteen.split(' ')).toHaveLength(15);
    expect(findings(row(fifteen), 'sentence-length')).toEqual([]);
  });

  it('warns over 15 words and suggests where to split', () => {
    expect(sixteen.split(' ')).toHaveLength(16);
    const [d, ...rest] = findings(row(sixteen), 'sentence-length');
    expect(rest).toEqual([]);
    expect(d).toEqual(at(4, 1, 'warning'));
    expect(d!.message).toBe('this sentence has 16 words: easy read uses 15 or fewer');
    expect(d!.hint).toContain('at "and" (word 8)');
  });

  it('is an error over 25 words, and the hint picks the conjunction nearest the middle', () => {
    expect(twentySix.split(' ')).toHaveLength(28);
    const [d] = findings(row('Hello.', twentySix), 'sentence-length');
    expect(d).toEqual(at(5, 1, 'error'));
    expect(d!.message).toBe('this sentence has 28 words: easy read uses 15 or fewer, and more than 25 is too many');
    expect(d!.hint).toContain('at "because" (word 15)');
  });

  it('counts each sentence of a line on its own', () => {
    expect(findings(row(`${fifteen} ${fifteen}`), 'sentence-length')).toEqual([]);
  });
});

describe('one-sentence-per-line', () => {
  it('is an error where a second sentence starts on the same line', () => {
    const [d, ...rest] = findings(row('Staff were kind. Children felt safe!'), 'one-sentence-per-line');
    expect(rest).toEqual([]);
    expect(d).toEqual(at(4, 18, 'error'));
    expect(d!.hint).toBe('start a new line before "Children felt safe"');
  });

  it('is not fooled by decimals, titles or numbered things', () => {
    expect(findings(row('The score was 2.5 out of 10.', 'Mr. Khan met us.', 'We went to room No. 5 today.', 'Was it good? Yes'), 'one-sentence-per-line')).toEqual([
      at(7, 14, 'error'), // "Was it good? Yes": two sentences
    ]);
  });
});

describe('passive-voice', () => {
  it('warns that a sentence may be passive, at the verb', () => {
    const [d, ...rest] = findings(row('The children were given a plan.'), 'passive-voice');
    expect(rest).toEqual([]);
    expect(d).toEqual(at(4, 14, 'warning'));
    expect(d!.message).toBe('"were given" may be passive: the sentence may not say who did it');
  });

  it('finds regular verbs too, which retext-passive does not know', () => {
    const found = findings(row('The plans were checked by staff.', 'The plans were not reviewed.', 'Children were worried.'), 'passive-voice');
    expect(found).toEqual([at(4, 11, 'warning'), at(5, 11, 'warning')]);
    expect(found.map((d) => d.message.split(' may')[0])).toEqual(['"were checked"', '"were not reviewed"']);
  });

  it('passes an active sentence', () => {
    expect(findings(row('Staff checked the plans.'), 'passive-voice')).toEqual([]);
  });
});

describe('acronym, abbreviation and contraction', () => {
  it('warns about words in capitals the glossary does not explain', () => {
    const [d, ...rest] = findings(row('The ABC team met the YOS and MAPPA.', 'The YOS’s workers and the YOSs were kind.'), 'acronym');
    expect(rest).toEqual([]);
    expect(d).toEqual(at(4, 5, 'warning'));
    expect(d!.message).toBe('"ABC" is written in capitals: readers may not know what it stands for');
    expect(d!.hint).toContain('write the words in full');
  });

  it('treats capitals for emphasis the same, and allows listed words', () => {
    expect(findings(row('You must NOT be late.'), 'acronym')).toEqual([at(4, 10, 'warning')]);
    expect(findings(row('It is OK to ask.'), 'acronym', { acronym: { allow: ['OK'] } })).toEqual([]);
  });

  it('is an error for abbreviations', () => {
    const found = findings(row('Bring things, e.g. a coat.', 'Sit in room no. 5 etc. and wait.'), 'abbreviation');
    expect(found).toEqual([at(4, 15, 'error'), at(5, 13, 'error'), at(5, 19, 'error')]);
    expect(found[0]!.message).toBe('"e.g." is an abbreviation: many readers do not know what it means');
    expect(found[0]!.hint).toBe('write "for example" instead');
  });

  it('passes "no" that is not short for "number"', () => {
    expect(findings(row('The answer was no.', 'There were no workers.'), 'abbreviation')).toEqual([]);
  });

  it('warns about short forms with either apostrophe, with the full form', () => {
    const found = findings(row("Staff can't always help.", 'It’s a good plan.'), 'contraction');
    expect(found).toEqual([at(4, 7, 'warning'), at(5, 1, 'warning')]);
    expect(found[0]!.hint).toBe('write "cannot"');
    expect(found[1]!.hint).toBe('write "It is"');
  });

  it('passes possessives', () => {
    expect(findings(row("The child's plan was good.", 'The children’s plans were good.'), 'contraction')).toEqual([]);
  });
});

describe('hard-word', () => {
  it('warns about words with a simpler alternative, with the alternative', () => {
    const [d, ...rest] = findings(row('Staff facilitate meetings.'), 'hard-word');
    expect(rest).toEqual([]);
    expect(d).toEqual(at(4, 7, 'warning'));
    expect(d!.message).toBe('"facilitate" is a hard word with a simpler one');
    expect(d!.hint).toBe('use "ease" or "help" instead, or explain it in the next sentence');
  });

  it('passes glossary terms and the phrases in ignore', () => {
    expect(findings(row('The court set a requirement.', 'It is a good plan.'), 'hard-word')).toEqual([]);
    expect(findings(row('Staff facilitate meetings.'), 'hard-word', { 'hard-word': { ignore: ['facilitate'] } })).toEqual([]);
  });

  it('never suggests a short form', () => {
    const [d] = findings(row('Staff failed to call.'), 'hard-word');
    expect(d!.hint).toContain('"did not"');
  });
});

describe('figurative', () => {
  it('warns about figures of speech and foreign words', () => {
    const found = findings(row('The plan is on track.', 'Staff sent it via email.'), 'figurative');
    expect(found).toEqual([at(4, 13, 'warning'), at(5, 15, 'warning')]);
    expect(found[0]!.message).toBe('"on track" is a figure of speech: some readers take it word for word');
    expect(found[1]!.message).toBe('"via" is a foreign phrase: many readers will not know it');
    expect(found[1]!.hint).toBe('say plainly what you mean, such as "through" or "by"');
  });

  it('passes the same words used plainly', () => {
    expect(findings(row('The train ran on the track.', 'The plan was viable.'), 'figurative')).toEqual([]);
  });
});

describe('number-words and percentage', () => {
  it('warns about numbers written as words, with the digits', () => {
    const found = findings(row('Staff met eight children.', 'There were twenty-one letters and a dozen workers.', 'We read two hundred and fifty pages.'), 'number-words');
    expect(found).toEqual([at(4, 11, 'warning'), at(5, 12, 'warning'), at(5, 35, 'warning'), at(6, 9, 'warning')]);
    expect(found.map((d) => d.hint)).toEqual(['write "8"', 'write "21"', 'write "12"', 'write "250"']);
  });

  it('passes digits and "one" used as a word', () => {
    expect(findings(row('Staff met 8 children.', 'No one was late.', 'Each one had a plan.'), 'number-words')).toEqual([]);
  });

  it('is an error for percentages, suggesting tenths', () => {
    const found = findings(row('63% of children had a plan.', 'About 40 per cent went to school.', 'Sixty-three percent were safe.'), 'percentage');
    expect(found).toEqual([at(4, 1, 'error'), at(5, 7, 'error'), at(6, 1, 'error')]);
    expect(found[0]!.message).toBe('"63%" is a percentage: many readers do not understand percentages');
    expect(found[0]!.hint).toBe('write "about 6 out of 10" instead (63 out of 100 is too exact: round to the nearest 10)');
    expect(found[1]!.hint).toBe('write "4 out of 10" instead');
    expect(found[2]!.hint).toContain('"about 6 out of 10"');
  });

  it('a percentage in words is reported once, as a percentage', () => {
    expect(findings(row('Sixty-three percent were safe.'), 'number-words')).toEqual([]);
  });

  it('rounds percentages to tenths', () => {
    expect([0, 3, 5, 63, 70, 96, 100].map(percentageInWords)).toEqual(['none', 'fewer than 1 out of 10', 'about 1 out of 10', 'about 6 out of 10', '7 out of 10', 'almost all', 'all']);
  });

  it('passes "out of 10"', () => {
    expect(findings(row('About 6 out of 10 children had a plan.'), 'percentage')).toEqual([]);
  });
});

describe('row-length', () => {
  const six = ['Staff were kind.', 'Staff listened.', 'Children felt safe.', 'Plans were good.', 'Leaders knew the children.', 'Most children went to school.'];

  it('warns at the row (its picture) when it has more than 5 sentences', () => {
    const [d, ...rest] = findings(row(...six), 'row-length');
    expect(rest).toEqual([]);
    expect(d).toEqual(at(3, 1, 'warning'));
    expect(d!.message).toBe('this group has 6 sentences beside one picture: easy read has 5 or fewer');
  });

  it('passes 5 sentences, or 6 with maxSentences: 6', () => {
    expect(findings(row(...six.slice(0, 5)), 'row-length')).toEqual([]);
    expect(findings(row(...six), 'row-length', { 'row-length': { maxSentences: 6 } })).toEqual([]);
  });
});

describe('readability', () => {
  it('computes the Flesch–Kincaid grade', () => {
    // Words and syllables (from the syllable package):
    //   Chil-dren(2) and(1) fam-i-lies(3) un-der-stand(3) in-for-ma-tion(4)  → 5 words, 13 syllables
    //   In-spec-tors(3) pub-lished(2) the(1) e-val-u-a-tion(5) yes-ter-day(3) → 5 words, 14 syllables
    // grade = 0.39 × (10 words ÷ 2 sentences) + 11.8 × (27 syllables ÷ 10 words) − 15.59
    //       = 0.39 × 5 + 11.8 × 2.7 − 15.59 = 1.95 + 31.86 − 15.59 = 18.22
    expect(fleschKincaidGrade(['Children and families understand information.', 'Inspectors published the evaluation yesterday.'])).toBeCloseTo(18.22, 2);
    // 0.39 × (9 ÷ 2) + 11.8 × (10 ÷ 9) − 15.59 = 1.755 + 13.111 − 15.59 = −0.724
    expect(fleschKincaidGrade(['The cat sat on the mat.', 'It was happy.'])).toBeCloseTo(-0.724, 3);
    expect(fleschKincaidGrade([])).toBe(0);
  });

  it('warns at the first row when the whole document is above grade 5, giving the grade', () => {
    const document = `${row('Hello.')}\n![Staff](openmoji:man)\nChildren and families understand information.\nInspectors published the evaluation yesterday.\n`;
    // "Hello." (1 word, 2 syllables) and the 2 sentences above: 11 words, 29 syllables, 3 sentences.
    // 0.39 × 11 ÷ 3 + 11.8 × 29 ÷ 11 − 15.59 = 1.430 + 31.109 − 15.59 = 16.949
    const whole = findings(document, 'readability').filter((d) => d.message.startsWith('the whole'));
    expect(whole).toEqual([at(3, 1, 'warning')]);
    expect(whole[0]!.message).toBe('the whole easy-read version is at reading grade 16.9 (Flesch–Kincaid, a reading age of about 22): easy read aims for grade 5 or below');
    expect(findings(row('The cat sat on the mat.', 'It was happy.'), 'readability')).toEqual([]);
  });

  it('warns about a hard sentence (retext-readability, age 9) at the sentence', () => {
    const found = findings(row('Staff listened to children.', 'Practitioners demonstrated considerable understanding of safeguarding responsibilities.'), 'readability').filter((d) => !d.message.startsWith('the whole'));
    expect(found).toEqual([at(5, 1, 'warning')]);
    expect(found[0]!.message).toMatch(/^this sentence may be hard to read at age 9 \((all 7|\d of 7) reading tests say so\)$/);
    expect(found[0]!.hint).toContain('"Practitioners"');
  });

  it('passes an easy sentence', () => {
    expect(findings(row('The cat sat on the mat.'), 'readability')).toEqual([]);
  });

  it('takes the reading age and how many of the 7 tests must agree from the settings', () => {
    const sentence = row('Children said staff were kind.'); // 4 of the 7 tests find it hard at age 9
    expect(findings(sentence, 'readability')).toEqual([]); // the default asks for 6 of 7
    expect(findings(sentence, 'readability', { readability: { agreement: 4 } })).toEqual([at(4, 1, 'warning')]);
    expect(findings(sentence, 'readability', { readability: { agreement: 5 } })).toEqual([]);
    expect(findings(sentence, 'readability', { readability: { age: 12 } })).toEqual([]);
  });
});

describe('italic', () => {
  it('is an error for italics, at the italic text', () => {
    const found = findings(row('Staff were *very* kind.', 'Staff were _always_ there.'), 'italic');
    expect(found).toEqual([at(4, 12, 'error'), at(5, 12, 'error')]);
    expect(found[0]!.message).toBe('"very" is in italics: italics are hard to read');
    expect(found[0]!.hint).toBe('use bold for emphasis, never italics: write **very**');
  });

  it('passes bold', () => {
    expect(findings(row('Staff were **very** kind.'), 'italic')).toEqual([]);
  });
});

describe('positions', () => {
  it('points at the word in the source even after bold and links', () => {
    // In the text "Staff can't help, e.g. [here]" the words sit 4 and 6 characters left of the source.
    expect(findings(row("**Staff** can't help."), 'contraction')).toEqual([at(4, 11, 'warning')]);
    expect(findings(row('Read [the plan](https://example.org) e.g. today.'), 'abbreviation')).toEqual([at(4, 38, 'error')]);
  });

  it('reports generated rows in their own files', () => {
    const rows: RowToCheck[] = [
      { file: 'templates/easy-read/inspection.yaml', at: { line: 2, column: 3 }, sentences: [{ text: 'We visited the YOS e.g. to talk.', file: 'templates/easy-read/inspection.yaml', at: { line: 3, column: 11 } }] },
      {
        file: 'content/inspections/fernley-2026/inspection.yaml',
        at: { line: 20, column: 5 },
        sentences: [{ text: 'Leaders must facilitate 63% of meetings.', file: 'content/inspections/fernley-2026/inspection.yaml', at: { line: 21, column: 15 } }],
      },
      {
        file: 'content/glossary/terms.yaml',
        at: { line: 7, column: 3 },
        sentences: [{ text: "Workers don't use forms.", file: 'content/glossary/terms.yaml', at: { line: 9, column: 5 } }],
      },
    ];
    const found = check(rows).map(({ file, line, column, rule }) => `${file}:${line}:${column} ${rule}`);
    expect(found.sort()).toEqual([
      'content/glossary/terms.yaml:9:13 contraction',
      'content/inspections/fernley-2026/inspection.yaml:21:15 readability',
      'content/inspections/fernley-2026/inspection.yaml:21:28 hard-word',
      'content/inspections/fernley-2026/inspection.yaml:21:39 percentage',
      'templates/easy-read/inspection.yaml:3:30 abbreviation', // "YOS" is in the glossary: no acronym warning
    ]);
  });
});

describe('settings', () => {
  const source = row('The children were given a plan by staff, e.g. the plan for the child who was sent to the court twice.');

  it('parse({}) gives the defaults of EASY-READ.md, and content/easy-read-checks.yaml spells them out', () => {
    const defaults = easyReadCheckSettingsSchema.parse({});
    expect(defaults['sentence-length']).toEqual({ severity: 'error', warningAbove: 15, errorAbove: 25 });
    expect(defaults['row-length'].maxSentences).toBe(5);
    expect(defaults.readability).toMatchObject({ severity: 'warning', maxGrade: 5, age: 9 });
    expect(defaults.percentage.severity).toBe('error');
    const file = readYaml(fs.readFileSync('content/easy-read-checks.yaml', 'utf8'));
    expect(file.syntaxErrors).toEqual([]);
    // The sample inspectorate's one change: "HM" in its own name is allowed, and "EF" in its Welsh name.
    expect(file.data).toEqual({ ...defaults, acronym: { ...defaults.acronym, allow: ['HM', 'EF'] } });
  });

  it('turns a rule off', () => {
    expect(findings(source, 'passive-voice')).toHaveLength(2);
    expect(findings(source, 'passive-voice', { 'passive-voice': { severity: 'off' } })).toEqual([]);
  });

  it('changes a severity', () => {
    expect(findings(source, 'abbreviation', { abbreviation: { severity: 'warning' } })).toEqual([at(4, 42, 'warning')]);
    expect(findings(source, 'sentence-length', { 'sentence-length': { severity: 'warning', errorAbove: 16 } })).toEqual([at(4, 1, 'warning')]);
  });

  it('changes a threshold', () => {
    const short = row('Staff met every child at the start and made a plan.');
    expect(findings(short, 'sentence-length')).toEqual([]);
    expect(findings(short, 'sentence-length', { 'sentence-length': { warningAbove: 10 } })).toEqual([at(4, 1, 'warning')]);
    expect(findings(short, 'sentence-length', { 'sentence-length': { warningAbove: 5, errorAbove: 10 } })).toEqual([at(4, 1, 'error')]);
    // 10 words, 14 syllables, 2 sentences: 0.39 × 5 + 11.8 × 1.4 − 15.59 = 1.95 + 16.52 − 15.59 = 2.88
    const document = row('Leaders know the children well.', 'Staff listened to every child.');
    const whole = (settings: object) => findings(document, 'readability', settings).filter((d) => d.message.startsWith('the whole'));
    expect(whole({})).toEqual([]);
    expect(whole({ readability: { maxGrade: 2.5 } })).toEqual([at(3, 1, 'warning')]);
    expect(whole({ readability: { maxGrade: 2.5 } })[0]!.message).toContain('grade 2.9');
  });

  it('rejects an error limit below the warning limit, and unknown rules', () => {
    expect(easyReadCheckSettingsSchema.safeParse({ 'sentence-length': { warningAbove: 30 } }).success).toBe(false);
    expect(easyReadCheckSettingsSchema.safeParse({ 'passive-voise': { severity: 'off' } }).success).toBe(false);
  });
});

describe('speed and determinism', () => {
  // Its speed is measured by npm run bench (the check of the 1,000-inspection corpus), never by a timed test.
  it('checks 500 sentences the same way every time', () => {
    const sentences = ['Staff were kind to every child.', 'The plans were checked by staff.', 'Children said they felt safe at the YOS.', 'Leaders must facilitate 63% of meetings.', 'Workers met eight children every week.'];
    const rows: RowToCheck[] = Array.from({ length: 100 }, (_, index) => ({
      file: FILE,
      at: { line: index * 7 + 1, column: 1 },
      sentences: sentences.map((text, n) => ({ text, file: FILE, at: { line: index * 7 + 2 + n, column: 1 } })),
    }));
    const first = check(rows);
    const second = check(rows);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});
