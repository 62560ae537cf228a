/**
 * `npm run schemas`: writes schemas/*.schema.json from the zod schemas, and the editor's snippets
 * for the MDX components (.vscode/inspection-reports.code-snippets) from src/document/components.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentSchemas, jsonSchemaFor } from './json-schemas.ts';
import { editorSnippets, SNIPPETS_FILE } from './editor-snippets.ts';

const outDir = path.resolve('schemas');
fs.mkdirSync(outDir, { recursive: true });
for (const name of Object.keys(contentSchemas) as (keyof typeof contentSchemas)[]) {
  fs.writeFileSync(path.join(outDir, name), jsonSchemaFor(name));
  process.stdout.write(`wrote schemas/${name}\n`);
}
fs.mkdirSync('.vscode', { recursive: true });
fs.writeFileSync(SNIPPETS_FILE, editorSnippets());
process.stdout.write(`wrote ${SNIPPETS_FILE}\n`);
