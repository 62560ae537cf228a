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
import { Lineage } from '../../src/model/lineage.ts';

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

/** A made-up service file, with its lineage as YAML lines. */
const serviceFile = (slug: string, lineage = '') => `slug: ${slug}\nname: ${slug} Youth Justice Service\nshortName: ${slug}\nnation: England\nregion: North West\npoliceForceArea: Lancashire\nfictional: true\n${lineage}`;
const SERVICES = 'content/services';

describe('the lineage of services', () => {
  it('accepts a reinspection of a predecessor service\'s inspection, written once in the newer service', () => {
    const root = project(
      {
        [`${SERVICES}/old-bay.yaml`]: serviceFile('old-bay'),
        [`${SERVICES}/eastbrook.yaml`]: (old) => `${old}predecessors:\n  - { service: old-bay, date: 2022-09-01, kind: split }\n`,
        [YAML]: withKind('reinspectionOf: old-bay-2022'),
      },
      { slug: 'old-bay-2022', service: 'old-bay' },
    );
    expect(printed(root)).toEqual([]);
  });

  it('says how to name the predecessor when a reinspection follows up another service', () => {
    const root = project({ [`${SERVICES}/old-bay.yaml`]: serviceFile('old-bay'), [YAML]: withKind('reinspectionOf: old-bay-2022') }, { slug: 'old-bay-2022', service: 'old-bay' });
    expect(printed(root)).toEqual([
      `${YAML}:4:17  error  reinspection-service  "old-bay-2022" inspected old-bay, which is neither eastbrook nor a service it came from\n    hint: a reinspection follows up an earlier inspection of the same service or of one of its predecessors; if eastbrook came from old-bay, add to content/services/eastbrook.yaml "predecessors: [{ service: old-bay, date: YYYY-MM-DD, kind: merger | split | rename }]"`,
    ]);
  });

  it('reports an inspection of a service after the day it ceased', () => {
    const root = project(
      {
        [`${SERVICES}/old-bay.yaml`]: serviceFile('old-bay'),
        [`${SERVICES}/eastbrook.yaml`]: (old) => `${old}predecessors:\n  - { service: old-bay, date: 2022-01-01, kind: rename }\n`,
        [YAML]: withKind('reinspectionOf: old-bay-2022'),
      },
      { slug: 'old-bay-2022', service: 'old-bay' },
    );
    expect(printed(root)).toEqual([
      'content/inspections/old-bay-2022/inspection.yaml:6:10  error  service-ceased  old-bay became eastbrook (rename) on 2022-01-01, before this fieldwork started (2022-05-08)\n    hint: inspect the service it became: "service: eastbrook", or correct the date in the lineage',
    ]);
  });

  it('reports an unknown service, a service named as its own predecessor, and a wrong kind or date, each at its line', () => {
    const root = project({
      [`${SERVICES}/eastbrook.yaml`]: (old) =>
        `${old}predecessors:\n  - { service: bridgnd, date: 2019-04-01, kind: split }\n  - { service: eastbrook, date: 2019-04-01, kind: rename }\n  - { service: western-bay, date: 2019-04-01, kind: split }\n`,
      [`${SERVICES}/bridgend.yaml`]: serviceFile('bridgend', 'predecessors:\n  - service: eastbrook\n    date: 1 April 2019\n    kind: merge\n'),
    });
    expect(printed(root).map((line) => line.split('\n')[0])).toEqual([
      `${SERVICES}/bridgend.yaml:10:11  error  invalid-date  predecessors → item 1 → date is "1 April 2019": it must be a date written as YYYY-MM-DD, such as 2019-06-13`,
      `${SERVICES}/bridgend.yaml:11:11  error  invalid-value  predecessors → item 1 → kind is "merge", which is not allowed`,
      `${SERVICES}/eastbrook.yaml:10:16  error  unknown-service  service "bridgnd" is not in content/services`,
      `${SERVICES}/eastbrook.yaml:11:16  error  lineage-self  eastbrook names itself among its predecessors`,
      `${SERVICES}/eastbrook.yaml:12:16  error  unknown-service  service "western-bay" is not in content/services`,
    ]);
    const hints = printed(root).map((line) => line.split('\n')[1]?.trim());
    expect(hints[2]).toBe('hint: did you mean "bridgend"?');
    expect(hints[4]).toBe('hint: a service that no longer exists keeps its file in content/services: add content/services/western-bay.yaml');
  });

  it('derives the other side of a step written once, and checks a step written on both sides', () => {
    const twice = (date: string, kind: string) =>
      project({
        [`${SERVICES}/old-bay.yaml`]: serviceFile('old-bay', `successors:\n  - { service: eastbrook, date: ${date}, kind: ${kind} }\n`),
        [`${SERVICES}/eastbrook.yaml`]: (old) => `${old}predecessors:\n  - { service: old-bay, date: 2019-04-01, kind: split }\n`,
      });
    expect(printed(twice('2019-04-01', 'split'))).toEqual([
      `${SERVICES}/old-bay.yaml:9:16  warning  lineage-written-twice  the step from old-bay to eastbrook is also written in ${SERVICES}/eastbrook.yaml (predecessors)\n    hint: remove this entry: old-bay's successors are worked out from eastbrook's predecessors`,
    ]);
    expect(printed(twice('2019-05-01', 'split'))).toEqual([
      `${SERVICES}/old-bay.yaml:9:33  error  lineage-disagrees  old-bay became eastbrook on 2019-05-01 here, but on 2019-04-01 in ${SERVICES}/eastbrook.yaml (predecessors)\n    hint: write the step once, in ${SERVICES}/eastbrook.yaml: remove this entry`,
    ]);
    expect(printed(twice('2019-04-01', 'rename'))).toEqual([
      `${SERVICES}/old-bay.yaml:9:51  error  lineage-disagrees  the step from old-bay to eastbrook is a rename here, but a split in ${SERVICES}/eastbrook.yaml (predecessors)\n    hint: write the step once, in ${SERVICES}/eastbrook.yaml: remove this entry`,
    ]);
    // Written once, on the older side: the newer service's predecessors are worked out from it.
    const once = loadProject(project({ [`${SERVICES}/old-bay.yaml`]: serviceFile('old-bay', 'successors:\n  - { service: eastbrook, date: 2019-04-01, kind: split }\n') }));
    expect(once.diagnostics).toEqual([]);
    expect(new Lineage(once.project.services).predecessorsOf('eastbrook')).toEqual([{ from: 'old-bay', to: 'eastbrook', date: '2019-04-01', kind: 'split' }]);
  });

  it('reports a lineage that goes round in a circle, and steps out of date order', () => {
    const cycle = project({
      [`${SERVICES}/old-bay.yaml`]: serviceFile('old-bay', 'predecessors:\n  - { service: eastbrook, date: 2021-04-01, kind: rename }\n'),
      [`${SERVICES}/eastbrook.yaml`]: (old) => `${old}predecessors:\n  - { service: old-bay, date: 2019-04-01, kind: rename }\n`,
    });
    expect(printed(cycle).map((line) => line.split('\n')[0])).toEqual([
      `${SERVICES}/eastbrook.yaml:10:16  error  lineage-cycle  eastbrook would come before and after old-bay: the lineage goes round in a circle`,
      `${SERVICES}/old-bay.yaml:9:16  error  lineage-cycle  old-bay would come before and after eastbrook: the lineage goes round in a circle`,
    ]);
    const order = project({
      [`${SERVICES}/old-bay.yaml`]: serviceFile('old-bay', 'predecessors:\n  - { service: older-bay, date: 2020-04-01, kind: merger }\n'),
      [`${SERVICES}/older-bay.yaml`]: serviceFile('older-bay'),
      [`${SERVICES}/eastbrook.yaml`]: (old) => `${old}predecessors:\n  - { service: old-bay, date: 2019-04-01, kind: split }\n`,
    });
    expect(printed(order).map((line) => line.split('\n')[0])).toEqual([
      `${SERVICES}/eastbrook.yaml:10:31  error  lineage-date-order  old-bay became eastbrook on 2019-04-01, before old-bay itself was formed from older-bay on 2020-04-01`,
    ]);
  });
});
