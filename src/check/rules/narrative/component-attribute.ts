/**
 * component-attribute: a component's attributes as written (plain strings, each once), as its schema
 * wants them, and as its own checks find them against the inspection or the annual report.
 */
import type { z } from 'zod';
import type { Position } from '../../../model/position.ts';
import type { Inspection } from '../../../model/project.ts';
import { attributesOf, type Component } from '../../../document/components.ts';
import { closest } from '../../schema-issues.ts';
import { exampleOf, NO_CODE, positionOf, walkComponents, type Jsx, type Narrative, type NarrativeRule, type Report } from './narrative.ts';

/** A component's attributes as written: where each is, and which are {expressions}. */
interface Written {
  /** The component's own position stands in for an attribute written nowhere (a missing one). */
  at: Position | undefined;
  positions: Map<string, Position | undefined>;
  expressions: Set<string>;
}

export const componentAttribute: NarrativeRule = {
  name: 'component-attribute',
  check(narrative, report) {
    walkComponents(narrative, (node, component) => {
      const written = readAttributes(node, component, report);
      const result = component.attributes.safeParse(attributesOf(node), { reportInput: true });
      if (!result.success) {
        const allowed = knownAttributes(component);
        for (const issue of result.error.issues) reportIssue(issue, component, written, allowed, report);
      } else if (written.expressions.size === 0) {
        for (const problem of componentProblems(narrative, component, result.data)) {
          report(written.positions.get(problem.attribute) ?? written.at, `<${component.name}> ${problem.message}`, problem.hint);
        }
      }
    });
  },
};

/** Reports {expressions} and attributes written twice; returns where each attribute is. */
function readAttributes(node: Jsx, component: Component, report: Report): Written {
  const at = positionOf(node);
  const written: Written = { at, positions: new Map(), expressions: new Set() };
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(positionOf(attribute) ?? at, `<${component.name}> has an {expression} among its attributes: ${NO_CODE}`, `write each attribute as name="text", as in ${exampleOf(component)}`);
      continue;
    }
    const where = positionOf(attribute) ?? at;
    if (written.positions.has(attribute.name)) {
      report(where, `<${component.name}> has the attribute ${attribute.name} twice`, `keep one ${attribute.name}="…"`);
      continue;
    }
    written.positions.set(attribute.name, where);
    if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      written.expressions.add(attribute.name);
      report(where, `<${component.name}> attribute ${attribute.name} is written as {${attribute.value.value}}: ${NO_CODE}`, `write a plain "string": ${attribute.name}="…"`);
    }
  }
  return written;
}

/** One problem the component's schema found with its attributes, in words for the inspector. */
function reportIssue(issue: z.core.$ZodIssue, component: Component, written: Written, allowed: readonly string[], report: Report): void {
  const { at, positions, expressions } = written;
  const name = issue.path[0] === undefined ? undefined : String(issue.path[0]);
  if (name !== undefined && expressions.has(name)) return; // already reported as an expression
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const near = closest(key, allowed);
      report(
        positions.get(key) ?? at,
        `<${component.name}> has no attribute "${key}"`,
        near ? `did you mean ${near}="…"? For example: ${exampleOf(component)}` : allowed.length ? `<${component.name}> takes ${allowed.join(', ')}: ${exampleOf(component)}` : `<${component.name}> takes no attributes: write ${exampleOf(component)}`,
      );
    }
  } else if (issue.code === 'invalid_type' && input === undefined && !expressions.has(name ?? '')) {
    report(at, `<${component.name}> needs the attribute ${name}`, `write it as in ${exampleOf(component)}`);
  } else if (issue.code === 'invalid_type' && input === true) {
    report(positions.get(name ?? '') ?? at, `<${component.name}> attribute ${name} has no value`, `give it one in quotes, as in ${exampleOf(component)}`);
  } else {
    const message = /^must\b/.test(issue.message) ? issue.message : `is not allowed: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
    report(positions.get(name ?? '') ?? at, `<${component.name}> ${name}${typeof input === 'string' ? `="${input}"` : ''}: ${name} ${message}`, `correct it, as in ${exampleOf(component)}`);
  }
}

/** The component's own checks, which read only the framework and the computed ratings, or the annual report's inspections. */
function componentProblems(narrative: Narrative, component: Component, props: unknown): { attribute: string; message: string; hint: string }[] {
  return [
    ...(component.check && narrative.inspection ? component.check(props, narrative.inspection as Inspection) : []),
    ...(component.checkAnnualReport && narrative.annualReport ? component.checkAnnualReport(props, narrative.annualReport) : []),
    ...(component.checkThematic && narrative.thematic ? component.checkThematic(props, narrative.thematic) : []),
  ];
}

function knownAttributes(component: Component): string[] {
  const shape = (component.attributes as { _zod?: { def?: { shape?: object } } })._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}
