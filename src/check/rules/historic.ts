/**
 * A historic record (`record: historic`): a report published before this tool, recorded with its
 * published standard ratings, composite score and overall rating only. Those three are checked
 * against one another the way the framework computes them; nothing else of a full report belongs.
 */
import type { Framework } from '../../model/schemas/framework.ts';
import { NOT_KNOWN, NOT_RATED } from '../../model/schemas/inspection.ts';
import { allStandards, historicCompositeRange, historicOverall, ratingLabel } from '../../model/rating.ts';
import { known, type InspectionContext } from './inspection.ts';

/** Files of a full report found in a historic record's folder (project-relative paths). */
export interface HistoricFolderFiles {
  narrative?: string;
  cases?: string;
  easyRead?: string;
}

const at = (ctx: InspectionContext, ...path: PropertyKey[]) => ctx.source.positionOf(path);
const keyAt = (ctx: InspectionContext, ...path: PropertyKey[]) => ctx.source.positionOf(path, 'key');

/** Everything a historic record is checked for (its references and dates are checked as for any inspection). */
export function checkHistoric(ctx: InspectionContext, framework: Framework, files: HistoricFolderFiles): void {
  checkFolderFiles(ctx, files);
  checkLeftOutFields(ctx);
  checkPublicationFields(ctx);
  if (!known(ctx.broken, 'ratings')) return;
  const complete = checkStandardRatings(ctx, framework);
  if (complete && known(ctx.broken, 'composite', 'overall')) checkComposite(ctx, framework);
}

function checkFolderFiles(ctx: InspectionContext, files: HistoricFolderFiles): void {
  const { diagnostics } = ctx;
  if (files.narrative) {
    diagnostics.error(files.narrative, { line: 1, column: 1 }, 'historic-with-narrative', 'this inspection is a historic record (record: historic), which publishes only its ratings, so report.mdx would never be published', 'delete report.mdx (the original publication holds the narrative), or remove "record: historic" to write a full report');
  }
  if (files.cases) {
    diagnostics.error(files.cases, { line: 1, column: 1 }, 'historic-with-cases', 'this inspection is a historic record (record: historic): its ratings are the published ones, so cases.csv would be neither used nor checked', 'delete cases.csv, or remove "record: historic" to rate the inspection from its cases');
  }
  if (files.easyRead) {
    diagnostics.error(files.easyRead, { line: 1, column: 1 }, 'historic-with-easy-read', 'this inspection is a historic record (record: historic): no easy-read version is made for it', 'delete easy-read.mdx, or remove "record: historic" to write a full report');
  }
}

/** The parts of a full report a historic record does not publish. */
function checkLeftOutFields(ctx: InspectionContext): void {
  const { data, file, diagnostics } = ctx;
  for (const field of ['counts', 'sampleSize'] as const) {
    if (data[field] === undefined) continue;
    diagnostics.error(file, keyAt(ctx, field), 'historic-with-counts', `a historic record has no case figures, but ${field} is given`, `delete ${field}: a historic record gives only the published standard ratings`);
  }
  const lists = { recommendations: data.recommendations.length, findings: Object.keys(data.findings).length, context: data.context.length } as const;
  for (const [field, count] of Object.entries(lists)) {
    if (count === 0) continue;
    diagnostics.warning(file, keyAt(ctx, field), 'historic-unpublished-field', `a historic record publishes only its ratings, so ${field} would not appear anywhere`, `delete ${field}; readers find it in the original publication`);
  }
}

/** The published composite, overall rating and a https:// link to the original are all required. */
function checkPublicationFields(ctx: InspectionContext): void {
  const { data, file, diagnostics } = ctx;
  const recordAt = keyAt(ctx, 'record');
  if (data.composite === undefined && known(ctx.broken, 'composite')) {
    diagnostics.error(file, recordAt, 'missing-field', 'a historic record needs its published composite score', 'add "composite: <score>" as the original report gives it, such as "composite: 22"; write "composite: null" when the source does not give it');
  }
  if (data.overall === undefined && known(ctx.broken, 'overall')) {
    diagnostics.error(file, recordAt, 'missing-field', 'a historic record needs its published overall rating', 'add "overall: <rating>" as the original report gives it, such as "overall: good"');
  }
  if (data.original === undefined && known(ctx.broken, 'original')) {
    diagnostics.error(file, recordAt, 'missing-field', 'a historic record needs a link to the original publication', 'add "original: https://…" with the address of the report, or of the publisher’s list of reports');
  } else if (data.original !== undefined && !data.original.toLowerCase().startsWith('https://')) {
    diagnostics.error(file, at(ctx, 'original'), 'original-not-https', `the link to the original publication ("${data.original}") must be a secure https:// address`, 'write the address starting with https://');
  }
}

/**
 * Every standard of the framework has its published rating, on the framework's scale, "not-rated"
 * where the framework allows it, or "unclear" where the source does not make it clear. Returns
 * whether every standard has a usable rating (only then is the composite compared).
 */
function checkStandardRatings(ctx: InspectionContext, framework: Framework): boolean {
  const { data, file, diagnostics } = ctx;
  const scale = framework.ratingScale.map((level) => level.id);
  let complete = true;
  for (const { standard } of allStandards(framework)) {
    const written = data.ratings[standard.id];
    const mayBeNotRated = standard.mayBeNotRated === true || standard.method === 'case-sample';
    const allowed = [...scale, ...(mayBeNotRated ? [NOT_RATED] : []), NOT_KNOWN];
    if (!written?.rating) {
      complete = false;
      diagnostics.error(file, written ? keyAt(ctx, 'ratings', standard.id) : keyAt(ctx, 'ratings'), 'missing-rating', `standard ${standard.id} ${standard.name} has no published rating`, `add under ratings: "${standard.id}": good (one of ${allowed.join(', ')}); write unclear when the source does not make the rating clear`);
      continue;
    }
    if (!allowed.includes(written.rating)) {
      complete = false;
      // A rating not on the scale at all is reported by the check of written ratings.
      if (written.rating === NOT_RATED) {
        diagnostics.error(file, at(ctx, 'ratings', standard.id), 'not-rated-not-allowed', `standard ${standard.id} ${standard.name} cannot be "not-rated" in ${framework.id}`, `use one of ${allowed.join(', ')}`);
      }
      continue;
    }
    if (written.evidence !== undefined || written.override !== undefined || written.notRatedReason !== undefined) {
      diagnostics.warning(file, keyAt(ctx, 'ratings', standard.id), 'historic-evidence', `standard ${standard.id}: a historic record publishes no evidence, professional judgement or reasons, so they would not appear`, `write the rating alone, such as "${standard.id}": ${written.rating}`);
    }
  }
  return complete;
}

/** The published composite is what the standard ratings add up to; the published overall rating is what the framework gives for it. */
function checkComposite(ctx: InspectionContext, framework: Framework): void {
  const { data, file, diagnostics } = ctx;
  // composite: null: the source does not give it, so there is nothing to compare.
  if (data.composite === undefined || data.composite === null || data.overall === undefined) return;
  const ratings = Object.fromEntries(Object.entries(data.ratings).map(([id, r]) => [id, r.rating ?? NOT_KNOWN]));
  const { low, high, unknown } = historicCompositeRange(framework, ratings);
  // When the composite disagrees, the overall rating is not compared as well: one of the two errors would follow from the other.
  if (unknown.length === 0 && data.composite !== low) {
    return diagnostics.error(file, at(ctx, 'composite'), 'composite-disagrees', `the published composite score is ${data.composite}, but the standard ratings add up to ${low} in ${framework.id}`, 'check the composite score and each standard’s rating against the original report: one of them is mistyped');
  } else if (data.composite < low || data.composite > high) {
    return diagnostics.error(file, at(ctx, 'composite'), 'composite-disagrees', `the published composite score is ${data.composite}, but the standard ratings give between ${low} and ${high} (${unknown.join(', ')} unclear)`, 'check the composite score and each standard’s rating against the original report: one of them is mistyped');
  }
  if (!framework.ratingScale.some((level) => level.id === data.overall)) {
    diagnostics.error(file, at(ctx, 'overall'), 'unknown-rating', `"${data.overall}" is not an overall rating in ${framework.id}`, `use one of ${framework.ratingScale.map((level) => level.id).join(', ')}`);
    return;
  }
  const expected = historicOverall(framework, ratings, data.composite);
  if (expected.rating !== data.overall) {
    const why = expected.limitedBy ? ` (capped by standard ${expected.limitedBy.standard})` : '';
    diagnostics.error(file, at(ctx, 'overall'), 'overall-disagrees', `the published overall rating is ${ratingLabel(framework, data.overall)}, but a composite score of ${data.composite} gives ${ratingLabel(framework, expected.rating)}${why} in ${framework.id}`, 'check the overall rating and the composite score against the original report: one of them is mistyped');
  }
}
