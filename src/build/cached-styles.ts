/**
 * The pages' Sass compiled once and kept, so that a build after a report is edited does not spend
 * seconds compiling GOV.UK Frontend's styles again (Sass was a tenth of the pages' CPU time).
 *
 * In a build (never `npm run dev`, whose live reload follows the .scss files), an import of a .scss
 * file is resolved instead to a .css module at the same place (`site.scss` → `site.scss.css`, so its
 * url()s are resolved from the same folder), whose text is Sass's output: Vite then does with it
 * exactly what it does with Sass's output (links its fonts, minifies it), and the stylesheet is
 * byte for byte the same. Sass's output is compiled by Vite's own preprocessCSS, with the project's
 * Sass options, and kept in `.cache/styles/` with the files Sass read (the stylesheet, its partials,
 * GOV.UK Frontend's): it is used again only while every one of them has the same bytes, and the
 * options and the versions of Sass and Vite are the same.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preprocessCSS, type Plugin, type ResolvedConfig } from 'vite';

/**
 * What a compiled stylesheet is kept with: the files it was compiled from, each with its hash, named
 * from the project folder when they are in it (a copied project, .cache/ included, reads its own).
 */
interface StoredCss {
  sources: Record<string, string>;
  css: string;
}

/** What compiling a stylesheet gives: its CSS and every file read (the stylesheet itself among them). */
export interface CompiledCss {
  css: string;
  sources: string[];
}

/** Marks the module that stands for a compiled .scss file. */
const COMPILED = '.css';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** An installed package's version, from the package.json above its entry point (not every package exports it). */
function packageVersion(name: string): string {
  for (let folder = path.dirname(fileURLToPath(import.meta.resolve(name))); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const manifest = path.join(folder, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { name: found, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version: string };
    if (found === name) return version;
  }
  throw new Error(`no package.json found for ${name}`);
}

/** Each source's hash by its name (from `root` when inside it), or undefined when one cannot be read (then it is compiled again). */
function hashes(root: string, files: readonly string[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  try {
    for (const file of files) {
      const inside = path.relative(root, path.resolve(root, file));
      out[inside.startsWith('..') || path.isAbsolute(inside) ? path.resolve(root, file) : inside] = sha256(fs.readFileSync(path.resolve(root, file)));
    }
  } catch {
    return undefined;
  }
  return out;
}

/**
 * The CSS of a stylesheet of the project in `root`: from `cacheDir` when the entry for `key` was
 * compiled from files that all still have the same bytes, else compiled and kept. `key` must hold
 * everything else the compile depends on (the stylesheet's path, the options, the compiler's version).
 */
export async function cachedCss(cacheDir: string, root: string, key: string, compile: () => Promise<CompiledCss>): Promise<{ css: string; compiled: boolean }> {
  const file = path.join(cacheDir, `${sha256(key)}.json`);
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredCss;
    const now = hashes(root, Object.keys(stored.sources));
    if (now && Object.entries(stored.sources).every(([source, hash]) => now[source] === hash)) return { css: stored.css, compiled: false };
  } catch {
    // Never kept, or unreadable: compiled below.
  }
  const { css, sources } = await compile();
  const sourceHashes = hashes(root, [...new Set(sources)].sort());
  if (sourceHashes) {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify({ sources: sourceHashes, css } satisfies StoredCss));
      fs.renameSync(temporary, file);
    } catch {
      // A cache that cannot be written only means compiling again next time.
    }
  }
  return { css, compiled: true };
}

/** The Vite plugin (build only): .scss imports served as their kept CSS. */
export function cachedStyles(cacheDir: string): Plugin {
  let config: ResolvedConfig;
  let versions: string;
  return {
    name: 'inspection-reports:cached-styles',
    apply: 'build',
    enforce: 'pre',
    configResolved(resolved) {
      config = resolved;
      versions = `sass ${packageVersion('sass')}, vite ${packageVersion('vite')}`;
    },
    async resolveId(source, importer, options) {
      if (!source.endsWith('.scss')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.endsWith('.scss')) return null;
      return `${resolved.id}${COMPILED}`;
    },
    async load(id) {
      if (!id.endsWith(`.scss${COMPILED}`)) return null;
      const scss = id.slice(0, -COMPILED.length);
      const options = JSON.stringify(config.css.preprocessorOptions?.scss ?? {});
      const { css } = await cachedCss(cacheDir, config.root, `${path.relative(config.root, scss)}\u0000${options}\u0000${versions}`, async () => {
        const result = await preprocessCSS(fs.readFileSync(scss, 'utf8'), scss, config);
        return { css: result.code, sources: [scss, ...(result.deps ?? [])] };
      });
      // Sass's output, watched as Sass's inputs would be (a build only reads it once).
      this.addWatchFile(scss);
      return css;
    },
  };
}
