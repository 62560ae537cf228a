/**
 * A counter that goes up whenever content/ or templates/ change under `npm run dev`. The dev
 * server's watcher (src/build/live-content.ts, loaded by astro.config.mjs) and the pages' server
 * modules (src/site/model.ts, loaded by Vite) are separate module instances in one Node process,
 * so the counter lives on globalThis under a registered symbol rather than in a module variable.
 * No imports: astro.config.mjs loads this file.
 */
const KEY = Symbol.for('inspection-reports.content-version');

type Holder = { [KEY]?: number };

export function contentVersion(): number {
  return (globalThis as Holder)[KEY] ?? 0;
}

/** Marks everything built from the content as stale: the next page request reloads the project. */
export function bumpContentVersion(): void {
  (globalThis as Holder)[KEY] = contentVersion() + 1;
}
