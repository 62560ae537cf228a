/**
 * Annual reports (content/annual-reports/<year>.mdx): front matter checked against its schema, its
 * dates against each other and against the inspections it counts, and its narrative by the same
 * rules as an inspection's report.mdx, with the annual report's components.
 *
 * Rules: annual-report-name, front-matter, annual-report-period, published-before-period-end,
 * empty-period, inspection-left-out, mdx-syntax, no-sections and those of narrative-mdx.ts; a Welsh
 * version (<year>.cy.mdx) those of translations.ts and parity.
 */
import path from 'node:path';
import { checkWelshValues } from './rules/welsh-values.ts';
import type { Root } from 'mdast';
import type { ContentReader } from './content-reader.ts';
import type { DiagnosticList } from './diagnostics.ts';
import type { YamlSource } from '../source/yaml-file.ts';
import { parseWithDiagnostics } from './schema-issues.ts';
import { checkNarrativeMdx } from './rules/narrative-mdx.ts';
import { readFrontMatter } from '../source/front-matter.ts';
import { readMarkdown } from '../source/markdown-file.ts';
import { annualReportSchema, type AnnualReportSource } from '../model/schemas/annual-report.ts';
import { inPeriod } from '../model/aggregates.ts';
import { isPublic, type AnnualReport, type Project } from '../model/project.ts';
import { annualReportContext, periodLabel, type AnnualReportContext } from '../document/annual-report-figures.ts';
import { LANGUAGES, REFERENCE_LANGUAGE } from '../model/language.ts';
import { languagesOf } from '../model/translations.ts';
import { translationOf } from '../source/translation-file.ts';
import { checkFrontMatterParity } from './rules/parity.ts';
import { checkTranslatedNarrative, findTranslation } from './translations.ts';

export const ANNUAL_REPORTS_FOLDER = 'content/annual-reports';

/** Where a field of the front matter is written. */
const fieldAt = (frontMatter: YamlSource, ...keys: PropertyKey[]) => frontMatter.positionOf(keys);

export function loadAnnualReports(reader: ContentReader, project: Pick<Project, 'inspections' | 'frameworks'>): AnnualReport[] {
  const reports: AnnualReport[] = [];
  const files = reader.list(ANNUAL_REPORTS_FOLDER, ['.mdx', '.md']);
  for (const absolute of files) {
    const translation = translationOf(path.basename(absolute));
    if (translation) {
      // Read with its English report; one without it is reported here.
      if (!files.includes(path.join(path.dirname(absolute), translation.reference))) findTranslation(reader, path.join(path.dirname(absolute), translation.reference), translation.lang, { name: '', languages: [], languagesAt: '' });
      continue;
    }
    const report = reader.guarded(absolute, () => loadAnnualReport(reader, absolute, project));
    if (report) reports.push(report);
  }
  return reports;
}

/**
 * The annual report in each other language it is published in (<year>.cy.mdx beside <year>.mdx):
 * its narrative is checked by the same rules and compared with the English one; front matter, if it
 * repeats the English file's, has the same fields with the same values (the title may be in Welsh).
 */
function loadTranslations(reader: ContentReader, absolute: string, report: AnnualReport, englishFrontMatter: YamlSource, context: AnnualReportContext): AnnualReport['translations'] {
  const translations: NonNullable<AnnualReport['translations']> = {};
  const subject = { name: `the annual report ${report.year}`, languages: languagesOf(report), languagesAt: `the front matter of ${report.file}` };
  for (const lang of LANGUAGES) {
    if (lang === REFERENCE_LANGUAGE) continue;
    const translated = findTranslation(reader, absolute, lang, subject);
    const content = translated && reader.read(translated);
    if (!content) continue;
    const split = readFrontMatter(content.text);
    if (split.unclosed) {
      reader.diagnostics.error(content.file, split.unclosed, 'front-matter', 'the front matter has no closing "---" line', 'end the front matter with a line of three hyphens, ---, before the narrative');
      continue;
    }
    // The report's facts, and the Welsh title (cy: { title }), are in the English file's front matter;
    // the Welsh file may repeat it, and then must agree with it.
    if (split.frontMatter) {
      reader.reportYamlProblems(content.file, split.frontMatter);
      const frontMatter = split.frontMatter;
      if (frontMatter.data !== undefined) {
        const withoutWelsh = (data: unknown) => (data && typeof data === 'object' && !Array.isArray(data) ? Object.fromEntries(Object.entries(data).filter(([key]) => key !== lang)) : data);
        checkFrontMatterParity({ english: { file: report.file, data: withoutWelsh(englishFrontMatter.data) }, welsh: { file: content.file, data: withoutWelsh(frontMatter.data), positionOf: (at) => frontMatter.positionOf(at) }, textKeys: ANNUAL_REPORT_TEXT_FIELDS, diagnostics: reader.diagnostics });
      }
    }
    const tree = checkTranslatedNarrative(content, split.body, { file: report.file, tree: report.narrative.children.length ? report.narrative : undefined }, { folder: path.dirname(absolute), contentFolder: reader.contentFolder, pictures: reader.pictures, kind: 'annual-report', annualReport: context, diagnostics: reader.diagnostics }, 'annual report', undefined);
    if (tree) translations[lang] = { file: content.file, narrative: tree };
  }
  return Object.keys(translations).length ? translations : undefined;
}

/** The front-matter fields of an annual report that are words, written in each language. */
const ANNUAL_REPORT_TEXT_FIELDS: ReadonlySet<string> = new Set(['title']);

/** One annual report: its name, front matter, dates and narrative checked; undefined when it cannot be read. */
function loadAnnualReport(reader: ContentReader, absolute: string, project: Pick<Project, 'inspections' | 'frameworks'>): AnnualReport | undefined {
  const { diagnostics } = reader;
  const content = reader.read(absolute);
  if (!content) return undefined;
  const { file, text } = content;
  const year = path.basename(absolute).replace(/\.mdx?$/, '');
  if (!absolute.endsWith('.mdx')) {
    diagnostics.error(file, undefined, 'annual-report-name', `annual reports are .mdx files: "${path.basename(absolute)}" would not be published`, `rename it to ${year}.mdx`);
    return undefined;
  }
  if (!/^\d{4}$/.test(year)) {
    diagnostics.error(file, undefined, 'annual-report-name', `the file name "${year}.mdx" is used as the report's web address and must be its year`, 'rename the file to the year the report covers, such as 2026.mdx');
    return undefined;
  }

  // Front matter.
  const split = readFrontMatter(text);
  if (split.unclosed) {
    diagnostics.error(file, split.unclosed, 'front-matter', 'the front matter has no closing "---" line', 'end the front matter with a line of three hyphens, ---, before the narrative');
    return undefined;
  }
  const frontMatter = split.frontMatter;
  if (!frontMatter) {
    diagnostics.error(file, undefined, 'front-matter', 'an annual report starts with front matter: its title, period and publication date between two "---" lines', 'start the file with a line "---", then lines such as "title: Annual report 2026", "period: { from: 2025-10-01, to: 2026-09-30 }", "published: 2026-11-10" and "status: draft", then a line "---"');
    return undefined;
  }
  reader.reportYamlProblems(file, frontMatter);
  if (frontMatter.data === undefined) return undefined;
  const source = parseWithDiagnostics(annualReportSchema, frontMatter.data, frontMatter, file, diagnostics);

  // The narrative.
  const markdown = readMarkdown(split.body);
  if (markdown.syntaxError) {
    diagnostics.error(file, markdown.syntaxError.at, 'mdx-syntax', markdown.syntaxError.message, 'MDX reads "<" and "{" as code: write them as &lt; and &#123;, or close the tag');
  } else if (markdown.sections.length === 0) {
    diagnostics.error(file, undefined, 'no-sections', 'the annual report has no sections', 'write its narrative under level-2 headings, such as "## Introduction"');
  }
  if (!source) return undefined;

  // An annual report is in English only unless its front matter says otherwise (languagesOf).
  if (source.languages?.includes('cy')) {
    checkWelshValues({ file, source: frontMatter, schema: annualReportSchema, value: source, because: 'the annual report is published in Welsh' }, diagnostics);
    // Said, not left silent: the Welsh is checked and kept in step, but the site has no Welsh annual-report page or PDF yet.
    diagnostics.warning(
      file,
      frontMatter.positionOf(['languages'], 'value'),
      'not-yet-published-in-welsh',
      'annual reports are published in English only for now: the Welsh title and narrative are checked and kept in step with the English, but no Welsh page or PDF is made from them yet',
      'keep the Welsh ready, or leave languages: out until Welsh annual reports are published',
    );
  }
  const datesAgree = checkDates(file, year, source, frontMatter, diagnostics);
  const report: AnnualReport = { year, source, file, narrative: markdown.tree ?? ({ type: 'root', children: [] } satisfies Root) };
  const context = annualReportContext(project, report);
  if (datesAgree) checkPeriodInspections(file, report, context.inspections.length, project, frontMatter, diagnostics);
  if (markdown.tree) {
    checkNarrativeMdx({ tree: markdown.tree, text: split.body, file, folder: path.dirname(absolute), contentFolder: reader.contentFolder, pictures: reader.pictures, kind: 'annual-report', annualReport: context, diagnostics });
  }
  const translations = loadTranslations(reader, absolute, report, frontMatter, context);
  return translations ? { ...report, translations } : report;
}

/** The period, the previous period and the publication date in order; whether they agree enough to count inspections by. */
function checkDates(file: string, year: string, source: AnnualReportSource, frontMatter: YamlSource, diagnostics: DiagnosticList): boolean {
  const { period, previousPeriod, published } = source;
  let datesAgree = true;
  if (period.from > period.to) {
    diagnostics.error(file, fieldAt(frontMatter, 'period', 'to'), 'annual-report-period', `the period ends (${period.to}) before it starts (${period.from})`, 'correct period: from is the first day, to the last');
    datesAgree = false;
  } else if (period.to.slice(0, 4) !== year) {
    diagnostics.error(file, fieldAt(frontMatter, 'period', 'to'), 'annual-report-name', `the file is named ${year}.mdx but the period ends in ${period.to.slice(0, 4)}`, `name the file after the year the period ends: ${period.to.slice(0, 4)}.mdx`);
  }
  if (previousPeriod) {
    if (previousPeriod.from > previousPeriod.to) {
      diagnostics.error(file, fieldAt(frontMatter, 'previousPeriod', 'to'), 'annual-report-period', `the previous period ends (${previousPeriod.to}) before it starts (${previousPeriod.from})`, 'correct previousPeriod: from is the first day, to the last');
    } else if (previousPeriod.to >= period.from) {
      diagnostics.error(file, fieldAt(frontMatter, 'previousPeriod', 'to'), 'annual-report-period', `the previous period (${previousPeriod.from} to ${previousPeriod.to}) does not end before this period starts (${period.from})`, 'the previous period is the one before: make it end before period.from');
    }
  }
  if (datesAgree && published <= period.to) {
    diagnostics.error(file, fieldAt(frontMatter, 'published'), 'published-before-period-end', `the report is published (${published}) before its period ends (${period.to})`, 'publish it after the period ends, or end the period earlier');
  }
  return datesAgree;
}

/** Warns of a period without inspections, and of inspections of the period left out because they are not yet public. */
function checkPeriodInspections(file: string, report: AnnualReport, counted: number, project: Pick<Project, 'inspections'>, frontMatter: YamlSource, diagnostics: DiagnosticList): void {
  const { period, published } = report.source;
  if (counted === 0) {
    diagnostics.warning(file, fieldAt(frontMatter, 'period'), 'empty-period', `no inspection published by ${published} had its fieldwork in ${periodLabel(period)}: every figure would be empty`, 'check the period: an inspection belongs to the period in which its fieldwork started');
  }
  // Inspections of the period not yet public on the report's date are left out of every figure.
  const left = inPeriod(project.inspections, period).filter((i) => !isPublic(i, published));
  if (left.length) {
    diagnostics.warning(
      file,
      fieldAt(frontMatter, 'published'),
      'inspection-left-out',
      `${left.map((i) => i.slug).join(', ')} had ${left.length === 1 ? 'its' : 'their'} fieldwork in the period but ${left.length === 1 ? 'is' : 'are'} not published by ${published}, so ${left.length === 1 ? 'it is' : 'they are'} left out of the figures`,
      'publish the annual report once they are published, or end the period before their fieldwork',
    );
  }
}
