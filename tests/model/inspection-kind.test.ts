/** The kind of an inspection follows from two independent facts: partners (joint) and reinspectionOf. */
import { describe, expect, it } from 'vitest';
import { kindLabel, kindNote, kindOf, kindWithArticle } from '../../src/model/inspection-kind.ts';

describe('the kind of an inspection', () => {
  it.each([
    [[], undefined, 'inspection', 'Inspection', undefined, 'An inspection'],
    [[], 'northmoor-2022', 'reinspection', 'Reinspection', 'reinspection', 'A reinspection'],
    [['Ofsted'], undefined, 'joint', 'Joint inspection', 'joint inspection', 'A joint inspection'],
    [['Estyn', 'Care Inspectorate Wales'], 'western-bay-2018', 'joint-reinspection', 'Joint reinspection', 'joint reinspection', 'A joint reinspection'],
  ])('partners %j and reinspectionOf %s make a %s', (partners, reinspectionOf, id, label, note, withArticle) => {
    const facts = { partners, reinspectionOf };
    expect(kindOf(facts)).toBe(id);
    expect(kindLabel(facts)).toBe(label);
    expect(kindNote(facts)).toBe(note);
    expect(kindWithArticle(facts)).toBe(withArticle);
  });
});
