/**
 * `npm run bench`: how fast the tool publishes.
 *
 * Quick mode (no arguments): renders every sample inspection's full report PDF and every easy-read
 * PDF of the sample content several times (after a warm-up) and prints the median milliseconds per
 * PDF and pages per second; with Chromium installed and a built dist/, also times Chromium's
 * print-to-PDF of the same report page. Writes .bench/report-pdf.json.
 *
 * Corpus mode (`npm run bench -- --corpus N [--seed S] [--dir DIR] [--samples 20]`): generates a
 * synthetic corpus of N inspections (scripts/corpus.ts) into a temporary folder (or reuses DIR when
 * it already holds a generated corpus), then
 *   - runs `npm run check` there alone (the first phase of a build, timed on its own);
 *   - runs a cold `npm run build` there (dist/, .build/ and .cache/ removed first) as a child
 *     process: wall time, peak memory (the process tree's resident memory sampled from /proc, and the
 *     largest single process's exact peak from /usr/bin/time -v when present), the size of dist/,
 *     the number of PDFs and their pages (read from each PDF's page tree);
 *   - times Pagefind on the built dist/ in this process (into a scratch folder), for the profile;
 *   - renders a sample of the corpus's report PDFs and easy-read PDFs in this process, one each
 *     after a warm-up, for the median ms per PDF (and the sample's Dudley 2019 report, for the goal);
 *   - appends a sentence to one public inspection's report.mdx, builds again and measures the same,
 *     with the files of dist/ that changed; then puts the report.mdx back;
 *   - starts the live preview (`npm run dev`) there: the time to its first inspection page, then the
 *     time from saving an edit of that inspection's report.mdx to the page showing it, and its peak
 *     memory (`--preview-only`: this alone, in the corpus of --dir).
 * Writes .bench/bench-<N>.json and prints a summary beside the goals.
 */
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { wholeNumber } from './args.ts';
import { loadProject } from '../src/check/load-project.ts';
import { buildDateFrom, isPublic, type Project } from '../src/model/project.ts';
import { reportDocument } from '../src/document/report-document.ts';
import { easyReadDocument, type EasyReadSubject } from '../src/document/easy-read-document.ts';
import { renderDocumentPdf } from '../src/pdf/render-document.ts';
import { renderEasyReadPdf } from '../src/pdf/easy-read-pdf.ts';
import { forgetDrawings } from '../src/pdf/drawings.ts';
import { generateCorpus } from './corpus.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
/** The goal's yardstick, the Dudley 2019 report, is timed this many times at least in corpus mode. */
const DUDLEY_ROUNDS = 31;
const root = process.cwd();
const median = (values: number[]) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;
const mb = (bytes: number) => round1(bytes / 1_048_576);

/** The goals of issue 18 ("Speed at scale"), printed beside the figures. */
const GOALS = {
  dudleyReportPdfMedianMs: 50,
  coldBuildSecondsFor1000: 60,
  peakMemoryMB: 1536,
  /** A whole build again after one report's narrative is edited (the incremental build's wall time). */
  oneReportEditSeconds: 10,
  /** The live preview (`npm run dev`) shows a saved edit of a report's narrative within this time. */
  previewEditSeconds: 1,
};

interface Options {
  corpus?: number;
  seed: number;
  dir?: string;
  samples: number;
  /** Only the live preview's figures, in an existing corpus (--dir): for working on the preview. */
  previewOnly?: boolean;
  /** Internal: render the PDF sample of this corpus folder and print it as JSON (sampleInChild). */
  pdfSample?: string;
}

function optionsFrom(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { corpus: { type: 'string' }, seed: { type: 'string' }, dir: { type: 'string' }, samples: { type: 'string' }, 'preview-only': { type: 'boolean' }, 'pdf-sample': { type: 'string' } },
  });
  const corpus = wholeNumber(values.corpus, 'corpus', 1);
  if (values.dir && corpus === undefined) throw new Error('--dir needs --corpus N');
  return {
    ...(corpus !== undefined ? { corpus } : {}),
    seed: wholeNumber(values.seed, 'seed', 0) ?? 1,
    ...(values.dir ? { dir: path.resolve(values.dir) } : {}),
    samples: wholeNumber(values.samples, 'samples', 1) ?? 20,
    previewOnly: values['preview-only'] === true,
    ...(values['pdf-sample'] ? { pdfSample: values['pdf-sample'] } : {}),
  };
}

/* ------------------------------------------------------------------------------------------------
 * In-process PDF timing
 * ---------------------------------------------------------------------------------------------- */

interface Timed {
  slug: string;
  pages: number;
  bytes: number;
  ms: number;
}

async function timeReport(project: Project, slug: string, dir: string): Promise<Timed> {
  const inspection = project.inspections.find((i) => i.slug === slug)!;
  // A build draws a report once: its figures kept from the bench's earlier rounds would flatter it.
  forgetDrawings();
  const started = performance.now();
  // The document model is built inside the timing, as the build does for each report.
  const pdf = await renderDocumentPdf(reportDocument(project, inspection, dir));
  return { slug, pages: pdf.pageCount, bytes: pdf.bytes.length, ms: performance.now() - started };
}

async function timeEasyRead(project: Project, subject: EasyReadSubject, dir: string): Promise<Timed> {
  const slug = subject.kind === 'inspection' ? subject.inspection.slug : `thematic/${subject.thematic.slug}`;
  forgetDrawings();
  const started = performance.now();
  const pdf = await renderEasyReadPdf(easyReadDocument(project, subject, dir).document);
  return { slug, pages: pdf.pageCount, bytes: pdf.bytes.length, ms: performance.now() - started };
}

/** Every `count`-th item spread evenly over the list, so a sample covers both frameworks and all sizes. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, k) => items[Math.floor((k * items.length) / count)]!);
}

/* ------------------------------------------------------------------------------------------------
 * Quick mode: the sample content
 * ---------------------------------------------------------------------------------------------- */

async function quick(): Promise<void> {
  const { project } = loadProject(root);
  const buildDate = buildDateFrom(process.env);
  const measure = async (run: () => Promise<Timed>) => {
    await run(); // warm-up: fonts parsed, pictures normalised, code compiled
    const times: Timed[] = [];
    for (let k = 0; k < rounds; k++) times.push(await run());
    const ms = times.map((t) => t.ms);
    return { slug: times[0]!.slug, pages: times[0]!.pages, bytes: times[0]!.bytes, medianMs: round1(median(ms)), totalMs: ms.reduce((a, b) => a + b, 0) };
  };

  const reports: { slug: string; pages: number; bytes: number; medianMs: number }[] = [];
  const easyReads: typeof reports = [];
  let pages = 0;
  let ms = 0;
  for (const inspection of project.inspections) {
    const r = await measure(() => timeReport(project, inspection.slug, root));
    reports.push({ slug: r.slug, pages: r.pages, bytes: r.bytes, medianMs: r.medianMs });
    pages += r.pages * rounds;
    ms += r.totalMs;
  }
  const subjects: EasyReadSubject[] = [
    ...project.inspections.filter((i) => i.easyRead && isPublic(i, buildDate)).map((inspection) => ({ kind: 'inspection' as const, inspection })),
    ...project.thematics.filter((t) => t.easyRead && isPublic(t, buildDate)).map((thematic) => ({ kind: 'thematic' as const, thematic })),
  ];
  let easyPages = 0;
  let easyMs = 0;
  for (const subject of subjects) {
    const r = await measure(() => timeEasyRead(project, subject, root));
    easyReads.push({ slug: r.slug, pages: r.pages, bytes: r.bytes, medianMs: r.medianMs });
    easyPages += r.pages * rounds;
    easyMs += r.totalMs;
  }

  const result: Record<string, unknown> = {
    node: process.version,
    cpus: os.cpus().length,
    rounds,
    medianMsPerReport: round1(median(reports.map((r) => r.medianMs))),
    pagesPerSecond: Math.round((pages / ms) * 1000),
    medianMsPerEasyRead: easyReads.length ? round1(median(easyReads.map((r) => r.medianMs))) : null,
    easyReadPagesPerSecond: easyReads.length ? Math.round((easyPages / easyMs) * 1000) : null,
    goals: GOALS,
    reports,
    easyReads,
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
  const slugWidth = Math.max(...[...reports, ...easyReads].map((r) => r.slug.length));
  const line = (r: (typeof reports)[number]) => `  ${r.slug.padEnd(slugWidth)} ${String(r.pages).padStart(3)} pages  ${String(Math.round(r.bytes / 1024)).padStart(4)} KB  ${r.medianMs.toFixed(1).padStart(7)} ms`;
  console.log(`Report PDFs (${rounds} rounds each, median):`);
  for (const r of reports) console.log(line(r));
  console.log(`Median per report: ${result.medianMsPerReport} ms; ${result.pagesPerSecond} pages per second on one core.`);
  const dudley = reports.find((r) => r.slug === 'dudley-2019');
  if (easyReads.length) {
    console.log(`Easy-read PDFs (${rounds} rounds each, median):`);
    for (const r of easyReads) console.log(line(r));
    console.log(`Median per easy-read PDF: ${result.medianMsPerEasyRead} ms; ${result.easyReadPagesPerSecond} pages per second on one core.`);
  }
  if (result.chromiumPrintToPdf) console.log(`Chromium print-to-PDF of the Dudley page: ${(result.chromiumPrintToPdf as { medianMs: number }).medianMs} ms (browser start included).`);
  console.log('Goals (issue 18):');
  const corpusOnly = 'measured by `npm run bench -- --corpus 1000`';
  console.log(`  Dudley 2019 report PDF, median  ${dudley ? `${dudley.medianMs} ms` : 'n/a'}  (goal ≤ ${GOALS.dudleyReportPdfMedianMs} ms) ${dudley ? (dudley.medianMs <= GOALS.dudleyReportPdfMedianMs ? 'met' : 'NOT met') : ''}`);
  console.log(`  cold build of 1,000 inspections  (goal ≤ ${GOALS.coldBuildSecondsFor1000} s) ${corpusOnly}`);
  console.log(`  peak memory of that build        (goal ≤ ${GOALS.peakMemoryMB} MB) ${corpusOnly}`);
  console.log(`  build after one report's edit    (goal ≤ ${GOALS.oneReportEditSeconds} s) ${corpusOnly}`);
  console.log('Written to .bench/report-pdf.json');
}

/* ------------------------------------------------------------------------------------------------
 * Corpus mode: a whole build at scale
 * ---------------------------------------------------------------------------------------------- */

interface RunFigures {
  command: string;
  exitCode: number | null;
  wallSeconds: number;
  /** The sum of resident memory of the whole process tree (npm, tsx, node, Pagefind), sampled every 50 ms. */
  peakTreeRssMB: number;
  /** The largest single process's peak resident memory: /usr/bin/time -v's exact figure, else the sampled VmHWM. */
  peakProcessRssMB: number;
  peakProcessSource: string;
  /** User + system CPU seconds of the command and the children it waited for (/usr/bin/time -v), null without it: less disturbed by other work on the machine than wall time. */
  cpuSeconds: number | null;
  stdout: string;
  stderr: string;
}

/** The process ids under `pid` (itself included), from /proc/<pid>/stat's parent ids. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

function statusKB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true']).status === 0;

/** Runs `npm run <script>` in a folder, measuring wall time and peak memory of its process tree. */
function runMeasured(cwd: string, script: string): Promise<RunFigures> {
  const npm = ['npm', 'run', '--silent', script];
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`);
  const [command, ...args] = hasGnuTime ? [GNU_TIME, '-v', '-o', timeFile, ...npm] : npm;
  // BUILD_TIMINGS=1: a build that can prints its phase times, read back by buildPhases().
  const env = { ...process.env, NO_COLOR: '1', BUILD_TIMINGS: '1' };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command!, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    let peakTree = 0;
    const hwm = new Map<number, number>();
    const sample = () => {
      let sum = 0;
      for (const pid of processTree(child.pid!)) {
        sum += statusKB(pid, 'VmRSS');
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusKB(pid, 'VmHWM')));
      }
      peakTree = Math.max(peakTree, sum);
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearInterval(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      let peakProcessKB = Math.max(0, ...hwm.values());
      let peakProcessSource = 'sampled VmHWM of /proc/<pid>/status';
      let cpuSeconds: number | null = null;
      if (hasGnuTime && fs.existsSync(timeFile)) {
        const text = fs.readFileSync(timeFile, 'utf8');
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
        if (match) {
          peakProcessKB = Math.max(peakProcessKB, Number(match[1]));
          peakProcessSource = '/usr/bin/time -v (maximum resident set size)';
        }
        const user = /User time \(seconds\): ([\d.]+)/.exec(text);
        const system = /System time \(seconds\): ([\d.]+)/.exec(text);
        if (user && system) cpuSeconds = round2(Number(user[1]) + Number(system[1]));
        // GNU time writes "Command exited with non-zero status" into its file, not ours.
        fs.rmSync(timeFile, { force: true });
      }
      resolve({ command: `npm run ${script}`, exitCode, wallSeconds: round2(wallSeconds), peakTreeRssMB: Math.round(peakTree / 1024), peakProcessRssMB: Math.round(peakProcessKB / 1024), peakProcessSource, cpuSeconds, stdout, stderr });
    });
  });
}

/** The phase times a build prints, where it prints them (`PDFs: 3 rendered …, 9 from cache, 1.2 s (document models 0.4 s).`, `Pages: 20.1 s; search index: 3.0 s.`). */
function buildPhases(stdout: string) {
  const pdf = /PDFs: (\d+) rendered[^,]*, (\d+) from cache(?: \((\d+) found by their unchanged files[^)]*\))?, ([\d.]+) s/.exec(stdout);
  const pages = /Pages: ([\d.]+) s; search index: ([\d.]+) s/.exec(stdout);
  const cpu = /CPU seconds: check ([\d.]+), PDFs ([\d.]+), pages ([\d.]+); resident MB after each: (\d+), (\d+), (\d+)/.exec(stdout);
  return {
    siteStageCpuSeconds: cpu ? { check: Number(cpu[1]), pdfs: Number(cpu[2]), pages: Number(cpu[3]) } : null,
    siteStageResidentMB: cpu ? { afterCheck: Number(cpu[4]), afterPdfs: Number(cpu[5]), afterPages: Number(cpu[6]) } : null,
    pdfs: pdf ? { rendered: Number(pdf[1]), fromCache: Number(pdf[2]), foundByUnchangedFiles: Number(pdf[3] ?? 0), seconds: Number(pdf[4]) } : null,
    pagesSeconds: pages ? Number(pages[1]) : null,
    searchIndexSeconds: pages ? Number(pages[2]) : null,
  };
}

/** Pages of a PDF from its bytes: the largest /Count of its /Type /Pages objects (the root of the page tree). */
export function pdfPageCount(bytes: Buffer): number {
  const text = bytes.toString('latin1');
  let count = 0;
  const pattern = /\/Type\s*\/Pages\b/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    // The dictionary around the match: back to its "<<", forward to its ">>".
    const start = text.lastIndexOf('<<', match.index);
    const end = text.indexOf('>>', match.index);
    const dict = text.slice(start, end === -1 ? undefined : end);
    const found = /\/Count\s+(\d+)/.exec(dict) ?? /\/Count\s+(\d+)/.exec(text.slice(match.index, match.index + 400));
    if (found) count = Math.max(count, Number(found[1]));
  }
  return count;
}

interface DistFigures {
  files: number;
  totalMB: number;
  pdfs: { kind: string; count: number; pages: number; MB: number }[];
  hashes: Map<string, string>;
}

/** The kind of a PDF in dist/, by its name. */
const pdfKind = (file: string) => (file.endsWith('/easy-read.pdf') ? 'easy-read' : file.startsWith('inspections/') && file.endsWith('/report.pdf') ? 'report' : 'other');

function distFigures(dist: string): DistFigures {
  const hashes = new Map<string, string>();
  const pdfs = new Map<string, { kind: string; count: number; pages: number; MB: number }>();
  let total = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const bytes = fs.readFileSync(full);
      const file = path.relative(dist, full).split(path.sep).join('/');
      total += bytes.length;
      hashes.set(file, crypto.createHash('sha1').update(bytes).digest('hex'));
      if (file.endsWith('.pdf')) {
        const kind = pdfKind(file);
        const row = pdfs.get(kind) ?? { kind, count: 0, pages: 0, MB: 0 };
        row.count++;
        row.pages += pdfPageCount(bytes);
        row.MB += bytes.length / 1_048_576;
        pdfs.set(kind, row);
      }
    }
  };
  walk(dist);
  return { files: hashes.size, totalMB: mb(total), pdfs: ['report', 'easy-read', 'other'].map((kind) => pdfs.get(kind) ?? { kind, count: 0, pages: 0, MB: 0 }).map((r) => ({ ...r, MB: round1(r.MB) })), hashes };
}

/** Pagefind over a built site, into a scratch folder: the search-index phase of the build, timed alone. */
async function timePagefind(site: string): Promise<number> {
  const pagefind = await import('pagefind');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pagefind-'));
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    await index.addDirectory({ path: site });
    await index.writeFiles({ outputPath: scratch });
  } finally {
    await pagefind.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return (performance.now() - started) / 1000;
}

/* ------------------------------------------------------------------------------------------------
 * Corpus mode: the live preview
 * ---------------------------------------------------------------------------------------------- */

interface PreviewFigures {
  page: string;
  /** From starting `npm run dev` to the inspection's page served whole (the check and the page made). */
  firstPageSeconds: number;
  /** From saving a sentence appended to the report's narrative to the served page having it. */
  editShownSeconds: number;
  /** The same for a second edit, once the preview has seen one (what an inspector meets while writing). */
  secondEditShownSeconds: number;
  peakTreeRssMB: number;
  note: string;
}

/** A port nobody listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The page's HTML when it is served with 200, else undefined. */
async function pageText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    const text = await response.text();
    return response.ok ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The live preview in the corpus: `npm run dev` started, the time until an inspection's page is
 * served; then a sentence appended to that inspection's report.mdx (saved as an editor saves), and
 * the time until the served page has it, polled over HTTP; twice. The report.mdx is put back.
 */
async function previewBench(dir: string, slug: string): Promise<PreviewFigures> {
  const port = await freePort();
  const page = `http://127.0.0.1:${port}/inspections/${slug}/`;
  const mdx = path.join(dir, 'content/inspections', slug, 'report.mdx');
  const original = fs.readFileSync(mdx, 'utf8');
  const env = { ...process.env, NO_COLOR: '1' };
  // Its own process group, so the whole tree (npm, astro, esbuild) is stopped at the end.
  const child = spawn('npm', ['run', '--silent', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let peakTree = 0;
  const sampler = setInterval(() => {
    peakTree = Math.max(peakTree, processTree(child.pid!).reduce((sum, pid) => sum + statusKB(pid, 'VmRSS'), 0));
  }, 100);
  const waitFor = async (has: (html: string) => boolean, what: string) => {
    const started = performance.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm run dev stopped (exit ${child.exitCode}) while waiting for ${what}:\n${output.slice(-2000)}`);
      const html = await pageText(page);
      if (html !== undefined && has(html)) return (performance.now() - started) / 1000;
      if (performance.now() - started > 600_000) throw new Error(`no ${what} after 10 minutes:\n${output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    const firstPageSeconds = await waitFor((html) => html.includes('</html>'), `the page ${page}`);
    const edit = async (n: number) => {
      const sentence = `The benchmark saved this sentence, number ${n}, at ${Date.now()}.`;
      fs.writeFileSync(mdx, `${fs.readFileSync(mdx, 'utf8').trimEnd()}\n\n${sentence}\n`);
      return waitFor((html) => html.includes(sentence), 'the edit on the page');
    };
    const editShownSeconds = await edit(1);
    const secondEditShownSeconds = await edit(2);
    return {
      page: `/inspections/${slug}/`,
      firstPageSeconds: round2(firstPageSeconds),
      editShownSeconds: round2(editShownSeconds),
      secondEditShownSeconds: round2(secondEditShownSeconds),
      peakTreeRssMB: Math.round(peakTree / 1024),
      note: 'npm run dev in the corpus (drafts included, as inspectors preview): first page from the start; each edit from the save to the page served with it, polled every 50 ms; the peak resident memory of the process tree, sampled every 100 ms.',
    };
  } finally {
    clearInterval(sampler);
    fs.writeFileSync(mdx, original);
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('close', resolve)));
  }
}

/* ------------------------------------------------------------------------------------------------
 * Corpus mode: the check, cold and warm
 * ---------------------------------------------------------------------------------------------- */

/**
 * `npm run check` again, its cache (.cache/check) full from the first run: what an inspector's
 * check costs after an edit. The cache is then removed, so the cold build finds none.
 */
async function checkAgain(dir: string): Promise<RunFigures> {
  console.log('Timing npm run check again (its cache full) …');
  const warm = await runMeasured(dir, 'check');
  fs.rmSync(path.join(dir, '.cache', 'check'), { recursive: true, force: true });
  return warm;
}

/** The check phase of a build, as it reports it (`Checked 3,912 content files in 12.3 s.`), in seconds. */
function buildCheckSeconds(stdout: string): number | null {
  const match = /Checked [\d,]+ content files in (?:(\d+) min (\d+) s|([\d.]+) s)/.exec(stdout);
  if (!match) return null;
  return match[3] !== undefined ? Number(match[3]) : Number(match[1]) * 60 + Number(match[2]);
}

/** The summary's rows for the check. */
function checkRows(cold: RunFigures, warm: RunFigures, coldBuild: RunFigures, incremental: RunFigures): [string, string, string][] {
  const inBuild = (run: RunFigures) => buildCheckSeconds(run.stdout);
  return [
    ['npm run check, cold / warm', `${cold.wallSeconds} s / ${warm.wallSeconds} s wall (cache in .cache/check)`, ''],
    ['check phase of the build', `${inBuild(coldBuild) ?? 'n/a'} s cold, ${inBuild(incremental) ?? 'n/a'} s after one edit`, ''],
  ];
}

interface PdfSample {
  reports: Timed[];
  easyReads: Timed[];
  dudleyTimes: number[];
  dudleyPages: number;
  /** The corpus's public inspections (not historic records), in the project's order: the incremental run edits the middle one. */
  publicSlugs: string[];
  withEasyRead: number;
  /** Historic records besides the inspections (scripts/corpus.ts): pages of their own, no PDF. */
  historicRecords: number;
}

/** Renders a spread sample of a corpus's public reports and easy-read versions, one each after a warm-up, and the sample content's Dudley 2019 report. */
async function samplePdfs(dir: string, samples: number): Promise<PdfSample> {
  const { project } = loadProject(dir);
  const buildDate = buildDateFrom(process.env);
  // Historic records (published before the tool) have no report of ours: no PDF to time, no narrative to edit.
  const publicInspections = project.inspections.filter((i) => isPublic(i, buildDate) && !i.historic);
  const historicRecords = project.inspections.filter((i) => i.historic).length;
  const reportSample = spread(publicInspections, samples);
  const easySample = spread(publicInspections.filter((i) => i.easyRead), samples);
  await timeReport(project, reportSample[0]!.slug, dir); // warm-up
  const reports: Timed[] = [];
  for (const inspection of reportSample) reports.push(await timeReport(project, inspection.slug, dir));
  const easyReads: Timed[] = [];
  if (easySample.length) {
    await timeEasyRead(project, { kind: 'inspection', inspection: easySample[0]! }, dir); // warm-up
    for (const inspection of easySample) easyReads.push(await timeEasyRead(project, { kind: 'inspection', inspection }, dir));
  }
  // The Dudley 2019 report of this repository's sample content: the goal's yardstick.
  const sample = loadProject(root).project;
  const dudleyTimes: number[] = [];
  let dudleyPages = 0;
  if (sample.inspections.some((i) => i.slug === 'dudley-2019')) {
    await timeReport(sample, 'dudley-2019', root);
    // More rounds than the sample's: a run's median of 7 moved between 42 and 75 ms on this machine.
    for (let k = 0; k < Math.max(rounds, DUDLEY_ROUNDS); k++) {
      const t = await timeReport(sample, 'dudley-2019', root);
      dudleyTimes.push(t.ms);
      dudleyPages = t.pages;
    }
  }
  return { reports, easyReads, dudleyTimes, dudleyPages, publicSlugs: publicInspections.map((i) => i.slug), withEasyRead: publicInspections.filter((i) => i.easyRead).length, historicRecords };
}

/** samplePdfs in a child process (this script with --pdf-sample), whose memory ends with it. */
function sampleInChild(dir: string, samples: number): Promise<PdfSample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--pdf-sample', dir, '--samples', String(samples)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout) as PdfSample) : reject(new Error(`the PDF sample failed (exit ${code})`))));
  });
}

/** Folders a cold build must not find: the output, the build's work folder, and any build cache in the project folder. */
const COLD_CLEAN = ['dist', '.build', '.cache'];

async function corpusBench(options: Options): Promise<void> {
  const n = options.corpus!;
  const dir = options.dir ?? path.join(os.tmpdir(), `inspection-bench-${n}-seed-${options.seed}`);
  let generatedSeconds: number | null = null;
  const reuse = fs.existsSync(path.join(dir, '.synthetic-corpus')) && fs.existsSync(path.join(dir, 'content/inspections'));
  if (reuse && options.dir) {
    console.log(`Reusing the corpus in ${dir}`);
  } else {
    console.log(`Generating ${n} inspections (seed ${options.seed}) into ${dir} …`);
    const summary = generateCorpus({ inspections: n, out: dir, seed: options.seed, force: true });
    generatedSeconds = round2(summary.milliseconds / 1000);
  }
  for (const folder of COLD_CLEAN) fs.rmSync(path.join(dir, folder), { recursive: true, force: true });
  const fail = (what: string, run: RunFigures) => {
    process.stderr.write(`${run.stderr}\n${what} failed (exit ${run.exitCode}) in ${dir}\n`);
    process.exit(1);
  };

  console.log('Timing npm run check …');
  const check = await runMeasured(dir, 'check');
  if (check.exitCode !== 0) fail('npm run check', check);
  const checkWarm = await checkAgain(dir);

  // Each stage's figures as they come, so a long run (10,000 inspections: an hour) that is stopped keeps them.
  const partialFile = path.join(root, '.bench', `bench-${n}.partial.json`);
  const partial: Record<string, unknown> = { when: new Date().toISOString(), corpus: { inspections: n, dir } };
  const record = (stage: string, figures: RunFigures) => {
    partial[stage] = { ...figures, phases: buildPhases(figures.stdout), stdout: figures.stdout.trim().split('\n').slice(-5), stderr: undefined };
    fs.mkdirSync(path.dirname(partialFile), { recursive: true });
    fs.writeFileSync(partialFile, `${JSON.stringify(partial, null, 2)}\n`);
  };
  record('check', check);
  record('checkWarm', checkWarm);

  console.log('Cold build …');
  const cold = await runMeasured(dir, 'build');
  if (cold.exitCode !== 0) fail('The cold build', cold);
  record('cold', cold);
  const coldDist = distFigures(path.join(dir, 'dist'));

  // The build times its own search index (in shards); Pagefind over the whole site as one index is
  // timed only when the build printed no phase times, since at 10,000 inspections it needs 11 GB.
  let pagefindSeconds: number | null = null;
  if (buildPhases(cold.stdout).searchIndexSeconds === null) {
    console.log('Timing Pagefind alone …');
    pagefindSeconds = round2(await timePagefind(path.join(dir, 'dist')));
  }

  // PDFs in a child process (sampledPdfs): this process never holds the corpus's model, so a
  // 10,000-inspection bench holds only its figures.
  console.log(`Rendering a sample of ${options.samples} report and easy-read PDFs …`);
  const { reports, easyReads, dudleyTimes, dudleyPages, publicSlugs, withEasyRead, historicRecords } = await sampleInChild(dir, options.samples);
  const pdfStats = (times: Timed[]) => {
    const ms = times.reduce((a, t) => a + t.ms, 0);
    const pages = times.reduce((a, t) => a + t.pages, 0);
    return { sampled: times.length, medianMs: round1(median(times.map((t) => t.ms))), medianPages: median(times.map((t) => t.pages)), pagesPerSecond: ms ? Math.round((pages / ms) * 1000) : null };
  };
  const reportPdf = pdfStats(reports);
  const easyReadPdf = pdfStats(easyReads);

  // Incremental: one sentence appended to one public inspection's narrative, then built again.
  const edited = publicSlugs[Math.floor(publicSlugs.length / 2)]!;
  const mdx = path.join(dir, 'content/inspections', edited, 'report.mdx');
  const original = fs.readFileSync(mdx, 'utf8');
  let incremental: RunFigures;
  let incrementalDist: DistFigures;
  fs.writeFileSync(mdx, `${original.trimEnd()}\n\nThe benchmark added this sentence to see how much of the build runs again.\n`);
  try {
    console.log(`Incremental build (${edited}/report.mdx edited) …`);
    incremental = await runMeasured(dir, 'build');
    if (incremental.exitCode !== 0) fail('The incremental build', incremental);
    record('incremental', incremental);
    incrementalDist = distFigures(path.join(dir, 'dist'));
  } finally {
    fs.writeFileSync(mdx, original);
  }
  // The live preview, on the same inspection, after the builds (its own cache of the check is warm, as an inspector's would be).
  console.log(`Live preview (npm run dev, ${edited}) …`);
  const preview = await previewBench(dir, edited);

  const changed = [...incrementalDist.hashes].filter(([file, hash]) => coldDist.hashes.get(file) !== hash).map(([file]) => file);
  const removed = [...coldDist.hashes.keys()].filter((file) => !incrementalDist.hashes.has(file));
  const changedPdfs = changed.filter((file) => file.endsWith('.pdf'));

  const count = (figures: DistFigures, kind: string) => figures.pdfs.find((p) => p.kind === kind)!;
  const estimatePdfSeconds = (reportsN: number, easyN: number) => round2(((reportsN * reportPdf.medianMs || 0) + (easyN * easyReadPdf.medianMs || 0)) / 1000);
  const coldPdfEstimate = estimatePdfSeconds(count(coldDist, 'report').count, count(coldDist, 'easy-read').count);
  const checkPhase = check.wallSeconds;
  // The build's phases: check timed alone; PDFs, pages and the search index as the build reports them
  // (else estimated: PDFs from the in-process medians × their counts, Pagefind timed alone); the rest
  // of the wall time is start-up, the content check inside the build, and the swap.
  const coldPhases = buildPhases(cold.stdout);
  const incrementalPhases = buildPhases(incremental!.stdout);
  const pdfSeconds = coldPhases.pdfs?.seconds ?? coldPdfEstimate;
  const pagesSeconds = coldPhases.pagesSeconds;
  const searchSeconds = coldPhases.searchIndexSeconds ?? pagefindSeconds ?? 0;
  const profile = {
    measuredByTheBuild: coldPhases,
    checkSeconds: checkPhase,
    pdfSeconds,
    pdfSecondsMeasuredByTheBuild: coldPhases.pdfs !== null,
    pdfSecondsEstimated: coldPdfEstimate,
    pagesSeconds,
    searchIndexSeconds: searchSeconds,
    pagefindAloneSeconds: pagefindSeconds, // null: not timed, the build timed its own index
    restSeconds: round2(cold.wallSeconds - checkPhase - pdfSeconds - (pagesSeconds ?? 0) - searchSeconds),
    note: 'check: npm run check alone (with npm and tsx start-up); PDFs, pages and search index: the times the build prints (BUILD_TIMINGS=1), else estimates (PDFs: in-process median × number of report and easy-read PDFs on one core); rest: wall time left over (start-up, the swap, and Astro pages when the build printed no times).',
  };
  const incrementalPdf = {
    changedPdfs: changedPdfs.length,
    pdfSecondsIfOnlyChangedRendered: estimatePdfSeconds(changedPdfs.filter((f) => pdfKind(f) === 'report').length, changedPdfs.filter((f) => pdfKind(f) === 'easy-read').length),
    pdfSecondsIfAllRendered: estimatePdfSeconds(count(incrementalDist, 'report').count, count(incrementalDist, 'easy-read').count),
    measuredByTheBuild: incrementalPhases.pdfs,
    phases: incrementalPhases,
    note: 'when the build reports its PDF phase (measuredByTheBuild) that is the figure; otherwise: with no cache every PDF is rendered again (the upper estimate), a perfect cache renders only the changed ones (the lower).',
  };

  const strip = ({ stdout, stderr, ...rest }: RunFigures) => ({ ...rest, stdout: stdout.trim().split('\n').slice(-5), stderrLines: stderr.trim() ? stderr.trim().split('\n').length : 0 });
  const withoutHashes = ({ hashes: _hashes, ...rest }: DistFigures) => rest;
  const result = {
    when: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memoryMB: Math.round(os.totalmem() / 1_048_576),
    corpus: { inspections: n, seed: options.seed, dir, generatedSeconds, publicInspections: publicSlugs.length, withEasyRead, historicRecords },
    goals: GOALS,
    cold: { ...strip(cold), dist: withoutHashes(coldDist) },
    check: strip(check),
    checkWarm: strip(checkWarm),
    buildCheckSeconds: { cold: buildCheckSeconds(cold.stdout), incremental: buildCheckSeconds(incremental!.stdout) },
    profile,
    reportPdf,
    easyReadPdf,
    dudley2019ReportPdf: dudleyTimes.length ? { rounds: dudleyTimes.length, medianMs: round1(median(dudleyTimes)), pages: dudleyPages } : null,
    incremental: { edited: path.relative(dir, mdx), ...strip(incremental!), dist: withoutHashes(incrementalDist!), changedFiles: changed.length, removedFiles: removed.length, changedPdfFiles: changedPdfs, changedOtherFiles: changed.filter((file) => !file.endsWith('.pdf')).slice(0, 200), ...incrementalPdf },
    preview,
    samples: { reports: reports.map((t) => ({ ...t, ms: round1(t.ms) })), easyReads: easyReads.map((t) => ({ ...t, ms: round1(t.ms) })) },
  };
  fs.mkdirSync(path.join(root, '.bench'), { recursive: true });
  const out = path.join(root, '.bench', `bench-${n}.json`);
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  fs.rmSync(partialFile, { force: true });

  // The summary.
  const ok = (met: boolean) => (met ? 'met' : 'NOT met');
  const scaled1000 = round1((cold.wallSeconds * 1000) / n);
  const rows: [string, string, string][] = [
    ['cold build, wall', `${cold.wallSeconds} s`, n === 1000 ? `≤ ${GOALS.coldBuildSecondsFor1000} s: ${ok(cold.wallSeconds <= GOALS.coldBuildSecondsFor1000)}` : `≤ ${GOALS.coldBuildSecondsFor1000} s for 1,000 (×${round1(1000 / n)} linear: ~${scaled1000} s)`],
    ['cold build, CPU', `${cold.cpuSeconds ?? 'n/a'} s user+sys${coldPhases.siteStageCpuSeconds ? ` (site stage: check ${coldPhases.siteStageCpuSeconds.check}, to the PDFs' end ${coldPhases.siteStageCpuSeconds.pdfs}, pages ${coldPhases.siteStageCpuSeconds.pages})` : ''}`, ''],
    ['cold build, peak memory', `${cold.peakTreeRssMB} MB tree, ${cold.peakProcessRssMB} MB largest process`, `≤ ${GOALS.peakMemoryMB} MB: ${ok(cold.peakTreeRssMB <= GOALS.peakMemoryMB)}`],
    ['report PDF, median', `${reportPdf.medianMs} ms (${reportPdf.medianPages} pages, ${reportPdf.pagesPerSecond} pages/s)`, ''],
    ['easy-read PDF, median', `${easyReadPdf.medianMs} ms (${easyReadPdf.medianPages} pages, ${easyReadPdf.pagesPerSecond} pages/s)`, ''],
    ['Dudley 2019 report PDF', result.dudley2019ReportPdf ? `${result.dudley2019ReportPdf.medianMs} ms (${dudleyPages} pages)` : 'n/a', result.dudley2019ReportPdf ? `≤ ${GOALS.dudleyReportPdfMedianMs} ms: ${ok(result.dudley2019ReportPdf.medianMs <= GOALS.dudleyReportPdfMedianMs)}` : ''],
    ['dist/', `${coldDist.files} files, ${coldDist.totalMB} MB`, ''],
    ...coldDist.pdfs.map((p): [string, string, string] => [`  ${p.kind} PDFs`, `${p.count} PDFs, ${p.pages} pages, ${p.MB} MB`, '']),
    ['profile: check', `${profile.checkSeconds} s`, ''],
    ['profile: PDFs', `${profile.pdfSeconds} s${profile.pdfSecondsMeasuredByTheBuild ? ' (as the build reports it)' : ' (estimated, one core)'}`, ''],
    ['profile: Astro pages', profile.pagesSeconds === null ? 'not reported' : `${profile.pagesSeconds} s`, ''],
    ['profile: search index', `${profile.searchIndexSeconds} s`, ''],
    ['profile: rest (start-up, swap)', `${profile.restSeconds} s`, ''],
    ...(coldPhases.pdfs ? [['build says: PDFs', `${coldPhases.pdfs.seconds} s (${coldPhases.pdfs.rendered} rendered, ${coldPhases.pdfs.fromCache} from cache)`, ''] as [string, string, string]] : []),
    ['incremental build, wall', `${incremental!.wallSeconds} s`, n === 1000 ? `one report edited, ≤ ${GOALS.oneReportEditSeconds} s: ${ok(incremental!.wallSeconds <= GOALS.oneReportEditSeconds)}` : `one report edited, ≤ ${GOALS.oneReportEditSeconds} s for 1,000`],
    ['incremental build, CPU', `${incremental!.cpuSeconds ?? 'n/a'} s user+sys`, ''],
    ['incremental, peak memory', `${incremental!.peakTreeRssMB} MB tree, ${incremental!.peakProcessRssMB} MB largest process`, `≤ ${GOALS.peakMemoryMB} MB: ${ok(incremental!.peakTreeRssMB <= GOALS.peakMemoryMB)}`],
    ['incremental, files changed', `${changed.length} (${changedPdfs.length} PDFs: ${changedPdfs.join(', ') || 'none'})`, ''],
    incrementalPhases.pdfs
      ? ['incremental, PDF work', `${incrementalPhases.pdfs.seconds} s as the build reports it (${incrementalPhases.pdfs.rendered} rendered, ${incrementalPhases.pdfs.fromCache} from cache)`, '']
      : ['incremental, PDF work', `${incrementalPdf.pdfSecondsIfOnlyChangedRendered}–${incrementalPdf.pdfSecondsIfAllRendered} s (estimated: changed only – all)`, ''],
    ...checkRows(check, checkWarm, cold, incremental!),
    ...previewRows(preview, n),
  ];
  console.log(`\nCorpus of ${n} inspections (seed ${options.seed}; ${publicSlugs.length} public, ${result.corpus.withEasyRead} with easy-read) and ${historicRecords} historic records on ${result.cpus} CPUs, Node ${process.version}:`);
  const width = Math.max(...rows.map((r) => r[0].length));
  const width2 = Math.max(...rows.map((r) => r[1].length));
  for (const [what, figure, goal] of rows) console.log(`  ${what.padEnd(width)}  ${figure.padEnd(width2)}  ${goal}`);
  console.log(`Written to ${path.relative(root, out)}`);
}

/** The summary's rows for the live preview. */
function previewRows(preview: PreviewFigures, n: number): [string, string, string][] {
  const goal = `≤ ${GOALS.previewEditSeconds} s${n === 1000 ? `: ${preview.editShownSeconds <= GOALS.previewEditSeconds ? 'met' : 'NOT met'}` : ' at 1,000'}`;
  return [
    ['live preview, first page', `${preview.firstPageSeconds} s from start`, ''],
    ['live preview, edit shown', `${preview.editShownSeconds} s after the save (a second edit: ${preview.secondEditShownSeconds} s)`, goal],
    ['live preview, peak memory', `${preview.peakTreeRssMB} MB tree`, ''],
  ];
}

/** `--preview-only`: the live preview's figures alone, in the corpus of --dir (generated first if it has none). */
async function previewOnly(options: Options): Promise<void> {
  const dir = options.dir ?? path.join(os.tmpdir(), `inspection-bench-${options.corpus}-seed-${options.seed}`);
  if (!fs.existsSync(path.join(dir, '.synthetic-corpus'))) generateCorpus({ inspections: options.corpus!, out: dir, seed: options.seed, force: true });
  const slugs = fs.readdirSync(path.join(dir, 'content/inspections')).filter((slug) => fs.existsSync(path.join(dir, 'content/inspections', slug, 'report.mdx'))).sort();
  const preview = await previewBench(dir, slugs[Math.floor(slugs.length / 2)]!);
  console.log(JSON.stringify(preview, null, 2));
  for (const [what, figure, goal] of previewRows(preview, options.corpus!)) console.log(`  ${what.padEnd(26)}  ${figure}  ${goal}`);
}

const options = optionsFrom(process.argv.slice(2));
if (options.pdfSample) process.stdout.write(JSON.stringify(await samplePdfs(options.pdfSample, options.samples)));
else if (options.corpus === undefined) await quick();
else if (options.previewOnly) await previewOnly(options);
else await corpusBench(options);
