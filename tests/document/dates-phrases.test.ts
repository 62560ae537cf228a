import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/document/dates.ts';
import { countOf, listOf, listOr, listSeparators } from '../../src/document/phrases.ts';

describe('formatDate', () => {
  it('writes a day as "4 March 2026" and a month as "March 2026"', () => {
    expect(formatDate('2026-03-04')).toBe('4 March 2026');
    expect(formatDate('2026-03-04', 'month')).toBe('March 2026');
  });

  it('reads the date in UTC, so the first and last days of a year stay in it', () => {
    expect(formatDate('2026-01-01')).toBe('1 January 2026');
    expect(formatDate('2025-12-31', 'month')).toBe('December 2025');
  });
});

describe('listOf and countOf', () => {
  it('lists with commas and a last "and"', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['A'])).toBe('A');
    expect(listOf(['A', 'B'])).toBe('A and B');
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('lists in Welsh with "a", or "ac" before a vowel, and "or" lists with "or" and "neu"', () => {
    expect(listOf(['Caerdydd', 'Abertawe', 'Bro Morgannwg'], 'cy')).toBe('Caerdydd, Abertawe a Bro Morgannwg');
    expect(listOf(['Caerdydd', 'Abertawe'], 'cy')).toBe('Caerdydd ac Abertawe');
    expect(listOr(['Good', 'Requires improvement', 'Inadequate'])).toBe('Good, Requires improvement or Inadequate');
    expect(listOr(['Da', 'Angen gwella', 'Annigonol'], 'cy')).toBe('Da, Angen gwella neu Annigonol');
  });

  it('gives the separators alone, for lists of things that are not text (a rating with its symbol)', () => {
    expect(listSeparators(['A'])).toEqual([]);
    expect(listSeparators(['A', 'B', 'C', 'D'])).toEqual([', ', ', ', ' and ']);
    expect(listSeparators(['Da', 'Angen gwella', 'Annigonol'], 'cy')).toEqual([', ', ' ac ']);
    expect(listSeparators(['A', 'B', 'C'], 'en', 'or')).toEqual([', ', ' or ']);
  });

  it('counts with the singular for one and the plural otherwise', () => {
    expect(countOf(1, 'case')).toBe('1 case');
    expect(countOf(0, 'case')).toBe('0 cases');
    expect(countOf(2, 'child', 'children')).toBe('2 children');
  });
});
