/** Reads a YAML file keeping the source positions of every key and value, so errors can point at them. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Position } from '../model/position.ts';

export interface YamlSource {
  data: unknown;
  /** Syntax errors, already with positions. */
  syntaxErrors: { message: string; at: Position }[];
  /** Where a value (or, if it is missing, the nearest existing parent) is written. */
  positionOf(path: readonly PropertyKey[], target?: 'key' | 'value'): Position;
}

export function readYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const syntaxErrors = doc.errors.map((error) => ({
    message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    at: toPosition(error.pos[0]),
  }));

  function positionOf(path: readonly PropertyKey[], target: 'key' | 'value' = 'value'): Position {
    let node: Node | null = doc.contents as Node | null;
    let keyNode: Node | null = null;
    let found = true;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item: Pair) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment));
        if (!pair) {
          found = false;
          break;
        }
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? keyNode;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        keyNode = null;
        node = node.items[segment] as Node;
      } else {
        found = false;
        break;
      }
    }
    // A missing value is reported at the key of its parent ("ratings:"), where it should be added.
    const chosen = (target === 'key' || !found) && keyNode?.range ? keyNode : node;
    return chosen?.range ? toPosition(chosen.range[0]) : { line: 1, column: 1 };
  }

  return { data: doc.errors.length ? undefined : doc.toJS(), syntaxErrors, positionOf };
}
