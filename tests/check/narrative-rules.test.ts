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
import { checkNarrativeMdx, NARRATIVE_RULES } from '../../src/check/rules/narrative-mdx.ts';
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
