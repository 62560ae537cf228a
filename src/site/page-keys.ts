/**
 * The cache keys of the pages Astro may skip on the next build (Astro's experimental incremental
 * static builds: a page returned from getStaticPaths() with a `cacheKey` equal to last build's, and
 * whose code did not change, is copied from Astro's cache instead of rendered again).
 *
 * A key is a hash of the files the page is made from, as the PDFs' inputs hash is
 * (src/site/pdf-inputs.ts), never of the rendered page:
 * - `site`: what every page may show of every report: the shared inputs (all code, templates/,
 *   every content file outside the reports' own folders), the build date, drafts and SITE_URL, and
 *   of each report folder the names of its files and the bytes of its metadata (inspection.yaml,
 *   thematic.yaml, cases.csv, from which the ratings are computed); the annual reports whole.
 *   Lists, facet pages, service pages, ratings and annual reports are keyed by this alone: editing a
 *   report's narrative leaves them alone; editing its ratings or dates renders them all again.
 * - `report(folder)`: `site` and every byte of one report's folder: that report's own pages.
 * - `reports(folders)`: `site` and the folders of several reports: the feeds, which show each
 *   report's PDF (whose pages and size follow from its folder and the code).
 * A PDF's facts (pages, size) are not in any key: they follow from its inputs, which are; so the
 * keys are known before any PDF is drawn.
 *
 * Only `npm run build` has keys (the hand-over carries them); without them (the dev server) pages
 * have no cacheKey and are always rendered.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { reportInputs, type FolderDigests } from './pdf-inputs.ts';
import { handedOver, type PageKeySource } from './handoff.ts';

/** Files of a report folder whose bytes every page may show (ratings, dates, status, languages). */
const METADATA = /^(inspection|thematic)(\.[a-z]{2})?\.yaml$|^cases\.csv$/;
const REPORT_FOLDERS = ['content/inspections', 'content/thematic'];

export interface PageKeySources {
  root: string;
  /** sharedInputs(root, drafts) (src/site/pdf-inputs.ts), made once per build. */
  shared: string;
  /** The report folders' digests of this build, shared with its PDFs' inputs (src/site/pdf-inputs.ts). */
  folders: FolderDigests;
  buildDate: string;
  drafts: boolean;
  siteUrl: string;
}

export class PageKeys implements PageKeySource {
  private siteKey: string | undefined;
  /** Asked for by every page Astro considers (src/build/astro-portable-cache.ts): made once. */
  private codeKey: string | undefined;
  private readonly reportKeys = new Map<string, string>();
  private readonly sources: PageKeySources;

  constructor(sources: PageKeySources) {
    this.sources = sources;
  }

  /** The key of pages that show every report's metadata but no report's narrative. */
  site(): string {
    if (this.siteKey) return this.siteKey;
    const { root, shared, buildDate, drafts, siteUrl } = this.sources;
    const hash = createHash('sha256').update(`page-keys-1\u0000${shared}\u0000${buildDate}\u0000${drafts}\u0000${siteUrl}\u0000`);
    for (const top of REPORT_FOLDERS) {
      for (const name of listing(path.join(root, top))) {
        const folder = path.join(root, top, name);
        const files = listing(folder);
        hash.update(`${top}/${name}\u0000${files.join('\u0001')}\u0000`);
        for (const file of files) if (METADATA.test(file)) hash.update(readOrEmpty(path.join(folder, file))).update('\u0000');
      }
    }
    // The annual reports are few and shown on lists of their own: whole.
    hash.update(reportInputs('', 'annual-reports', this.sources.folders.of('content/annual-reports')));
    return (this.siteKey = hash.digest('hex'));
  }

  /** The key of a report's own pages (its page, easy-read page, pictures): its folder (project-relative) and `site`. */
  report(folder: string): string {
    // Any other folder (the project's own, say) holds the output and the caches, which change with every build.
    if (!isReportFolder(folder)) throw new Error(`a report's page key asked for ${JSON.stringify(folder)}, which is not a report's folder`);
    let key = this.reportKeys.get(folder);
    if (!key) this.reportKeys.set(folder, (key = reportInputs(this.site(), 'page', this.sources.folders.of(folder))));
    return key;
  }

  /**
   * The key of a file made from one picture alone (src/site/picture-routes.ts): the code and what `id`
   * says (the picture, its bytes), not its report's folder, so that an edited narrative does not
   * make its report's pictures again (17 of an easy-read version's, over a second after an edit).
   */
  picture(id: string): string {
    return createHash('sha256').update(`page-keys-1 picture\u0000${this.sources.shared}\u0000${id}`).digest('hex');
  }

  /**
   * What every page's code is, by content, the same in every folder: the code the shared inputs hash
   * (src/, templates/, the packages' lock) and what Astro's build reads beside it (its config, the
   * record of the installed packages). Astro's own hash of a page's code names its modules by their
   * absolute paths (src/build/astro-portable-cache.ts).
   */
  code(): string {
    if (this.codeKey) return this.codeKey;
    const hash = createHash('sha256').update(`page-keys-1 code\u0000${this.sources.shared}\u0000`);
    for (const file of ['astro.config.mjs', 'node_modules/.package-lock.json']) hash.update(`${file}\u0000`).update(readOrEmpty(path.join(this.sources.root, file))).update('\u0000');
    return (this.codeKey = hash.digest('hex'));
  }

  /** The key of a page that shows several reports' PDFs (a feed). */
  reports(folders: Iterable<string>): string {
    const hash = createHash('sha256').update(this.site());
    for (const folder of [...folders].sort()) hash.update(`\u0000${this.report(folder)}`);
    return hash.digest('hex');
  }
}

function listing(folder: string): string[] {
  try {
    return fs.readdirSync(folder).sort();
  } catch {
    return [];
  }
}

function readOrEmpty(file: string): Buffer | string {
  try {
    return fs.readFileSync(file);
  } catch {
    return '';
  }
}

/** A folder of one report (project-relative): content/inspections/<slug> or content/thematic/<slug>. */
const isReportFolder = (folder: string) => REPORT_FOLDERS.some((top) => path.posix.dirname(folder.split(path.sep).join('/')) === top && path.basename(folder) !== '');

type ReportOfFolder = { slug: string; narrativeFile: string } | { file: string };

/**
 * A report's folder (project-relative): where its inspection.yaml or thematic.yaml is. An
 * inspection's is named by its narrative, or by its slug where it has none (a historic record).
 */
export const folderOf = (report: ReportOfFolder): string =>
  'narrativeFile' in report ? (report.narrativeFile ? path.dirname(report.narrativeFile) : `content/inspections/${report.slug}`) : path.dirname(report.file);

const keys = (): PageKeySource | undefined => handedOver()?.pageKeys;

/** A report's own page's cacheKey (undefined outside `npm run build`: always rendered). */
export const reportPageKey = (report: ReportOfFolder): string | undefined => keys()?.report(folderOf(report));

/** The cacheKey of a page that shows reports' metadata (ratings, dates) but no narrative: lists, facets, services, ratings. */
export const sitePageKey = (): string | undefined => keys()?.site();

/** The cacheKey of a file made from one picture alone, described by `id` (its reference and bytes). */
export const picturePageKey = (id: string): string | undefined => keys()?.picture(id);

/** The cacheKey of a page that shows several reports' PDFs (a feed). */
export const reportsPageKey = (reports: readonly ReportOfFolder[]): string | undefined => keys()?.reports(reports.map(folderOf));
