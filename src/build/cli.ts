/**
 * `npm run build`: checks the content first (the same messages as `npm run check`), then builds the
 * site into a temporary folder, indexes it for search (Pagefind), and swaps it into dist/ only when
 * everything succeeded, so a failed build leaves the previous output untouched.
 *
 * `npm run preview:drafts` (`--drafts`) builds the same site with drafts, embargoed reports and
 * reports dated after the build date included, "DRAFT – NOT FOR PUBLICATION" on every page and PDF
 * page, into preview/ instead. It never reads, writes or replaces dist/; and `npm run build` always
 * leaves drafts out, whatever INCLUDE_DRAFTS the shell has.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadProject } from '../check/load-project.ts';
import { formatReport } from '../check/diagnostics.ts';
import { DEFAULT_SITE_URL, siteUrl } from '../site/site-url.ts';

const root = process.cwd();
const drafts = process.argv.slice(2).includes('--drafts');
const outName = drafts ? 'preview' : 'dist';
const outDir = path.join(root, outName);
// Each kind of build has its own work folder, so a preview build never touches a public one.
const workDir = path.join(root, '.build', outName);
const nextDir = path.join(workDir, 'next');
const oldDir = path.join(workDir, 'previous');

/** The project as the build's check loaded it: the PDF phase reuses it. */
let checked: import('../model/project.ts').Project | undefined;

async function main(): Promise<number> {
  const { project, diagnostics, filesChecked } = loadProject(root);
  checked = project;
  if (diagnostics.length > 0) process.stderr.write(`${formatReport(diagnostics, filesChecked)}\n`);
  if (diagnostics.some((d) => d.severity === 'error')) {
    process.stderr.write(`Build stopped: fix the errors above. ${outName}/ was not changed.\n`);
    return 1;
  }

  siteUrl(); // a wrong SITE_URL stops the build here, before anything is built
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Read by src/site/model.ts: set here either way, so a stray INCLUDE_DRAFTS=1 never reaches dist/.
  process.env.INCLUDE_DRAFTS = drafts ? '1' : '0';
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  await pdfs();
  const { build } = await import('astro');
  const pagesStarted = performance.now();
  await build({ root, outDir: nextDir, logLevel: 'warn' });
  const indexStarted = performance.now();
  await searchIndex(nextDir);
  if (process.env.BUILD_TIMINGS === '1') {
    process.stdout.write(`Pages: ${((indexStarted - pagesStarted) / 1000).toFixed(1)} s; search index: ${((performance.now() - indexStarted) / 1000).toFixed(1)} s.\n`);
  }

  // Swap: the old output is moved aside, then the new one moved in; both renames are atomic.
  if (fs.existsSync(outDir)) fs.renameSync(outDir, oldDir);
  fs.renameSync(nextDir, outDir);
  fs.rmSync(workDir, { recursive: true, force: true });
  const site = siteUrl() === DEFAULT_SITE_URL ? ` Its links to itself (canonical URLs, feed, sitemap) use ${DEFAULT_SITE_URL}: set SITE_URL to the address it is published at.` : '';
  const what = drafts ? 'a private preview, drafts and embargoed reports included, marked DRAFT – NOT FOR PUBLICATION; never publish it' : `${filesChecked} content files`;
  process.stdout.write(`Built ${outName}/ from ${what}.${site}\n`);
  return 0;
}

/**
 * Every PDF the build publishes, drawn beforehand on every core (a pool of worker threads) into the
 * PDF cache, .cache/pdf/: only documents whose inputs changed since a previous build are drawn. The
 * pages then read their PDFs from the cache. PDF_CACHE=0 skips this: the pages draw every PDF.
 */
async function pdfs(): Promise<void> {
  const { pdfCacheEnabled } = await import('../pdf/cache.ts');
  if (!pdfCacheEnabled()) {
    process.stdout.write('PDFs: cache off (PDF_CACHE=0), drawn while the pages are built.\n');
    return;
  }
  const started = performance.now();
  // Imported here, after INCLUDE_DRAFTS is set: the site model reads it.
  const { allPdfDocuments } = await import('../site/pdfs.ts');
  const { primeSiteModel } = await import('../site/model.ts');
  if (checked) primeSiteModel(checked);
  const { preparePdfs } = await import('../pdf/prepare.ts');
  const documents = allPdfDocuments();
  const modelled = performance.now();
  const { rendered, fromCache, workers } = await preparePdfs(documents);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const where = rendered ? (workers ? ' on worker threads' : ' in the main thread') : '';
  process.stdout.write(`PDFs: ${rendered} rendered${where}, ${fromCache} from cache, ${seconds(performance.now() - started)} s (document models ${seconds(modelled - started)} s).\n`);
}

/**
 * Pagefind's index of the built pages, written into the build's pagefind/ folder. Only pages marked
 * data-pagefind-body (reports, easy-read versions, service and thematic pages) are indexed; the
 * filters come from their data-pagefind-filter tags. Search then runs in the reader's browser from
 * these static files, with no server and no network.
 */
async function searchIndex(site: string): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`The build failed; ${outName}/ was not changed.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
