/**
 * Everything the site, browser and document tests plant in the one shared copy of the project
 * (tests/support/shared-site.ts) before it is built on BUILD_DATE. Each planting names the test
 * that relies on it. Together they must leave each test's expectations true: hidden reports stay
 * hidden, and what a planting makes public is read by the tests from the copy's own model.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export const BUILD_DATE = '2026-11-23';

// ---- tests/browser/site.test.ts: a marker service with three hidden reports ----

/** A word that appears nowhere else: every file of the public build must lack it. */
export const MARKER = 'Zyxwvutsmarker';
/** What the leak check searches for, case-insensitively (stemmers and slugs keep this much). */
export const MARKER_CORE = 'zyxwvuts';
export const MARKER_SERVICE = MARKER.toLowerCase();

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

/** The marker service and its draft, embargoed and future-dated reports, each carrying the marker in its service name, lead inspector and narrative. */
function plantHiddenReports(content: string): void {
  fs.writeFileSync(
    path.join(content, 'services', `${MARKER_SERVICE}.yaml`),
    // A service in Wales, so that its hidden reports would leak into the Welsh outputs too if anything let them.
    [
      `slug: ${MARKER_SERVICE}`,
      `name: ${MARKER} Youth Justice Service`,
      `shortName: ${MARKER}`,
      'nation: Wales',
      'region: North Wales',
      `policeForceArea: ${MARKER} Police`,
      'fictional: true',
      `cy: { name: Gwasanaeth Cyfiawnder Ieuenctid ${MARKER}, shortName: ${MARKER}, region: Gogledd Cymru, policeForceArea: Heddlu ${MARKER} }`,
      '',
    ].join('\n'),
  );
  const fields: Record<string, Record<string, string>> = {
    [`${MARKER_SERVICE}-2026`]: { status: 'draft' },
    [`${MARKER_SERVICE}-2027`]: { status: 'embargoed', published: '2099-06-01', embargoedUntil: '2099-06-01' },
    // Fieldwork a month after the draft's, so the check sees no overlapping copy; like the draft's, after
    // the period of the sample's 2026 annual report, which would warn that it leaves the report out.
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
    // Copies of an English-only sample are published in English only; the copy of a Welsh one in both.
    const welsh = fs.existsSync(path.join(folder, 'report.cy.mdx'));
    if (!welsh) yaml = setField(yaml, 'languages', '[en]');
    // Fieldwork in the year the folder name says, as the check expects of every inspection.
    if (slug.endsWith('2027')) yaml = yaml.replace('start: 2026-11-16', 'start: 2027-01-11').replace('end: 2026-11-20', 'end: 2027-01-15');
    if (slug.endsWith('2028')) yaml = yaml.replace('start: 2026-10-05', 'start: 2028-01-10').replace('end: 2026-10-09', 'end: 2028-01-14');
    fs.writeFileSync(yamlFile, yaml);
    const mdxFile = path.join(folder, 'report.mdx');
    const mdx = fs.readFileSync(mdxFile, 'utf8');
    if (!mdx.startsWith('## Foreword\n')) throw new Error(`${from}/report.mdx no longer starts with "## Foreword": update plantHiddenReports`);
    fs.writeFileSync(mdxFile, mdx.replace('## Foreword\n', `## Foreword\n\nThe ${MARKER} service was inspected (${slug}, ${MARKER} sentence).\n`));
    if (welsh) {
      const welshFile = path.join(folder, 'report.cy.mdx');
      const text = fs.readFileSync(welshFile, 'utf8');
      if (!text.includes('## Rhagair\n')) throw new Error(`${from}/report.cy.mdx has no "## Rhagair": update plantHiddenReports`);
      fs.writeFileSync(welshFile, text.replace('## Rhagair\n', `## Rhagair\n\nArolygwyd gwasanaeth ${MARKER} (${slug}, brawddeg ${MARKER}).\n`));
    }
  }
}

// ---- tests/site/site-pages.test.ts (the draft thematic also for tests/site/easy-read-page.test.ts) ----

/** Words planted in reports that must never be published: nonsense, so no stemmer or other text has them. */
export const MARKERS = { draft: 'Zqxdraftword', embargoed: 'Zqxembargoword', thematicDraft: 'Zqxthemedraftword', thematicFuture: 'Zqxthemefutureword' };
/** Copies of the thematic sample (easy-read version included): a draft, and one published after the build date. */
export const PLANTED_THEMATICS = { draft: 'planted-draft-2026', future: 'planted-future-2027' };

/** Marker words in the sample's draft and embargoed reports, hidden thematic reports, and frameworks whose numbers appear nowhere else. */
function plantSitePages(root: string): void {
  const add = (file: string, after: string, sentence: string) => {
    const full = path.join(root, file);
    const text = fs.readFileSync(full, 'utf8');
    if (!text.includes(after)) throw new Error(`${file} has no "${after}"`);
    fs.writeFileSync(full, text.replace(after, `${after}\n\n${sentence}\n`));
  };
  // The sample's draft (Saltmarsh 2026) and its embargoed report (Aberwyn 2026, until 2027-02-04).
  add('content/inspections/saltmarsh-2026/report.mdx', '## Foreword', `The word ${MARKERS.draft} appears only in this draft.`);
  add('content/inspections/aberwyn-2026/report.mdx', '## Foreword', `The word ${MARKERS.embargoed} appears only in this embargoed report.`);
  add('content/inspections/aberwyn-2026/report.cy.mdx', '## Rhagair', `Mae'r gair ${MARKERS.embargoed} yn yr adroddiad hwn dan embargo yn unig.`);
  const thematic = (slug: string, marker: string, edit: (yaml: string) => string) => {
    const folder = path.join(root, 'content/thematic', slug);
    fs.cpSync(path.join(root, 'content/thematic/out-of-court-disposals-2025'), folder, { recursive: true });
    const yaml = path.join(folder, 'thematic.yaml');
    // Without the sample's correction and its kept PDF: a copy published later has not been corrected.
    fs.rmSync(path.join(folder, 'versions'), { recursive: true, force: true });
    const uncorrected = fs.readFileSync(yaml, 'utf8').replace(/^(# .*\n)*corrections:\n(?: .*\n)*/m, '');
    fs.writeFileSync(yaml, edit(uncorrected).replace(/^title: .*$/m, `title: Out-of-court work ${marker}`));
  };
  thematic(PLANTED_THEMATICS.draft, MARKERS.thematicDraft, (yaml) => yaml.replace(/^status: published$/m, 'status: draft'));
  thematic(PLANTED_THEMATICS.future, MARKERS.thematicFuture, (yaml) => yaml.replace(/^published: .*$/m, 'published: 2027-01-12'));
  // Frameworks with their own bands: one in use from before the build date, one not yet in use.
  const framework = (id: string, name: string, from: string) =>
    fs.writeFileSync(
      path.join(root, `content/frameworks/${id}.yaml`),
      fs
        .readFileSync(path.join(root, 'content/frameworks/youth-2021.yaml'), 'utf8')
        .replace(/^id: .*$/m, `id: ${id}`)
        .replace(/^name: .*$/m, `name: ${name}`)
        .replace(/^inEffectFrom: .*$/m, `inEffectFrom: ${from}`)
        .replace(/^ {4}good: 65$/m, '    good: 67')
        .replace(/^ {4}outstanding: 80$/m, '    outstanding: 83')
        .replace(/^ {2}minimumSample: 6$/m, '  minimumSample: 7')
        .replace(/^ {4}good: 19$/m, '    good: 20'),
    );
  framework('planted-2026', 'Planted standards in use (2026)', '2026-01-01');
  framework('planted-2027', 'Planted standards not yet in use (2027)', '2027-06-01');
}

// ---- tests/site/annual-report-page.test.ts: a second published annual report, with small counts, and a draft ----

/** An annual report over one calendar year. */
const annualReport = (year: string, published: string, status: string, body: string) => `---
title: "Youth justice inspections: annual report ${year}"
period: { from: ${year}-01-01, to: ${year}-12-31 }
published: ${published}
status: ${status}
---
${body}`;

// ---- tests/site/report-page.test.ts: a picture and a footnote in Dudley 2019 ----

async function plantFigure(content: string): Promise<void> {
  const folder = path.join(content, 'inspections/dudley-2019');
  await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#1d70b8' } }).png().toFile(path.join(folder, 'page-test-figure.png'));
  const mdx = path.join(folder, 'report.mdx');
  const narrative = fs.readFileSync(mdx, 'utf8');
  if (!narrative.includes('## Introduction\n')) throw new Error('dudley-2019/report.mdx has no "## Introduction": update plantFigure');
  fs.writeFileSync(
    mdx,
    narrative.replace('## Introduction\n', '## Introduction\n\nThe team is organised as shown.[^page-test]\n\n![How the team is organised](./page-test-figure.png "The team in 2019")\n\n[^page-test]: A note added by the page test.\n'),
  );
}

// ---- tests/document/tracker.test.ts: hidden thematic reports, and a public one with awkward text ----

/** The tracker test's thematic reports: only `awkward` is public on BUILD_DATE. */
export const TRACKER_THEMATICS = { draft: 'draft-report-2026', embargoed: 'embargoed-report-2026', future: 'future-report-2026', awkward: 'awkward-report-2026' };

const thematicYaml = (fields: Record<string, string>, recommendations: string) => `title: ${fields.title}
summary: A made-up report for a test.
fieldwork: { start: 2026-01-05, end: 2026-01-30 }
published: ${fields.published}
status: ${fields.status}
${fields.embargoedUntil ? `embargoedUntil: ${fields.embargoedUntil}\n` : ''}lead: Test Inspector
fictional: true
recommendations:
${recommendations}
`;
const simpleRecommendation = `  - number: 1
    addressee: Youth justice partnerships
    text: A recommendation nobody should see yet.
    linesOfEnquiry: [Is it done?]
    evidence: [Records show it.]
`;

function plantTrackerThematics(content: string): void {
  const write = (slug: string, yaml: string) => {
    fs.mkdirSync(path.join(content, 'thematic', slug), { recursive: true });
    fs.writeFileSync(path.join(content, 'thematic', slug, 'thematic.yaml'), yaml);
  };
  write(TRACKER_THEMATICS.draft, thematicYaml({ title: 'A draft thematic report', published: '2026-03-01', status: 'draft' }, simpleRecommendation));
  // The embargo and the publication date lie after BUILD_DATE.
  write(TRACKER_THEMATICS.embargoed, thematicYaml({ title: 'An embargoed thematic report', published: '2026-12-07', status: 'embargoed', embargoedUntil: '2026-12-07' }, simpleRecommendation));
  write(TRACKER_THEMATICS.future, thematicYaml({ title: 'A thematic report published later', published: '2026-12-14', status: 'published' }, simpleRecommendation));
  // Public, with text that CSV must quote: commas, double quotes, a line of enquiry per line; and a
  // recommendation with no lines of enquiry or evidence yet.
  write(
    TRACKER_THEMATICS.awkward,
    thematicYaml(
      { title: 'Awkward text, "quoted" and all', published: '2026-04-01', status: 'published' },
      `  - number: 1
    addressee: Schools, colleges and "alternative" providers
    text: 'Say "no" to exclusions, and say why; record it.'
    linesOfEnquiry: ['Is the "why" written down, and by whom?', Who checks it?]
    evidence: ['Records, signed']
  - number: 2
    addressee: Local authorities
    text: A recommendation still waiting for its lines of enquiry.
`,
    ),
  );
}

/** Plants all of the above in a project copy. */
export async function plantAll(project: string): Promise<void> {
  const content = path.join(project, 'content');
  plantHiddenReports(content);
  plantSitePages(project);
  fs.writeFileSync(path.join(content, 'annual-reports/2023.mdx'), annualReport('2023', '2024-02-01', 'published', '\n## Out-of-court work\n\n<DisposalTypes />\n\n## The children\n\n<ChildCharacteristics />\n'));
  fs.writeFileSync(path.join(content, 'annual-reports/2025.mdx'), annualReport('2025', '2026-01-20', 'draft', '\n## Overall ratings\n\n<OverallRatingsByYear />\n'));
  await plantFigure(content);
  plantTrackerThematics(content);
}
