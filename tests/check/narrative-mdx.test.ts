/**
 * What report.mdx may hold besides its sections (src/check/rules/narrative-mdx.ts): components and
 * their attributes, pictures, footnotes, and the things neither the page nor the PDF can draw.
 * Every rule is tried on something correct (no message) and on each kind of mistake (one message,
 * at the place it is written).
 */
import fs from 'node:fs';
import { messagesIn } from '../support/messages.ts';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { DiagnosticList, type Diagnostic } from '../../src/check/diagnostics.ts';
import { checkNarrativeMdx } from '../../src/check/rules/narrative-mdx.ts';
import { readMarkdown } from '../../src/source/markdown-file.ts';
import { allComponents, attributesOf, componentNamed, type InlineComponent } from '../../src/document/components.ts';
import { inlineText } from '../../src/document/blocks.ts';
import { dataFigures, quotableQuestions } from '../../src/document/figure-references.ts';

// A youth-2021 inspection whose ratings are computed: components check against it.
const valid = loadProject(path.resolve(import.meta.dirname, '../fixtures/valid')).project;
const inspection = valid.inspections.find((i) => i.slug === 'eastbrook-2023')!;
// The sample content, for the README's examples.
const repo = path.resolve(import.meta.dirname, '../..');
const { project } = loadProject(repo);

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'narrative-mdx-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
const pixel = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#1d70b8' } });
fs.mkdirSync(path.join(folder, 'images'));
fs.writeFileSync(path.join(folder, 'images/structure.svg'), '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>\n');
await pixel().png().toFile(path.join(folder, 'images/chart.png'));
await pixel().jpeg().toFile(path.join(folder, 'images/photo.jpeg'));
await pixel().webp().toFile(path.join(folder, 'images/photo.webp'));
await pixel().jpeg().toFile(path.join(folder, 'images/renamed.png'));
await pixel().gif().toFile(path.join(folder, 'images/animation.gif'));
fs.writeFileSync(path.join(folder, 'images/notes.png'), 'not a picture at all');

/** Checks a narrative (under a "## Foreword" heading unless it has its own) and returns what is said. */
function check(body: string): Diagnostic[] {
  const text = /^## /m.test(body) ? body : `## Foreword\n\n${body}`;
  const markdown = readMarkdown(text);
  expect(markdown.syntaxError).toBeUndefined();
  const diagnostics = new DiagnosticList();
  checkNarrativeMdx({ tree: markdown.tree!, text, file: 'content/inspections/eastbrook-2023/report.mdx', folder, inspection, diagnostics });
  return diagnostics.items;
}
/** `line:column rule`, lines counted in the body (the added heading is two lines). */
function where(body: string): string[] {
  const offset = /^## /m.test(body) ? 0 : 2;
  return check(body).map((d) => `${d.line - offset}:${d.column} ${d.rule}`);
}
const only = (body: string) => {
  const found = check(body);
  expect(found, found.map((d) => `${d.rule}: ${d.message}`).join('\n')).toHaveLength(1);
  return found[0]!;
};

describe('components', () => {
  it('accepts every component written as its example, in its place', () => {
    // Annual reports' and thematic reports' figure components are errors in an inspection's report (tests/document/annual-report.test.ts, tests/check/thematic-report-check.test.ts).
    for (const component of allComponents().filter((c) => c.context === undefined || c.context === 'inspection')) expect(where(`${component.example}\n`), component.name).toEqual([]);
    expect(where('The service was rated <Rating /> overall, and leadership <Rating standard="1.1" />.\n')).toEqual([]);
    expect(where('<Rating standard="2.1" />\n')).toEqual([]); // an inline component on its own line becomes a paragraph
    expect(where('<KeyQuestions standard="2.1"></KeyQuestions>\n')).toEqual([]);
    expect(where('<Example title="Good practice example">\n\nA case manager *met* the child **every week**.\n\n- at school\n  - and at home\n\n</Example>\n')).toEqual([]);
    expect(where('| standard | rating |\n| --- | --- |\n| 1.1 | <Rating standard="1.1" /> |\n')).toEqual([]);
  });

  it('reports an unknown component, suggesting the one meant and listing them all', () => {
    const d = only('<RatingSummary />\n');
    expect(d).toMatchObject({ line: 3, column: 1, rule: 'unknown-component', severity: 'error' });
    expect(d.message).toBe('<RatingSummary> is not a component reports can use: did you mean <RatingsSummary />?');
    expect(d.hint).toContain('components are: RatingsSummary, KeyQuestions, Rating, Example');
    expect(only('The rating is <Ratng standard="1.1" />.\n').message).toContain('did you mean <Rating />?');
    expect(only('<Chart kind="bar" />\n').message).toBe('<Chart> is not a component reports can use');
  });

  it('reports HTML tags as unknown components', () => {
    expect(where('Some text<br />more text.\n')).toEqual(['1:10 unknown-component']);
    expect(only('<div>\n\nText.\n\n</div>\n').message).toBe('<div> is HTML, which reports do not support');
  });

  it('reports an unknown attribute with the one meant, at the attribute', () => {
    const d = only('Leaders: <Rating standrd="1.1" />.\n');
    expect(d).toMatchObject({ line: 3, column: 18, rule: 'component-attribute', message: '<Rating> has no attribute "standrd"' });
    expect(d.hint).toBe('did you mean standard="…"? For example: <Rating standard="1.1" />');
    expect(only('<RatingsSummary year="2023" />\n').hint).toBe('<RatingsSummary> takes no attributes: write <RatingsSummary />');
  });

  it('reports a missing, empty or badly written attribute', () => {
    expect(only('<KeyQuestions />\n')).toMatchObject({ column: 1, rule: 'component-attribute', message: '<KeyQuestions> needs the attribute standard' });
    expect(only('<KeyQuestions standard="two point one" />\n')).toMatchObject({ column: 15, message: '<KeyQuestions> standard="two point one": standard must be a standard id such as "2.1"' });
    expect(only('<Rating standard />\n')).toMatchObject({ column: 9, message: '<Rating> attribute standard has no value' });
    expect(only('<Example title="">\n\nText.\n\n</Example>\n').message).toBe('<Example> title="": title must not be empty: say what the example shows');
    expect(only('<Rating standard="1.1" standard="1.2" />\n')).toMatchObject({ column: 24, message: '<Rating> has the attribute standard twice' });
  });

  it('reports {expression} attributes once, asking for a plain string', () => {
    const d = only('<Example title={"Good practice"}>\n\nText.\n\n</Example>\n');
    expect(d).toMatchObject({ column: 10, rule: 'component-attribute' });
    expect(d.message).toBe('<Example> attribute title is written as {"Good practice"}: reports cannot run code; write the text or use a component');
    expect(d.hint).toBe('write a plain "string": title="…"');
    expect(only('<Rating {...props} />\n').rule).toBe('component-attribute');
  });

  it("reports the component's own checks against the framework and the ratings", () => {
    expect(only('<Rating standard="9.9" />\n')).toMatchObject({ column: 9, rule: 'component-attribute', message: '<Rating> standard "9.9" is not in youth-2021' });
    expect(only('<KeyQuestions standard="1.1" />\n').message).toBe('<KeyQuestions> standard 1.1 is rated by judgement: it has no case percentages');
  });

  it('reports a block component inside a sentence, a table or a heading', () => {
    expect(where('The figures are in <KeyQuestions standard="2.1" /> below.\n')).toEqual(['1:20 component-placement']);
    expect(where('| a |\n| - |\n| <RatingsSummary /> |\n')).toEqual(['3:3 component-placement']);
    expect(where('## 2.1 Assessment <Rating standard="2.1" />\n\nText.\n')).toEqual(['1:19 component-placement']);
    expect(only('Text <Example title="x">A box.</Example> more text.\n').message).toBe('<Example> is a block and cannot stand inside a sentence');
  });

  it('reports children given to a component that takes none, and a box written on one line', () => {
    expect(only('<RatingsSummary>\n\nThe ratings.\n\n</RatingsSummary>\n')).toMatchObject({ rule: 'component-placement', message: '<RatingsSummary> does not take anything between its tags' });
    expect(only('<Example title="Good practice">A child was helped.</Example>\n')).toMatchObject({ rule: 'component-placement', message: 'the text inside <Example> is on the same line as its tags, so it would be left out' });
  });
});

describe('figures quoted from the data', () => {
  // Dudley 2019's figures differ from question to question, so a typed figure names one reference.
  const dudley = project.inspections.find((i) => i.slug === 'dudley-2019')!;
  const figures = dataFigures(dudley.rating);
  const asked = quotableQuestions(dudley.rating).find((q) => q.id === '2.1.1')!;
  /** Checks a narrative against Dudley 2019 under "## 2.1 Assessment"; what is said, lines counted in the body. */
  const dudleyCheck = (body: string, heading = '## 2.1 Assessment') => {
    const text = `${heading}\n\n${body}`;
    const diagnostics = new DiagnosticList();
    checkNarrativeMdx({ tree: readMarkdown(text).tree!, text, file: dudley.narrativeFile, folder, inspection: dudley, diagnostics });
    return diagnostics.items.map((d) => ({ ...d, line: d.line - 2 }));
  };

  it('accepts each reference to a figure the data has', () => {
    for (const figure of figures) expect(dudleyCheck(`We found ${figure.tag} here.\n`), figure.tag).toEqual([]);
  });

  it('reports a key question that is not there, or has no case figures, listing those that have', () => {
    const unknown = only('Sufficient in <Percent question="2.1.9" /> of cases.\n');
    expect(unknown).toMatchObject({ line: 3, column: 24, rule: 'component-attribute', severity: 'error', message: '<Percent> key question "2.1.9" is not in youth-2021' });
    expect(unknown.hint).toBe(`key questions with case figures in standard 2.1 are ${quotableQuestions(inspection.rating).filter((q) => q.id.startsWith('2.1.')).map((q) => q.id).join(', ')}`);
    expect(only('<Count question="1.1.1" />\n').message).toBe('<Count> key question 1.1.1 is judged by inspectors, not counted from the case sample: it has no case figures');
    expect(only('<Count question="2.1" />\n').message).toBe('<Count> question="2.1": question must be a key question id such as "2.1.1"');
    expect(only('<Sample caseType="custody" />\n').message).toBe('<Sample> caseType="custody": caseType must be "court" or "out-of-court"');
    expect(only('<Composite question="2.1.1" />\n').message).toBe('<Composite> has no attribute "question"');
  });

  it('reports a figure component in an annual report, as other inspection components are', () => {
    const text = '## Introduction\n\nCases were sufficient in <Percent question="2.1.1" /> of them.\n';
    const diagnostics = new DiagnosticList();
    checkNarrativeMdx({ tree: readMarkdown(text).tree!, text, file: 'content/annual-reports/2026.mdx', folder, kind: 'annual-report', diagnostics });
    expect(diagnostics.items.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['3:26 component-context']);
  });

  it('warns at a typed percentage, "N of M" or "N out of M" that the data computes, naming the reference', () => {
    const percent = `${asked.percent.shown}%`;
    const prefix = 'Work was strong: ';
    const [d] = dudleyCheck(`${prefix}${percent} of cases.\n`);
    expect(d).toMatchObject({ line: 1, column: prefix.length + 1, severity: 'warning', rule: 'typed-figure', message: `"${percent}" is a figure the data computes (key question 2.1.1: ${percent})` });
    expect(d!.hint).toBe(`write <Percent question="2.1.1" /> in place of "${percent}", so it stays right when the data changes`);
    for (const typed of [`${asked.yes} of ${asked.relevant}`, `${asked.yes} out of ${asked.relevant}`, `${asked.yes} out of the\n${asked.relevant}`]) {
      const found = dudleyCheck(`It was done well\nin ${typed} cases.\n`);
      expect(found.map((f) => `${f.line}:${f.column} ${f.rule}`), typed).toEqual(['2:4 typed-figure']);
      expect(found[0]!.hint).toContain('write <Count question="2.1.1" />');
    }
    const composite = `${dudley.rating.composite.score} out of ${dudley.rating.composite.maximum}`;
    expect(dudleyCheck(`The score was ${composite}.\n`)[0]!.hint).toContain('write <Composite />');
    expect(dudleyCheck(`We read ${dudley.rating.sampleSize.court} court cases.\n`)[0]).toMatchObject({ column: 9, message: `"${dudley.rating.sampleSize.court}" is a figure the data computes (the court cases in the sample: ${dudley.rating.sampleSize.court})` });
  });

  it('warns at a percentage in a case-sample standard\'s section that the data does not give: a figure gone stale', () => {
    const computed = new Set(figures.filter((f) => f.kind === 'percent').map((f) => f.numbers[0]));
    const stale = [...Array(101).keys()].find((n) => !computed.has(n))!;
    const ofStandard = figures.filter((f) => f.kind === 'percent' && f.question?.startsWith('2.1.'));
    const [d, ...more] = dudleyCheck(`Assessment was good: ${stale}% of them were good enough.\n`);
    expect(more).toEqual([]);
    expect(d).toMatchObject({ line: 1, column: 22, severity: 'warning', rule: 'typed-figure', message: `"${stale}%" is not a figure the data computes for standard 2.1 (${ofStandard.map((f) => `${f.question}: ${f.text}`).join(', ')})` });
    expect(d!.hint).toContain(ofStandard[0]!.tag);
    // Outside a case-sample standard's section, or about staff, such a figure is not the cases'.
    expect(dudleyCheck(`Assessment was good: ${stale}% of them were good enough.\n`, '## Foreword')).toEqual([]);
    expect(dudleyCheck(`Assessment was good, said ${stale}% of staff.\n`)).toEqual([]);
  });

  it('says nothing of numbers the data does not compute, quotations, headings or figures about staff', () => {
    const computed = new Set(figures.filter((f) => f.kind === 'percent').map((f) => f.numbers[0]));
    const other = [...Array(101).keys()].find((n) => !computed.has(n))!;
    const typed = `${asked.percent.shown}%`;
    expect(dudleyCheck(`In 2019, 3 staff left; ${other}% of cases were new; 1 of 3 managers; page 2 of 9.\n`, '## Introduction')).toEqual([]);
    expect(dudleyCheck(`> ${typed} of the time, said a parent.\n`)).toEqual([]);
    expect(dudleyCheck(`### Why ${typed}\n\nText.\n`)).toEqual([]);
    expect(dudleyCheck(`In our survey, ${typed} of staff said so.\n`)).toEqual([]);
  });
});

describe('expressions and imports', () => {
  it('allows comments, which draw nothing', () => {
    expect(where('{/* a note for colleagues */}\nText {/* and another */} here.\n')).toEqual([]);
  });

  it('reports expressions and imports: reports cannot run code', () => {
    const d = only('There were {12 + 3} staff.\n');
    expect(d).toMatchObject({ line: 3, column: 12, rule: 'mdx-expression', message: '{12 + 3} is an expression: reports cannot run code; write the text or use a component' });
    expect(where('{props.total}\n')).toEqual(['1:1 mdx-expression']);
    expect(where('import Chart from "./chart.js"\n\nexport const total = 3\n')).toEqual(['1:1 mdx-expression', '3:1 mdx-expression']);
    expect(where('{}\n')).toEqual(['1:1 mdx-expression']);
  });
});

describe('pictures', () => {
  it('accepts a picture alone in its paragraph, with alt text, in every format', () => {
    expect(where('![A diagram of how the service is organised](./images/structure.svg "How the service is organised")\n')).toEqual([]);
    for (const file of ['images/chart.png', './images/photo.jpeg', 'images/photo.webp']) expect(where(`![A chart of cases by year](${file})\n`), file).toEqual([]);
    expect(where('> ![A photograph of the garden the children built](./images/photo.jpeg)\n')).toEqual([]);
  });

  it('reports a picture that is not there, or a web address', () => {
    const d = only('![A chart](./images/missing.png)\n');
    expect(d).toMatchObject({ line: 3, column: 1, rule: 'image', message: 'the picture "./images/missing.png" is not there (looked for content/inspections/eastbrook-2023/images/missing.png)' });
    expect(only('![A chart](https://example.org/chart.png)\n').message).toContain('is a web address');
    expect(only('![A chart](./images)\n').rule).toBe('image');
  });

  it('reports a format neither output can draw, and a file that is not what its name says', () => {
    expect(only('![An animation](./images/animation.gif)\n').message).toBe('the picture "./images/animation.gif" is a .gif file: reports show PNG, JPEG, WebP and SVG pictures (.png, .jpg, .jpeg, .webp, .svg)');
    expect(only('![A photograph](./images/renamed.png)\n')).toMatchObject({ message: 'the file "./images/renamed.png" is named .png but is a JPEG picture', hint: 'rename it to end in .jpg, and change the path' });
    expect(only('![A chart](./images/notes.png)\n').message).toBe('the file "./images/notes.png" is named .png but is not a PNG picture');
  });

  it('reports a picture without alt text', () => {
    const d = only('![](./images/chart.png)\n');
    expect(d).toMatchObject({ rule: 'image', message: 'every picture needs alt text that says what it shows' });
    expect(d.hint).toContain('decorative pictures have no place in reports');
    expect(only('![  ](./images/chart.png)\n').rule).toBe('image');
  });

  it('reports a picture that is not alone in its paragraph', () => {
    expect(where('The office ![A photograph of the office](./images/chart.png) is new.\n')).toEqual(['1:12 image']);
    expect(where('![A chart](./images/chart.png)\n![Another](./images/chart.png)\n')).toEqual(['1:1 image', '2:1 image']);
    expect(where('[![A chart](./images/chart.png)](https://example.org)\n')).toEqual(['1:2 image']);
  });
});

describe('HTML and code', () => {
  it('reports fenced code blocks', () => {
    const d = only('```\nsome text\n```\n');
    expect(d).toMatchObject({ line: 3, column: 1, rule: 'raw-html' });
    expect(d.message).toBe('code blocks (``` fences) are not supported in reports');
  });

  it('reports html nodes, should a parser ever give them', () => {
    const diagnostics = new DiagnosticList();
    const tree = { type: 'root' as const, children: [{ type: 'heading' as const, depth: 2 as const, children: [{ type: 'text' as const, value: 'Foreword' }] }, { type: 'html' as const, value: '<b>x</b>', position: { start: { line: 3, column: 1 }, end: { line: 3, column: 9 } } }] };
    checkNarrativeMdx({ tree, text: '## Foreword\n\n<b>x</b>\n', file: 'report.mdx', folder, inspection, diagnostics });
    expect(diagnostics.items.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['3:1 raw-html']);
  });

  it('allows `inline code`, drawn as text', () => {
    expect(where('The form is called `AssetPlus`.\n')).toEqual([]);
  });
});

describe('footnotes', () => {
  it('accepts notes referred to in their own section, and several references to one note', () => {
    expect(where('## Foreword\n\nFigures rose.[^a] They fell again.[^B]\n\n[^a]: Police data.\n[^b]: Council data, which [^a] also used.\n\n## Introduction\n\nText.\n')).toEqual([]);
  });

  it('reports a reference with no note, at the reference', () => {
    const d = only('Attendance was 90%.[^register] Text.\n');
    expect(d).toMatchObject({ line: 3, column: 20, rule: 'footnote', message: 'footnote [^register] has no text' });
    expect(where('> A quote\n> that ends with a note.[^source]\n')).toEqual(['2:25 footnote']);
    expect(where('Written as text: \\[^not-a-note].\n')).toEqual([]);
  });

  it('reports a note never referred to, or written twice', () => {
    expect(only('Text.\n\n[^unused]: A note.\n')).toMatchObject({ line: 5, column: 1, message: 'footnote [^unused] is never referred to' });
    expect(where('Text.[^a]\n\n[^a]: One.\n[^a]: Two.\n')).toEqual(['4:1 footnote']);
  });

  it("reports a note written in another section than its reference, or inside a quote", () => {
    expect(where('## Foreword\n\nFigures rose.[^a]\n\n## Introduction\n\n[^a]: Police data.\n')).toEqual(['7:1 footnote']);
    expect(where('Figures rose.[^a]\n\n> A quote.\n>\n> [^a]: Police data.\n')).toEqual(['5:3 footnote']);
  });
});

describe('everything else that would not be drawn', () => {
  it('reports text before the first section, but not a comment', () => {
    expect(where('{/* draft 2 */}\n# Dudley report\n\n## Foreword\n\nText.\n')).toEqual(['2:1 outside-section']);
  });

  it('reports links by reference, whose text would be lost', () => {
    expect(where('See [the plan][plan].\n\n[plan]: https://example.org/plan\n')).toEqual(['1:5 link-reference']);
    expect(where('See [the plan](https://example.org/plan).\n')).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(where('<RatingSummary />\n\n{1}\n\n![](./images/none.png)\n\nText.[^x]\n').map((row) => row.split(' ')[1])).toEqual(['unknown-component', 'mdx-expression', 'image', 'image', 'footnote']);
  });
});

describe('the README', () => {
  const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('### Components and pictures in report.mdx');
  const rest = readme.slice(start + 1);
  const end = rest.search(/\n#{2,3} /);
  const section = end < 0 ? rest : rest.slice(0, end);

  it('describes every registered component', () => {
    expect(start).toBeGreaterThan(0);
    for (const component of allComponents().filter((c) => c.context === undefined || c.context === 'inspection')) expect(section, component.name).toContain(`<${component.name}`);
    // A thematic report's figures are described where thematic reports' full reports are.
    const thematic = readme.slice(readme.indexOf("## Writing a thematic report's full report"));
    expect(readme.indexOf("## Writing a thematic report's full report")).toBeGreaterThan(0);
    for (const component of allComponents().filter((c) => c.context === 'thematic')) expect(thematic.slice(0, thematic.indexOf('\n## ', 5)), component.name).toContain(`<${component.name}`);
    // The annual report's figures are described where annual reports are.
    const annual = readme.slice(readme.indexOf('## Writing an annual report'));
    expect(readme.indexOf('## Writing an annual report')).toBeGreaterThan(0);
    for (const component of allComponents().filter((c) => c.context === 'annual-report')) expect(annual.slice(0, annual.indexOf('\n## ', 5)), component.name).toContain(`<${component.name}`);
  });

  it("shows what each figure component prints for Dudley 2019, as the components compute it", () => {
    const dudley = project.inspections.find((i) => i.slug === 'dudley-2019')!;
    const rows = [...section.matchAll(/^\| `(<[^`]+\/>)` \| `([^`]+)` \|/gm)];
    expect(rows.map((row) => row[1]!.split(/[ />]/)[0])).toEqual(['<Percent', '<Count', '<Composite', '<Rating', '<Sample', '<Sample']);
    for (const [, tag, printed] of rows) {
      const node = readMarkdown(tag!).tree!.children[0]!;
      const element = (node.type === 'paragraph' ? node.children[0] : node) as Parameters<typeof attributesOf>[0];
      const component = componentNamed(element.name!) as InlineComponent<unknown>;
      expect(inlineText(component.inlines(component.attributes.parse(attributesOf(element)), { inspection: dudley, messages: messagesIn('en') })).trim(), tag).toBe(printed);
    }
  });

  it('gives examples that check clean in the Dudley report', () => {
    const dudley = project.inspections.find((i) => i.slug === 'dudley-2019')!;
    const examples = [...section.matchAll(/```mdx\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const text = `## Foreword\n\n${example}`;
      const diagnostics = new DiagnosticList();
      checkNarrativeMdx({ tree: readMarkdown(text).tree!, text, file: dudley.narrativeFile, folder: path.join(repo, path.dirname(dudley.narrativeFile)), inspection: dudley, diagnostics });
      expect(diagnostics.items, example).toEqual([]);
    }
  });
});
