import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSchemas, jsonSchemaFor } from '../../src/check/json-schemas.ts';

describe('JSON Schemas for editors', () => {
  it.each(Object.keys(contentSchemas) as (keyof typeof contentSchemas)[])('schemas/%s is up to date (run npm run schemas)', (name) => {
    expect(fs.readFileSync(`schemas/${name}`, 'utf8')).toBe(jsonSchemaFor(name));
  });

  it('describes the inspection format with its fields and allowed values', () => {
    const schema = JSON.parse(jsonSchemaFor('inspection.schema.json'));
    expect(schema.required).toEqual(expect.arrayContaining(['service', 'framework', 'published', 'status']));
    // The kind follows from partners and reinspectionOf: an editor does not ask for it.
    expect(schema.required).not.toContain('kind');
    expect(schema.properties.kind.description).toMatch(/no longer needed/i);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['partners', 'reinspectionOf']));
    // Fieldwork dates and the lead inspector may be left out of a historic record (the check requires them of a full report).
    expect(schema.required).not.toContain('fieldwork');
    expect(schema.properties.record.enum).toEqual(['full', 'historic']);
    // composite: null says the source does not give the score (a historic record).
    expect(schema.properties.composite.anyOf.map((s: { type: string }) => s.type)).toEqual(['integer', 'null']);
    // A historic record may give the year alone, which YAML reads as a number.
    expect(schema.properties.published.anyOf).toContainEqual(expect.objectContaining({ type: 'integer' }));
    expect(schema.properties.status.enum).toEqual(['draft', 'embargoed', 'published']);
    expect(schema.additionalProperties).toBe(false);
  });
});
