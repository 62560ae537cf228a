/**
 * The one build the browser tests share: a copy of the project with three hidden reports planted
 * (a draft, an embargoed report and a published one dated after the build date), each carrying a
 * unique marker word in its service name, lead inspector and narrative, built as the public site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { copyProject, epochOf, runTool } from '../../support/project-copy.ts';

/** A word that appears nowhere else: every file of the public build must lack it. */
export const MARKER = 'Zyxwvutsmarker';
/** What the leak check searches for, case-insensitively (stemmers and slugs keep this much). */
export const MARKER_CORE = 'zyxwvuts';
export const MARKER_SERVICE = MARKER.toLowerCase();

export const BUILD_DATE = '2026-11-23';

export interface PlantedReport {
  slug: string;
  status: string;
  from: string;
}

export const PLANTED: PlantedReport[] = [
  { slug: `${MARKER_SERVICE}-2026`, status: 'draft', from: 'saltmarsh-2026' },
  { slug: `${MARKER_SERVICE}-2027`, status: 'embargoed', from: 'aberwyn-2026' },
  { slug: `${MARKER_SERVICE}-2028`, status: 'published, dated after the build date', from: 'saltmarsh-2026' },
];

function setField(yaml: string, key: string, value: string): string {
  const line = new RegExp(`^${key}:.*$`, 'm');
  return line.test(yaml) ? yaml.replace(line, `${key}: ${value}`) : yaml.replace(/^status:.*$/m, (status) => `${status}\n${key}: ${value}`);
}

/** Writes the marker service and the three hidden reports into a project copy. */
export function plantHiddenReports(project: string): void {
  const content = path.join(project, 'content');
  fs.writeFileSync(
    path.join(content, 'services', `${MARKER_SERVICE}.yaml`),
    [
      `slug: ${MARKER_SERVICE}`,
      `name: ${MARKER} Youth Justice Service`,
      `shortName: ${MARKER}`,
      'nation: England',
      'region: East of England',
      `policeForceArea: ${MARKER} Constabulary`,
      'fictional: true',
      '',
    ].join('\n'),
  );
  const fields: Record<string, Record<string, string>> = {
    [`${MARKER_SERVICE}-2026`]: { status: 'draft' },
    [`${MARKER_SERVICE}-2027`]: { status: 'embargoed', published: '2099-06-01', embargoedUntil: '2099-06-01' },
    // Fieldwork a month earlier than the draft's, so the check sees no overlapping copy.
    [`${MARKER_SERVICE}-2028`]: { status: 'published', published: '2099-06-01' },
  };
  for (const { slug, from } of PLANTED) {
    const folder = path.join(content, 'inspections', slug);
    fs.cpSync(path.join(content, 'inspections', from), folder, { recursive: true });
    const yamlFile = path.join(folder, 'inspection.yaml');
    let yaml = fs.readFileSync(yamlFile, 'utf8');
    yaml = setField(yaml, 'service', MARKER_SERVICE);
    yaml = setField(yaml, 'lead', `${MARKER} Lead`);
    for (const [key, value] of Object.entries(fields[slug] ?? {})) yaml = setField(yaml, key, value);
    if (slug.endsWith('2028')) yaml = yaml.replace('start: 2026-10-05', 'start: 2026-09-07').replace('end: 2026-10-09', 'end: 2026-09-11');
    fs.writeFileSync(yamlFile, yaml);
    const mdxFile = path.join(folder, 'report.mdx');
    const mdx = fs.readFileSync(mdxFile, 'utf8');
    if (!mdx.startsWith('## Foreword\n')) throw new Error(`${from}/report.mdx no longer starts with "## Foreword": update plantHiddenReports`);
    fs.writeFileSync(mdxFile, mdx.replace('## Foreword\n', `## Foreword\n\nThe ${MARKER} service was inspected (${slug}, ${MARKER} sentence).\n`));
  }
}

export interface SiteBuild {
  project: string;
  dist: string;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** A project copy with the hidden reports planted, built with `npm run build`'s entry point. */
export function buildPlantedSite(): SiteBuild {
  const started = Date.now();
  const project = copyProject();
  plantHiddenReports(project);
  const result = runTool(project, 'src/build/cli.ts', [], { SOURCE_DATE_EPOCH: epochOf(BUILD_DATE) });
  if (result.status !== 0) {
    throw new Error(`The build of the test site failed (exit ${result.status}):\n${result.stderr}\n${result.stdout}`);
  }
  return { project, dist: path.join(project, 'dist'), stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
}
