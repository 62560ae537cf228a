/**
 * Renders one easy-read PDF to a file, for looking at it:
 * `tsx scripts/render-easy-read.ts [inspection|thematic] <slug> <out.pdf>`.
 */
import fs from 'node:fs';
import { loadProject } from '../src/check/load-project.ts';
import { easyReadDocument, type EasyReadSubject } from '../src/document/easy-read-document.ts';
import { renderEasyReadPdf } from '../src/pdf/easy-read-pdf.ts';

const [kind = 'inspection', slug = 'dudley-2019', out = '/tmp/easy-read.pdf'] = process.argv.slice(2);
const root = process.cwd();
const { project } = loadProject(root);
let subject: EasyReadSubject;
if (kind === 'thematic') {
  const thematic = project.thematics.find((t) => t.slug === slug);
  if (!thematic?.easyRead) throw new Error(`no thematic report ${slug} with an easy-read version`);
  subject = { kind: 'thematic', thematic };
} else {
  const inspection = project.inspections.find((i) => i.slug === slug);
  if (!inspection?.easyRead) throw new Error(`no inspection ${slug} with an easy-read version`);
  subject = { kind: 'inspection', inspection };
}
const started = performance.now();
const { document, problems } = easyReadDocument(project, subject, root);
for (const problem of problems) console.warn(`problem: ${problem.rule}: ${problem.message}`);
const pdf = await renderEasyReadPdf(document);
fs.writeFileSync(out, pdf.bytes);
console.log(`${out}: ${pdf.pageCount} pages, ${Math.round(pdf.bytes.length / 1024)} KB, ${Math.round(performance.now() - started)} ms`);
for (const warning of pdf.warnings) console.warn(`warning: ${warning}`);
