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
    expect(schema.properties.composite.type).toBe('integer');
    expect(schema.properties.status.enum).toEqual(['draft', 'embargoed', 'published']);
    expect(schema.additionalProperties).toBe(false);
  });
});
