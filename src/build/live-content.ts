/**
 * `npm run dev`, the inspectors' live preview: when a file under content/ or templates/ changes,
 * the pages' modules are loaded afresh, so the project is read and checked again, and the browser
 * reloads the page, which is then built from the edited content, computed ratings included. When
 * the content has errors, the page shows them in the words of `npm run check` (src/site/model.ts
 * throws them; Astro's error overlay shows them).
 *
 * The dev server also includes drafts and embargoed reports, so inspectors can see the report they
 * are writing, with "DRAFT – NOT FOR PUBLICATION" on every page; `INCLUDE_DRAFTS=0 npm run dev`
 * shows exactly what would be published today.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';

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
      },
    },
  };
}
