/**
 * `npm run dev`, the inspectors' live preview: when a file under content/ or templates/ changes,
 * the project is read and checked again (only what changed: src/check/live-memo.ts), and the
 * browser reloads the page, which is then built from the edited content, computed ratings included. When
 * the content has errors, every page is the problems page instead (src/build/preview-problems.ts):
 * the messages of `npm run check`, with links that open each file at its line in an editor.
 *
 * The dev server also includes drafts and embargoed reports, so inspectors can see the report they
 * are writing, with "DRAFT – NOT FOR PUBLICATION" on every page; `INCLUDE_DRAFTS=0 npm run dev`
 * shows exactly what would be published today.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isRunnableDevEnvironment, type ViteDevServer } from 'vite';
import type { previewProblems } from './preview-problems.ts';
import { checkCacheIsEmpty, warmUpCheckCache } from '../check/warm-up.ts';

const WATCHED = ['content', 'templates'];
/** What the tool writes into the project: caches, the build's work folder, the site and the drafts preview. */
const OUTPUT_FOLDERS = ['.cache', '.build', '.bench', 'dist', 'preview'];

/**
 * Saved text files the check reads afresh each time: the pages' modules can stay loaded, and only
 * the check and the site are made again (src/site/model.ts, contentChanged). Any other change (a
 * picture, whose normalised copy modules keep; a file added or removed, which changes the pages
 * there are) has the pages' modules loaded afresh.
 */
const RECHECKED = /\.(mdx|md|ya?ml|csv|json)$/i;

export function liveContent(): AstroIntegration {
  return {
    name: 'inspection-reports:live-content',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'dev') return;
        if (process.env.INCLUDE_DRAFTS === undefined) process.env.INCLUDE_DRAFTS = '1';
        // The tool's own output is not watched: the check's cache written while the preview starts
        // (tens of thousands of files at 10,000 reports) and a built dist/ (147,000) kept the dev
        // server's thread busy looking at each file.
        const root = fileURLToPath(config.root);
        updateConfig({ vite: { server: { watch: { ignored: OUTPUT_FOLDERS.map((folder) => `${path.join(root, folder)}/**`) } } } });
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = server.config.root;
        const folders = WATCHED.map((folder) => path.join(root, folder));
        server.watcher.add(folders);
        let timer: ReturnType<typeof setTimeout> | undefined;
        // Whether every event since the last reload was a saved text file (see RECHECKED).
        let onlySaved = true;
        const changed = (event: 'add' | 'change' | 'unlink') => (file: string) => {
          if (!folders.some((folder) => file === folder || file.startsWith(`${folder}${path.sep}`))) return;
          onlySaved &&= event === 'change' && RECHECKED.test(file);
          // An editor's save can be several file events: reload once they have settled.
          clearTimeout(timer);
          timer = setTimeout(() => {
            const light = onlySaved;
            onlySaved = true;
            logger.info(`content changed (${path.relative(root, file)}): reloading`);
            void reload(light).catch((error: unknown) => logger.error(`reloading failed: ${String(error)}`));
          }, 50);
        };
        const reload = async (light: boolean) => {
          const pages = server.environments.ssr;
          if (light && isRunnableDevEnvironment(pages)) {
            // The next page checks again, reusing the folders that did not change.
            const model = (await pages.runner.import('/src/site/model.ts')) as { contentChanged(): void };
            model.contentChanged();
          } else {
            // The pages' modules are evaluated afresh, so the site (src/site/model.ts) is read again.
            pages.hot.send({ type: 'full-reload', path: '*' });
          }
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('add', changed('add'));
        server.watcher.on('change', changed('change'));
        server.watcher.on('unlink', changed('unlink'));
        // With the check's cache empty, the content is first checked on other threads, pages waiting
        // (src/check/warm-up.ts): this thread stays free to serve the dev server's own requests.
        let warmedUp: Promise<void> = Promise.resolve();
        if (checkCacheIsEmpty(root)) {
          logger.info('the check has no cache for this version of the tool: checking the content on other threads first (at 10,000 reports, minutes), pages wait');
          warmedUp = warmUpCheckCache(root).then(() => logger.info('the content was checked and its cache filled: pages follow'));
        }
        server.middlewares.use(problemsFirst(server, root, warmedUp, (summary) => logger.warn(`the preview shows the content's problems:\n${summary}`)));
      },
    },
  };
}

// The dev server's own requests (modules, styles, its client, the editor link), which are not pages.
const NOT_PAGES = ['/@', '/__', '/src/', '/node_modules/', '/_astro/'];

/**
 * Before Astro makes a page (once the first check's cache is filled, when it was empty): when the
 * content has errors, answer with the problems page instead of Astro's error overlay (a stack trace
 * and a bare 500 without JavaScript). Only in `astro dev`: `npm run build` checks the content itself
 * and stops on errors.
 */
function problemsFirst(server: ViteDevServer, root: string, warmedUp: Promise<void>, tell: (summary: string) => void) {
  let told: string | undefined;
  return async (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    // The problems page's "in your editor" links: Vite opens the file; 204 keeps the browser where it is.
    if (pathname === '/__open-in-editor') {
      res.statusCode = 204;
      return next();
    }
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_PAGES.some((prefix) => pathname.startsWith(prefix))) return next();
    const pages = server.environments.ssr;
    if (!isRunnableDevEnvironment(pages)) return next();
    await warmedUp;
    try {
      // In the pages' own module runner, so the problems page and the pages share one check.
      const module = (await pages.runner.import('/src/build/preview-problems.ts')) as { previewProblems: typeof previewProblems };
      const answer = module.previewProblems(root);
      // The terminal hears of each new set of problems once, not on every request.
      if (answer && answer.summary !== told) tell(answer.summary);
      told = answer?.summary;
      if (!answer) return next();
      res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : answer.html);
    } catch (error) {
      next(error);
    }
  };
}
