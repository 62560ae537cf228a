/**
 * `npm run build`: checks the content first (the same messages as `npm run check`), then builds the
 * site into a temporary folder, indexes it for search (Pagefind), and swaps it into dist/ only when
 * everything succeeded, so a failed build leaves the previous output untouched.
 *
 * `npm run preview:drafts` (`--drafts`) builds the same site with drafts, embargoed reports and
 * reports dated after the build date included, "DRAFT – NOT FOR PUBLICATION" on every page and PDF
 * page, into preview/ instead. It never reads, writes or replaces dist/; and `npm run build` always
 * leaves drafts out, whatever INCLUDE_DRAFTS the shell has.
 *
 * Either ends by naming each report that is not public on the build date and why (src/site/left-out.ts).
 * Exit codes, as `npm run check`'s: 0 built, 1 errors in the content (or SITE_URL), 2 the tool failed.
 */
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PageStamps, ShardKeys } from './search-index.ts';
import type { SearchShards } from '../site/search-shards.ts';
// The tool's own modules are imported where they are used, not here: this process waits through the site
// stage's peak, and what it has loaded stays resident meanwhile (these few: 69 MB instead of 84, measured).

const root = process.cwd();
// V8's compiled code of every module kept between builds (Node's compile cache): the site stage loads
// Astro, Vite, Sass and the tool's own modules each build, and compiling them is CPU the next build need not spend again.
module.enableCompileCache(path.join(root, '.cache', 'node'));
const { drafts = false } = parseArgs({ options: { drafts: { type: 'boolean' } } }).values;
const outName = drafts ? 'preview' : 'dist';
const outDir = path.join(root, outName);
// Each kind of build has its own work folder, so a preview build never touches a public one.
const workDir = path.join(root, '.build', outName);
const nextDir = path.join(workDir, 'next');
/**
 * The output the swap replaced, removed while the next build runs rather than before this one
 * ends: removing a thousand reports' site is seconds of the disk's time (a minute on a busy machine).
 */
const discardedDir = path.join(root, '.build', `${outName}-discarded`);

/** The site stage's V8 semi-space (the young generation is made of these), in MB: see main. */
const SITE_STAGE_YOUNG_GENERATION = '--max-semi-space-size=16';

/** The second process's report to the first, in the work folder. */
const stageFile = path.join(workDir, 'site.json');

/** Each phase's progress: an updating line on a terminal (stderr), a plain line on stdout when it ends. */
async function progress() {
  const { BuildProgress, progressMode } = await import('./progress.ts');
  return new BuildProgress(progressMode(process.env, process.stderr.isTTY), (line) => process.stdout.write(`${line}\n`), process.stderr);
}
interface SiteStage {
  filesChecked: number;
  pagesSeconds: number;
  /** The site stage's CPU seconds and resident memory (MB) per phase, printed with BUILD_TIMINGS=1. */
  cpu: { check: number; pdfs: number; pages: number };
  rssMB: { check: number; pdfs: number; pages: number };
  leftOut: string[];
  searchShards: SearchShards;
}

/**
 * The build runs in two processes so that its memory is the larger of its parts, not their sum.
 * This one (small) starts the site build in a child process, which checks the content, draws the
 * PDFs and builds the pages into the work folder, then ends and gives all its memory back; only
 * then does this one index the pages for search (Pagefind, some hundreds of MB for each shard it
 * holds) and swap the new site in. Killing this process kills both (one process group).
 */
async function main(): Promise<number> {
  if (process.env.BUILD_STAGE === 'site') return siteStage();
  const discarding = fs.promises.rm(discardedDir, { recursive: true, force: true });
  try {
    return await buildAndSwap(discarding);
  } finally {
    await discarding;
  }
}

async function buildAndSwap(discarding: Promise<void>): Promise<number> {
  const { spawn } = await import('node:child_process');
  // 16 MB semi-spaces for V8's young generation (128 MB here by default, in every thread): it held only garbage,
  // 150 MB of a 200-report build's peak, for no more CPU (measured; the PDF workers set theirs in src/pdf/pool.ts).
  // Two malloc arenas (glibc makes up to eight per core, one per thread that allocates): the PDF
  // workers' and Astro's freed memory is then reused by whoever allocates next instead of kept apart.
  // Rolldown (Vite's bundler) allocates with mimalloc, which kept what it freed resident through
  // the pages (about 190 MB at a thousand reports): purged at once, the site stage's peak was
  // 1,295 MB instead of 1,416 (measured once each, cold, a thousand reports).
  // --expose-gc: each phase's end gives the heap it freed back to the system (pipeline.ts).
  // Both processes run on Node's own type stripping (the tool's TypeScript is erasable: tsconfig's erasableSyntaxOnly),
  // with no loader and no esbuild service; started through tsx (preview:drafts), the child has tsx too.
  const child = spawn(process.execPath, [...process.execArgv, SITE_STAGE_YOUNG_GENERATION, '--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0', ...process.env, BUILD_STAGE: 'site' },
  });
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  // The child has said what went wrong (content errors, exit 1, or a bug, exit 2); a signal it could not
  // report. A child stopped by a signal, or ended in any other way, is the tool failing: 2.
  if (ended.signal) process.stderr.write(`The build failed: the site build was stopped (${ended.signal}); ${outName}/ was not changed.\n`);
  if (ended.code !== 0) return ended.code === 1 ? 1 : 2;
  const stage = JSON.parse(fs.readFileSync(stageFile, 'utf8')) as SiteStage;

  const indexStarted = performance.now();
  const { formatSeconds } = await import('./progress.ts');
  const phases = await progress();
  phases.start('Search index');
  const made = await searchIndex(nextDir, stage.searchShards).catch((error: unknown) => {
    phases.abandon();
    throw error;
  });
  phases.end((seconds) => `Search index: ${made.how}, ${formatSeconds(seconds)}.`);
  if (process.env.BUILD_TIMINGS === '1') {
    process.stdout.write(`Pages: ${stage.pagesSeconds.toFixed(1)} s; search index: ${((performance.now() - indexStarted) / 1000).toFixed(1)} s.\n`);
    const { cpu, rssMB } = stage;
    process.stdout.write(`CPU seconds: check ${cpu.check.toFixed(1)}, PDFs ${cpu.pdfs.toFixed(1)}, pages ${cpu.pages.toFixed(1)}; resident MB after each: ${rssMB.check}, ${rssMB.pdfs}, ${rssMB.pages}.\n`);
  }

  // Swap: the old output is moved aside, then the new one moved in; both renames are atomic. What
  // the index was made from is written only once the new output is in place.
  fs.rmSync(indexKeysFile, { force: true });
  await discarding;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, discardedDir);
  fs.renameSync(nextDir, outDir);
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(indexKeysFile), { recursive: true });
  fs.writeFileSync(indexKeysFile, JSON.stringify({ keys: made.keys, stamps: made.stamps } satisfies EarlierIndex));
  const { DEFAULT_SITE_URL, siteUrl } = await import('../site/site-url.ts');
  const site = siteUrl() === DEFAULT_SITE_URL ? ` Its links to itself (canonical URLs, feed, sitemap) use ${DEFAULT_SITE_URL}: set SITE_URL to the address it is published at.` : '';
  const what = drafts ? 'a private preview, drafts and embargoed reports included, marked DRAFT – NOT FOR PUBLICATION; never publish it' : `${stage.filesChecked} content files`;
  process.stdout.write(`Built ${outName}/ from ${what}.${site}\n`);
  // Last, where the person building sees them: the reports left out and why (a new inspection is a draft).
  for (const line of stage.leftOut) process.stdout.write(`${line}\n`);
  return 0;
}

/** The child process: check, PDFs and pages into the work folder (see main and pipeline.ts). */
async function siteStage(): Promise<number> {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(nextDir, { recursive: true });
  const phases = await progress();
  // Loaded here, in the child only: the parent, which only waits and then indexes, would otherwise
  // load every checker and renderer too (about a CPU-second, and 80–110 MB beside the site stage's peak).
  const { buildSite } = await import('./pipeline.ts');
  const result = await buildSite({
    root,
    outDir: nextDir,
    drafts,
    log: (line) => process.stdout.write(`${line}\n`),
    warn: (line) => process.stderr.write(`${line}\n`),
    progress: phases,
  }).finally(() => phases.abandon());
  if (!result.ok) {
    await new Promise((written) => process.stderr.write(`Build stopped: fix the errors above. ${outName}/ was not changed.\n`, written));
    await new Promise((written) => process.stdout.write('', written));
    // Astro may still be bundling the pages' code, which the check started alongside (pipeline.ts)
    // and which is of no use now: the stage ends at once instead of seconds later.
    process.exit(1);
  }
  fs.writeFileSync(stageFile, JSON.stringify({ filesChecked: result.filesChecked, pagesSeconds: result.seconds.pages, cpu: result.cpu, rssMB: result.rssMB, leftOut: result.leftOut, searchShards: result.searchShards! } satisfies SiteStage));
  return 0;
}

/** What each shard of the search index in outDir/pagefind/ was made from (search-index.ts); absent while outDir is being replaced. */
const indexKeysFile = path.join(root, '.cache', 'search', `${outName}.json`);

/**
 * Pagefind's index of the built pages, in shards written into the build's pagefind/ folder
 * (search-index.ts): only pages marked data-pagefind-body (reports, easy-read versions, thematic
 * pages…) are indexed; the filters come from their data-pagefind-filter tags. Search then runs in
 * the reader's browser from these static files, with no server and no network. A shard whose pages
 * are the ones its files in outDir were made from is linked from there.
 */
async function searchIndex(site: string, plan: SearchShards): Promise<EarlierIndex & { how: string }> {
  const earlier = readEarlierIndex();
  const { writeSearchIndex } = await import('./search-index.ts');
  const made = await writeSearchIndex(site, plan, earlier && { site: outDir, ...earlier });
  const shards = (n: number) => `${n} ${n === 1 ? 'shard' : 'shards'}`;
  const how = made.linked ? `${shards(made.indexed)} indexed, ${made.linked} unchanged` : `${made.pages} pages indexed in ${shards(made.indexed)}`;
  return { keys: made.keys, stamps: made.stamps, how };
}

/** What the index in outDir was made from: each shard's key and each page's stamp (search-index.ts). */
interface EarlierIndex {
  keys: ShardKeys;
  stamps: PageStamps;
}

function readEarlierIndex(): EarlierIndex | undefined {
  try {
    const earlier = JSON.parse(fs.readFileSync(indexKeysFile, 'utf8')) as Partial<EarlierIndex>;
    // Written by an earlier version of the tool (the keys alone): the index is made again.
    return earlier.keys && earlier.stamps ? (earlier as EarlierIndex) : undefined;
  } catch {
    return undefined;
  }
}

// Content problems are reported by the checks and end the build with 1; anything thrown is a bug in the tool.
main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    const { describeFailure } = await import('../check/tool-failure.ts');
    process.stderr.write(`${describeFailure('The build', error, `${outName}/ was not changed.`)}\n`);
    process.exitCode = 2;
    // The site stage ends at once: what it still runs (pages waiting for a PDF that failed, or PDFs
    // drawn for pages that failed) would build nothing, and the pages waiting would never end.
    if (process.env.BUILD_STAGE === 'site') process.exit();
  },
);
