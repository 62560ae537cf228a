/**
 * Astro bundles the pages' code while the content is checked (src/build/pipeline.ts): the step that
 * holds it back from rendering until the checked site is handed over, and the guard that fails a
 * build whose page would ask for the site before then, instead of checking content itself.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForTheCheckedSite } from '../../src/build/pipeline.ts';
import { siteModel } from '../../src/site/model.ts';

const pending = Symbol('pending');
const settled = (promise: Promise<unknown>) => Promise.race([promise.then(() => 'resolved', () => 'rejected'), new Promise((resolve) => setTimeout(() => resolve(pending), 50))]);

const stage = process.env.BUILD_STAGE;
afterEach(() => {
  if (stage === undefined) delete process.env.BUILD_STAGE;
  else process.env.BUILD_STAGE = stage;
});

describe('the pages wait for the checked site', () => {
  it('ends the bundling only once the site is handed over, and stops it when the check stopped the build', async () => {
    let handOver!: (handedOver: boolean) => void;
    const step = waitForTheCheckedSite(new Promise<boolean>((resolve) => (handOver = resolve)));
    expect(step.buildApp.order).toBe('post');
    const waiting = step.buildApp.handler();
    expect(await settled(waiting)).toBe(pending);
    handOver(true);
    expect(await settled(waiting)).toBe('resolved');
    await expect(waitForTheCheckedSite(Promise.resolve(false)).buildApp.handler()).rejects.toThrow('the content check stopped the build');
  });

  it('comes before Astro renders the pages: Astro’s own step is a "post" plugin’s "post" step, after a project plugin’s', () => {
    // Vite runs a hook's "post" steps in the order of the plugins, the project's before Astro's
    // enforce: "post" ones. Read from Astro's build, so that an Astro that changes this fails here.
    const build = fs.readFileSync(new URL('./core/build/static-build.js', import.meta.resolve('astro')), 'utf8');
    const generate = build.slice(build.indexOf('name: "astro:build-generate"'), build.indexOf('generatePages(opts'));
    expect(generate).toMatch(/enforce: "post",\s*buildApp: {\s*order: "post",/);
  });

  it('fails a page of the build that asks for the site before it is handed over, instead of checking the content itself', () => {
    process.env.BUILD_STAGE = 'site';
    expect(() => siteModel()).toThrow('a page asked for the site before the build handed it over');
  });
});
