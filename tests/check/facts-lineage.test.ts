/**
 * The facts of an inspection (partners, reinspectionOf) and the lineage of services, as
 * `npm run check` reports them: each case a copy of the valid fixture with one or two files changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { formatDiagnostic, sortDiagnostics } from '../../src/check/diagnostics.ts';

const valid = path.resolve(import.meta.dirname, '../fixtures/valid');
const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

const YAML = 'content/inspections/eastbrook-2023/inspection.yaml';

/**
 * A copy of the valid fixture with files replaced or added (text, or a function of the old text);
 * `earlier` adds a copy of its inspection a year before, as an inspection to follow up.
 */
function project(files: Record<string, string | ((old: string) => string)>, earlier?: { slug: string; service?: string }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'facts-lineage-'));
  roots.push(root);
  fs.cpSync(valid, root, { recursive: true });
  if (earlier) {
    const folder = path.join(root, 'content/inspections', earlier.slug);
    fs.cpSync(path.join(root, 'content/inspections/eastbrook-2023'), folder, { recursive: true });
    const yaml = path.join(folder, 'inspection.yaml');
    let text = fs.readFileSync(yaml, 'utf8').replaceAll('2023-0', '2022-0');
    if (earlier.service) text = text.replace('service: eastbrook', `service: ${earlier.service}`);
    fs.writeFileSync(yaml, text);
  }
  for (const [file, change] of Object.entries(files)) {
    const absolute = path.join(root, file);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    const old = fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8') : '';
    const text = typeof change === 'string' ? change : change(old);
    if (typeof change !== 'string') expect(text, `${file} should change`).not.toBe(old);
    fs.writeFileSync(absolute, text);
  }
  return root;
}

/** What `npm run check` prints for a project, message by message. */
function printed(root: string): string[] {
  return sortDiagnostics(loadProject(root).diagnostics).map(formatDiagnostic);
}

const KIND_LINE = '# Joint when it names partners; a reinspection when it gives reinspectionOf.';
const withKind = (line: string) => (old: string) => old.replace(KIND_LINE, line);

describe('the kind of an inspection, from its facts', () => {
  it('accepts partners and reinspectionOf together (a joint reinspection) and says nothing', () => {
    const root = project({ [YAML]: withKind('partners: [Estyn, Care Inspectorate Wales]\nreinspectionOf: eastbrook-2022') }, { slug: 'eastbrook-2022' });
    expect(printed(root)).toEqual([]);
    const { project: model } = loadProject(root);
    const later = model.inspections.find((i) => i.slug === 'eastbrook-2023')!;
    expect(later.source.partners).toEqual(['Estyn', 'Care Inspectorate Wales']);
    expect(later.source.reinspectionOf).toBe('eastbrook-2022');
  });

  it('still reads an old "kind:" line that agrees, with a warning to remove it', () => {
    expect(printed(project({ [YAML]: withKind('kind: joint\npartners: [Ofsted]') }))).toEqual([
      `${YAML}:4:7  warning  kind-not-needed  "kind: joint" is no longer needed: this is a joint inspection because of its partners\n    hint: remove the "kind:" line`,
    ]);
    expect(printed(project({ [YAML]: withKind('kind: inspection') }))).toEqual([
      `${YAML}:4:7  warning  kind-not-needed  "kind: inspection" is no longer needed: this is an inspection because of having no partners and no reinspectionOf\n    hint: remove the "kind:" line`,
    ]);
  });

  it('gives the exact fix for an old "kind:" line that says more than the file', () => {
    expect(printed(project({ [YAML]: withKind('kind: joint') }))).toEqual([
      `${YAML}:4:7  error  missing-partners  a joint inspection must name its partner inspectorates\n    hint: replace "kind: joint" with "partners:" and one line per inspectorate below it, such as "  - Ofsted"`,
    ]);
    expect(printed(project({ [YAML]: withKind('kind: reinspection') }))).toEqual([
      `${YAML}:4:7  error  missing-field  a reinspection must say which inspection it follows up\n    hint: replace "kind: reinspection" with "reinspectionOf: <slug of the earlier inspection>", such as "reinspectionOf: northmoor-2022"`,
    ]);
  });
});
