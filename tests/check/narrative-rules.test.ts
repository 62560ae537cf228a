/**
 * The narrative rules as units (src/check/rules/narrative/): the walk they share, the list the driver
 * runs, the order it reports in, and how a picture's real format is found. What each rule reports
 * is in narrative-mdx.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../src/check/diagnostics.ts';
import { checkNarrativeMdx, NARRATIVE_RULES, type NarrativeMdxInput } from '../../src/check/rules/narrative-mdx.ts';
import { orderStandardNarrative } from '../../src/document/standard-sections.ts';
import { NOT_RATED } from '../../src/model/rating.ts';
import { toString } from 'mdast-util-to-string';
import { walk, type Place } from '../../src/check/rules/narrative/narrative.ts';
import { pictureFormat } from '../../src/check/rules/narrative/picture-format.ts';
import { readMarkdown } from '../../src/source/markdown-file.ts';

const treeOf = (text: string) => readMarkdown(text).tree!;

describe('the walk', () => {
  it('tells each node its section, and whether it is in a heading or nested', () => {
    const text = 'Before.\n\n## One\n\n## Two **bold**\n\n> quoted\n\n<Example title="x">\n\ninside\n\n</Example>\n';
    const places = new Map<string, Place>();
    walk(treeOf(text), (node, _parent, place) => {
      if (node.type === 'text') places.set(node.value, place);
    });
    expect(places.get('Before.')).toEqual({ section: -1, inHeading: false, nested: false });
    expect(places.get('One')).toEqual({ section: 0, inHeading: true, nested: false });
    expect(places.get('bold')).toEqual({ section: 1, inHeading: true, nested: false });
    expect(places.get('quoted')).toEqual({ section: 1, inHeading: false, nested: true });
    expect(places.get('inside')).toEqual({ section: 1, inHeading: false, nested: true });
  });
});

describe('the driver', () => {
  it('runs rules with names of their own', () => {
    const names = NARRATIVE_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('reports in the order the problems are written, whichever rule finds them', () => {
    const text = '## Foreword\n\nA note[^missing] here.\n\n<div>html</div>\n\n```\ncode\n```\n\n[link][ref]\n\n[ref]: https://example.org\n';
    const diagnostics = new DiagnosticList();
    checkNarrativeMdx({ tree: treeOf(text), text, file: 'report.mdx', folder: os.tmpdir(), diagnostics });
    expect(diagnostics.items.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['3:7 footnote', '5:1 unknown-component', '7:1 raw-html', '11:1 link-reference']);
  });
});

describe('pictureFormat', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'picture-format-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  const file = (name: string, bytes: string | Buffer) => {
    const absolute = path.join(folder, name);
    fs.writeFileSync(absolute, bytes);
    return absolute;
  };

  it('reads the format from the first bytes, not the name', () => {
    expect(pictureFormat(file('a.jpg', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])))).toBe('png');
    expect(pictureFormat(file('b.png', Buffer.from([0xff, 0xd8, 0xff, 0xe0])))).toBe('jpg');
    expect(pictureFormat(file('c.png', 'GIF89a'))).toBe('gif');
    expect(pictureFormat(file('d.svg', '\uFEFF<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(pictureFormat(file('e.png', 'not a picture'))).toBeUndefined();
  });
});

describe('standard-sections', () => {
  const required = ['Strengths', 'Areas for improvement'];
  const check = (text: string, options: { standardSections?: string[]; notRated?: string[] } = {}) => {
    const diagnostics = new DiagnosticList();
    const inspection = { framework: {}, rating: { standards: (options.notRated ?? []).map((id) => ({ id, awarded: NOT_RATED })) } } as unknown as NarrativeMdxInput['inspection'];
    checkNarrativeMdx({ tree: treeOf(text), text, file: 'report.mdx', folder: os.tmpdir(), inspection, standardSections: options.standardSections ?? required, diagnostics });
    return diagnostics.items.map((d) => ({ at: `${d.line}:${d.column}`, severity: d.severity, rule: d.rule, message: d.message, hint: d.hint }));
  };
  const both = '### Strengths\n\n- Good.\n\n### Areas for improvement\n\n- Better.\n';

  it('is quiet when every standard has both sub-sections, in any order, and other sections have none', () => {
    expect(check(`## Foreword\n\nHello.\n\n## 1.1 Governance\n\nFindings.\n\n${both}\n## 1.2 Staff\n\n### Areas for improvement\n\n- Better.\n\n### Strengths\n\n- Good.\n`)).toEqual([]);
  });

  it('warns at the standard’s heading for each missing sub-section, saying what to add and where', () => {
    const found = check('## 1.1 Governance\n\nFindings.\n\n### Areas for improvement\n\n- Better.\n\n## 2.1 Assessment\n\nFindings.\n');
    expect(found.map((f) => `${f.at} ${f.severity} ${f.rule}`)).toEqual(['1:1 warning standard-sections', '9:1 warning standard-sections', '9:1 warning standard-sections']);
    expect(found[0]!.message).toBe('standard 1.1 has no "Strengths" sub-section');
    expect(found[0]!.hint).toContain('add a line "### Strengths" under "## 1.1 Governance", before "### Areas for improvement"');
    expect(found[2]!.message).toBe('standard 2.1 has no "Areas for improvement" sub-section');
    expect(found[2]!.hint).toContain('"### Areas for improvement"');
  });

  it('gives the right spelling for a sub-heading that nearly matches, and counts it as there', () => {
    const found = check('## 1.1 Governance\n\n### Strength\n\n- Good.\n\n### **Area for Improvement:**\n\n- Better.\n\n## 1.2 Staff\n\n### Strenghts\n\n- Good.\n\n#### Areas for improvement\n\n- Better.\n');
    expect(found.map((f) => `${f.at} ${f.hint}`)).toEqual([
      '3:1 write it as "### Strengths", as the report template spells it',
      '7:1 write it as "### Areas for improvement", as the report template spells it',
      '13:1 write it as "### Strengths", as the report template spells it',
      '17:1 write it as "### Areas for improvement"',
    ]);
    expect(found[1]!.message).toBe('the sub-heading "Area for Improvement:" under standard 1.1 should read "Areas for improvement"');
  });

  it('leaves alone standards that were not rated, and every standard when the template asks for no sub-sections', () => {
    expect(check('## 4.1 Resettlement\n\nNo child was released, so this standard was not rated.\n', { notRated: ['4.1'] })).toEqual([]);
    expect(check('## 1.1 Governance\n\nFindings.\n', { standardSections: [] })).toEqual([]);
    expect(check('## 1.1 Governance\n\nFindings.\n', { standardSections: ['Summary'] }).map((f) => f.message)).toEqual(['standard 1.1 has no "Summary" sub-section']);
  });

  it('is how the document orders a standard: findings first, then the sub-sections in the template’s order and spelling', () => {
    const nodes = treeOf('Findings.\n\n### Areas for Improvement\n\n- Better.\n\n### Strengths\n\n- Good.\n\n### Case study\n\nA story.\n').children;
    const order = orderStandardNarrative(nodes, required).map((n) => (n.type === 'heading' ? `### ${toString(n)}` : toString(n)));
    expect(order).toEqual(['Findings.', '### Case study', 'A story.', '### Strengths', 'Good.', '### Areas for improvement', 'Better.']);
  });
});
