/**
 * The parity check (src/check/rules/parity.ts): a Welsh file has the structure of the English one.
 * Each fixture changes one thing in a Welsh version that otherwise matches, and the change is
 * reported once, at its place; the matching version reports nothing.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../src/check/diagnostics.ts';
import { checkFrontMatterParity, checkParity, templateSectionKey } from '../../src/check/rules/parity.ts';
import { readMarkdown } from '../../src/source/markdown-file.ts';
import { readFrontMatter } from '../../src/source/front-matter.ts';

const ENGLISH = `## Foreword

The service has improved since we last visited.

## 1.1 Governance and leadership

Leaders know the children well. <Percent question="1.1.1" /> of cases were good.

<Example title="Good practice example">

A case manager met the family at home.

</Example>

### Strengths

- Staff are well trained.

### Areas for improvement

- Plans are not always written down.

## 1.2 Staff

![Two people talking](images/staff.png)

Staff said they felt supported, in <Count question="1.2.1" /> cases.

## Recommendations

Recommendation 1: the board should meet every quarter.

Recommendation 2: leaders should check plans.
`;

const WELSH = `## Rhagair

Mae'r gwasanaeth wedi gwella ers ein hymweliad diwethaf.

## 1.1 Llywodraethu ac arweinyddiaeth

Mae arweinwyr yn adnabod y plant yn dda.
Roedd <Percent question="1.1.1" /> o'r achosion yn dda.

<Example title="Enghraifft o arfer da">

Gwnaeth rheolwr achos gyfarfod â'r teulu gartref.

</Example>

### Cryfderau

- Mae staff wedi'u hyfforddi'n dda.

### Meysydd i'w gwella

- Nid yw cynlluniau bob amser wedi'u hysgrifennu.

## 1.2 Staff

![Dau berson yn siarad](images/staff.png)

Dywedodd staff eu bod yn teimlo eu bod yn cael cefnogaeth, mewn <Count question="1.2.1" /> achos.

## Argymhellion

Argymhelliad 1: dylai'r bwrdd gyfarfod bob chwarter.

Argymhelliad 2: dylai arweinwyr wirio cynlluniau.
`;

/** The line (1-based) of the first line of `welsh` that contains `text`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

/** The report template as it will be once it has Welsh values (cy:), as far as the check reads it. */
const TEMPLATE = {
  sections: [
    { kind: 'narrative', narrative: 'Foreword', heading: 'Foreword', cy: { narrative: 'Rhagair', heading: 'Rhagair' } },
    { kind: 'recommendations', heading: 'Recommendations', cy: { heading: 'Argymhellion' } },
    { kind: 'domains', standardSections: ['Strengths', 'Areas for improvement'], cy: { standardSections: ['Cryfderau', "Meysydd i'w gwella"] } },
  ],
};

function compare(english: string, welsh: string, what = 'report', template: { sections: object[] } | undefined = TEMPLATE) {
  const diagnostics = new DiagnosticList();
  const tree = (text: string) => {
    const read = readMarkdown(text);
    if (!read.tree) throw new Error(read.syntaxError?.message);
    return read.tree;
  };
  checkParity({ what, sectionKey: templateSectionKey(template), english: { file: 'content/inspections/x/report.mdx', tree: tree(english) }, welsh: { file: 'content/inspections/x/report.cy.mdx', tree: tree(welsh) }, diagnostics });
  return diagnostics.items;
}

describe('parity of a Welsh report with its English one', () => {
  it('reports nothing when the two match (paragraphs may differ)', () => {
    expect(compare(ENGLISH, WELSH)).toEqual([]);
  });

  it('matches sections by their place while the template has no Welsh headings', () => {
    expect(compare(ENGLISH, WELSH, 'report', undefined)).toEqual([]);
    expect(compare(ENGLISH, WELSH.replace('## Rhagair', '## Rhagair\n\n## Cyd-destun'), 'report', undefined)).toHaveLength(1);
  });

  it('a template section under another Welsh heading than the template gives: once, at the heading', () => {
    const welsh = WELSH.replace('## Rhagair', '## Gair gan y Prif Arolygydd');
    const found = compare(ENGLISH, welsh);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 1, column: 1, rule: 'parity' });
    expect(found[0]!.message).toBe('the section "Gair gan y Prif Arolygydd" stands where the English report has "Foreword" (report.mdx:1:1), whose Welsh heading is "Rhagair"');
    expect(found[0]!.hint).toMatch(/^write "## Rhagair"/);
  });

  it('ignores comments, and compares what comes before the first heading', () => {
    expect(compare(`{/* The recommendations come from inspection.yaml. */}\n\n${ENGLISH}`, WELSH)).toEqual([]);
    const found = compare(`![A map](images/map.png)\n\n${ENGLISH}`, WELSH);
    expect(found.map((d) => [d.line, d.message])).toEqual([[1, 'the English report has the picture images/map.png (report.mdx:1:1) here; the Welsh report has none']]);
  });

  it('a missing section: once, in the Welsh file where it should be, naming the English one', () => {
    const welsh = WELSH.replace(/## 1\.2 Staff[\s\S]*?(?=## Argymhellion)/, '');
    const found = compare(ENGLISH, welsh);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'content/inspections/x/report.cy.mdx', line: lineOf(welsh, '## Argymhellion'), column: 1, rule: 'parity', severity: 'error' });
    expect(found[0]!.message).toBe(`the English report has the section "1.2 Staff" (report.mdx:${lineOf(ENGLISH, '## 1.2 Staff')}:1) here; the Welsh report has none`);
    expect(found[0]!.hint).toMatch(/write the Welsh version of "## 1\.2 Staff" here/);
  });

  it('a missing sub-section (### heading): at the next part both have', () => {
    const welsh = WELSH.replace('### Cryfderau\n\n- Mae staff wedi\'u hyfforddi\'n dda.\n\n', '');
    const found = compare(ENGLISH, welsh);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(welsh, '### Meysydd'), column: 1 });
    expect(found[0]!.message).toContain(`the English report has the heading "### Strengths" (report.mdx:${lineOf(ENGLISH, '### Strengths')}:1) here; the Welsh report has none`);
  });

  it('an extra section: once, at its heading', () => {
    const welsh = WELSH.replace('## 1.2 Staff', '## Cyd-destun\n\nGair am yr ardal.\n\n## 1.2 Staff');
    const found = compare(ENGLISH, welsh);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(welsh, '## Cyd-destun'), column: 1 });
    expect(found[0]!.message).toBe('the Welsh report has the section "Cyd-destun" here; the English report has none');
    expect(found[0]!.hint).toMatch(/delete it, or add the same section to report\.mdx/);
  });

  it('sections in another order: once, at the section out of place', () => {
    const staff = /## 1\.2 Staff[\s\S]*?(?=## Argymhellion)/.exec(WELSH)![0];
    const welsh = WELSH.replace(staff, '').replace('## 1.1 Llywodraethu', `${staff}## 1.1 Llywodraethu`);
    const found = compare(ENGLISH, welsh);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^the section "1\.(1|2) [^"]+" is here in the Welsh report, but in the English report its section "1\.(1|2) [^"]+" \(report\.mdx:\d+:1\) comes (after|first)/);
    expect([lineOf(welsh, '## 1.1 '), lineOf(welsh, '## 1.2 ')]).toContain(found[0]!.line);
    expect(found[0]!.hint).toMatch(/same order/);
  });

  it('an extra recommendation: once, at it', () => {
    const welsh = `${WELSH}\nArgymhelliad 3: dylai'r bwrdd ysgrifennu cynllun.\n`;
    const found = compare(ENGLISH, welsh);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(welsh, 'Argymhelliad 3'), column: 1 });
    expect(found[0]!.message).toBe('the Welsh report has recommendation 3 here; the English report has none');
    expect(found[0]!.hint).toBe('delete it, or add it to report.mdx in the same place if it belongs in both languages');
  });

  it('finds recommendations in list items and headings, each once', () => {
    const english = '## Recommendations\n\n- Recommendation 1: meet.\n- Recommendation 2: plan.\n\n### Recommendation 3\n\nCheck.\n\n![A list](openmoji:clipboard)\nRecommendation 4: write.\n';
    const welsh = "## Argymhellion\n\n- Argymhelliad 1: cyfarfod.\n\n### Argymhelliad 3\n\nGwirio.\n\n![Rhestr](openmoji:clipboard)\nArgymhelliad 4: ysgrifennu.\n";
    const found = compare(english, welsh);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 5, column: 1 });
    expect(found[0]!.message).toBe('the English report has recommendation 2 (report.mdx:4:3) here; the Welsh report has none');
    // A recommendation in an easy-read row, after its picture.
    const renumbered = compare(english, welsh.replace('- Argymhelliad 1: cyfarfod.', '- Argymhelliad 1: cyfarfod.\n- Argymhelliad 2: cynllunio.').replace('Argymhelliad 4', 'Argymhelliad 5'));
    expect(renumbered.map((d) => d.message)).toEqual([expect.stringContaining('the Welsh report has recommendation 5 instead')]);
  });

  it('a recommendation numbered differently: once, as a different one', () => {
    const welsh = WELSH.replace('Argymhelliad 2', 'Argymhelliad 4');
    const found = compare(ENGLISH, welsh);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('the English report has recommendation 2 here');
    expect(found[0]!.message).toContain('the Welsh report has recommendation 4 instead');
  });

  it('a different component attribute: once, at the component; a translated title is fine', () => {
    const welsh = WELSH.replace('<Example title="Enghraifft o arfer da">', '<Example title="Enghraifft o arfer da" kind="warning">');
    const found = compare(ENGLISH, welsh);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(welsh, '<Example'), column: 1 });
    expect(found[0]!.message).toMatch(/^<Example> has other attributes than in the English report \(report\.mdx:\d+:1\): kind is not in the English one$/);
    expect(found[0]!.hint).toBe('give it the attributes of the English one, <Example title="…" />; only text attributes (alt, caption, title, label, description, summary, heading) are written in Welsh');
    const untitled = compare(ENGLISH, WELSH.replace(' title="Enghraifft o arfer da"', ''));
    expect(untitled).toHaveLength(1);
    expect(untitled[0]!.message).toContain('title (in Welsh words) is missing');
  });

  it('a missing picture: once, in the Welsh file where it should be', () => {
    const welsh = WELSH.replace('![Dau berson yn siarad](images/staff.png)\n\n', '');
    const found = compare(ENGLISH, welsh);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(welsh, '<Count'), rule: 'parity' });
    expect(found[0]!.message).toBe(`the English report has the picture images/staff.png (report.mdx:${lineOf(ENGLISH, '![Two')}:1) here; the Welsh report has none`);
    expect(found[0]!.hint).toContain('images/staff.png');
  });

  it('a different figure reference: once, at the Welsh one', () => {
    const welsh = WELSH.replace('<Percent question="1.1.1" />', '<Percent question="1.1.2" />');
    const found = compare(ENGLISH, welsh);
    expect(found).toHaveLength(1);
    const line = lineOf(welsh, '<Percent');
    expect(found[0]).toMatchObject({ line, column: welsh.split('\n')[line - 1]!.indexOf('<Percent') + 1 });
    expect(found[0]!.message).toMatch(/the English report has the figure reference <Percent question="1\.1\.1" \/> here \(report\.mdx:\d+:\d+\); the Welsh report has the figure reference <Percent question="1\.1\.2" \/> instead/);
    expect(found[0]!.hint).toBe('copy <Percent question="1.1.1" /> from report.mdx as it is: figures are computed once and shown in both languages');
  });

  it('a missing figure reference and an extra expression', () => {
    const found = compare(ENGLISH, WELSH.replace('mewn <Count question="1.2.1" /> achos', 'mewn {count} achos'));
    // The one figure of the section changed kind: said once, as a different figure.
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('the Welsh report has the expression {count} instead');
  });

  it('compares easy-read sections and their pictures', () => {
    const english = '## What we found\n\n![A thumbs up](openmoji:thumbs-up)\nStaff were kind.\n\n## What happens next\n\n![A calendar](openmoji:calendar)\nWe will come back.\n';
    const welsh = "## Beth wnaethon ni ei ganfod\n\n![Bawd i fyny](openmoji:thumbs-up)\nRoedd staff yn garedig.\n\n## Beth sy'n digwydd nesaf\n\n![Calendr](openmoji:spiral-calendar)\nByddwn yn dod yn ôl.\n";
    expect(compare(english, welsh.replace('spiral-calendar', 'calendar'), 'easy read')).toEqual([]);
    const found = compare(english, welsh, 'easy read');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 8, column: 1 });
    expect(found[0]!.message).toContain('the English easy read has the picture openmoji:calendar here');
  });
});

describe('easy-read sections by the template', () => {
  it("holds a section to the easy-read template's Welsh heading once it has one", () => {
    const template = { for: 'inspection', sections: [{ kind: 'written', id: 'found', heading: 'What we found', cy: { heading: 'Beth wnaethon ni ei ganfod' } }] };
    const english = '## What we found\n\n![A thumbs up](openmoji:thumbs-up)\nStaff were kind.\n';
    const welsh = '## Beth a welsom\n\n![Bawd i fyny](openmoji:thumbs-up)\nRoedd staff yn garedig.\n';
    const diagnostics = new DiagnosticList();
    const tree = (text: string) => readMarkdown(text).tree!;
    const sectionKey = templateSectionKey(template, 'templates/easy-read/inspection.yaml');
    checkParity({ what: 'easy read', sectionKey, english: { file: 'a/easy-read.mdx', tree: tree(english) }, welsh: { file: 'a/easy-read.cy.mdx', tree: tree(welsh) }, diagnostics });
    expect(diagnostics.items.map((d) => [d.line, d.message, d.hint])).toEqual([
      [1, 'the section "Beth a welsom" stands where the English easy read has "What we found" (easy-read.mdx:1:1), whose Welsh heading is "Beth wnaethon ni ei ganfod"', 'write "## Beth wnaethon ni ei ganfod", as templates/easy-read/inspection.yaml has it: the page and the PDF find the section by that heading'],
    ]);
  });
});

describe('front matter parity', () => {
  const read = (text: string) => readFrontMatter(text).frontMatter!;
  const english = '---\ntitle: Annual report 2026\nperiod: { from: 2025-10-01, to: 2026-09-30 }\npublished: 2026-11-10\nstatus: published\n---\n';
  it('allows a Welsh title and asks for the same dates', () => {
    const check = (welsh: string) => {
      const diagnostics = new DiagnosticList();
      const source = read(welsh);
      checkFrontMatterParity({ english: { file: 'content/annual-reports/2026.mdx', data: read(english).data }, welsh: { file: 'content/annual-reports/2026.cy.mdx', data: source.data, positionOf: (p) => source.positionOf(p) }, textKeys: new Set(['title']), diagnostics });
      return diagnostics.items;
    };
    expect(check(english.replace('Annual report 2026', 'Adroddiad blynyddol 2026'))).toEqual([]);
    const found = check(english.replace('Annual report 2026', 'Adroddiad blynyddol 2026').replace('2026-11-10', '2026-11-11'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 4, rule: 'parity' });
    expect(found[0]!.message).toBe('published is "2026-11-11" here but "2026-11-10" in 2026.mdx');
  });
});
