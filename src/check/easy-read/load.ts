/**
 * A thematic report's full report (report.mdx beside thematic.yaml), checked against its template
 * (templates/documents/thematic-report.yaml). It is optional: without it the thematic has its summary page only.
 */
function readThematicNarrative(reader: ContentReader, folder: string, source: Thematic['source'], template: DocumentTemplate | undefined): Thematic['narrative'] {
  const absolute = path.join(folder, 'report.mdx');
  if (!fs.existsSync(absolute)) return undefined;
  const content = reader.read(absolute);
  if (!content) return undefined;
  const markdown = readMarkdown(content.text);
  if (!template) {
    reader.diagnostics.error(content.file, undefined, 'missing-file', 'there is no templates/documents/thematic-report.yaml, so the full report has no structure to follow', 'copy templates/documents/thematic-report.yaml from the project this tool came with');
    return undefined;
  }
  const before = reader.diagnostics.errorCount;
  checkThematicNarrative(markdown, { file: content.file, text: content.text, folder, contentFolder: reader.contentFolder, pictures: reader.pictures, thematic: { source }, template, diagnostics: reader.diagnostics });
  // A full report with errors is reported and left out of the build, which stops anyway.
  if (!markdown.tree || reader.diagnostics.errorCount > before) return undefined;
  return { file: content.file, tree: markdown.tree };
}

/**
 * Easy-read sources and structures: the templates (templates/easy-read/*.yaml), thematic reports
 * (content/thematic/<slug>/), each report's easy-read.mdx, and the checks over the assembled
 * easy-read version: its shape, its pictures, its generated text and its language.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContentReader } from '../content-reader.ts';
import { DiagnosticList, type Diagnostic } from '../diagnostics.ts';
import type { Position } from '../../model/position.ts';
import { LINK_POLICY_HINT, unsafeLinkMessage } from '../../model/url-policy.ts';
import { parseWithDiagnostics } from '../schema-issues.ts';
import type { YamlSource } from '../../source/yaml-file.ts';
import { easyReadFromTree, readEasyRead } from '../../source/easy-read-file.ts';
import type { Root } from 'mdast';
import { easyReadTemplateSchema, PLACEHOLDERS, type EasyReadTemplate } from '../../model/schemas/easy-read-template.ts';
import { thematicSchema } from '../../model/schemas/thematic.ts';
import type { EasyReadFile, Project, Thematic } from '../../model/project.ts';
import { easyReadDocument, glossaryPictureFolder, type EasyReadSubject, type Origin } from '../../document/easy-read-document.ts';
import { unusablePicture } from '../../document/pictures.ts';
import { componentNamed, attributesOf } from '../../document/components.ts';
import { easyReadCheckSettingsSchema, type EasyReadCheckSettings } from '../../model/schemas/easy-read-checks.ts';
import { checkEasyReadLanguageCached, type RowToCheck } from './language.ts';
import type { CheckCache } from '../check-cache.ts';
import type { EasyReadRecord, LiveMemo } from '../live-memo.ts';
import { guardFile } from '../tool-failure.ts';
import { visit } from 'unist-util-visit';
import { pictureFileContentProblem } from '../pictures/picture-file.ts';
import type { PictureUse } from '../pictures/decode.ts';
import type { DocumentTemplate } from '../../model/schemas/document-template.ts';
import { readMarkdown } from '../../source/markdown-file.ts';
import { checkThematicNarrative } from '../rules/thematic-report.ts';
import { checkCorrections } from '../rules/corrections.ts';
import { buildDateFrom } from '../../model/project.ts';
import { LANGUAGES, REFERENCE_LANGUAGE, type Lang } from '../../model/language.ts';
import { languagesOf, projectIn } from '../../model/translations.ts';
import { checkParity, templateSectionKey } from '../rules/parity.ts';
import { checkTranslatedNarrative, findTranslation, type TranslationSubject } from '../translations.ts';

/** A thematic report's full report and easy-read version in each other language it has (report.cy.mdx, easy-read.cy.mdx). */
function readThematicTranslations(reader: ContentReader, folder: string, thematic: Thematic, template: DocumentTemplate | undefined, easyReadTemplate: EasyReadTemplate | undefined): Thematic['translations'] {
  const translations: NonNullable<Thematic['translations']> = {};
  const subject = { name: `the thematic report "${thematic.slug}"`, languages: languagesOf(thematic), languagesAt: thematic.file };
  for (const lang of LANGUAGES) {
    if (lang === REFERENCE_LANGUAGE) continue;
    const entry: NonNullable<NonNullable<Thematic['translations']>[Lang]> = {};
    const translated = findTranslation(reader, path.join(folder, 'report.mdx'), lang, subject);
    const content = translated && reader.read(translated);
    if (content) {
      const tree = checkTranslatedNarrative(content, content.text, { file: thematic.narrative?.file ?? '', tree: thematic.narrative?.tree }, { folder, contentFolder: reader.contentFolder, pictures: reader.pictures, kind: 'thematic', thematic, diagnostics: reader.diagnostics }, 'report', template);
      if (tree) entry.narrative = { file: content.file, tree };
    }
    const easyRead = readTranslatedEasyRead(reader, folder, thematic.easyRead, lang, subject, easyReadTemplate);
    if (easyRead) entry.easyRead = easyRead;
    if (entry.narrative || entry.easyRead) translations[lang] = entry;
  }
  return Object.keys(translations).length ? translations : undefined;
}

export interface LoadedTemplate {
  template: EasyReadTemplate;
  file: string;
  source: YamlSource;
}

export function loadEasyReadTemplates(reader: ContentReader): LoadedTemplate[] {
  const loaded: LoadedTemplate[] = [];
  for (const absolute of reader.list('templates/easy-read', ['.yaml', '.yml'])) {
    reader.guarded(absolute, () => {
      const { file, source } = reader.yaml(absolute);
      if (source.data === undefined) return;
      const template = parseWithDiagnostics(easyReadTemplateSchema, source.data, source, file, reader.diagnostics);
      if (!template) return;
      // Placeholders are checked here, once, rather than showing up as "{servce}" in a published PDF.
      const visitText = (value: string, at: (string | number)[]) => {
        for (const match of value.matchAll(/\{([^}]*)\}/g)) {
          const name = match[1]!;
          if (name.startsWith('ref:') ? !template.sections.some((s) => s.id === name.slice(4)) : !(PLACEHOLDERS as readonly string[]).includes(name) && name !== 'who') {
            reader.diagnostics.error(file, source.positionOf(at, 'value'), 'template-placeholder', `"{${name}}" is not a placeholder`, `placeholders are ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}, {who} in whoShould, and {ref:<section id>}`);
          }
        }
      };
      const rows = [{ row: template.cover, at: ['cover'] as (string | number)[] }, ...template.sections.flatMap((s, i) => ('rows' in s ? s.rows.map((row, j) => ({ row, at: ['sections', i, 'rows', j] })) : []))];
      for (const { row, at } of rows) {
        visitText(row.alt, [...at, 'alt']);
        row.sentences.forEach((sentence, k) => visitText(sentence, [...at, 'sentences', k]));
      }
      visitText(template.title, ['title']);
      loaded.push({ template, file, source });
    });
  }
  return loaded;
}

export function loadEasyReadChecks(reader: ContentReader): EasyReadCheckSettings {
  const absolute = path.join(reader.root, 'content', 'easy-read-checks.yaml');
  if (!fs.existsSync(absolute)) return easyReadCheckSettingsSchema.parse({});
  const settings = reader.guarded(absolute, () => {
    const { file, source } = reader.yaml(absolute);
    return source.data === undefined ? undefined : parseWithDiagnostics(easyReadCheckSettingsSchema, source.data, source, file, reader.diagnostics);
  });
  return settings ?? easyReadCheckSettingsSchema.parse({});
}

/** The syntax tree of each easy-read file read, for the parity check of its translations (kept out of the model). */
const easyReadTrees = new WeakMap<EasyReadFile, Root>();
export const easyReadTreeOf = (file: EasyReadFile): Root | undefined => easyReadTrees.get(file);
/** Gives an easy-read file read back from the check's cache its syntax tree again. */
export const rememberEasyReadTree = (file: EasyReadFile, tree: Root): void => void easyReadTrees.set(file, tree);

/** Reads an easy-read.mdx (or its version in another language, easy-read.cy.mdx) when the folder has one, reporting its shape problems. */
export function readEasyReadFile(reader: ContentReader, folder: string, name = 'easy-read.mdx'): EasyReadFile | undefined {
  const absolute = path.join(folder, name);
  if (!fs.existsSync(absolute)) return undefined;
  const content = reader.read(absolute);
  if (!content) return undefined;
  const { file, text } = content;
  const markdown = readMarkdown(text);
  const source = markdown.tree ? easyReadFromTree(markdown.tree) : readEasyRead(text);
  if (source.syntaxError) {
    reader.diagnostics.error(file, source.syntaxError.at, 'mdx-syntax', source.syntaxError.message, 'MDX reads "<" and "{" as code: write them as &lt; and &#123;, or close the tag');
  }
  for (const problem of source.problems) reader.diagnostics.error(file, problem.at, problem.rule, problem.message, problem.hint);
  // Components: only inline ones that make sense in a sentence, with valid attributes.
  for (const section of source.sections) {
    for (const row of section.rows) {
      for (const sentence of row.sentences) {
        for (const node of sentence.inlines) {
          visit(node, (child) => {
            if (child.type === 'emphasis') return; // the language check reports italics
            const at: Position = { line: child.position?.start.line ?? sentence.at.line, column: child.position?.start.column ?? sentence.at.column };
            if (child.type === 'link') {
              const message = unsafeLinkMessage(child.url);
              if (message) reader.diagnostics.error(file, at, 'unsafe-link', message, LINK_POLICY_HINT);
              return;
            }
            if (child.type !== 'mdxJsxTextElement') return;
            const component = componentNamed(child.name ?? '');
            if (!component || component.kind !== 'inline') {
              reader.diagnostics.error(file, at, 'unknown-component', `<${child.name}> cannot be used in an easy-read sentence`, 'easy-read sentences may use <SectionRef to="hard-words" />');
              return;
            }
            const parsed = component.attributes.safeParse(attributesOf(child));
            if (!parsed.success) reader.diagnostics.error(file, at, 'component-attribute', `<${child.name}>: ${parsed.error.issues.map((i) => i.message).join('; ')}`, component.example);
          });
        }
      }
    }
  }
  const easyRead = { file, source };
  if (markdown.tree) easyReadTrees.set(easyRead, markdown.tree);
  return easyRead;
}

/**
 * The version in `lang` of an easy-read file (easy-read.cy.mdx), read and checked like the English
 * one, then compared with it: the same sections, pictures and references in the same order.
 */
export function readTranslatedEasyRead(reader: ContentReader, folder: string, english: EasyReadFile | undefined, lang: Lang, subject: TranslationSubject, template?: EasyReadTemplate): EasyReadFile | undefined {
  const translated = findTranslation(reader, path.join(folder, 'easy-read.mdx'), lang, subject);
  if (!translated) return undefined;
  const easyRead = readEasyReadFile(reader, folder, path.basename(translated));
  if (!easyRead) return undefined;
  const englishTree = english && easyReadTreeOf(english);
  const tree = easyReadTreeOf(easyRead);
  // The template's sections are matched by their Welsh headings once it has them (`cy: { heading }`).
  const sectionKey = templateSectionKey(template, template && `templates/easy-read/${template.for}.yaml`);
  if (english && englishTree && tree) checkParity({ what: 'easy read', english: { file: english.file, tree: englishTree }, welsh: { file: easyRead.file, tree }, sectionKey, diagnostics: reader.diagnostics });
  return easyRead;
}

export function loadThematics(reader: ContentReader, glossaryIds: ReadonlySet<string>, reportTemplate?: DocumentTemplate, easyReadTemplate?: EasyReadTemplate): { thematics: Thematic[]; sources: Map<string, YamlSource> } {
  const folder = path.join(reader.root, 'content/thematic');
  const thematics: Thematic[] = [];
  const sources = new Map<string, YamlSource>();
  if (!fs.existsSync(folder)) return { thematics, sources };
  const slugs = reader.folders(folder).map((absolute) => path.basename(absolute));
  for (const slug of slugs) {
    reader.guarded(path.join(folder, slug), () => {
      const yamlPath = path.join(folder, slug, 'thematic.yaml');
      if (!fs.existsSync(yamlPath)) {
        reader.diagnostics.error(reader.relative(path.join(folder, slug)), undefined, 'missing-file', `thematic report folder "${slug}" has no thematic.yaml`, 'add thematic.yaml with the title, dates and recommendations');
        return;
      }
      const { file, source } = reader.yaml(yamlPath);
      if (source.data === undefined) return;
      const data = parseWithDiagnostics(thematicSchema, source.data, source, file, reader.diagnostics);
      if (!data) return;
      sources.set(slug, source);
      data.recommendations.forEach((r, index) => {
        if (r.number !== index + 1) reader.diagnostics.error(file, source.positionOf(['recommendations', index, 'number'], 'value'), 'recommendation-number', `recommendation ${index + 1} is numbered ${r.number}`, 'number the recommendations 1, 2, 3… in order');
        // The recommendations tracker asks partnerships to answer these: without them its rows are empty.
        const missing = [r.linesOfEnquiry.length ? '' : 'lines of enquiry', r.evidence.length ? '' : '"how do we know?" evidence'].filter(Boolean);
        if (missing.length) {
          reader.diagnostics.warning(file, source.positionOf(['recommendations', index], 'value'), 'tracker-incomplete', `recommendation ${r.number} has no ${missing.join(' and no ')} for the recommendations tracker`, 'add linesOfEnquiry: (questions a partnership asks itself) and evidence: (what would show it is done), each a list');
        }
      });
      data.glossary.forEach((id, index) => {
        if (!glossaryIds.has(id)) reader.diagnostics.error(file, source.positionOf(['glossary', index], 'value'), 'unknown-term', `"${id}" is not a glossary term id`, 'use an id from content/glossary/terms.yaml');
      });
      if (data.status === 'embargoed' && !data.embargoedUntil) reader.diagnostics.error(file, source.positionOf(['status'], 'value'), 'embargo-date', 'an embargoed report needs embargoedUntil', 'add embargoedUntil: YYYY-MM-DD');
      const published = data.embargoedUntil && data.embargoedUntil > data.published ? data.embargoedUntil : data.published;
      const easyRead = readEasyReadFile(reader, path.join(folder, slug));
      const narrative = readThematicNarrative(reader, path.join(folder, slug), data, reportTemplate);
      // A thematic report with a full report (report.mdx) has a PDF: the one before each correction is kept in versions/, as for an inspection.
      const pdfFolder = fs.existsSync(path.join(folder, slug, 'report.mdx')) ? { pdfFolder: path.join(folder, slug), folderName: reader.relative(path.join(folder, slug)) } : {};
      checkCorrections({ file, source, corrections: data.corrections, published, buildDate: buildDateFrom(process.env), ...pdfFolder, languages: languagesOf({ source: data } as Thematic), diagnostics: reader.diagnostics });
      const thematic: Thematic = { slug, source: data, file, ...(easyRead ? { easyRead } : {}), ...(narrative ? { narrative } : {}) };
      const translations = readThematicTranslations(reader, path.join(folder, slug), thematic, reportTemplate, easyReadTemplate);
      thematics.push({ ...thematic, ...(translations ? { translations } : {}) });
    });
  }
  return { thematics, sources };
}

/** Where an object's value in `lang` is written: in the `cy:` map beside the field (["cover", "sentences", 0] → ["cover", "cy", "sentences", 0]). */
export function translatedPath(at: readonly (string | number)[], lang: Lang): (string | number)[] {
  const field = at.findLastIndex((key) => typeof key === 'string');
  return field < 0 ? [...at] : [...at.slice(0, field), lang, ...at.slice(field)];
}

/**
 * The language of each easy-read version in another language (easy-read.cy.mdx), as it will be
 * published: built from the project read in that language, so the sentences the tool writes (the
 * template's, the recommendations' and the glossary's Welsh words) are checked with the author's,
 * each where it is written, by the rules that apply to that language (rule-languages.ts). Its
 * structure is the English one's (the parity check), so its sections and pictures are checked with
 * the English version and not again here.
 */
export function checkTranslatedEasyReadLanguage(
  project: Project,
  root: string,
  templates: readonly LoadedTemplate[],
  yamlSources: { inspection: Map<string, { file: string; source: YamlSource }>; thematic: Map<string, YamlSource> },
  glossarySources: ReadonlyMap<string, { file: string; source: YamlSource; index: number }>,
  settings: EasyReadCheckSettings,
  diagnostics: DiagnosticList,
  /** The check's cache of language findings, if any. */
  cache?: CheckCache,
): void {
  // Generated text is shared by many versions: reported once.
  const seen = new Set<string>();
  for (const lang of LANGUAGES) {
    if (lang === REFERENCE_LANGUAGE) continue;
    // From a copy: projectIn keeps the view it makes for the project it is given, and the project is still being loaded.
    const view = projectIn({ ...project }, lang);
    const translated = (item: { translations?: Partial<Record<Lang, { easyRead?: EasyReadFile }>> }) => item.translations?.[lang]?.easyRead !== undefined;
    const subjects: { subject: EasyReadSubject; easyRead: EasyReadFile; yaml: { file: string; source: YamlSource } | undefined }[] = [
      ...view.inspections.filter(translated).map((inspection) => ({ subject: { kind: 'inspection', inspection } as EasyReadSubject, easyRead: inspection.translations![lang]!.easyRead!, yaml: yamlSources.inspection.get(inspection.slug) })),
      ...view.thematics.filter(translated).map((thematic) => ({ subject: { kind: 'thematic', thematic } as EasyReadSubject, easyRead: thematic.translations![lang]!.easyRead!, yaml: yamlSources.thematic.has(thematic.slug) ? { file: thematic.file, source: yamlSources.thematic.get(thematic.slug)! } : undefined })),
    ];
    for (const { subject, easyRead, yaml } of subjects) {
      guardFile(diagnostics, easyRead.file, () => {
        const template = templates.find((t) => t.template.for === subject.kind);
        const found = new DiagnosticList();
        if (!template) {
          // Reported with the English version; the author's own sentences can still be checked.
          const { file, source } = easyRead;
          const rows = source.sections.flatMap((section) => section.rows.map((row) => ({ file, at: row.at, sentences: row.sentences.map((sentence) => ({ text: sentence.text, inlines: sentence.inlines, file, at: sentence.at })) })));
          checkEasyReadLanguageCached(cache, rows, view.glossary, settings, diagnostics, lang);
          return;
        }
        // The Welsh words are in the cy: map beside the English ones (a missing one is reported by the Welsh values check, at its object).
        const where = (origin: Origin): { file: string; at: Position | undefined } => {
          switch (origin.kind) {
            case 'easy-read':
              return { file: easyRead.file, at: origin.at };
            case 'template':
              return { file: template.file, at: template.source.positionOf(translatedPath(origin.path, lang), 'value') };
            case 'recommendation':
              return yaml ? { file: yaml.file, at: yaml.source.positionOf(['recommendations', origin.index, lang, origin.field], 'value') } : { file: easyRead.file, at: undefined };
            case 'glossary': {
              const entry = glossarySources.get(origin.termId);
              return entry ? { file: entry.file, at: entry.source.positionOf([entry.index, lang, origin.field], 'value') } : { file: 'content/glossary/terms.yaml', at: undefined };
            }
          }
        };
        const built = easyReadDocument(view, subject, root);
        const rows: RowToCheck[] = built.rows.map((row) => {
          const at = where(row.origin);
          return {
            file: at.file,
            at: at.at ?? { line: 1, column: 1 },
            sentences: row.sentences.map((sentence) => {
              const place = where(sentence.origin);
              return { text: sentence.text, ...(sentence.inlines ? { inlines: sentence.inlines } : {}), file: place.file, at: place.at ?? { line: 1, column: 1 } };
            }),
          };
        });
        checkEasyReadLanguageCached(cache, rows, view.glossary, settings, found, lang);
        for (const d of found.items) {
          const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
          if (seen.has(key)) continue;
          seen.add(key);
          diagnostics.add(d.file, d, d.severity, d.rule, d.message, d.hint);
        }
      });
    }
  }
}

/**
 * Builds each easy-read version as it will be published and checks it: missing sections, pictures,
 * recommendations without easy words, and the language rules on every sentence, the generated ones
 * included, each reported where it was written.
 */
export function checkEasyReadVersions(
  project: Project,
  root: string,
  templates: readonly LoadedTemplate[],
  yamlSources: { inspection: Map<string, { file: string; source: YamlSource }>; thematic: Map<string, YamlSource> },
  /** Where each glossary term is written, by its id. */
  glossarySources: ReadonlyMap<string, { file: string; source: YamlSource; index: number }>,
  settings: EasyReadCheckSettings,
  diagnostics: DiagnosticList,
  pictures: PictureUse[],
  /** The check's cache of language findings, if any. */
  cache?: CheckCache,
  /** The live preview's memo of each version's check (live-memo.ts), if any. */
  memo?: LiveMemo,
  /** The cache key of each version's inspection folder (folder-record.ts): its check is kept under it. */
  keys?: ReadonlyMap<EasyReadFile, string>,
): void {
  const subjects: { subject: EasyReadSubject; easyRead: EasyReadFile; yaml: { file: string; source: YamlSource } | undefined }[] = [
    ...project.inspections.filter((i) => i.easyRead).map((inspection) => ({ subject: { kind: 'inspection', inspection } as EasyReadSubject, easyRead: inspection.easyRead!, yaml: yamlSources.inspection.get(inspection.slug) })),
    ...project.thematics.filter((t) => t.easyRead).map((thematic) => ({ subject: { kind: 'thematic', thematic } as EasyReadSubject, easyRead: thematic.easyRead!, yaml: yamlSources.thematic.has(thematic.slug) ? { file: thematic.file, source: yamlSources.thematic.get(thematic.slug)! } : undefined })),
  ];
  const seen = new Set<string>();
  // Every glossary picture, used in an easy-read version yet or not, is checked here; the versions find the same problems again for the words they use, and those are not repeated.
  const contentFolder = path.join(root, 'content');
  for (const term of project.glossary) {
    const entry = glossarySources.get(term.id);
    if (!term.picture || !entry) continue;
    const problem = unusablePicture(term.picture, glossaryPictureFolder(contentFolder), contentFolder, root);
    if (!problem) continue;
    const at = entry.source.positionOf([entry.index, 'picture'], 'value');
    seen.add(`${entry.file}:${at?.line}:${at?.column}:picture:${problem.message}`);
    diagnostics.error(entry.file, at, 'picture', problem.message, problem.hint);
  }
  for (const { subject, easyRead, yaml } of subjects) {
    guardFile(diagnostics, easyRead.file, () => {
      const template = templates.find((t) => t.template.for === subject.kind);
      if (!template) {
        diagnostics.error(easyRead.file, undefined, 'missing-file', `there is no templates/easy-read/${subject.kind}.yaml for this easy-read version`, 'restore the template from the project');
        return;
      }
      const where = (origin: Origin): { file: string; at: Position | undefined } => {
        switch (origin.kind) {
          case 'easy-read':
            return { file: easyRead.file, at: origin.at };
          case 'template':
            return { file: template.file, at: template.source.positionOf(origin.path, 'value') };
          case 'recommendation':
            return yaml ? { file: yaml.file, at: yaml.source.positionOf(['recommendations', origin.index, origin.field], origin.field === 'easyRead' ? 'value' : 'key') } : { file: easyRead.file, at: undefined };
          case 'glossary': {
            const entry = glossarySources.get(origin.termId);
            return entry ? { file: entry.file, at: entry.source.positionOf([entry.index, origin.field], 'value') } : { file: 'content/glossary/terms.yaml', at: undefined };
          }
        }
      };
      // What this version's check reports, in order: from the live preview's memo while nothing it draws on changed.
      const context = memo?.context ?? '';
      let kept = memo?.easyRead.get(easyRead);
      if (kept?.context !== context) kept = undefined;
      // Or kept in the cache under its folder's key (folder-record.ts), which covers all it draws on.
      const diskKey = cache?.enabled ? keys?.get(easyRead) : undefined;
      if (!kept && diskKey) {
        const stored = cache!.read<EasyReadRecord>('easy-read-check', diskKey);
        if (stored) {
          kept = { ...stored, context };
          memo?.easyRead.set(easyRead, kept);
        }
      }
      const record: EasyReadRecord = kept ?? { context, problems: [], pictures: [], language: [] };
      const reportProblem = (problem: EasyReadRecord['problems'][number]) => {
        // A glossary word's problem is the same in every version that uses it: reported once.
        const key = `${problem.file}:${problem.at?.line}:${problem.at?.column}:${problem.rule}:${problem.message}`;
        if (problem.glossary && seen.has(key)) return;
        seen.add(key);
        diagnostics.error(problem.file, problem.at, problem.rule, problem.message, problem.hint);
      };
      const reportPicture = (picture: EasyReadRecord['pictures'][number]) => {
        if ('problem' in picture) diagnostics.error(picture.problem.file, picture.problem.at, 'picture', picture.problem.message, picture.problem.hint);
        else pictures.push(picture.use);
      };
      // Generated text (a template sentence, a glossary definition) is shared by many versions: report it once.
      const reportLanguage = (found: readonly Diagnostic[]) => {
        for (const d of found) {
          const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
          if (seen.has(key)) continue;
          seen.add(key);
          diagnostics.add(d.file, d, d.severity, d.rule, d.message, d.hint);
        }
      };
      if (record === kept) {
        record.problems.forEach(reportProblem);
        record.pictures.forEach(reportPicture);
        reportLanguage(record.language);
        return;
      }
      const built = easyReadDocument(project, subject, root);
      for (const problem of built.problems) {
        const { file, at } = where(problem.origin);
        const entry = { file, at, rule: problem.rule, message: problem.message, hint: problem.hint, glossary: problem.origin.kind === 'glossary' };
        record.problems.push(entry);
        reportProblem(entry);
      }
      // The author's own picture files: found inside content/ by the document; their contents checked here.
      for (const { origin, url, image } of built.pictureFiles) {
        const { file, at } = where(origin);
        const problem = pictureFileContentProblem(url, image.source);
        const entry = problem ? { problem: { file, at, message: problem.message, hint: problem.hint } } : { use: { file, at, url, source: image.source, ...(image.square ? { square: image.square } : {}), rule: 'picture' } };
        record.pictures.push(entry);
        reportPicture(entry);
      }
      const rows: RowToCheck[] = built.rows.map((row) => {
        const at = where(row.origin);
        return {
          file: at.file,
          at: at.at ?? { line: 1, column: 1 },
          sentences: row.sentences.map((sentence) => {
            const place = where(sentence.origin);
            return { text: sentence.text, ...(sentence.inlines ? { inlines: sentence.inlines } : {}), file: place.file, at: place.at ?? { line: 1, column: 1 } };
          }),
        };
      });
      const found = new DiagnosticList();
      checkEasyReadLanguageCached(cache, rows, project.glossary, settings, found);
      record.language = found.items;
      reportLanguage(found.items);
      // Kept only once the whole check of the version has run (a failure part-way is checked again next time).
      memo?.easyRead.set(easyRead, record);
      if (diskKey) cache!.write('easy-read-check', diskKey, record);
    });
  }
}
