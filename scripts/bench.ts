/**
 * `npm run bench`: how fast report PDFs are made. Renders every inspection's full report several
 * times (after a warm-up) and prints the median milliseconds per PDF and pages per second; with
 * Chromium installed and a built dist/, also times Chromium's print-to-PDF of the same report page.
 * Writes the figures to .bench/report-pdf.json so runs can be compared.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProject } from '../src/check/load-project.ts';
import { reportDocument } from '../src/document/report-document.ts';
import { renderDocumentPdf } from '../src/pdf/render-document.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const root = process.cwd();
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const { project } = loadProject(root);
const reports: { slug: string; pages: number; bytes: number; medianMs: number }[] = [];
let totalPages = 0;
let totalMs = 0;
for (const inspection of project.inspections) {
  const model = reportDocument(project, inspection, root);
  await renderDocumentPdf(model); // warm-up: fonts parsed, pictures normalised, code compiled
  const times: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const pdf = await renderDocumentPdf(reportDocument(project, inspection, root));
    times.push(performance.now() - started);
    pages = pdf.pageCount;
    bytes = pdf.bytes.length;
  }
  reports.push({ slug: inspection.slug, pages, bytes, medianMs: Math.round(median(times) * 10) / 10 });
  totalPages += pages * rounds;
  totalMs += times.reduce((a, b) => a + b, 0);
}

const result: Record<string, unknown> = {
  node: process.version,
  cpus: os.cpus().length,
  rounds,
  medianMsPerReport: Math.round(median(reports.map((r) => r.medianMs)) * 10) / 10,
  pagesPerSecond: Math.round((totalPages / totalMs) * 1000),
  reports,
};

// The same report printed by a browser, for comparison (not a goal: it has no tags, bookmarks or contents page numbers).
const page = path.join(root, 'dist/inspections/dudley-2019/index.html');
const chromium = ['chromium', 'chromium-browser'].find((name) => !spawnSync(name, ['--version']).error);
if (chromium && fs.existsSync(page)) {
  const times: number[] = [];
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'chromium.pdf');
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-'))}`, '--no-pdf-header-footer', `--print-to-pdf=${out}`, `file://${page}`], { stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  result.chromiumPrintToPdf = { page: 'dist/inspections/dudley-2019/index.html', medianMs: Math.round(median(times)), bytes: fs.statSync(out).size, note: 'includes starting the browser' };
}

fs.mkdirSync(path.join(root, '.bench'), { recursive: true });
fs.writeFileSync(path.join(root, '.bench/report-pdf.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`Report PDFs (${rounds} rounds each, median):`);
for (const r of reports) console.log(`  ${r.slug.padEnd(20)} ${String(r.pages).padStart(3)} pages  ${String(Math.round(r.bytes / 1024)).padStart(4)} KB  ${r.medianMs.toFixed(1).padStart(7)} ms`);
console.log(`Median per report: ${result.medianMsPerReport} ms; ${result.pagesPerSecond} pages per second on one core.`);
if (result.chromiumPrintToPdf) console.log(`Chromium print-to-PDF of the Dudley page: ${(result.chromiumPrintToPdf as { medianMs: number }).medianMs} ms (browser start included).`);
console.log('Written to .bench/report-pdf.json');
