/** The README's worked example is real: its files check clean, compute what it says, and its error example is what check prints. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { formatDiagnostic, sortDiagnostics } from '../../src/check/diagnostics.ts';
import { copyProject } from '../support/project-copy.ts';

const readme = fs.readFileSync('README.md', 'utf8');

/** Code blocks introduced by a bold file path: **`content/...`** … ```lang … ``` */
function exampleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const pattern = /\*\*`(content\/[^`]+)`\*\*[^\n]*\n(?:[^\n]*\n)*?```[a-z]*\n([\s\S]*?)```/g;
  for (const match of readme.matchAll(pattern)) files.set(match[1]!, match[2]!);
  return files;
}

const project = copyProject();
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));
const write = (files: Map<string, string>) => {
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    fs.writeFileSync(path.join(project, file), text);
  }
};

describe('the README worked example', () => {
  const files = exampleFiles();

  it('gives every file of an inspection', () => {
    expect([...files.keys()].sort()).toEqual([
      'content/inspections/fernley-2026/cases.csv',
      'content/inspections/fernley-2026/inspection.yaml',
      'content/inspections/fernley-2026/report.mdx',
      'content/services/fernley.yaml',
    ]);
  });

  it('checks clean and computes what the README says', () => {
    write(files);
    const { project: model, diagnostics } = loadProject(project);
    expect(diagnostics).toEqual([]);
    const fernley = model.inspections.find((i) => i.slug === 'fernley-2026')!;
    const standard = (id: string) => fernley.rating.standards.find((s) => s.id === id)!;
    const figures = (id: string) => standard(id).keyQuestions.map((q) => `${q.percent!.shown}% (${q.yes} of ${q.relevant})`).join(', ');
    expect(readme).toContain(`| 2.1 Assessment | ${figures('2.1')} | Good: its lowest question is 71% |`);
    expect(standard('2.1').awarded).toBe('good');
    expect(readme).toContain(`| 2.4 Reviewing | ${figures('2.4')} |`);
    expect(standard('2.4')).toMatchObject({ computed: 'requires-improvement', awarded: 'good', professionalJudgement: true });
    expect(readme).toContain(`| 3.3 Implementation and delivery | ${figures('3.3')} | Requires improvement |`);
    expect(standard('3.3').awarded).toBe('requires-improvement');
    expect(fernley.rating.composite).toMatchObject({ score: 24, maximum: 36 });
    expect(fernley.rating.overall.rating).toBe('good');
  });

  it('shows the messages check really prints for the two mistakes it describes', () => {
    const broken = new Map(files);
    broken.set('content/inspections/fernley-2026/inspection.yaml', files.get('content/inspections/fernley-2026/inspection.yaml')!.replace('"2.1": { rating: good }', '"2.1": { rating: outstanding }'));
    const csv = files.get('content/inspections/fernley-2026/cases.csv')!.split('\n');
    csv[6] = csv[6]!.replace(/,{9}$/, ',yes,,,,,,,,');
    broken.set('content/inspections/fernley-2026/cases.csv', csv.join('\n'));
    write(broken);
    const { diagnostics } = loadProject(project);
    const printed = sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n');
    const block = /### When something is wrong[\s\S]*?```\n([\s\S]*?)\nChecked/.exec(readme)![1]!;
    expect(printed).toBe(block);
    write(files);
  });
});
