/**
 * `npm run dev`: while the content has errors, every page of the preview is this page instead: the
 * check's messages grouped by file, each with where it is, what is wrong and how to fix it, and
 * links that open the file at that line in an editor. Plain HTML in the site's look (its header and
 * GOV.UK styles), readable without JavaScript and without a stack trace: the content is wrong, not
 * the code. With JavaScript it reloads by itself when a file is saved (live-content.ts).
 *
 * The dev server (live-content.ts) loads this module in the pages' own module runner, so it shares
 * the pages' check of the content (liveCheck in src/site/model.ts): an edit is checked once.
 */
import path from 'node:path';
import { formatReport, sortDiagnostics, type Diagnostic } from '../check/diagnostics.ts';
import { describeFailure } from '../check/tool-failure.ts';
import type { LoadResult } from '../check/load-project.ts';
import { liveCheck } from '../site/model.ts';

export interface ProblemsAnswer {
  /**
   * 500: the preview cannot make the page from this content, so the answer is an error, not the
   * page (scripts, link checkers and `curl -f` see the failure); browsers show the body all the same.
   */
  status: number;
  html: string;
  /** For the dev server's terminal. */
  summary: string;
}

/**
 * The problems page when the content has errors or the check itself failed; undefined when the
 * pages can be made. `check` is the pages' check, or another for tests.
 */
export function previewProblems(root: string, check: () => LoadResult = liveCheck): ProblemsAnswer | undefined {
  let result: LoadResult;
  try {
    result = check();
  } catch (error) {
    // A bug in the tool, not in the content: one line, the stack only with DEBUG=1 (tool-failure.ts).
    const failure = describeFailure('The check', error);
    return { status: 500, summary: failure.split('\n')[0]!, html: page('The preview failed', '', `<pre class="app-preview-failure">${escapeHtml(failure)}</pre>`) };
  }
  const { diagnostics, filesChecked, project } = result;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return undefined;
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const title = `The content has ${plural(errors.length, 'problem')}`;
  const body = [
    `<p class="govuk-body">The preview shows the site again once ${errors.length === 1 ? 'it is' : 'they are'} fixed. Save the file and reload this page (with JavaScript on, it reloads by itself). <code>npm run check</code> lists the same problems.</p>`,
    ...byFile(errors).map(([file, items]) => fileSection(root, file, items)),
    warnings.length > 0
      ? `<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">And ${plural(warnings.length, 'warning')}, which do not stop the preview</span></summary><div class="govuk-details__text">${byFile(warnings)
          .map(([file, items]) => fileSection(root, file, items, 'h3'))
          .join('\n')}</div></details>`
      : '',
  ].join('\n');
  return { status: 500, summary: formatReport(diagnostics, filesChecked), html: page(title, project.publisher.shortName, body) };
}

function byFile(diagnostics: readonly Diagnostic[]): [string, Diagnostic[]][] {
  const files = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) files.set(d.file, [...(files.get(d.file) ?? []), d]);
  return [...files];
}

function fileSection(root: string, file: string, items: readonly Diagnostic[], heading: 'h2' | 'h3' = 'h2'): string {
  const size = heading === 'h2' ? 'm' : 's';
  return [`<${heading} class="govuk-heading-${size}"><code>${escapeHtml(file)}</code></${heading}>`, '<ol class="govuk-list">', ...items.map((d) => problem(root, d)), '</ol>'].join('\n');
}

function problem(root: string, d: Diagnostic): string {
  const place = `${d.file}:${d.line}:${d.column}`;
  const absolute = `${path.resolve(root, d.file)}:${d.line}:${d.column}`;
  const name = `${path.basename(d.file)}:${d.line}:${d.column}`;
  return [
    '<li class="govuk-!-margin-bottom-6">',
    `<p class="govuk-body govuk-!-margin-bottom-1"><strong>${escapeHtml(place)}</strong> (line ${d.line}, column ${d.column}) · ${d.severity} · <code>${escapeHtml(d.rule)}</code></p>`,
    `<p class="govuk-body govuk-!-margin-bottom-1">${escapeHtml(d.message)}</p>`,
    d.hint ? `<p class="govuk-body govuk-!-margin-bottom-1"><strong>How to fix it:</strong> ${escapeHtml(d.hint)}</p>` : '',
    // VS Code's own link, and the dev server's (Vite's /__open-in-editor, which opens the editor it
    // finds running or $EDITOR; live-content.ts answers it with 204 so the browser stays on this page).
    `<p class="govuk-body"><a class="govuk-link" href="${escapeHtml(`vscode://file${encodeURI(absolute.startsWith('/') ? absolute : `/${absolute}`)}`)}">Open ${escapeHtml(name)} in VS Code</a> or <a class="govuk-link" href="/__open-in-editor?file=${escapeHtml(encodeURIComponent(absolute))}">in your editor</a></p>`,
    '</li>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A page in the site's look: the site's own stylesheet and header, without the navigation (its pages cannot be made yet). */
function page(title: string, publisher: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB" class="govuk-template">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} – preview${publisher ? ` – ${escapeHtml(publisher)}` : ''}</title>
<link rel="stylesheet" href="/src/styles/site.scss?direct">
<script type="module" src="/@vite/client"></script>
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<section class="app-draft-banner" aria-label="Preview notice"><p class="govuk-width-container app-draft-banner__text"><strong>PREVIEW</strong> The content cannot be shown until these problems are fixed.</p></section>
<header class="govuk-generic-header">
<div class="govuk-generic-header__container govuk-width-container">
<div class="govuk-generic-header__logo"><a href="/" class="govuk-generic-header__homepage-link">${escapeHtml(publisher || 'Preview')}</a></div>
</div>
</header>
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">${escapeHtml(title)}</h1>
${body}
</main>
</div>
</body>
</html>
`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
