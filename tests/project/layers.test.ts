/**
 * The code's layers, lowest first: a module imports only from its own layer or a lower one, and no
 * module imports itself round a circle. The model flows forward only: the pure domain model (and
 * the font files) at the bottom; readers of content files; documents made from the model; the
 * checks that read content into the model; HTML and PDF renderers; the site the pages show; the
 * pages; and the command line that builds it all.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');

/** Each top-level folder (or file) of src/ and its layer: higher numbers may import lower ones. */
const LAYERS: Record<string, number> = {
  model: 0,
  'fonts.ts': 0,
  'visual-system.ts': 0,
  types: 0,
  source: 1,
  document: 2,
  check: 3,
  charts: 4,
  html: 4,
  pdf: 4,
  site: 5,
  styles: 6,
  layouts: 6,
  components: 6,
  pages: 6,
  build: 7,
  cli: 7,
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** The project files a module imports (relative imports only; packages are not layers). */
function importsOf(file: string): string[] {
  let text = fs.readFileSync(file, 'utf8');
  // An Astro component's imports are in its front matter, between the --- fences.
  if (file.endsWith('.astro')) text = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name.replace(/\?.*$/, '')));
}

const topOf = (file: string) => path.relative(src, file).split(path.sep)[0]!;
const relative = (file: string) => path.relative(src, file).split(path.sep).join('/');

const graph = new Map(sourceFiles(src).map((file) => [file, importsOf(file).filter((target) => target.startsWith(src + path.sep))]));

describe('the layers of src/', () => {
  it('gives every folder of src/ a layer', () => {
    expect([...new Set([...graph.keys()].map(topOf))].filter((top) => LAYERS[top] === undefined)).toEqual([]);
  });

  it('has no import from a higher layer', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => (LAYERS[topOf(target)] ?? Infinity) > LAYERS[topOf(file)]!).map((target) => `${relative(file)} imports ${relative(target)}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no circle of imports', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].map(relative).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('finds the imports it judges (a known import is seen)', () => {
    expect(graph.get(path.join(src, 'build/pipeline.ts'))).toContain(path.join(src, 'check/load-project.ts'));
  });
});
