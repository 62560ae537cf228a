/**
 * Settings of the easy-read language checks (content/easy-read-checks.yaml, optional): for each
 * rule, how serious it is ("error", "warning" or "off") and its limits. Every field has a default
 * equal to the rules in design/EASY-READ.md, so `easyReadCheckSettingsSchema.parse({})` gives them.
 */
import { z } from 'zod';

export const easyReadSeveritySchema = z.enum(['error', 'warning', 'off']);
export type EasyReadSeverity = z.infer<typeof easyReadSeveritySchema>;

const severity = (fallback: EasyReadSeverity, what: string) =>
  easyReadSeveritySchema.default(fallback).describe(`${what} "error" stops the build, "warning" is shown but does not, "off" turns the check off.`);

const wholeNumber = (fallback: number, min: number, description: string) => z.number().int().min(min).default(fallback).describe(description);

/** A rule with nothing to set but its severity. */
const simpleRule = (fallback: EasyReadSeverity, description: string) => z.strictObject({ severity: severity(fallback, 'How serious it is:') }).prefault({}).describe(description);

export const easyReadCheckSettingsSchema = z
  .strictObject({
    'sentence-length': z
      .strictObject({
        severity: severity('error', 'The most serious level reported: with "warning", sentences over the error limit are warnings too;'),
        warningAbove: wholeNumber(15, 1, 'A sentence with more words than this is a warning.'),
        errorAbove: wholeNumber(25, 1, 'A sentence with more words than this is an error.'),
      })
      .prefault({})
      .describe('Sentences of 15 words or fewer.'),
    'one-sentence-per-line': simpleRule('error', 'One sentence on each line.'),
    'passive-voice': simpleRule('warning', 'Sentences that may be passive ("were given"), which hide who does what.'),
    acronym: z
      .strictObject({
        severity: severity('warning', 'How serious it is:'),
        allow: z.array(z.string().trim().min(1)).default([]).describe('Words in capitals that are allowed, such as OK.'),
      })
      .prefault({})
      .describe('Words in capitals (acronyms, initials, or capitals for emphasis) not explained in the glossary.'),
    abbreviation: simpleRule('error', 'Abbreviations such as "e.g.", "i.e.", "etc.", "approx." and "no.".'),
    contraction: simpleRule('warning', 'Short forms such as "can\'t" and "it\'s".'),
    'hard-word': z
      .strictObject({
        severity: severity('warning', 'How serious it is:'),
        ignore: z
          .array(z.string().trim().min(1))
          .default(['it is', 'there is', 'there are', 'very', 'type', 'all of'])
          .describe('Words and phrases of the hard-words list that are not reported.'),
      })
      .prefault({})
      .describe('Hard words that have a simpler alternative (glossary terms are fine: they are explained).'),
    figurative: simpleRule('warning', 'Figures of speech ("on track") and foreign words ("per se").'),
    'number-words': simpleRule('warning', 'Numbers written as words ("eight") instead of digits ("8").'),
    percentage: simpleRule('error', 'Percentages ("63%"), which should be written as "about 6 out of 10".'),
    'row-length': z
      .strictObject({
        severity: severity('warning', 'How serious it is:'),
        maxSentences: wholeNumber(5, 1, 'The most sentences beside one picture.'),
      })
      .prefault({})
      .describe('Groups of sentences beside one picture.'),
    readability: z
      .strictObject({
        severity: severity('warning', 'How serious it is:'),
        maxGrade: z.number().min(0).default(5).describe('The highest Flesch–Kincaid grade allowed for the whole document.'),
        age: wholeNumber(9, 5, 'The reading age each sentence is checked for (retext-readability).'),
        agreement: z
          .number()
          .int()
          .min(1)
          .max(7)
          // 6 of 7: at 4, plain sentences such as "This helps keep everyone safe." were reported (see the issue note).
          .default(6)
          .describe('How many of the 7 reading tests of retext-readability must find a sentence too hard for that age before it is reported.'),
      })
      .prefault({})
      .describe('How easy the whole document and each sentence are to read.'),
    italic: simpleRule('error', 'Italics and underlining: use bold for emphasis.'),
  })
  .refine((settings) => settings['sentence-length'].errorAbove >= settings['sentence-length'].warningAbove, {
    message: 'must be at least warningAbove',
    path: ['sentence-length', 'errorAbove'],
  });

export type EasyReadCheckSettings = z.infer<typeof easyReadCheckSettingsSchema>;
export type EasyReadRuleId = keyof EasyReadCheckSettings;
