/**
 * The lineage of services (predecessors and successors in content/services/*.yaml): every service
 * named exists, a step written on both sides says the same on both, no service descends from
 * itself, and the steps along a line come in date order. Each problem is reported where it is written.
 */
import type { DiagnosticList } from '../diagnostics.ts';
import type { YamlSource } from '../../source/yaml-file.ts';
import type { LineageLink, Service } from '../../model/schemas/service.ts';
import { Lineage, type LineageStep } from '../../model/lineage.ts';
import { closest } from '../schema-issues.ts';

export interface LoadedService {
  service: Service;
  file: string;
  source: Pick<YamlSource, 'positionOf'>;
  /** Fields that failed their schema: already reported. */
  broken: ReadonlySet<string>;
}

type Side = 'predecessors' | 'successors';

/** A step as written in one file, with where it is written. */
interface Written {
  step: LineageStep;
  entry: LoadedService;
  side: Side;
  index: number;
}

/**
 * Checks the lineage and returns it, worked out from the steps that name services that exist.
 * `notLoaded`: services whose files have problems, already reported there (not unknown).
 */
export function checkLineage(entries: readonly LoadedService[], diagnostics: DiagnosticList, notLoaded: ReadonlySet<string> = new Set()): Lineage {
  const slugs = new Set(entries.map((e) => e.service.slug));
  const written: Written[] = [];
  for (const entry of entries) {
    for (const side of ['predecessors', 'successors'] as const) {
      if (entry.broken.has(side)) continue;
      entry.service[side].forEach((link: LineageLink, index) => {
        const at = (field: keyof LineageLink) => entry.source.positionOf([side, index, field]);
        const self = entry.service.slug;
        if (link.service === self) {
          diagnostics.error(entry.file, at('service'), 'lineage-self', `${self} names itself among its ${side}`, `name the service it ${side === 'predecessors' ? 'came from' : 'became'}, or remove this entry`);
          return;
        }
        if (!slugs.has(link.service)) {
          if (!notLoaded.has(link.service)) {
            const near = closest(link.service, [...slugs].filter((s) => s !== self));
            diagnostics.error(entry.file, at('service'), 'unknown-service', `service "${link.service}" is not in content/services`, near ? `did you mean "${near}"?` : `a service that no longer exists keeps its file in content/services: add content/services/${link.service}.yaml`);
          }
          return;
        }
        const step = side === 'predecessors' ? { from: link.service, to: self, date: link.date, kind: link.kind } : { from: self, to: link.service, date: link.date, kind: link.kind };
        written.push({ step, entry, side, index });
      });
    }
  }
  checkBothSides(written, diagnostics);
  // Each step once, as first written (a step written twice is reported above).
  const byKey = new Map<string, Written>();
  for (const w of written) if (!byKey.has(`${w.step.from}\u0000${w.step.to}`)) byKey.set(`${w.step.from}\u0000${w.step.to}`, w);
  const all = lineageOf([...byKey.values()].map((w) => w.step));
  // Steps in a circle are reported once as such, and left out of the lineage (and its other checks).
  const inCycle = new Set<Written>();
  for (const w of byKey.values()) {
    if (!all.ancestorsOf(w.step.from).includes(w.step.to)) continue;
    inCycle.add(w);
    diagnostics.error(w.entry.file, w.entry.source.positionOf([w.side, w.index, 'service']), 'lineage-cycle', `${w.step.to} would come before and after ${w.step.from}: the lineage goes round in a circle`, `check the predecessors and successors of ${w.step.from} and ${w.step.to}: a service can only come from older ones`);
  }
  const kept = [...byKey.values()].filter((w) => !inCycle.has(w));
  const found = lineageOf(kept.map((w) => w.step));
  for (const w of kept) {
    // The steps into the older service came before the step out of it.
    for (const before of found.predecessorsOf(w.step.from)) {
      if (before.date > w.step.date) {
        diagnostics.error(w.entry.file, w.entry.source.positionOf([w.side, w.index, 'date']), 'lineage-date-order', `${w.step.from} became ${w.step.to} on ${w.step.date}, before ${w.step.from} itself was formed from ${before.from} on ${before.date}`, 'correct one of the two dates');
      }
    }
  }
  return found;
}

/** The lineage of the given steps. */
function lineageOf(steps: readonly LineageStep[]): Lineage {
  const services = new Map<string, { slug: string; predecessors: LineageLink[]; successors: LineageLink[] }>();
  for (const step of steps) {
    const entry = services.get(step.to) ?? { slug: step.to, predecessors: [], successors: [] };
    entry.predecessors.push({ service: step.from, date: step.date, kind: step.kind });
    services.set(step.to, entry);
  }
  return new Lineage([...services.values()]);
}

/** A step written in both services' files: the same date and kind on both sides, and a note that once is enough. */
function checkBothSides(written: readonly Written[], diagnostics: DiagnosticList): void {
  for (const w of written) {
    if (w.side !== 'successors') continue;
    const other = written.find((o) => o.side === 'predecessors' && o.step.from === w.step.from && o.step.to === w.step.to);
    if (!other) continue;
    const at = (field: keyof LineageLink) => w.entry.source.positionOf([w.side, w.index, field]);
    const where = `${other.entry.file} (predecessors)`;
    if (other.step.date !== w.step.date) {
      diagnostics.error(w.entry.file, at('date'), 'lineage-disagrees', `${w.step.from} became ${w.step.to} on ${w.step.date} here, but on ${other.step.date} in ${where}`, `write the step once, in ${other.entry.file}: remove this entry`);
    } else if (other.step.kind !== w.step.kind) {
      diagnostics.error(w.entry.file, at('kind'), 'lineage-disagrees', `the step from ${w.step.from} to ${w.step.to} is a ${w.step.kind} here, but a ${other.step.kind} in ${where}`, `write the step once, in ${other.entry.file}: remove this entry`);
    } else {
      diagnostics.warning(w.entry.file, at('service'), 'lineage-written-twice', `the step from ${w.step.from} to ${w.step.to} is also written in ${where}`, `remove this entry: ${w.step.from}'s successors are worked out from ${w.step.to}'s predecessors`);
    }
  }
}
