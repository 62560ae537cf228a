/**
 * One pass from content to a built site, forward only: the content is checked once into the
 * project model; the site (what this build may publish) is taken from it; every PDF is drawn (or
 * found in the cache) and written into the output while Astro builds the pages from the same site,
 * each page told what was written of the PDFs it names (pages and size) through the hand-over
 * (src/site/handoff.ts) as soon as they are written.
 */
import path from 'node:path';
import v8 from 'node:v8';
import { checkProject } from '../check/load-project.ts';
import { CheckCache } from '../check/check-cache.ts';
import { formatReport } from '../check/diagnostics.ts';
import { firstLine, whileProcessing } from '../check/tool-failure.ts';
import { buildDateFrom } from '../model/project.ts';
import { publishPdfs } from '../pdf/publish.ts';
import { PdfPool } from '../pdf/pool.ts';
import { handOver } from '../site/handoff.ts';
import { FolderDigests, reportInputs, sharedInputs } from '../site/pdf-inputs.ts';
import { leftOutLines } from '../site/left-out.ts';
import { siteIn, siteOf, type Site } from '../site/site.ts';
import { LANGUAGES } from '../model/language.ts';
import { searchShards, type SearchShards } from '../site/search-shards.ts';
import { sitePdfs } from '../site/site-pdfs.ts';
import { siteUrl } from '../site/site-url.ts';
import { PageKeys } from '../site/page-keys.ts';
import { publishEarlierVersions } from '../site/earlier-versions.ts';
import { BuildProgress, formatCount, formatSeconds } from './progress.ts';
import { WrittenPdfs } from './written-pdfs.ts';
import { cachedStyles } from './cached-styles.ts';
import { collectForExternalMemory } from './page-bytes-gc.ts';
import { linkAstroCachedPages } from './astro-page-links.ts';
import { portableAstroPageCache } from './astro-portable-cache.ts';

export interface PipelineOptions {
  root: string;
  /** Where the site is built: a fresh folder. */
  outDir: string;
  drafts: boolean;
  /** Progress and warnings for the person building. */
  log: (line: string) => void;
  warn: (line: string) => void;
  /** Each phase's line (updating on a terminal); without it, only the PDFs' line is logged. */
  progress?: BuildProgress;
}

export interface PipelineResult {
  ok: boolean;
  filesChecked: number;
  seconds: { check: number; pdfs: number; pages: number };
  /** CPU seconds of this process (all its threads) per phase, and its resident memory at each phase's end in MB: for the bench. */
  cpu: { check: number; pdfs: number; pages: number };
  rssMB: { check: number; pdfs: number; pages: number };
  /** One line per report the build left out (or, in a preview, showed only there), saying why: for the end of its output. */
  leftOut: string[];
  /** The shards of the search index the search page lists (src/site/search-shards.ts), for the indexer. */
  searchShards?: SearchShards;
}

const since = (started: number) => (performance.now() - started) / 1000;
const cpuSince = (started: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
};
const rssMB = () => Math.round(process.memoryUsage.rss() / 1_048_576);

export async function buildSite({ root, outDir, drafts, log, warn, progress }: PipelineOptions): Promise<PipelineResult> {
  let started = performance.now();
  let cpuStarted = process.cpuUsage();
  const cpu = { check: 0, pdfs: 0, pages: 0 };
  const memory = { check: 0, pdfs: 0, pages: 0 };
  // Astro bundles the pages' code (1.5 s or more) while the content is checked, and renders no page
  // before the site is handed over: its bundling ends by waiting for the check (buildPages).
  let checked!: (handedOver: boolean) => void;
  const siteHandedOver = new Promise<boolean>((resolve) => (checked = resolve));
  const pages = buildPages(root, outDir, drafts, siteHandedOver);
  // Its failure is reported where it is awaited, below; until then (a wrong SITE_URL fails Astro's
  // config at once) it must not end the process as an unhandled rejection.
  pages.catch(() => undefined);
  // A PDF worker loads the renderers and fonts while the content is checked, on the core the check
  // leaves free after an edit: the one PDF such a build draws then does not wait for them.
  const pdfPool = new PdfPool();
  pdfPool.warmUp();
  // A check that stops the build stops Astro's bundling too (at its end; what it wrote is in the
  // work folder, thrown away) and the PDF worker. The build's process does not wait for Astro (src/build/cli.ts).
  const stopBuilding = async () => {
    checked(false);
    await pdfPool.close();
  };
  progress?.start('Checking content');
  const checkCache = new CheckCache(root);
  const { project, diagnostics, filesChecked } = await checkProject(root, { cache: checkCache });
  progress?.end((s) => `Checked ${formatCount(filesChecked)} content files in ${formatSeconds(s)}.`);
  const seconds = { check: since(started), pdfs: 0, pages: 0 };
  cpu.check = cpuSince(cpuStarted);
  memory.check = rssMB();
  if (diagnostics.length > 0) warn(formatReport(diagnostics, filesChecked));
  if (diagnostics.some((d) => d.severity === 'error')) {
    await stopBuilding();
    return { ok: false, filesChecked, seconds, cpu, rssMB: memory, leftOut: [] };
  }
  // A wrong SITE_URL stops the build here, before anything is built.
  try {
    siteUrl();
  } catch (error) {
    warn(`SITE_URL is not an address the site can be published at: ${firstLine(error)}`);
    await stopBuilding();
    return { ok: false, filesChecked, seconds, cpu, rssMB: memory, leftOut: [] };
  }
  const site = siteOf(project, { buildDate: buildDateFrom(process.env), drafts });

  started = performance.now();
  cpuStarted = process.cpuUsage();
  // What the check freed goes back before the PDF workers and Rolldown need memory (counted in the PDFs' CPU).
  if (!mostlyCached(checkCache.misses, checkCache.hits)) giveBackFreeHeap();
  collectGarbageSooner();
  // The pages' and PDFs' bytes collected in proportion to the heap, not every 64 MB (page-bytes-gc.ts).
  const stopWatching = collectForExternalMemory();
  const shared = sharedInputs(root, site.drafts);
  // Every PDF the site publishes, known before any is written; each one's facts (pages, size,
  // pictures) as it is: a page waits for the PDFs it names, so its links say what was written.
  const written = new WrittenPdfs([...sitePdfs(site)].map((pdf) => pdf.name));
  // Each page's cache key (src/site/page-keys.ts): Astro links the pages whose key and code did not change from its cache.
  const folders = new FolderDigests(root);
  const pageKeys = new PageKeys({ root, shared, folders, buildDate: site.buildDate, drafts: site.drafts, siteUrl: siteUrl() });
  handOver({ site, pdfs: written, pageKeys });
  checked(true);
  const pdfs = writePdfs(site, shared, folders, outDir, progress, written, pdfPool).then((published) => {
    // Corrected reports: the PDF as it was before each correction, kept by the publisher, at its versioned address.
    publishEarlierVersions(site.inspections, outDir, root, site.thematics);
    seconds.pdfs = since(started);
    cpu.pdfs = cpuSince(cpuStarted);
    memory.pdfs = rssMB();
    const unchanged = published.byInputs ? ` (${published.byInputs} found by their unchanged files, with no document model made)` : '';
    // The PDFs' phase line (scripts/bench.ts and the tests read its figures), on a terminal in place of the updating one.
    const pdfLine = `PDFs: ${published.drawn} rendered on worker threads, ${published.fromCache} from cache${unchanged}, ${seconds.pdfs.toFixed(1)} s.`;
    if (progress) progress.end(() => pdfLine);
    else log(pdfLine);
    // Layout warnings (such as an easy-read version of more than about 24 pages) in the form
    // `npm run check` uses, naming the file the author wrote.
    for (const [name, fact] of published.facts) for (const warning of fact.warnings) warn(`${published.files.get(name) ?? name}  warning  easy-read-layout  ${warning}`);
    progress?.start('Pages');
    if (!mostlyCached(published.drawn, published.fromCache)) giveBackFreeHeap();
  });
  // Astro renders each page once the PDFs it names are written.
  // The first failure is reported at once: a PDF that cannot be written (named), never the pages
  // that wait for it, which never end (src/build/cli.ts ends the process).
  await Promise.all([pdfs, pages]);
  stopWatching();
  const pagesStarted = started + seconds.pdfs * 1000;
  seconds.pages = since(pagesStarted);
  cpu.pages = cpuSince(cpuStarted) - cpu.pdfs;
  memory.pages = rssMB();
  progress?.end((s) => `Pages: built in ${formatSeconds(s)}.`);
  return { ok: true, filesChecked, seconds, cpu, rssMB: memory, leftOut: leftOutLines(site), searchShards: searchShards(LANGUAGES.map((lang) => siteIn(site, lang))) };
}

/**
 * A full collection that compacts the heap and gives its free pages back to the system, at a
 * phase's end. V8 keeps what a phase freed as pages of its own: after the check of a thousand
 * reports the heap held 500–930 MB for 240–300 MB of live objects all through the PDFs, beside
 * the workers' heaps and Rolldown's (the build's peak); given back, 300–420 MB. About a
 * CPU-second each. Only where the site stage runs with --expose-gc (src/build/cli.ts).
 */
function giveBackFreeHeap(): void {
  const gc = (globalThis as { gc?: (options: object) => void }).gc;
  gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * Whether a phase found nearly all its work in a cache, as after an edit: it then leaves little to
 * give back, and the build's memory is far from a cold build's peak, so its forced collection (a
 * third of a second each after a one-report edit of a thousand reports) is not worth it.
 */
const mostlyCached = (done: number, fromCache: number) => done * 10 < fromCache;

/** How far V8 lets a heap grow past what its last full collection kept, in %, once the content is checked. */
const HEAP_GROWING_PERCENT = 50;

/**
 * Once the content is checked, a full collection whenever a heap has grown half again past what
 * the last one kept, in every thread (V8's flags are the process's): each PDF worker's heap (about
 * 40 MB live) then stays near 80 MB instead of 150–170, and while pages are rendered the main
 * thread's stays under 1.5 times its live size instead of 2.5 (345 to 890 MB for a thousand
 * reports, garbage). Not during the check, which it would slow; 20% cost half again the pages'
 * CPU at 200 reports for little more.
 */
function collectGarbageSooner(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Pages Astro builds at once: as many as libuv's thread pool copies files at once (4). */
const PAGES_AT_ONCE = 4;

/**
 * Astro's build of the pages into outDir, where the PDFs are being written: Astro must not empty it.
 * It bundles the pages' code while the content is checked, waits for the checked site, then renders
 * the pages while the PDFs are drawn: a page that names a PDF waits for its facts (src/site/pdf-facts.ts).
 */
async function buildPages(root: string, outDir: string, drafts: boolean, siteHandedOver: Promise<boolean>): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Always a production build: a NODE_ENV inherited from the shell (a test runner sets "test") would
  // make Vite build in another mode, and the pages then differ (no Content Security Policy, say).
  process.env.NODE_ENV = 'production';
  const { build } = await import('astro');
  // Unchanged pages hard-linked from Astro's cache, not copied (astro-page-links.ts).
  await linkAstroCachedPages();
  // A page's code judged by its content, not the folder it is in (astro-portable-cache.ts).
  await portableAstroPageCache();
  // Incremental: Astro's cache of rendered pages, one per kind of build (a preview's pages are not the public ones).
  const incremental = { experimental: { incrementalBuild: true }, cacheDir: path.join(root, '.cache', drafts ? 'astro-preview' : 'astro') };
  // The styles' Sass compiled once and kept while its files do not change (cached-styles.ts).
  const styles = cachedStyles(path.join(root, '.cache', 'styles'));
  // Pages four at a time (each page's output is its own: the same bytes). Chosen when an edit's
  // unchanged pages were copied from Astro's cache and one copy at a time left the build waiting on
  // the disk; they are linked now (astro-page-links.ts), and four is kept for the pages rendered.
  const atOnce = { build: { concurrency: PAGES_AT_ONCE } };
  // Failures while PDFs are made name the PDF (publish.ts); while pages are built, the pages.
  await whileProcessing('the web pages', () => build({ root, outDir, logLevel: 'warn', ...incremental, ...atOnce, vite: { build: { emptyOutDir: false }, plugins: [styles, waitForTheCheckedSite(siteHandedOver)] } }));
}

/**
 * A step at the end of Vite's build of the pages' code, the last before Astro renders the pages
 * (Astro's own step, also "post", comes after a plugin of the project's): it waits until the build
 * has handed over its checked site, and stops the build when the check did. (Should a page ever be
 * rendered before, it would fail the build, never check content itself: src/site/model.ts.)
 */
export function waitForTheCheckedSite(siteHandedOver: Promise<boolean>) {
  return {
    name: 'inspection-reports:wait-for-the-checked-site',
    buildApp: {
      order: 'post' as const,
      async handler(): Promise<void> {
        if (!(await siteHandedOver)) throw new Error('the content check stopped the build');
      },
    },
  };
}

async function writePdfs(site: Site, shared: string, folders: FolderDigests, outDir: string, progress: BuildProgress | undefined, written: WrittenPdfs, pool: PdfPool) {
  const entries = [...sitePdfs(site)];
  const files = new Map(entries.map((pdf) => [pdf.name, pdf.file]));
  progress?.start('PDFs', entries.length);
  const published = await publishPdfs(
    entries.map((pdf) => ({ ...pdf, ...(pdf.folder ? { inputs: reportInputs(shared, pdf.lang === 'en' ? pdf.kind : `${pdf.kind}:${pdf.lang}`, folders.of(pdf.folder)) } : {}) })),
    outDir,
    {
      pool,
      onImages: (name, images) => written.imagesKnown(name, images),
      onWritten: (name, facts, count) => {
        written.wrote(name, facts);
        progress?.update(count);
      },
    },
  );
  return { ...published, files };
}
