/** A thematic report's full report as a document model: its template's sections in order, filled from report.mdx and thematic.yaml. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { thematicReportDocument } from '../../src/document/thematic-report-document.ts';
import { inlineText, type Block, type DocumentModel } from '../../src/document/blocks.ts';
import { formatDate } from '../../src/document/dates.ts';
import type { Project, Thematic } from '../../src/model/project.ts';

const root = path.resolve(import.meta.dirname, '../..');
let project: Project;
let thematic: Thematic;
let model: DocumentModel;

beforeAll(() => {
  ({ project } = loadProject(root));
  thematic = project.thematics.find((t) => t.slug === 'out-of-court-disposals-2025')!;
  model = thematicReportDocument(project, thematic, root);
}, 60_000);

const headings = (m: DocumentModel, level = 2) => m.body.flatMap((b) => (b.type === 'heading' && b.level === level ? [b.text] : []));

/** The blocks under a level-2 heading, up to the next one. */
function section(m: DocumentModel, heading: string): Block[] {
  const start = m.body.findIndex((b) => b.type === 'heading' && b.level === 2 && b.text === heading);
  expect(start, `no section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = m.body.findIndex((b, i) => i > start && b.type === 'heading' && b.level === 2);
  return m.body.slice(start + 1, end < 0 ? undefined : end);
}

/** Every piece of text in some blocks, joined. */
function textOf(blocks: readonly Block[]): string {
  const parts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      if (value.every((v) => typeof (v as { type?: unknown })?.type === 'string' && ['text', 'link', 'break', 'note-ref'].includes((v as { type: string }).type))) parts.push(inlineText(value));
      else value.forEach(visit);
    } else if (value && typeof value === 'object') Object.entries(value).forEach(([key, v]) => key !== 'type' && key !== 'id' && visit(v));
    else if (typeof value === 'string') parts.push(value);
  };
  visit(blocks);
  return parts.join(' ');
}

describe('the full report of a thematic inspection', () => {
  it('has only the thematic that has a report.mdx: the other is published as its summary page', () => {
    expect(thematic.narrative?.file).toBe('content/thematic/out-of-court-disposals-2025/report.mdx');
    const other = project.thematics.find((t) => t.slug === 'education-training-employment-2024')!;
    expect(other.narrative).toBeUndefined();
    expect(() => thematicReportDocument(project, other, root)).toThrow(/no report\.mdx/);
  });

  it("has the template's sections in the template's order, the findings chapters where the template puts them, in the order written", () => {
    const template = project.documentTemplates.find((t) => t.id === 'thematic-report')!;
    const named = template.sections.flatMap((s) => (s.kind === 'narrative' ? [s.narrative] : []));
    const written = thematic.narrative!.tree.children.flatMap((n) => (n.type === 'heading' && n.depth === 2 ? [(n.children[0] as { value: string }).value] : []));
    const chapters = written.filter((h) => !named.includes(h));
    expect(chapters.length).toBeGreaterThan(0);
    const expected = template.sections.flatMap((s) => {
      if (s.kind === 'findings') return chapters;
      return 'heading' in s ? [s.heading] : [];
    });
    // Then, for a corrected report (the sample is corrected once), the list of corrections, as in an inspection report.
    expect(thematic.source.corrections.length).toBe(1);
    expect(headings(model)).toEqual([...expected, 'Corrections']);
    expect(model.revision).toEqual({ number: 2, date: '2026-02-10' });
  });

  it("draws the recommendations from thematic.yaml, numbered as written and grouped by who must act", () => {
    const blocks = section(model, 'Recommendations');
    const lists = blocks.flatMap((b) => (b.type === 'list' && b.ordered ? [b] : []));
    const printed = lists.flatMap((list) => list.items.map((item, i) => ({ number: list.start + i, text: textOf(item) })));
    expect(printed).toEqual(thematic.source.recommendations.map((r) => ({ number: r.number, text: r.text })));
    const addressees = [...new Set(thematic.source.recommendations.map((r) => r.addressee))];
    expect(blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []))).toEqual(addressees.map((a) => `${a} should:`));
  });

  it('writes the methodology from the data: fieldwork dates, each area visited, the cases read; other data gives other figures', () => {
    const text = textOf(section(model, 'Annex 1: Methodology'));
    const { source } = thematic;
    expect(text).toContain(`${formatDate(source.fieldwork.start)} to ${formatDate(source.fieldwork.end)}`);
    for (const area of source.areas) expect(text).toContain(area);
    expect(text).toContain(`We visited six areas`);
    expect(text).toContain(`We read ${source.casesRead} cases`);
    const changed = thematicReportDocument(project, { ...thematic, source: { ...source, areas: ['Ashbridge', 'Dunmore'], casesRead: 41 } }, root);
    const changedText = textOf(section(changed, 'Annex 1: Methodology'));
    expect(changedText).toContain('We visited two areas');
    expect(changedText).toContain('We read 41 cases');
    expect(changedText).not.toContain('Westerby');
  });

  it('prints the figures the narrative quotes (<CasesRead />, <AreasVisited />) from thematic.yaml', () => {
    expect(textOf(section(model, 'Introduction'))).toContain(`visited six areas in England and Wales and read ${thematic.source.casesRead} cases`);
    const changed = thematicReportDocument(project, { ...thematic, source: { ...thematic.source, areas: ['Ashbridge'], casesRead: 12 } }, root);
    expect(textOf(section(changed, 'Introduction'))).toContain('read 12 cases');
  });

  it('has a glossary of the terms the report uses and those thematic.yaml lists, in alphabetical order', () => {
    const definitions = section(model, 'Annex 2: Glossary').find((b) => b.type === 'definitions');
    expect(definitions?.type).toBe('definitions');
    const ids = definitions!.type === 'definitions' ? definitions!.items.map((i) => i.id.replace(/^term-/, '')) : [];
    for (const id of thematic.source.glossary) expect(ids).toContain(id);
    const terms = definitions!.type === 'definitions' ? definitions!.items.map((i) => i.term) : [];
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });

  it('carries the title, the dates and the fictional-sample notice on its cover', () => {
    expect(model.title).toBe(thematic.source.title);
    const cover = textOf(model.cover);
    expect(cover).toContain(`Published ${formatDate(thematic.source.published)}`);
    expect(cover).toContain('Fictional sample.');
  });
});
