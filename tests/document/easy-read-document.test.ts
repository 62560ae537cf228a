/** Assembling an easy-read version: template order, generated sections, hard words, and the checks' problems. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { easyReadDocument, ratingScaleSvg, sentencesOf } from '../../src/document/easy-read-document.ts';
import { inlineText, type Block } from '../../src/document/blocks.ts';
import { copyProject } from '../support/project-copy.ts';
import { DEFAULT_TERM_PICTURE } from '../../src/model/schemas/glossary.ts';
import { openmojiNames } from '../../src/document/pictures.ts';
import { COLOURS, RATING_STYLES } from '../../src/visual-system.ts';

const written = `## What this report is about

![A worker talking with a child](openmoji:people-holding-hands)
We checked a youth justice service.
You can find what hard words mean in <SectionRef to="hard-words" />.

## What we found

![A thumbs up](openmoji:thumbs-up)
Staff helped children with their **desistance** from crime.
Children said staff listened.
`;

let project: string;

beforeAll(() => {
  project = copyProject();
  fs.writeFileSync(path.join(project, 'content/inspections/kingsmere-2025/easy-read.mdx'), written);
});

afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

function build() {
  const { project: model, diagnostics } = loadProject(project);
  const inspection = model.inspections.find((i) => i.slug === 'kingsmere-2025')!;
  return { model, inspection, diagnostics, built: easyReadDocument(model, { kind: 'inspection', inspection }, project) };
}

/** One build of the unchanged copy, for the tests that only read it. */
let unchanged: ReturnType<typeof build> | undefined;
const buildOnce = () => (unchanged ??= build());

const rows = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { type: 'row' }> => b.type === 'row');
const text = (row: Extract<Block, { type: 'row' }>) => row.sentences.map((s) => inlineText(s));

describe('an easy-read version', () => {
  it('follows the template: written sections, then the rating, what needs to happen, hard words and contact', () => {
    const { built } = build();
    const headings = built.document.body.filter((b) => b.type === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['What this report is about', 'What we found', 'Our rating', 'What needs to happen', 'Hard words', 'Contact us']);
    expect(built.problems).toEqual([]);
  });

  it('explains the overall rating from the data, with the scale picture', () => {
    const { built, inspection } = build();
    const start = built.document.body.findIndex((b) => b.type === 'heading' && b.text === 'Our rating');
    const rating = rows(built.document.body.slice(start)).at(0)!;
    expect(text(rating)).toContain('We gave Kingsmere and Dunley YOS the rating Good.'.replace('Kingsmere and Dunley YOS', inspection.service.shortName));
    expect(text(rating)).toContain('From lowest to highest they are Inadequate, Requires improvement, Good and Outstanding.');
    expect(rating.picture.svg).toBe(ratingScaleSvg(inspection));
    // The picture's words are drawn, not text: its alt text says the whole scale and which step was given.
    expect(rating.alt).toContain('An arrow points to Good, the rating we gave.');
    const labels = inspection.framework.ratingScale.map((r) => r.label);
    expect(labels).toEqual(['Inadequate', 'Requires improvement', 'Good', 'Outstanding']);
    expect(rating.alt).toContain(`from lowest to highest: ${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}.`);
  });

  it('numbers the recommendations under who must act, in their easy words', () => {
    const { built, inspection } = build();
    const start = built.document.body.findIndex((b) => b.type === 'heading' && b.text === 'What needs to happen');
    const end = built.document.body.findIndex((b) => b.type === 'heading' && b.text === 'Hard words');
    const section = built.document.body.slice(start, end);
    const numbered = rows(section).filter((r) => /^\d+\. /.test(text(r)[0]!));
    expect(numbered.map((r) => Number(/^(\d+)\./.exec(text(r)[0]!)![1]))).toEqual(inspection.source.recommendations.map((r) => r.number));
    const first = inspection.source.recommendations[0]!;
    expect(text(numbered[0]!).join(' ')).toBe(`1. ${sentencesOf(first.easyRead!).join(' ')}`);
    expect(numbered[0]!.picture.source).toMatch(/0031-FE0F-20E3\.svg$/);
    const groups = section.filter((b) => b.type === 'heading' && b.level === 3).map((b) => (b as { text: string }).text);
    expect(groups[0]).toBe(`${first.easyReadAddressee ?? first.addressee} should:`);
  });

  it('shows hard words in bold and lists them with their easy definitions and the rows that use them', () => {
    const { built, model } = build();
    const list = built.document.body.find((b) => b.type === 'hard-words') as Extract<Block, { type: 'hard-words' }>;
    const desistance = list.items.find((i) => i.term === 'Desistance')!;
    const term = model.glossary.find((t) => t.id === 'desistance')!;
    expect(desistance.sentences.map((s) => inlineText(s)).join(' ')).toBe(sentencesOf(term.easyRead).join(' '));
    const usedRow = rows(built.document.body).find((r) => r.id === desistance.usedIn[0])!;
    expect(usedRow.sentences[0]!.some((i) => i.type === 'text' && i.bold && i.value.toLowerCase() === 'desistance')).toBe(true);
    const cover = rows(built.document.cover)[0]!;
    expect(cover.sentences.some((s) => s[0]?.type === 'section-ref' && s[0].phrase === 'The hard words list')).toBe(true);
  });

  it('reports a recommendation without easy words, an unknown picture and an unknown section, where they are written', () => {
    const file = path.join(project, 'content/inspections/kingsmere-2025/inspection.yaml');
    const original = fs.readFileSync(file, 'utf8');
    const easyRead = path.join(project, 'content/inspections/kingsmere-2025/easy-read.mdx');
    try {
      fs.writeFileSync(file, original.replace(/    easyRead: >-\n      Some children leave prison\.[^\n]*\n[^\n]*\n/, ''));
      fs.writeFileSync(easyRead, `${written.replace('openmoji:thumbs-up', 'openmoji:thumbs-upp')}\n## What we liked\n\n![A star](openmoji:star)\nThe team was kind.\n`);
      const { diagnostics } = build();
      const find = (rule: string) => diagnostics.filter((d) => d.rule === rule);
      expect(find('missing-easy-read')).toMatchObject([{ file: 'content/inspections/kingsmere-2025/inspection.yaml', severity: 'error' }]);
      expect(find('picture')).toMatchObject([{ file: 'content/inspections/kingsmere-2025/easy-read.mdx', line: 9, message: expect.stringContaining('thumbs-upp') }]);
      expect(find('unknown-section')).toMatchObject([{ file: 'content/inspections/kingsmere-2025/easy-read.mdx', line: 13 }]);
    } finally {
      fs.writeFileSync(file, original);
      fs.writeFileSync(easyRead, written);
    }
  });

  it('draws the scale highest first, each step with its mark and words, the awarded one framed thick and pointed at', () => {
    const { inspection } = buildOnce();
    const svg = ratingScaleSvg(inspection);
    const steps = [...svg.matchAll(/<rect x="[^"]+" y="([\d.]+)" width="[^"]+" height="([\d.]+)" rx="8" fill="(#[0-9a-f]+)" stroke="(#[0-9a-f]+)" stroke-width="(\d+)"/g)].map((m) => ({ top: Number(m[1]), bottom: Number(m[1]) + Number(m[2]), fill: m[3], stroke: m[4], width: Number(m[5]) }));
    // Good is second from the top of Outstanding, Good, Requires improvement, Inadequate: the one step not told apart by colour alone.
    expect(steps.map((s) => s.width)).toEqual([2, 7, 2, 2]);
    expect(steps[1]).toMatchObject({ fill: RATING_STYLES.circle.tint, stroke: COLOURS.strongBorder });
    const marks = [...svg.matchAll(/scale\(4\)"><path d="([^"]+)" fill="(#[0-9a-f]+)"/g)].map((m) => [m[1], m[2]]);
    expect(marks).toEqual((['star', 'circle', 'triangle', 'square'] as const).map((mark) => [RATING_STYLES[mark].path, RATING_STYLES[mark].colour]));
    // One arrow, pointing at the middle of the awarded step.
    const arrows = [...svg.matchAll(/<path d="M2 ([\d.]+) [^"]+ Z" fill="#0b0c0c"\/>/g)].map((m) => Number(m[1]) + 9);
    expect(arrows).toHaveLength(1);
    expect(arrows[0]).toBeCloseTo((steps[1]!.top + steps[1]!.bottom) / 2, 0);
    // Words as glyph outlines, one group per line: "Requires improvement" takes two lines.
    expect(svg.match(/<g transform="translate\([\d.]+ [\d.]+\) scale\([\d.]+ -[\d.]+\)"/g)).toHaveLength(5);
  });

  it('gives every hard word a picture: the glossary’s own with its alt text, or a book', () => {
    const { built, model } = buildOnce();
    const list = built.document.body.find((b) => b.type === 'hard-words') as Extract<Block, { type: 'hard-words' }>;
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      const term = model.glossary.find((t) => `hard-word-${t.id}` === item.id)!;
      const expected = term.picture ?? DEFAULT_TERM_PICTURE.picture;
      expect(item.picture.source, item.term).toMatch(new RegExp(`/${openmojiNames().get(expected.slice('openmoji:'.length))}\\.svg$`));
      expect(item.alt, item.term).toBe(term.alt ?? DEFAULT_TERM_PICTURE.alt);
      expect(built.document.images, item.term).toContainEqual(item.picture);
    }
  });

  it('reports a hard word’s unknown picture at its line in the glossary, and still shows the word with the book', () => {
    const file = path.join(project, 'content/glossary/terms.yaml');
    const original = fs.readFileSync(file, 'utf8');
    try {
      // Desistance is used in this easy-read version; MAPPA in none, and its picture is checked all the same.
      const withPicture = (text: string, id: string, name: string) => text.replace(new RegExp(`(- id: ${id}\\n(?:  .*\\n|    .*\\n)*?)(  seeAlso: .*\\n)`), `$1$2  picture: openmoji:${name}\n  alt: A picture\n`);
      const changed = withPicture(withPicture(original, 'desistance', 'walking-away'), 'mappa', 'no-such-picture');
      expect(changed.match(/  alt: A picture\n/g)).toHaveLength(2);
      fs.writeFileSync(file, changed);
      const lineOf = (name: string) => changed.split('\n').findIndex((l) => l === `  picture: openmoji:${name}`) + 1;
      const { diagnostics, built } = build();
      const reported = diagnostics.filter((d) => d.rule === 'picture').sort((a, b) => a.line! - b.line!);
      const expected = ['walking-away', 'no-such-picture'].map((name) => ({ file: 'content/glossary/terms.yaml', line: lineOf(name), column: 12, severity: 'error', message: expect.stringContaining(`"${name}"`), hint: expect.stringContaining('openmoji.org') }));
      expect(reported).toMatchObject(expected.sort((a, b) => a.line - b.line));
      const list = built.document.body.find((b) => b.type === 'hard-words') as Extract<Block, { type: 'hard-words' }>;
      expect(list.items.find((i) => i.id === 'hard-word-desistance')).toMatchObject({ alt: DEFAULT_TERM_PICTURE.alt });
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});
