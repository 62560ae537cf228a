/**
 * `npm run dev`, the inspectors' live preview: when a file under content/ or templates/ changes,
 * the pages' modules are loaded afresh, so the project is read and checked again, and the browser
 * reloads the page, which is then built from the edited content, computed ratings included. When
 * the content has errors, every page is the problems page instead (src/build/preview-problems.ts):
 * the messages of `npm run check`, with links that open each file at its line in an editor.
 *
 * The dev server also includes drafts and embargoed reports, so inspectors can see the report they
 * are writing, with "DRAFT – NOT FOR PUBLICATION" on every page; `INCLUDE_DRAFTS=0 npm run dev`
 * shows exactly what would be published today.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { isRunnableDevEnvironment, type ViteDevServer } from 'vite';
import type { previewProblems } from './preview-problems.ts';

const WATCHED = ['content', 'templates'];

export function liveContent(): AstroIntegration {
  return {
    name: 'inspection-reports:live-content',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'dev' && process.env.INCLUDE_DRAFTS === undefined) process.env.INCLUDE_DRAFTS = '1';
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = server.config.root;
        const folders = WATCHED.map((folder) => path.join(root, folder));
        server.watcher.add(folders);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const changed = (file: string) => {
          if (!folders.some((folder) => file === folder || file.startsWith(`${folder}${path.sep}`))) return;
          // An editor's save can be several file events: reload once they have settled.
          clearTimeout(timer);
          timer = setTimeout(() => {
            logger.info(`content changed (${path.relative(root, file)}): reloading`);
            // The pages' modules are evaluated afresh, so the site (src/site/model.ts) is read again.
            server.environments.ssr.hot.send({ type: 'full-reload', path: '*' });
            server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          }, 50);
        };
        server.watcher.on('add', changed);
        server.watcher.on('change', changed);
        server.watcher.on('unlink', changed);
        server.middlewares.use(problemsFirst(server, root, (summary) => logger.warn(`the preview shows the content's problems:\n${summary}`)));
      },
    },
  };
}

// The dev server's own requests (modules, styles, its client, the editor link), which are not pages.
const NOT_PAGES = ['/@', '/__', '/src/', '/node_modules/', '/_astro/'];

/**
 * Before Astro makes a page: when the content has errors, answer with the problems page instead of
 * Astro's error overlay (a stack trace and a bare 500 without JavaScript). Only in `astro dev`:
 * `npm run build` checks the content itself and stops on errors.
 */
function problemsFirst(server: ViteDevServer, root: string, tell: (summary: string) => void) {
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
