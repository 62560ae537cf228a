/** `npm run schemas`: writes schemas/*.schema.json from the zod schemas. */
import fs from 'node:fs';
import path from 'node:path';
import { contentSchemas, jsonSchemaFor } from './json-schemas.ts';

const outDir = path.resolve('schemas');
fs.mkdirSync(outDir, { recursive: true });
for (const name of Object.keys(contentSchemas) as (keyof typeof contentSchemas)[]) {
  fs.writeFileSync(path.join(outDir, name), jsonSchemaFor(name));
  process.stdout.write(`wrote schemas/${name}\n`);
}
