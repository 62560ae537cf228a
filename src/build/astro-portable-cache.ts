/**
 * Astro's incremental build (experimental.incrementalBuild) keeps a page it rendered before while
 * its route's dependency hash is the same: a hash of the modules the page's code is bundled from,
 * named by their absolute paths (astro/dist/core/build/plugins/plugin-incremental.js). So the same
 * project built in another folder (a CI's fresh checkout, a copy, a renamed folder) rendered every
 * page again, though nothing had changed: 298 of the sample's pages, and the whole of a thousand
 * reports' pages, about 30 s.
 *
 * The pages' own cache keys (src/site/page-keys.ts) already change with every file of the code, so
 * Astro's hash is given, in its place, the code as its content says (PageKeys.code: the same in
 * every folder); and where there is no hand-over, as in the live preview, Astro's own. Astro has no
 * option for this: its cache's two methods that take the hash are replaced on its class, as
 * astro-page-links.ts does; where a later Astro no longer has them, pages are rendered again in a
 * moved project as before, and tests/build/astro-page-links.test.ts fails.
 */
import { handedOver } from '../site/handoff.ts';
import { astroBuildCachePrototype } from './astro-page-links.ts';

interface IncrementalCache {
  canSkip(routeComponent: string, pathname: string, dependencyHash: string, ...rest: unknown[]): boolean;
  record(routeComponent: string, dependencyHash: string, ...rest: unknown[]): void;
}

const PORTABLE = Symbol.for('inspection-reports.astro-portable-cache');

/** The code's hash that stands for Astro's: the build's, once it has handed the site over. */
const codeHash = (astros: string) => {
  const code = handedOver()?.pageKeys?.code();
  return code === undefined ? astros : `inspection-reports code ${code}`;
};

/** Makes Astro's incremental build judge a page's code by content, not by where it is. True when Astro's cache has the methods this replaces. Once per process. */
export async function portableAstroPageCache(): Promise<boolean> {
  const cache = await astroBuildCachePrototype<IncrementalCache & { [PORTABLE]?: true }>();
  if (!cache || typeof cache.canSkip !== 'function' || typeof cache.record !== 'function') return false;
  if (cache[PORTABLE]) return true;
  const { canSkip, record } = cache;
  cache.canSkip = function (routeComponent, pathname, dependencyHash, ...rest) {
    return canSkip.call(this, routeComponent, pathname, codeHash(dependencyHash), ...rest);
  };
  cache.record = function (routeComponent, dependencyHash, ...rest) {
    record.call(this, routeComponent, codeHash(dependencyHash), ...rest);
  };
  cache[PORTABLE] = true;
  return true;
}
