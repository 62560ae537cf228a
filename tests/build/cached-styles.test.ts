/**
 * The styles' Sass kept between builds (src/build/cached-styles.ts): the kept CSS is Sass's output
 * itself, used again only while every file Sass read has the same bytes and the options are the
 * same; a change to the stylesheet, to a partial it uses (as GOV.UK Frontend's are) or to the Sass
 * options gives the new CSS. On a stylesheet of a few lines in a temporary folder: no build is run.
 * (That a build with the kept CSS gives the same bytes as one without is tests/build/incremental.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preprocessCSS, resolveConfig, type ResolvedConfig } from 'vite';
import { cachedCss, cachedStyles } from '../../src/build/cached-styles.ts';

let folder: string;
let cacheDir: string;
let stylesheet: string;
let partial: string;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cached-styles-'));
  cacheDir = path.join(folder, '.cache', 'styles');
  stylesheet = path.join(folder, 'site.scss');
  partial = path.join(folder, '_colours.scss');
  fs.writeFileSync(partial, '$link: #1d70b8;\n');
  fs.writeFileSync(stylesheet, '@use "colours";\na { color: colours.$link; padding: $app-space; }\n');
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const config = (space: string): Promise<ResolvedConfig> =>
  resolveConfig({ root: folder, configFile: false, logLevel: 'silent', css: { preprocessorOptions: { scss: { additionalData: `$app-space: ${space};\n` } } } }, 'build');

/** The plugin's CSS for the stylesheet, as a build would load it, and whether Sass ran. */
async function load(resolved: ResolvedConfig): Promise<{ css: string; compiled: boolean }> {
  const plugin = cachedStyles(cacheDir);
  (plugin.configResolved as (config: ResolvedConfig) => void)(resolved);
  const stored = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).map((file) => fs.statSync(path.join(cacheDir, file)).mtimeMs) : [];
  const load = plugin.load as (this: { addWatchFile: (file: string) => void }, id: string) => Promise<string>;
  const css = await load.call({ addWatchFile: () => {} }, `${stylesheet}.css`);
  const after = fs.readdirSync(cacheDir).map((file) => fs.statSync(path.join(cacheDir, file)).mtimeMs);
  return { css, compiled: JSON.stringify(after) !== JSON.stringify(stored) };
}

describe('the styles’ Sass, kept between builds', () => {
  it('is Sass’s own output, kept, and compiled again when the stylesheet, a partial it uses or the options change', async () => {
    const options = await config('10px');
    const first = await load(options);
    expect(first.compiled).toBe(true);
    expect(first.css).toBe((await preprocessCSS(fs.readFileSync(stylesheet, 'utf8'), stylesheet, options)).code);
    expect(first.css).toContain('#1d70b8');

    const again = await load(options);
    expect(again).toEqual({ css: first.css, compiled: false });

    fs.writeFileSync(partial, '$link: #003078;\n');
    const partialChanged = await load(options);
    expect(partialChanged.compiled).toBe(true);
    expect(partialChanged.css).toContain('#003078');

    fs.appendFileSync(stylesheet, 'p { margin: 0; }\n');
    const stylesheetChanged = await load(options);
    expect(stylesheetChanged.compiled).toBe(true);
    expect(stylesheetChanged.css).toMatch(/p \{\s*margin: 0;/);

    const optionsChanged = await load(await config('20px'));
    expect(optionsChanged.compiled).toBe(true);
    expect(optionsChanged.css).toContain('20px');
  });

  it('is compiled again when a file it was compiled from cannot be read, and kept only with every file it read', async () => {
    const sources = [path.join(folder, 'a.txt'), path.join(folder, 'b.txt')];
    for (const source of sources) fs.writeFileSync(source, source);
    let compiles = 0;
    const compile = async () => {
      const css = sources.map((source) => fs.readFileSync(source, 'utf8')).join();
      return { css: `compiled ${++compiles}: ${css}`, sources };
    };
    const key = 'two sources';
    expect(await cachedCss(cacheDir, folder, key, compile)).toEqual({ css: `compiled 1: ${sources.join()}`, compiled: true });
    expect((await cachedCss(cacheDir, folder, key, compile)).compiled).toBe(false);
    fs.writeFileSync(sources[1]!, 'changed');
    expect(await cachedCss(cacheDir, folder, key, compile)).toEqual({ css: `compiled 2: ${sources[0]},changed`, compiled: true });
    // A copy of the project, its cache included, checks its own files, not the ones it was copied from.
    const copy = `${folder}-copy`;
    fs.cpSync(folder, copy, { recursive: true });
    try {
      fs.writeFileSync(path.join(copy, 'b.txt'), 'changed in the copy');
      expect((await cachedCss(path.join(copy, '.cache', 'styles'), copy, key, compile)).compiled).toBe(true);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
    fs.rmSync(sources[0]!);
    // A source gone: compiled again (here the compile itself then fails, as Sass would).
    await expect(cachedCss(cacheDir, folder, key, compile)).rejects.toThrow();
    expect(compiles).toBe(3);
  });
});
