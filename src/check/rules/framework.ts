/** Consistency of a framework file: ids that nest, bands for every rating, references that resolve. */
import type { DiagnosticList } from '../diagnostics.ts';
import type { YamlSource } from '../../source/yaml-file.ts';
import type { Framework } from '../../model/schemas/framework.ts';
import { NOT_RATED } from '../../model/schemas/inspection.ts';

/** Returns false when the framework is too broken to rate inspections with. */
export function checkFramework(framework: Framework, source: YamlSource, file: string, diagnostics: DiagnosticList): boolean {
  const errorsBefore = diagnostics.errorCount;
  const ratingIds = framework.ratingScale.map((level) => level.id);
  const seenRatings = new Set<string>();
  framework.ratingScale.forEach((level, index) => {
    if (level.id === NOT_RATED) diagnostics.error(file, source.positionOf(['ratingScale', index, 'id']), 'reserved-id', `"${NOT_RATED}" is reserved for standards that are not rated`, 'remove it from the rating scale');
    if (seenRatings.has(level.id)) diagnostics.error(file, source.positionOf(['ratingScale', index, 'id']), 'duplicate-id', `rating "${level.id}" appears twice in the rating scale`, 'delete one of them');
    seenRatings.add(level.id);
    const previous = framework.ratingScale[index - 1];
    if (previous && previous.points > level.points) diagnostics.error(file, source.positionOf(['ratingScale', index, 'points']), 'scale-order', `"${level.id}" has fewer points than "${previous.id}" below it`, 'list the rating scale from lowest to highest');
  });

  for (const [name, thresholds] of [['caseSample', framework.caseSample.bands], ['composite', framework.composite.bands]] as const) {
    for (const key of Object.keys(thresholds)) {
      if (!seenRatings.has(key)) diagnostics.error(file, source.positionOf([name, 'bands', key], 'key'), 'unknown-rating', `band "${key}" is not on the rating scale`, `use one of: ${ratingIds.join(', ')}`);
    }
    let last = -Infinity;
    for (const id of ratingIds) {
      const min = thresholds[id];
      if (min === undefined) {
        diagnostics.error(file, source.positionOf([name, 'bands'], 'key'), 'missing-band', `${name} bands give no minimum for "${id}"`, `add "${id}: <minimum>"`);
        continue;
      }
      if (min < last) diagnostics.error(file, source.positionOf([name, 'bands', id]), 'band-order', `the minimum for "${id}" is below the one for the rating beneath it`, 'minimums must rise from the lowest rating to the highest');
      last = min;
    }
  }

  const standardIds = new Set<string>();
  const domainIds = new Set<string>();
  framework.domains.forEach((domain, d) => {
    if (domainIds.has(domain.id)) diagnostics.error(file, source.positionOf(['domains', d, 'id']), 'duplicate-id', `domain "${domain.id}" appears twice`, 'give every domain its own number');
    domainIds.add(domain.id);
    domain.standards.forEach((standard, s) => {
      const at = source.positionOf(['domains', d, 'standards', s, 'id']);
      if (!standard.id.startsWith(`${domain.id}.`)) diagnostics.error(file, at, 'id-nesting', `standard "${standard.id}" is in domain "${domain.id}" but its id does not start with "${domain.id}."`, `number it "${domain.id}.<n>", or move it to domain ${standard.id.split('.')[0]}`);
      if (standardIds.has(standard.id)) diagnostics.error(file, at, 'duplicate-id', `standard "${standard.id}" appears twice`, 'give every standard its own id');
      standardIds.add(standard.id);
      if (standard.method === 'case-sample' && !domain.caseType) {
        diagnostics.error(file, source.positionOf(['domains', d, 'standards', s, 'method']), 'missing-case-type', `standard "${standard.id}" is rated from cases but domain "${domain.id}" does not say which cases`, 'add "caseType: court" or "caseType: out-of-court" to the domain');
      }
      if (standard.method === 'case-sample' && standard.mayBeNotRated) {
        diagnostics.warning(file, source.positionOf(['domains', d, 'standards', s, 'mayBeNotRated']), 'not-applicable', `mayBeNotRated has no effect on case-sample standard "${standard.id}": the sample decides`);
      }
      const questionIds = new Set<string>();
      standard.keyQuestions.forEach((question, q) => {
        const qAt = source.positionOf(['domains', d, 'standards', s, 'keyQuestions', q, 'id']);
        if (!question.id.startsWith(`${standard.id}.`)) diagnostics.error(file, qAt, 'id-nesting', `key question "${question.id}" is in standard "${standard.id}" but its id does not start with "${standard.id}."`, `number it "${standard.id}.<n>"`);
        if (questionIds.has(question.id)) diagnostics.error(file, qAt, 'duplicate-id', `key question "${question.id}" appears twice`, 'give every key question its own id');
        questionIds.add(question.id);
      });
    });
  });

  framework.limitingJudgements.forEach((limit, index) => {
    if (!standardIds.has(limit.standard)) diagnostics.error(file, source.positionOf(['limitingJudgements', index, 'standard']), 'unknown-standard', `limiting judgement names standard "${limit.standard}", which this framework does not have`, `standards are ${[...standardIds].join(', ')}`);
    for (const key of ['whenRated', 'overallAtMost'] as const) {
      if (!seenRatings.has(limit[key])) diagnostics.error(file, source.positionOf(['limitingJudgements', index, key]), 'unknown-rating', `"${limit[key]}" is not on the rating scale`, `use one of: ${ratingIds.join(', ')}`);
    }
  });
  return diagnostics.errorCount === errorsBefore;
}
