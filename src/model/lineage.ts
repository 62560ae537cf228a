/**
 * The lineage of services: which services one came from (predecessors) and became (successors),
 * on what date and how. Each step may be written in either service's file; here both sides are
 * worked out, so pages and checks never care which side it was written on.
 */
import type { LineageKind, Service } from './schemas/service.ts';

/** One step: `from` became (part of) `to` on `date`. */
export interface LineageStep {
  from: string;
  to: string;
  date: string;
  kind: LineageKind;
}

export class Lineage {
  readonly steps: readonly LineageStep[];

  constructor(services: readonly Pick<Service, 'slug' | 'predecessors' | 'successors'>[]) {
    const steps = new Map<string, LineageStep>();
    for (const service of services) {
      for (const link of service.predecessors) add({ from: link.service, to: service.slug, date: link.date, kind: link.kind });
      for (const link of service.successors) add({ from: service.slug, to: link.service, date: link.date, kind: link.kind });
    }
    // A step written on both sides counts once (the check reports it when the two disagree).
    function add(step: LineageStep) {
      const key = `${step.from}\u0000${step.to}`;
      if (!steps.has(key)) steps.set(key, step);
    }
    this.steps = [...steps.values()].sort((a, b) => a.date.localeCompare(b.date) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  }

  predecessorsOf(slug: string): LineageStep[] {
    return this.steps.filter((step) => step.to === slug);
  }

  successorsOf(slug: string): LineageStep[] {
    return this.steps.filter((step) => step.from === slug);
  }

  /** Every service this one came from, however many steps back, nearest first; safe with cycles. */
  ancestorsOf(slug: string): string[] {
    const found: string[] = [];
    let frontier = [slug];
    while (frontier.length) {
      const next: string[] = [];
      for (const current of frontier) {
        for (const step of this.predecessorsOf(current)) {
          if (step.from === slug || found.includes(step.from)) continue;
          found.push(step.from);
          next.push(step.from);
        }
      }
      frontier = next;
    }
    return found;
  }
}
