/** `npm run check`: every problem in every content file, one per line; exit 1 on any error. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkProject } from './load-project.ts';
import { formatReport, toJson } from './diagnostics.ts';
import { describeFailure } from './tool-failure.ts';

// `npm run check [folder] [--json]`; not strict, so an unknown option is ignored as it always was.
const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: false });
const json = values.json === true;
const root = path.resolve(positionals[0] ?? process.cwd());

try {
  const { diagnostics, filesChecked } = await checkProject(root);
  process.stdout.write(`${json ? toJson(diagnostics) : formatReport(diagnostics, filesChecked)}\n`);
  process.exitCode = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
} catch (error) {
  // Bad content never gets here (every content problem is a diagnostic): this is a bug in the tool.
  process.stderr.write(`${describeFailure('The check', error)}\n`);
  process.exitCode = 2;
}
