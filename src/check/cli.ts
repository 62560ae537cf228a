/** `npm run check`: every problem in every content file, one per line; exit 1 on any error. */
import path from 'node:path';
import { loadProject } from './load-project.ts';
import { formatReport, toJson } from './diagnostics.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const rootArg = args.find((arg) => !arg.startsWith('--'));
const root = path.resolve(rootArg ?? process.cwd());

try {
  const { diagnostics, filesChecked } = loadProject(root);
  process.stdout.write(`${json ? toJson(diagnostics) : formatReport(diagnostics, filesChecked)}\n`);
  process.exitCode = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
} catch (error) {
  // Bad content never gets here; this is a fault in the tool itself.
  process.stderr.write(`The checker itself failed; please report this with the content that caused it.\n${(error as Error).stack}\n`);
  process.exitCode = 2;
}
