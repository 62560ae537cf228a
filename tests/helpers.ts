import fs from 'node:fs';
import { parse } from 'yaml';
import { frameworkSchema, type Framework } from '../src/model/schemas/framework.ts';
import { allStandards, caseQuestions } from '../src/model/rating.ts';
import type { AuthoredRating, KeyQuestionCount } from '../src/model/schemas/inspection.ts';

/** A framework exactly as the content defines it: the rules under test come from data. */
export function loadFramework(id: string): Framework {
  return frameworkSchema.parse(parse(fs.readFileSync(new URL(`../content/frameworks/${id}.yaml`, import.meta.url), 'utf8')));
}

/** Counts giving every case question of a framework the same yes / relevant. */
export function uniformCounts(framework: Framework, yes: number, relevant: number): Record<string, KeyQuestionCount> {
  return Object.fromEntries([...caseQuestions(framework).keys()].map((id) => [id, { yes, relevant }]));
}

/** Judgement ratings for every judgement standard. */
export function judgementRatings(framework: Framework, rating: string): Record<string, AuthoredRating> {
  return Object.fromEntries(
    [...allStandards(framework)].filter(({ standard }) => standard.method === 'judgement').map(({ standard }) => [standard.id, { rating, evidence: 'Evidence.' }]),
  );
}
