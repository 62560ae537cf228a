/**
 * The check across inspections (src/check/rules/inspection.ts, checkInspectionsTogether): two
 * inspections of one service whose fieldwork overlaps are reported once, at the first of the two by
 * slug, in the order the inspections were loaded. Compared with the rule written the slow way, every
 * inspection against every other, over many services: the check itself compares an inspection only
 * with its own service's others, which is what keeps the live preview's edit quick at 10,000 reports.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../src/check/diagnostics.ts';
import { checkInspectionsTogether, type LoadedInspection } from '../../src/check/rules/inspection.ts';

const at = { line: 3, column: 1 };

function inspection(slug: string, service: string, start: string, end: string, broken: string[] = []): LoadedInspection {
  return {
    slug,
    file: `content/inspections/${slug}/inspection.yaml`,
    source: { positionOf: () => at } as unknown as LoadedInspection['source'],
    data: { service, fieldwork: { start, end } } as unknown as LoadedInspection['data'],
    broken: new Set(broken),
  };
}

/** The rule the slow way: each inspection against every other, the later slug of a pair never reporting it. */
function overlapsTheSlowWay(loaded: LoadedInspection[]): string[] {
  const found: string[] = [];
  for (const entry of loaded) {
    for (const other of loaded) {
      if (other === entry || other.data.service !== entry.data.service || other.slug < entry.slug) continue;
      if (entry.broken.size || other.broken.size) continue;
      if (other.data.fieldwork.start <= entry.data.fieldwork.end && entry.data.fieldwork.start <= other.data.fieldwork.end) found.push(`${entry.file} "${entry.slug}" and "${other.slug}"`);
    }
  }
  return found;
}

function overlapsFound(loaded: LoadedInspection[]): string[] {
  const diagnostics = new DiagnosticList();
  checkInspectionsTogether(loaded, diagnostics);
  return diagnostics.items.filter((d) => d.rule === 'overlapping-inspections').map((d) => `${d.file} ${/^"[^"]+" and "[^"]+"/.exec(d.message)![0]}`);
}

describe('inspections checked together', () => {
  it('reports two inspections of one service over overlapping fieldwork, once, and none of different services or apart', () => {
    const loaded = [
      inspection('brook-2023', 'brook', '2023-03-01', '2023-03-10'),
      inspection('brook-2023-copy', 'brook', '2023-03-05', '2023-03-12'),
      inspection('fen-2023', 'fen', '2023-03-01', '2023-03-10'),
      inspection('brook-2024', 'brook', '2024-03-01', '2024-03-10'),
      inspection('brook-2024-broken', 'brook', '2024-03-01', '2024-03-10', ['fieldwork']),
    ];
    expect(overlapsFound(loaded)).toEqual(['content/inspections/brook-2023/inspection.yaml "brook-2023" and "brook-2023-copy"']);
  });

  it('finds what comparing every inspection with every other finds, in the same order, over many services', () => {
    // A fixed pseudo-random spread: 600 inspections of 40 services, fieldwork in one of a few weeks.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const loaded = Array.from({ length: 600 }, (_, k) => {
      const week = next(30);
      const start = new Date(Date.UTC(2024, 0, 1 + week * 7 + next(3))).toISOString().slice(0, 10);
      const end = new Date(Date.UTC(2024, 0, 1 + week * 7 + 3 + next(6))).toISOString().slice(0, 10);
      return inspection(`service-${next(40)}-${String(k).padStart(3, '0')}`, `service-${next(40)}`, start, end, next(20) === 0 ? ['service'] : []);
    });
    const expected = overlapsTheSlowWay(loaded);
    expect(expected.length).toBeGreaterThan(20);
    expect(overlapsFound(loaded)).toEqual(expected);
  });
});
