/** Renders one inspection's report PDF to a file: `tsx scripts/render-one.ts <slug> <out.pdf>` (for looking at it). */
import fs from 'node:fs';
import { loadProject } from '../src/check/load-project.ts';
import { reportDocument } from '../src/document/report-document.ts';
import { renderDocumentPdf } from '../src/pdf/render-document.ts';

const [slug = 'dudley-2019', out = '/tmp/report.pdf'] = process.argv.slice(2);
const { project } = loadProject(process.cwd());
const inspection = project.inspections.find((i) => i.slug === slug);
if (!inspection) throw new Error(`no inspection ${slug}`);
const started = performance.now();
const pdf = await renderDocumentPdf(reportDocument(project, inspection));
fs.writeFileSync(out, pdf.bytes);
console.log(`${out}: ${pdf.pageCount} pages, ${Math.round(pdf.bytes.length / 1024)} KB, ${Math.round(performance.now() - started)} ms`);
