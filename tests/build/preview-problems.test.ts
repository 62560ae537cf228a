/**
 * `npm run dev` with mistakes in the content: every page is the problems page (src/build/
 * preview-problems.ts), plain HTML a browser without JavaScript shows, listing each message at its
 * file:line:column with links that open it in an editor, and no stack trace; once the files are
 * fixed, the pages come back. One dev server on a copy of the project, spoken to over plain HTTP.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, toolEnvironment } from '../support/project-copy.ts';
import { previewProblems } from '../../src/build/preview-problems.ts';
import { liveContent } from '../../src/build/live-content.ts';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../../src/check/diagnostics.ts';
import type { LoadResult } from '../../src/check/load-project.ts';
import type { Project } from '../../src/model/project.ts';

const astroCli = path.resolve(import.meta.dirname, '../../node_modules/astro/bin/astro.mjs');
let server: ChildProcess | undefined;
let project: string | undefined;

afterAll(() => {
  server?.kill();
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Asks until `done` holds (the dev server starting, or reloading after an edit). */
async function fetchUntil(url: string, done: (status: number, html: string) => boolean, seconds = 40): Promise<{ status: number; html: string }> {
  const until = Date.now() + seconds * 1000;
  let last = { status: 0, html: '' };
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      last = { status: response.status, html: await response.text() };
      if (done(last.status, last.html)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return last;
}

/** The 1-based line of a file that starts with `text`. */
const lineOf = (file: string, text: string) => fs.readFileSync(file, 'utf8').split('\n').findIndex((line) => line.startsWith(text)) + 1;

describe('the dev preview with content errors', () => {
  it('shows every problem at its place with editor links and no stack trace, and the pages once fixed', async () => {
    project = copyProject();
    const inspection = path.join(project, 'content/inspections/eastbrook-2023/inspection.yaml');
    const other = path.join(project, 'content/inspections/northmoor-2024/inspection.yaml');
    const [inspectionText, otherText] = [fs.readFileSync(inspection, 'utf8'), fs.readFileSync(other, 'utf8')];
    fs.writeFileSync(inspection, inspectionText.replace(/^lead: /m, 'percentage: 88\nlead: '));
    fs.writeFileSync(other, otherText.replace(/^lead: /m, 'colour: blue\nlead: '));
    const inspectionLine = lineOf(inspection, 'percentage:');
    const otherLine = lineOf(other, 'colour:');

    const port = await freePort();
    // The dev server's terminal, shown should the test fail.
    const log = path.join(project, 'dev.log');
    const terminal = () => fs.readFileSync(log, 'utf8');
    server = spawn(process.execPath, [astroCli, 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: project, env: { ...toolEnvironment(), NO_COLOR: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true', ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')] });
    const home = `http://127.0.0.1:${port}/`;

    const broken = await fetchUntil(home, (status) => status !== 0);
    expect(broken.status, terminal()).toBe(500);
    expect(broken.html).toContain('<title>The content has 2 problems');
    expect(broken.html).toContain(`content/inspections/eastbrook-2023/inspection.yaml:${inspectionLine}:1`);
    expect(broken.html).toContain(`content/inspections/northmoor-2024/inspection.yaml:${otherLine}:1`);
    expect(broken.html).toContain('<code>unknown-field</code>');
    expect(broken.html).toContain('percentage');
    expect(broken.html).toContain('How to fix it:');
    expect(broken.html).toContain(`href="vscode://file${project}/content/inspections/eastbrook-2023/inspection.yaml:${inspectionLine}:1"`);
    expect(broken.html).toContain(`href="/__open-in-editor?file=${encodeURIComponent(`${other}:${otherLine}:1`)}"`);
    // The site's own look, and no trace of the code: no stack frames, no positions in src/.
    expect(broken.html).toContain('class="govuk-generic-header"');
    expect(broken.html).not.toMatch(/^\s*at /m);
    expect(broken.html).not.toMatch(/src\/[\w/.-]+\.(ts|astro):\d+/);
    // Every page, not only the home page.
    expect((await fetch(`${home}inspections/`)).status).toBe(500);
    // The page's stylesheet is served by the dev server.
    expect((await fetch(`${home}src/styles/site.scss?direct`)).headers.get('content-type')).toContain('text/css');

    fs.writeFileSync(inspection, inspectionText);
    fs.writeFileSync(other, otherText);
    const fixed = await fetchUntil(home, (status) => status === 200);
    expect(fixed.status, terminal()).toBe(200);
    expect(fixed.html).not.toContain('The content has');
    expect(fixed.html).toContain('Inspection reports');
  }, 120_000);
});

describe("the dev server's watcher", () => {
  it('leaves the tool’s own output unwatched: its caches, its work folder, dist/ and preview/', () => {
    const root = path.join(path.sep, 'work', 'project');
    const updates: { vite?: { server?: { watch?: { ignored?: string[] } } } }[] = [];
    const drafts = process.env.INCLUDE_DRAFTS;
    try {
      const setup = liveContent().hooks['astro:config:setup'] as unknown as (options: object) => void;
      setup({ command: 'dev', config: { root: pathToFileURL(`${root}/`) }, updateConfig: (update: (typeof updates)[number]) => updates.push(update) });
    } finally {
      if (drafts === undefined) delete process.env.INCLUDE_DRAFTS;
      else process.env.INCLUDE_DRAFTS = drafts;
    }
    const ignored = updates.flatMap((update) => update.vite?.server?.watch?.ignored ?? []);
    for (const folder of ['.cache', '.build', 'dist', 'preview']) expect(ignored).toContain(`${path.join(root, folder)}/**`);
    // Never the content or the templates, which the preview must see change.
    expect(ignored.filter((pattern) => /content|templates/.test(pattern))).toEqual([]);
  });
});

describe('the problems page', () => {
  const result = (diagnostics: Diagnostic[]): LoadResult => ({ project: { publisher: { shortName: 'Test Inspectorate' } } as Project, diagnostics, filesChecked: 3, pictures: [] });
  const error: Diagnostic = { file: 'content/services/a.yaml', line: 2, column: 7, severity: 'error', rule: 'unknown-field', message: 'unknown field "<b>"', hint: 'remove it' };
  const warning: Diagnostic = { file: 'content/inspections/a-2026/report.mdx', line: 9, column: 1, severity: 'warning', rule: 'typed-figure', message: 'a typed percentage' };

  it('is not shown when the content has only warnings', () => {
    expect(previewProblems('/project', () => result([warning]))).toBeUndefined();
  });

  it('lists warnings apart from the errors, and escapes what the content says', () => {
    const answer = previewProblems('/project', () => result([warning, error]))!;
    expect(answer.status).toBe(500);
    expect(answer.html).toContain('<title>The content has 1 problem – preview – Test Inspectorate</title>');
    expect(answer.html.indexOf('content/services/a.yaml:2:7')).toBeLessThan(answer.html.indexOf('And 1 warning'));
    expect(answer.html).toContain('content/inspections/a-2026/report.mdx:9:1');
    expect(answer.html).toContain('unknown field &#34;&#60;b&#62;&#34;');
    expect(answer.html).not.toContain('<b>');
    expect(answer.html).toContain('href="vscode://file/project/content/services/a.yaml:2:7"');
  });

  it('says in one line that the tool failed, with the stack only with DEBUG=1', () => {
    const fail = () => {
      throw new Error('the checker broke');
    };
    const debug = process.env.DEBUG;
    try {
      delete process.env.DEBUG;
      const answer = previewProblems('/project', fail)!;
      expect(answer.status).toBe(500);
      expect(answer.html).toContain('The check failed: the checker broke; this is a bug in the tool');
      expect(answer.html).not.toMatch(/^\s*at /m);
      process.env.DEBUG = '1';
      expect(previewProblems('/project', fail)!.html).toMatch(/^\s*at /m);
    } finally {
      if (debug === undefined) delete process.env.DEBUG;
      else process.env.DEBUG = debug;
    }
  });
});
