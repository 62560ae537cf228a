/**
 * Documents built for the Welsh view of the project: the tool's words are Welsh (author text may
 * still be English until the sample content has Welsh), the language is cy, and no English message
 * value that differs from its Welsh one appears in what the tool writes.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { reportDocument } from '../../src/document/report-document.ts';
import { easyReadDocument } from '../../src/document/easy-read-document.ts';
import { inlineText, type Block } from '../../src/document/blocks.ts';
import { wordsOf } from '../../src/document/words.ts';
import { projectIn } from '../../src/model/translations.ts';
import { englishFragments as englishOf } from '../support/welsh.ts';
import type { Project } from '../../src/model/project.ts';

const root = path.resolve(import.meta.dirname, '../..');
let english: Project;
let welsh: Project;

beforeAll(() => {
  ({ project: english } = loadProject(root));
  welsh = projectIn(english, 'cy');
}, 60_000);

/** The text of blocks the tool writes from data (cover and credits hold no narrative). */
const textOf = (blocks: readonly Block[]): string =>
  blocks
    .map((b) => (b.type === 'paragraph' ? inlineText(b.inlines) : b.type === 'heading' ? b.text : b.type === 'rating-line' ? b.label : ''))
    .join('\n');

/** English values of document messages whose Welsh differs: the literal words between their placeholders. */
const englishFragments = () => englishOf(english, /^(report|documents|easy-read)\./);

describe('documents for the Welsh view', () => {
  it('a Welsh report is in cy, with a Welsh title, cover, credits and renderer words', () => {
    const inspection = welsh.inspections.find((i) => !i.historic && i.service.nation === 'Wales')!;
    expect(inspection, 'a published inspection of a service in Wales').toBeDefined();
    const cy = reportDocument(welsh, inspection, root);
    const en = reportDocument(english, english.inspections.find((i) => i.slug === inspection.slug)!, root);
    expect(cy.language).toBe('cy');
    expect(en.language).toBe('en-GB');
    expect(cy.title).not.toBe(en.title);
    expect(cy.subject).not.toBe(en.subject);
    expect(wordsOf(cy).t('documents.page-of', { page: 1, pages: 9 })).toBe('Tudalen 1 o 9');
    const written = `${cy.title}\n${cy.subject}\n${cy.runningHeader}\n${textOf(cy.cover)}\n${textOf(cy.credits.slice(0, 4))}`;
    expect(written).toMatch(/Cyhoeddwyd/);
    for (const fragment of englishFragments()) expect(written, fragment).not.toContain(fragment);
  });

  it('a Welsh report names the standards in the words of the Welsh framework, though the rating is shared', () => {
    const inspection = welsh.inspections.find((i) => !i.historic && i.service.nation === 'Wales')!;
    const englishInspection = english.inspections.find((i) => i.slug === inspection.slug)!;
    expect(inspection.rating).toBe(englishInspection.rating);
    const headings = reportDocument(welsh, inspection, root).body.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    const pairs = inspection.framework.domains.flatMap((d) => d.standards.map((s) => [s.id, s.name] as const));
    const englishName = (id: string) => englishInspection.framework.domains.flatMap((d) => d.standards).find((s) => s.id === id)!.name;
    const translated = pairs.filter(([id, name]) => name !== englishName(id) && inspection.rating.standards.some((r) => r.id === id && r.awarded !== 'not-rated'));
    expect(translated.length, 'standards with Welsh names in the sample').toBeGreaterThan(0);
    for (const [id, name] of translated) {
      expect(headings, id).toContain(`${id} ${name}`);
      expect(headings, id).not.toContain(`${id} ${englishName(id)}`);
    }
  });

  it('the easy-read sentences the tool writes are Welsh', () => {
    const inspection = welsh.inspections.find((i) => i.easyRead && i.service.nation === 'Wales' && i.source.recommendations.length);
    if (!inspection) throw new Error('the sample has no easy-read version of an inspection in Wales with recommendations');
    const { document } = easyReadDocument(welsh, { kind: 'inspection', inspection }, root);
    expect(document.language).toBe('cy');
    expect(document.subject).toMatch(/^Fersiwn hawdd ei ddeall: /);
    const alts = document.body.flatMap((b) => (b.type === 'row' ? [b.alt] : []));
    expect(alts.some((alt) => /^Rhif \d+$/.test(alt))).toBe(true);
    expect(alts.some((alt) => /^Number \d+$/.test(alt))).toBe(false);
  });
});
