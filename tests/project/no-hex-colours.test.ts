/** Every colour comes from the visual system: no hex colour is typed anywhere else in src/ (or the Astro config). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
/** Justified exceptions, by file and the literal, each with its reason. None at present. */
const ALLOWED: { file: string; literal: string; reason: string }[] = [];
/** A hex colour: not an HTML character reference such as `&#123;`, nor part of a longer word. */
const HEX = /(?<![&\w])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![\w-])/g;

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.(ts|mts|js|mjs|scss|css|astro|svg)$/.test(entry.name) ? [full] : [];
  });
}

function hexColours(source: string): string[] {
  return source.match(HEX) ?? [];
}

describe('colours', () => {
  it('finds hex colours and leaves character references alone', () => {
    expect(hexColours(`fill="#1d70b8" color: #FFF; a { color: #0b0c0c80 }`)).toEqual(['#1d70b8', '#FFF', '#0b0c0c80']);
    expect(hexColours('write &#123; or #{$x} or #heading')).toEqual([]);
  });

  it('types no hex colour in src/ outside src/visual-system.ts', () => {
    const files = [...filesUnder(path.join(root, 'src')), path.join(root, 'astro.config.mjs')].filter((file) => !file.endsWith(path.join('src', 'visual-system.ts')));
    const found = files.flatMap((file) => {
      const relative = path.relative(root, file);
      return hexColours(fs.readFileSync(file, 'utf8'))
        .filter((literal) => !ALLOWED.some((a) => a.file === relative && a.literal.toLowerCase() === literal.toLowerCase()))
        .map((literal) => `${relative}: ${literal}`);
    });
    expect(files.length).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });
});
