/** The report outline: template order, computed groupings and figures, and a computed glossary. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { loadProject } from '../../src/check/load-project.ts';
import { readMarkdown } from '../../src/source/markdown-file.ts';
import { reportOutline, type ReportSection } from '../../src/model/report.ts';
import { termsUsedIn } from '../../src/model/glossary-terms.ts';
import type { GlossaryTerm } from '../../src/model/schemas/glossary.ts';

const { project, diagnostics } = loadProject(process.cwd());
const template = project.documentTemplates.find((t) => t.id === 'inspection-report')!;

function outlineOf(slug: string): ReportSection[] {
  const inspection = project.inspections.find((i) => i.slug === slug)!;
  const markdown = readMarkdown(fs.readFileSync(inspection.narrativeFile, 'utf8'));
  return reportOutline(inspection, template, project.glossary, { headings: markdown.sections.map((s) => s.heading), text: toString(markdown.tree!) });
}

describe('the inspection report outline', () => {
  it('reads the document structure from templates/documents without problems', () => {
    expect(diagnostics).toEqual([]);
    expect(template.sections.length).toBeGreaterThan(5);
  });

  it('follows the template order, with one section per domain, and leaves out an optional narrative that is absent', () => {
    const headings = outlineOf('dudley-2019').map((s) => s.heading);
    expect(headings).toEqual([
      'Foreword', 'Overall findings', 'Summary of ratings', 'Recommendations', 'Introduction', 'Contextual facts',
      '1. Organisational delivery', '2. Court disposals', '3. Out-of-court disposals',
      'Annex 1: Methodology', 'Annex 2: Inspection results', 'Annex 3: Glossary',
    ]);
  });

  it('groups Dudley’s recommendations under their addressees, numbered as written', () => {
    const section = outlineOf('dudley-2019').find((s) => s.kind === 'recommendations')!;
    expect(section.kind === 'recommendations' && section.groups.map((g) => [g.addressee, g.items.map((i) => i.number)])).toEqual([
      ['Chair of the YOS Management Board', [1]],
      ['YOS Management Board', [2, 3, 4]],
      ['YOS Manager', [5]],
    ]);
  });

  it('computes the methodology samples and marks professional judgement in the results annex', () => {
    const outline = outlineOf('dudley-2019');
    const methodology = outline.find((s) => s.kind === 'methodology')!;
    expect(methodology.kind === 'methodology' && methodology.samples.map((s) => s.cases)).toEqual([24, 14]);
    const results = outline.find((s) => s.kind === 'results')!;
    if (results.kind !== 'results') throw new Error('no results section');
    const joint = results.domains.flatMap((d) => d.standards).find((s) => s.id === '3.4')!;
    expect([joint.label, joint.mark, joint.keyQuestions.map((q) => q.percent)]).toEqual(['Good', '*', [64, 100]]);
    expect(results.footnote).toBe('*Professional judgement applied.');
    const reviewing = results.domains.flatMap((d) => d.standards).find((s) => s.id === '2.4')!;
    expect(reviewing.keyQuestions.find((q) => q.id === '2.4.3')!.percent).toBe(47);
  });

  it('has no results footnote where no judgement was applied', () => {
    const results = outlineOf('harrowfield-2023').find((s) => s.kind === 'results')!;
    expect(results.kind === 'results' && results.footnote).toBeNull();
  });

  it('builds the glossary from the terms the report uses, plus those asked for', () => {
    const glossary = outlineOf('dudley-2019').find((s) => s.kind === 'glossary')!;
    if (glossary.kind !== 'glossary') throw new Error('no glossary');
    const ids = glossary.terms.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['assetplus', 'camhs', 'desistance']));
    expect(ids.length).toBeLessThan(project.glossary.length);
    expect(glossary.terms.map((t) => t.term)).toEqual([...glossary.terms.map((t) => t.term)].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });
});

describe('finding glossary terms in text', () => {
  const term = (id: string, word: string, aliases: string[] = []): GlossaryTerm => ({ id, term: word, aliases, definition: 'd', easyRead: 'e', seeAlso: [] });
  const glossary = [term('yot', 'Youth offending team', ['YOT']), term('desistance', 'Desistance'), term('victim', 'Victim')];

  it('matches whole words, any case for words and capitals only for abbreviations', () => {
    expect(termsUsedIn(['Work on desistance was strong.'], glossary).map((t) => t.id)).toEqual(['desistance']);
    expect(termsUsedIn(['The YOT met.'], glossary).map((t) => t.id)).toEqual(['yot']);
    expect(termsUsedIn(['They yot along.'], glossary)).toEqual([]);
    expect(termsUsedIn(['victimisation rose'], glossary)).toEqual([]);
    expect(termsUsedIn(['The youth offending team met.'], glossary).map((t) => t.id)).toEqual(['yot']);
  });
});
