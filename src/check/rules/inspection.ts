/** Consistency of one inspection with its framework, service, glossary, cases and narrative. */
import type { DiagnosticList } from '../diagnostics.ts';
import type { YamlSource } from '../../source/yaml-file.ts';
import type { MarkdownSource, NarrativeSection } from '../../source/markdown-file.ts';
import type { Position } from '../../model/position.ts';
import type { Framework, Standard } from '../../model/schemas/framework.ts';
import type { Service } from '../../model/schemas/service.ts';
import { isYearOnly } from '../../model/schemas/common.ts';
import { NOT_KNOWN, NOT_RATED, type InspectionSource, type KeyQuestionCount } from '../../model/schemas/inspection.ts';
import type { CaseRecord } from '../../model/schemas/case.ts';
import { allStandards, caseQuestions, ratingLabel, ratingRank, type InspectionRating, type RatingInput } from '../../model/rating.ts';
import { closest } from '../schema-issues.ts';
import { Lineage } from '../../model/lineage.ts';
import { isJoint, isReinspection, kindWithArticle } from '../../model/inspection-kind.ts';
import { checkNarrativeMdx, type NarrativeMdxInput } from './narrative-mdx.ts';

export interface InspectionContext {
  slug: string;
  file: string;
  source: YamlSource;
  data: InspectionSource;
  /** Fields (and "ratings.2.1"-like entries) that failed their schema: already reported, so not checked again. */
  broken: ReadonlySet<string>;
  diagnostics: DiagnosticList;
  framework: Framework | undefined;
  services: ReadonlyMap<string, Service>;
  glossaryIds: ReadonlySet<string>;
  /** Frameworks and services whose files have problems, already reported there: not reported again as unknown. */
  notLoaded?: { frameworks: ReadonlySet<string>; services: ReadonlySet<string> };
  /** inspection.yaml gives no fieldwork dates (allowed only in a historic record). */
  fieldworkMissing?: boolean;
}

const SPECIAL_SECTIONS = ['Foreword', 'Introduction', 'Diversity'];

function suggestion(word: string, allowed: readonly string[]): string {
  const near = closest(word, allowed);
  return near ? `did you mean "${near}"?` : `use one of: ${allowed.join(', ')}`;
}

/** Whether every one of these fields passed its schema, entries included ("ratings" covers "ratings.2.1"). */
export function known(broken: ReadonlySet<string>, ...fields: string[]): boolean {
  return !fields.some((field) => broken.has(field) || [...broken].some((name) => name.startsWith(`${field}.`)));
}

/** Where a field of inspection.yaml is written. */
const at = (ctx: InspectionContext, ...path: PropertyKey[]) => ctx.source.positionOf(path);

/** inspection.yaml on its own and against the frameworks, services and glossary: each part in turn. */
export function checkInspection(ctx: InspectionContext): void {
  checkReferences(ctx);
  checkKind(ctx);
  checkJoint(ctx);
  checkDates(ctx);
  checkRecommendationNumbers(ctx);
  checkGlossaryTerms(ctx);
  const historic = ctx.data.record === 'historic';
  if (!historic) checkFullReportFields(ctx);
  if (!ctx.framework) return;
  checkFindingsDomains(ctx, ctx.framework);
  const standards = [...allStandards(ctx.framework)].map(({ standard }) => standard);
  checkWrittenRatings(ctx, ctx.framework, standards);
  // A historic record's ratings are the published ones, without evidence: checked in historic.ts.
  if (!historic) checkJudgementRatings(ctx, ctx.framework, standards);
}

/** What only a historic record may leave out (fieldwork dates, lead inspector) or give (published composite, overall, original). */
function checkFullReportFields(ctx: InspectionContext): void {
  const { file, data, diagnostics, fieldworkMissing } = ctx;
  if (fieldworkMissing) {
    diagnostics.error(file, at(ctx), 'missing-field', 'the inspection has no fieldwork dates', 'add "fieldwork: { start: YYYY-MM-DD, end: YYYY-MM-DD }" (only a historic record may leave them out)');
  }
  if (data.lead === '' && known(ctx.broken, 'lead')) {
    diagnostics.error(file, at(ctx), 'missing-field', 'the inspection does not name its lead inspector', 'add "lead: <name>" (only a historic record may leave it out)');
  }
  checkHistoricFieldsOnFullReport(ctx);
}

/** The service and the framework it names exist. */
function checkReferences(ctx: InspectionContext): void {
  const { file, data, diagnostics, framework } = ctx;
  if (known(ctx.broken, 'service') && !ctx.services.has(data.service) && !ctx.notLoaded?.services.has(data.service)) {
    diagnostics.error(file, at(ctx, 'service'), 'unknown-service', `service "${data.service}" is not in content/services`, suggestion(data.service, [...ctx.services.keys()]));
  }
  if (!framework && known(ctx.broken, 'framework') && !ctx.notLoaded?.frameworks.has(data.framework)) {
    diagnostics.error(file, at(ctx, 'framework'), 'unknown-framework', `framework "${data.framework}" is not in content/frameworks`, 'use the id of a framework file, such as youth-2021 (cases.csv and report.mdx are checked against the framework once it is known)');
  }
}

/**
 * The kind is worked out from partners and reinspectionOf, so "kind:" is no longer written. An
 * older file that still has it is read as before: a line that agrees with the other fields is a
 * warning (remove it), one that says more than they do is an error that names the field to add.
 */
function checkKind(ctx: InspectionContext): void {
  const { file, data, diagnostics } = ctx;
  if (data.kind === undefined || !known(ctx.broken, 'kind', 'reinspectionOf', 'partners')) return;
  const where = at(ctx, 'kind');
  if (data.kind === 'reinspection' && !data.reinspectionOf) {
    diagnostics.error(file, where, 'missing-field', 'a reinspection must say which inspection it follows up', 'replace "kind: reinspection" with "reinspectionOf: <slug of the earlier inspection>", such as "reinspectionOf: northmoor-2022"');
  } else if (data.kind === 'joint' && !isJoint(data)) {
    diagnostics.error(file, where, 'missing-partners', 'a joint inspection must name its partner inspectorates', 'replace "kind: joint" with "partners:" and one line per inspectorate below it, such as "  - Ofsted"');
  } else {
    diagnostics.warning(file, where, 'kind-not-needed', `"kind: ${data.kind}" is no longer needed: this is ${kindWithArticle(data).toLowerCase()} because of ${kindReason(data)}`, 'remove the "kind:" line');
  }
}

/**
 * "joint: true" records a joint inspection whose source does not name the partners: only a
 * historic record may (a report written with this tool names them), and it must not contradict
 * the partners list.
 */
function checkJoint(ctx: InspectionContext): void {
  const { file, data, diagnostics } = ctx;
  if (data.joint === undefined || !known(ctx.broken, 'joint', 'partners')) return;
  const where = at(ctx, 'joint');
  if (data.joint === false && data.partners.length > 0) {
    diagnostics.error(file, where, 'joint-disagrees', `"joint: false" says the inspection was not joint, but it names ${data.partners.length === 1 ? 'a partner inspectorate' : 'partner inspectorates'} (${data.partners.join(', ')})`, 'remove "joint: false" if the inspection was joint, or remove the partners if it was not');
  } else if (data.joint === true && data.partners.length > 0) {
    diagnostics.warning(file, where, 'joint-not-needed', '"joint: true" is not needed: the inspection is joint because it names its partners', 'remove the "joint:" line');
  } else if (data.joint === true && data.record !== 'historic') {
    diagnostics.error(file, where, 'missing-partners', 'a joint inspection must name its partner inspectorates: only a historic record whose source does not name them may give "joint: true" alone', 'replace "joint: true" with "partners:" and one line per inspectorate below it, such as "  - Ofsted"');
  }
}

/** Which fields make an inspection the kind it is, in words. */
function kindReason(data: InspectionSource): string {
  const reasons = [isJoint(data) ? 'its partners' : '', isReinspection(data) ? 'its reinspectionOf' : ''].filter(Boolean);
  return reasons.length ? reasons.join(' and ') : 'having no partners and no reinspectionOf';
}

/** The fields only a historic record has (src/check/rules/historic.ts): a warning when a full report gives them (they would be ignored). */
function checkHistoricFieldsOnFullReport(ctx: InspectionContext): void {
  for (const field of ['composite', 'overall', 'original'] as const) {
    if (ctx.data[field] === undefined) continue;
    ctx.diagnostics.warning(ctx.file, ctx.source.positionOf([field], 'key'), 'historic-only-field', `${field} is only read in a historic record: this report computes its ratings from its cases and evidence`, `delete ${field}, or add "record: historic" if this is a report published before this tool`);
  }
}

/** Fieldwork, publication and embargo dates in order, and fieldwork in the framework's period. */
function checkDates(ctx: InspectionContext): void {
  const { file, data, diagnostics, framework } = ctx;
  const have = (...fields: string[]) => known(ctx.broken, ...fields);
  if (have('published') && isYearOnly(data.published) && data.record !== 'historic') {
    diagnostics.error(file, at(ctx, 'published'), 'year-only-date', `the publication date is a year alone (${data.published}): only a historic record whose source gives no day may give one`, 'write the day the report is published, as YYYY-MM-DD, such as 2026-03-04');
  }
  if (have('fieldwork')) checkSlugYear(ctx);
  if (have('fieldwork') && data.fieldwork.start > data.fieldwork.end) {
    diagnostics.error(file, at(ctx, 'fieldwork', 'end'), 'date-order', `fieldwork ends (${data.fieldwork.end}) before it starts (${data.fieldwork.start})`, 'swap the dates or correct one of them');
  }
  // A year alone sorts before every day of that year, so it is compared by its year.
  const publishedLast = isYearOnly(data.published) ? `${data.published}-12-31` : data.published;
  if (have('published', 'fieldwork') && publishedLast < data.fieldwork.end) {
    diagnostics.error(file, at(ctx, 'published'), 'published-before-fieldwork', `the report is published (${data.published}) before fieldwork ended (${data.fieldwork.end})`, 'correct the publication date or the fieldwork dates');
  }
  if (have('status', 'embargoedUntil', 'published')) checkEmbargo(ctx);
  if (framework && have('fieldwork')) {
    const { inEffectFrom, inEffectUntil } = framework;
    // A year alone (a historic record) is outside only when none of the year is in the period.
    const [first, last] = isYearOnly(data.fieldwork.start) ? [`${data.fieldwork.start}-01-01`, `${data.fieldwork.start}-12-31`] : [data.fieldwork.start, data.fieldwork.start];
    if (last < inEffectFrom || (inEffectUntil && first > inEffectUntil)) {
      diagnostics.warning(file, at(ctx, 'framework'), 'framework-period', `fieldwork started ${data.fieldwork.start}, outside the period of ${framework.id} (${inEffectFrom} to ${inEffectUntil ?? 'now'})`, 'check the framework and the fieldwork dates');
    }
  }
}

/**
 * The slug's year is the year fieldwork took place ("dudley-2019"): a slug copied from another
 * inspection keeps the old year, and the web address then names the wrong year.
 */
function checkSlugYear(ctx: InspectionContext): void {
  const year = /-(\d{4})$/.exec(ctx.slug)?.[1];
  const { start, end } = ctx.data.fieldwork;
  if (!year || start.startsWith(year) || end.startsWith(year)) return;
  ctx.diagnostics.warning(
    ctx.file,
    at(ctx, 'fieldwork', 'start'),
    'slug-year',
    `the folder name "${ctx.slug}" says ${year}, but fieldwork started in ${start.slice(0, 4)}`,
    `the folder name becomes the report's web address: rename the folder to "${ctx.slug.replace(/\d{4}$/, start.slice(0, 4))}", or correct the fieldwork dates`,
  );
}

/** The embargo agrees with the status and the publication date. */
function checkEmbargo(ctx: InspectionContext): void {
  const { file, data, diagnostics } = ctx;
  if (data.status === 'embargoed' && !data.embargoedUntil) {
    diagnostics.error(file, at(ctx, 'status'), 'missing-embargo-date', 'an embargoed report must say until when', 'add "embargoedUntil: YYYY-MM-DD"');
  }
  if (data.embargoedUntil && data.status !== 'embargoed') {
    diagnostics.warning(file, at(ctx, 'embargoedUntil'), 'embargo-ignored', `embargoedUntil is set but status is "${data.status}", so the date has no effect`, 'set "status: embargoed", or remove embargoedUntil');
  }
  if (data.embargoedUntil && data.embargoedUntil < data.published) {
    diagnostics.warning(file, at(ctx, 'embargoedUntil'), 'embargo-before-publication', `the embargo ends (${data.embargoedUntil}) before the publication date (${data.published})`, 'the report appears on the later of the two dates; make them agree');
  }
}

/** Recommendations numbered 1, 2, 3… in the order they appear. */
function checkRecommendationNumbers(ctx: InspectionContext): void {
  const { file, data, diagnostics } = ctx;
  // A recommendation left out for failing its schema would shift every number after it.
  if (!known(ctx.broken, 'recommendations')) return;
  const numbers = new Map<number, number>();
  data.recommendations.forEach((recommendation, index) => {
    const earlier = numbers.get(recommendation.number);
    if (earlier !== undefined) {
      diagnostics.error(file, at(ctx, 'recommendations', index, 'number'), 'duplicate-recommendation', `recommendation number ${recommendation.number} is used twice (also item ${earlier + 1})`, 'number recommendations 1, 2, 3… in the order they appear');
    } else if (recommendation.number !== index + 1) {
      diagnostics.warning(file, at(ctx, 'recommendations', index, 'number'), 'recommendation-numbering', `recommendation ${recommendation.number} is item ${index + 1} in the list`, 'number recommendations 1, 2, 3… in the order they appear');
    }
    numbers.set(recommendation.number, index);
  });
}

function checkGlossaryTerms(ctx: InspectionContext): void {
  const { file, data, diagnostics } = ctx;
  if (!known(ctx.broken, 'glossary')) return;
  data.glossary.forEach((id, index) => {
    if (!ctx.glossaryIds.has(id)) diagnostics.error(file, at(ctx, 'glossary', index), 'unknown-glossary-term', `glossary term "${id}" is not in content/glossary`, suggestion(id, [...ctx.glossaryIds]));
  });
}

/** Findings only for the framework's domains. */
function checkFindingsDomains(ctx: InspectionContext, framework: Framework): void {
  const { file, source, data, diagnostics } = ctx;
  const domainIds = framework.domains.map((domain) => domain.id);
  for (const id of Object.keys(data.findings)) {
    if (!domainIds.includes(id)) diagnostics.error(file, source.positionOf(['findings', id], 'key'), 'unknown-domain', `findings for domain "${id}", which ${framework.id} does not have`, `domains are ${domainIds.join(', ')}`);
  }
}

/** Each rating written is for a standard of the framework, on its scale. */
function checkWrittenRatings(ctx: InspectionContext, framework: Framework, standards: readonly Standard[]): void {
  const { file, source, data, diagnostics } = ctx;
  const ratingIds = [...framework.ratingScale.map((level) => level.id), NOT_RATED, ...(data.record === 'historic' ? [NOT_KNOWN] : [])];
  for (const [id, authored] of Object.entries(data.ratings)) {
    const standard = standards.find((s) => s.id === id);
    if (!standard) {
      diagnostics.error(file, source.positionOf(['ratings', id], 'key'), 'unknown-standard', `standard "${id}" is not in ${framework.id}`, `standards are ${standards.map((s) => s.id).join(', ')}`);
      continue;
    }
    if (authored.rating && !ratingIds.includes(authored.rating)) {
      diagnostics.error(file, at(ctx, 'ratings', id, 'rating'), 'unknown-rating', `"${authored.rating}" is not a rating in ${framework.id}`, suggestion(authored.rating, ratingIds));
    }
    if (authored.notRatedReason && authored.rating !== NOT_RATED) {
      diagnostics.warning(file, at(ctx, 'ratings', id, 'notRatedReason'), 'reason-for-rated-standard', `standard ${id} has a reason for not being rated, but it is rated`, 'remove notRatedReason, or set "rating: not-rated"');
    }
  }
}

/** Every standard rated by judgement has its rating, with evidence or a reason for not rating it. */
function checkJudgementRatings(ctx: InspectionContext, framework: Framework, standards: readonly Standard[]): void {
  const { file, source, data, diagnostics } = ctx;
  for (const standard of standards) {
    if (standard.method !== 'judgement' || !known(ctx.broken, `ratings.${standard.id}`) || ctx.broken.has('ratings')) continue;
    const authored = data.ratings[standard.id];
    if (!authored?.rating) {
      diagnostics.error(file, source.positionOf(authored ? ['ratings', standard.id] : ['ratings'], 'key'), 'missing-rating', `standard ${standard.id} ${standard.name} is rated by judgement and needs a rating`, `add under ratings: "${standard.id}": { rating: good, evidence: ... }`);
      continue;
    }
    if (authored.override) {
      diagnostics.error(file, source.positionOf(['ratings', standard.id, 'override'], 'key'), 'override-on-judgement', `standard ${standard.id} is rated by inspectors' judgement: there is no computed rating to override`, 'remove override and put the reasons in evidence');
    }
    if (authored.rating === NOT_RATED) {
      if (!standard.mayBeNotRated) {
        diagnostics.error(file, at(ctx, 'ratings', standard.id, 'rating'), 'not-rated-not-allowed', `standard ${standard.id} ${standard.name} must be rated`, `only ${standards.filter((s) => s.mayBeNotRated).map((s) => s.id).join(', ') || 'no standards'} may be left not rated in ${framework.id}`);
      } else if (!authored.notRatedReason) {
        diagnostics.error(file, at(ctx, 'ratings', standard.id, 'rating'), 'missing-not-rated-reason', `standard ${standard.id} is not rated but no reason is given`, 'add "notRatedReason:" saying why, such as no child in the sample was leaving custody');
      }
    } else if (!authored.evidence) {
      diagnostics.error(file, at(ctx, 'ratings', standard.id, 'rating'), 'missing-evidence', `the rating of standard ${standard.id} has no evidence summary`, 'add "evidence:" with the findings the rating rests on');
    }
  }
}

/** Checks the counts of a historic report without case records and returns them for the engine. */
export function checkCounts(ctx: InspectionContext, framework: Framework): Pick<RatingInput, 'counts' | 'sampleSize'> {
  const { file, source, data, diagnostics } = ctx;
  const questions = caseQuestions(framework);
  const sampleSize = { court: data.sampleSize?.court ?? 0, 'out-of-court': data.sampleSize?.['out-of-court'] ?? 0 };
  const counts: Record<string, KeyQuestionCount> = {};
  if (questions.size === 0 || !known(ctx.broken, 'counts', 'sampleSize')) return { counts, sampleSize };
  if (!data.counts) {
    diagnostics.error(file, source.positionOf(['ratings'], 'key'), 'missing-case-data', `inspection "${ctx.slug}" has no cases.csv and no counts, so its case-sample standards cannot be rated`, 'add cases.csv beside inspection.yaml (one row per case), or, for a historic report, counts and sampleSize');
    return { counts, sampleSize };
  }
  if (!data.sampleSize) {
    diagnostics.error(file, source.positionOf(['counts'], 'key'), 'missing-field', 'counts are given without sampleSize', 'add "sampleSize: { court: 24, out-of-court: 14 }" with the number of cases of each kind');
  }
  for (const [id, count] of Object.entries(data.counts)) {
    const keyAt = source.positionOf(['counts', id], 'key');
    const caseType = questions.get(id);
    if (!caseType) {
      const isQuestion = [...allStandards(framework)].some(({ standard }) => standard.keyQuestions.some((q) => q.id === id));
      diagnostics.error(file, keyAt, isQuestion ? 'not-a-case-question' : 'unknown-key-question', isQuestion ? `key question ${id} is rated by judgement, not from cases` : `key question ${id} is not in ${framework.id}`, isQuestion ? 'delete these counts' : `case questions are ${[...questions.keys()].join(', ')}`);
      continue;
    }
    if (count.yes > count.relevant) {
      diagnostics.error(file, source.positionOf(['counts', id, 'yes']), 'count-order', `key question ${id}: ${count.yes} yes out of ${count.relevant} relevant cases is impossible`, 'yes counts the relevant cases answered yes, so it cannot be larger');
    }
    if (data.sampleSize && count.relevant > sampleSize[caseType]) {
      diagnostics.error(file, source.positionOf(['counts', id, 'relevant']), 'count-exceeds-sample', `key question ${id}: ${count.relevant} relevant cases, but the ${caseType} sample has ${sampleSize[caseType]}`, 'correct the count or sampleSize');
    }
    counts[id] = count;
  }
  for (const [id, caseType] of questions) {
    if (!data.counts[id] && sampleSize[caseType] >= framework.caseSample.minimumSample) {
      diagnostics.error(file, source.positionOf(['counts'], 'key'), 'missing-count', `no counts for key question ${id}`, `add "${id}": { yes: <n>, relevant: <n> }`);
    }
  }
  return { counts, sampleSize };
}

/**
 * The narrative's sections, and (narrative-mdx.ts) everything in it the page and the PDF could not
 * draw. `narrative` is the file's text and the absolute folder it is in, for positions and pictures.
 */
export function checkNarrative(ctx: InspectionContext, framework: Framework, rating: InspectionRating, narrativeFile: string, markdown: MarkdownSource, narrative: Pick<NarrativeMdxInput, 'text' | 'folder' | 'contentFolder' | 'pictures' | 'standardSections'>): void {
  const { diagnostics } = ctx;
  if (markdown.syntaxError) {
    diagnostics.error(narrativeFile, markdown.syntaxError.at, 'mdx-syntax', markdown.syntaxError.message, 'MDX reads "<" and "{" as code: write them as &lt; and &#123;, or close the tag');
    return;
  }
  if (markdown.tree) checkNarrativeMdx({ ...narrative, tree: markdown.tree, file: narrativeFile, inspection: { framework, rating }, diagnostics });
  const standards = [...allStandards(framework)].map(({ standard }) => standard);
  const found = new Map<string, (typeof markdown.sections)[number]>();
  let lastIndex = -1;
  for (const section of markdown.sections) {
    const match = /^(\d+\.\d+)\.?\s+(.+)$/.exec(section.heading);
    const key = match ? match[1]! : SPECIAL_SECTIONS.find((name) => name.toLowerCase() === section.heading.toLowerCase());
    if (!key) {
      diagnostics.error(narrativeFile, section.at, 'unknown-section', `"## ${section.heading}" is not a section of an inspection report`, `level-2 headings are ${SPECIAL_SECTIONS.join(', ')} and one per standard, such as "## 2.1 Assessment"; use ### for headings inside a section`);
      continue;
    }
    if (found.has(key)) {
      diagnostics.error(narrativeFile, section.at, 'duplicate-section', `section "${key}" appears twice (first on line ${found.get(key)!.at.line})`, 'merge the two sections');
      continue;
    }
    found.set(key, section);
    if (!match) continue;
    const index = standards.findIndex((s) => s.id === key);
    const standard = standards[index];
    if (!standard) {
      diagnostics.error(narrativeFile, section.at, 'unknown-standard', `section "${section.heading}" is about standard ${key}, which ${framework.id} does not have`, `standards are ${standards.map((s) => s.id).join(', ')}`);
      continue;
    }
    if (match[2]!.trim() !== standard.name) {
      diagnostics.warning(narrativeFile, section.at, 'section-heading', `heading "${section.heading}" does not match the standard's name`, `write "## ${standard.id} ${standard.name}"`);
    }
    if (index < lastIndex) {
      diagnostics.warning(narrativeFile, section.at, 'section-order', `section ${key} comes after section ${standards[lastIndex]!.id}`, 'put the standards in the framework order');
    }
    lastIndex = Math.max(lastIndex, index);
  }
  if (!found.has('Foreword')) diagnostics.warning(narrativeFile, { line: 1, column: 1 }, 'missing-section', 'the narrative has no "## Foreword" section', 'add the foreword at the top');
  for (const result of rating.standards) {
    // Whether a standard needs a section turns on its rating: not known when that failed its schema.
    if (ctx.broken.has('ratings') || !known(ctx.broken, `ratings.${result.id}`)) continue;
    const standard = standards.find((s) => s.id === result.id)!;
    const needsNarrative = result.awarded !== NOT_RATED || standard.mayBeNotRated;
    if (needsNarrative && !found.has(result.id)) {
      const { at, after } = whereSectionBelongs(markdown.sections, found, standards, result.id, narrative.text);
      diagnostics.error(narrativeFile, at, 'missing-narrative', `standard ${result.id} ${result.name} is ${ratingLabel(framework, result.awarded)} but the narrative has no section for it`, `add "## ${result.id} ${result.name}" with the findings ${after ? `at this line, after the section "${after}"` : "at this line"}`);
    }
  }
}

/**
 * Where a missing standard's section belongs: the line where the section it should follow ends
 * (the next heading, or the end of the file), so that the inspector can type it there.
 */
function whereSectionBelongs(sections: readonly NarrativeSection[], found: ReadonlyMap<string, NarrativeSection>, standards: readonly Standard[], id: string, text: string): { at: Position; after?: string } {
  const index = standards.findIndex((s) => s.id === id);
  const earlier = standards.slice(0, index).reverse().find((s) => found.has(s.id));
  const previous = (earlier && found.get(earlier.id)) ?? found.get('Introduction') ?? found.get('Foreword');
  if (!previous) return { at: sections[0]?.at ?? { line: 1, column: 1 } };
  const next = sections[sections.indexOf(previous) + 1];
  const lastLine = text.replace(/\n+$/, '').split('\n').length;
  return { at: next?.at ?? { line: lastLine + 1, column: 1 }, after: previous.heading };
}

function describeLowest(rating: InspectionRating, id: string): string {
  const result = rating.standards.find((s) => s.id === id)!;
  const lowest = result.keyQuestions.filter((q) => q.percent).sort((a, b) => a.percent!.shown - b.percent!.shown)[0];
  return lowest ? `; its lowest key question, ${lowest.id}, is ${lowest.percent!.shown}% (${lowest.yes} of ${lowest.relevant})` : '';
}

export function checkRatingsAgainstComputed(ctx: InspectionContext, framework: Framework, rating: InspectionRating, cases: readonly CaseRecord[]): void {
  const { file, source, data, diagnostics } = ctx;
  const label = (id: string) => ratingLabel(framework, id);
  for (const result of rating.standards) {
    if (result.method !== 'case-sample') continue;
    const authored = data.ratings[result.id];
    if (!authored) continue;
    const computed = result.computed!;
    const where = (field: string) => source.positionOf(['ratings', result.id, field], field === 'override' ? 'key' : 'value');
    if (authored.override) {
      if (!authored.rating) {
        diagnostics.error(file, where('override'), 'missing-rating', `standard ${result.id} has an override but no awarded rating`, 'add "rating:" with the rating inspectors awarded');
      } else if (computed === NOT_RATED) {
        diagnostics.error(file, where('override'), 'override-not-rated', `standard ${result.id} cannot be rated (${result.notRatedReason ?? 'no data'}), so no rating can be awarded by judgement`, 'remove the override and set "rating: not-rated"');
      } else if (authored.rating === computed) {
        diagnostics.warning(file, where('override'), 'override-not-needed', `standard ${result.id}: the override awards ${label(computed)}, which is what the cases give anyway`, 'remove the override');
      } else if (ratingRank(framework, authored.rating) >= 0) {
        const distance = Math.abs(ratingRank(framework, authored.rating) - ratingRank(framework, computed));
        const max = framework.professionalJudgement.maxBandsFromComputed;
        if (distance > max) {
          diagnostics.error(file, where('rating'), 'override-too-far', `standard ${result.id}: professional judgement moves the rating ${distance} bands, from ${label(computed)} to ${label(authored.rating)}; at most ${max} is allowed`, `award a rating within ${max} band of ${label(computed)}`);
        }
      }
      continue;
    }
    if (authored.rating && authored.rating !== computed && ratingRank(framework, authored.rating) >= -1 && [...framework.ratingScale.map((l) => l.id), NOT_RATED].includes(authored.rating)) {
      const why = computed === NOT_RATED ? ` (${result.notRatedReason})` : describeLowest(rating, result.id);
      diagnostics.error(
        file,
        where('rating'),
        'rating-disagrees',
        `standard ${result.id} is written as ${label(authored.rating)}, but the case sample gives ${label(computed)}${why}`,
        computed === NOT_RATED ? 'set "rating: not-rated"' : `write ${computed}, or, if inspectors decided otherwise, add "override: { rationale: ... }" giving their reasons`,
      );
    }
  }
  // A standard that may be left unrated (resettlement) should follow the cases where records exist.
  if (cases.length > 0) {
    const hadResettlement = cases.some((record) => record.resettlement === 'yes');
    for (const { standard } of allStandards(framework)) {
      if (!standard.mayBeNotRated) continue;
      const authored = data.ratings[standard.id];
      if (!authored?.rating) continue;
      if (authored.rating === NOT_RATED && hadResettlement) {
        diagnostics.warning(file, source.positionOf(['ratings', standard.id, 'rating']), 'not-rated-with-cases', `standard ${standard.id} is not rated, but cases.csv has children marked resettlement: yes`, 'rate the standard, or correct the resettlement column');
      } else if (authored.rating !== NOT_RATED && !hadResettlement) {
        diagnostics.warning(file, source.positionOf(['ratings', standard.id, 'rating']), 'rated-without-cases', `standard ${standard.id} is rated, but no case in cases.csv is marked resettlement: yes`, 'check the resettlement column, or set "rating: not-rated" with a reason');
      }
    }
  }
}

export interface LoadedInspection {
  slug: string;
  file: string;
  source: YamlSource;
  data: InspectionSource;
  broken: ReadonlySet<string>;
}

/**
 * Reinspections and overlapping fieldwork across inspections. `unreadable` are the slugs of
 * inspections whose inspection.yaml has syntax errors: they exist, but nothing more is known.
 */
export function checkInspectionsTogether(loaded: readonly LoadedInspection[], diagnostics: DiagnosticList, unreadable: readonly string[] = [], lineage = new Lineage([])): void {
  const bySlug = new Map(loaded.map((entry) => [entry.slug, entry]));
  const all = [...bySlug.keys(), ...unreadable];
  // Each service's inspections, in the order loaded: an inspection is compared with its service's
  // others only (with every other inspection, this took 7 s of each live-preview edit at 10,000).
  const byService = new Map<string, LoadedInspection[]>();
  for (const entry of loaded) {
    const same = byService.get(entry.data.service);
    if (same) same.push(entry);
    else byService.set(entry.data.service, [entry]);
  }
  for (const entry of loaded) {
    const { data, file, source } = entry;
    if (data.reinspectionOf && !unreadable.includes(data.reinspectionOf)) {
      const earlier = bySlug.get(data.reinspectionOf);
      const at = source.positionOf(['reinspectionOf']);
      if (data.reinspectionOf === entry.slug) {
        diagnostics.error(file, at, 'unknown-inspection', 'an inspection cannot be a reinspection of itself', 'give the slug of the earlier inspection');
      } else if (!earlier) {
        diagnostics.error(file, at, 'unknown-inspection', `earlier inspection "${data.reinspectionOf}" is not in content/inspections`, suggestion(data.reinspectionOf, all.filter((s) => s !== entry.slug)));
      } else {
        // A reinspection may follow up an inspection of a service this one came from (Western Bay, then Bridgend).
        if (known(earlier.broken, 'service') && known(entry.broken, 'service') && earlier.data.service !== data.service && !lineage.ancestorsOf(data.service).includes(earlier.data.service)) {
          diagnostics.error(
            file,
            at,
            'reinspection-service',
            `"${data.reinspectionOf}" inspected ${earlier.data.service}, which is neither ${data.service} nor a service it came from`,
            `a reinspection follows up an earlier inspection of the same service or of one of its predecessors; if ${data.service} came from ${earlier.data.service}, add to content/services/${data.service}.yaml "predecessors: [{ service: ${earlier.data.service}, date: YYYY-MM-DD, kind: merger | split | rename }]"`,
          );
        }
        if (known(earlier.broken, 'fieldwork') && known(entry.broken, 'fieldwork') && earlier.data.fieldwork.end >= data.fieldwork.start) {
          diagnostics.error(file, at, 'reinspection-order', `"${data.reinspectionOf}" had fieldwork until ${earlier.data.fieldwork.end}, not before this reinspection started (${data.fieldwork.start})`, 'a reinspection comes after the inspection it follows up');
        }
      }
    }
    // A service that merged, split or was renamed is not inspected after the day it ceased.
    const ceased = known(entry.broken, 'service', 'fieldwork') ? lineage.successorsOf(data.service).find((step) => step.date <= data.fieldwork.start) : undefined;
    if (ceased) {
      diagnostics.error(file, source.positionOf(['fieldwork', 'start']), 'service-ceased', `${data.service} became ${ceased.to} (${ceased.kind}) on ${ceased.date}, before this fieldwork started (${data.fieldwork.start})`, `inspect the service it became: "service: ${ceased.to}", or correct the date in the lineage`);
    }
    for (const other of byService.get(data.service) ?? []) {
      if (other === entry || other.slug < entry.slug) continue;
      if (!known(entry.broken, 'service', 'fieldwork') || !known(other.broken, 'service', 'fieldwork')) continue;
      if (other.data.fieldwork.start <= data.fieldwork.end && data.fieldwork.start <= other.data.fieldwork.end) {
        diagnostics.warning(file, source.positionOf(['fieldwork']), 'overlapping-inspections', `"${entry.slug}" and "${other.slug}" inspect ${data.service} over overlapping fieldwork dates`, 'one of them may be a copy: check the slug and dates');
      }
    }
  }
}
