/**
 * Writes src/model/message-keys.ts: every message key the code uses, found where it is written
 * literally as t('area.key'…), html('area.key'…) or messageKey('area.key'). The check then
 * requires each of them in every language's message files. `npm run -s message-keys` after adding
 * or removing a message; tests/project/message-keys.test.ts fails while the list is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = path.join(root, 'src/model/message-keys.ts');
const USE = /\b(?:t|html|messageKey)\(\s*['"`]([a-z0-9-]+(?:\.[a-z0-9-]+)+)['"`]/g;

// Examples in comments are not uses.
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|astro)$/.test(entry.name) && full !== OUTPUT ? [full] : [];
  });
}

export function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(path.join(root, 'src'))) for (const match of withoutComments(fs.readFileSync(file, 'utf8')).matchAll(USE)) keys.add(match[1]!);
  return [...keys].sort();
}

export function keysModule(keys: readonly string[]): string {
  return `// Written by scripts/message-keys.ts (npm run -s message-keys): the message keys the code uses.\nexport const MESSAGE_KEYS: ReadonlySet<string> = new Set([\n${keys.map((k) => `  '${k}',`).join('\n')}\n]);\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(OUTPUT, keysModule(usedKeys()));
  console.log(`${usedKeys().length} message keys written to ${path.relative(root, OUTPUT)}`);
}
