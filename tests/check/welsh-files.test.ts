/**
 * The Welsh files beside the English ones (src/check/translations.ts): read into the model's
 * translations, checked like the English ones with positions in the Welsh file, compared with the
 * English ones; missing when published in Welsh (an error), left over when not (a warning).
 * Each test loads a copy of the valid fixture (about 0.15 s).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { translationOf, translationPath } from '../../src/source/translation-file.ts';

const VALID = path.resolve(import.meta.dirname, '../fixtures/valid');
const INSPECTION = 'content/inspections/eastbrook-2023';
const made: string[] = [];
afterAll(() => made.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/** A copy of the valid fixture with its service in `nation` and the files given written in. */
function project(nation: 'England' | 'Wales', files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'welsh-files-'));
  made.push(root);
  fs.cpSync(VALID, root, { recursive: true });
  const service = path.join(root, 'content/services/eastbrook.yaml');
  fs.writeFileSync(service, fs.readFileSync(service, 'utf8').replace('nation: England', `nation: ${nation}`));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const result = loadProject(root);
  // Only what is said of the Markdown files: the YAML's Welsh values (cy:) are checked elsewhere.
  return { ...result, diagnostics: result.diagnostics.filter((d) => d.file.endsWith('.mdx')) };
}

const ENGLISH = fs.readFileSync(path.join(VALID, INSPECTION, 'report.mdx'), 'utf8');
/** A Welsh version: Welsh headings, one Welsh sentence; paragraphs are free (the parity check does not count them). */
const WELSH = ENGLISH.replace('## Foreword', '## Rhagair\n\nMae hwn yn adroddiad prawf.')
  .replace('## Introduction', '## Cyflwyniad')
  .replaceAll('### Strengths', '### Cryfderau')
  .replaceAll('### Areas for improvement', "### Meysydd i'w gwella");

describe('file names', () => {
  it('puts the language before the extension, and reads it back', () => {
    expect(translationPath('content/annual-reports/2026.mdx', 'cy')).toBe('content/annual-reports/2026.cy.mdx');
    expect(translationPath('report.mdx', 'en')).toBe('report.mdx');
    expect(translationOf('easy-read.cy.mdx')).toEqual({ lang: 'cy', reference: 'easy-read.mdx' });
    expect(translationOf('report.mdx')).toBeUndefined();
    expect(translationOf('report.fr.mdx')).toBeUndefined();
  });
});

describe('Welsh files of an inspection', () => {
  it('reads report.cy.mdx into translations.cy when the service is in Wales, with nothing to say', () => {
    const { project: loaded, diagnostics } = project('Wales', { [`${INSPECTION}/report.cy.mdx`]: WELSH });
    expect(diagnostics).toEqual([]);
    const inspection = loaded.inspections.find((i) => i.slug === 'eastbrook-2023')!;
    expect(inspection.translations?.cy?.narrativeFile).toBe(`${INSPECTION}/report.cy.mdx`);
    expect(inspection.translations?.cy?.narrative.children[0]).toMatchObject({ type: 'heading', depth: 2 });
    expect(JSON.stringify(inspection.translations?.cy?.narrative)).toContain('Rhagair');
    // Kept without places once checked, as the English narrative (withoutPlaces).
    expect(JSON.stringify([inspection.narrative, inspection.translations?.cy?.narrative])).not.toContain('"position"');
  });

  it('a missing Welsh file for a report published in Welsh is an error on the English file', () => {
    const { diagnostics } = project('Wales', {});
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: `${INSPECTION}/report.mdx`, line: 1, column: 1, severity: 'error', rule: 'missing-translation' });
    expect(diagnostics[0]!.message).toBe('inspection "eastbrook-2023" is published in Welsh (languages: [en, cy]) but has no report.cy.mdx: write the Welsh version beside it');
  });

  it('a Welsh file for a report not published in Welsh is a warning', () => {
    const { diagnostics, project: loaded } = project('England', { [`${INSPECTION}/report.cy.mdx`]: WELSH });
    expect(diagnostics.map((d) => [d.file, d.line, d.severity, d.rule])).toEqual([[`${INSPECTION}/report.cy.mdx`, 1, 'warning', 'unpublished-translation']]);
    expect(diagnostics[0]!.message).toMatch(/not published in Welsh .*: add cy to languages$/);
    expect(loaded.inspections[0]!.translations?.cy).toBeDefined();
  });

  it('checks the Welsh narrative like the English one, at positions in the Welsh file', () => {
    const welsh = WELSH.replace('Mae hwn yn adroddiad prawf.', 'Mae hwn yn adroddiad prawf. <Chart of="all" />');
    const { diagnostics } = project('Wales', { [`${INSPECTION}/report.cy.mdx`]: welsh });
    const unknown = diagnostics.filter((d) => d.rule === 'unknown-component');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ file: `${INSPECTION}/report.cy.mdx`, line: 3, column: 'Mae hwn yn adroddiad prawf. '.length + 1 });
  });

  it('compares it with the English one: a missing section is reported in the Welsh file', () => {
    const welsh = WELSH.replace(/## 1\.2 Staff[\s\S]*?(?=## 1\.3)/, '');
    const { diagnostics } = project('Wales', { [`${INSPECTION}/report.cy.mdx`]: welsh });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: `${INSPECTION}/report.cy.mdx`, line: welsh.split('\n').indexOf('## 1.3 Partnerships and services') + 1, rule: 'parity' });
    expect(diagnostics[0]!.message).toBe('the English report has the section "1.2 Staff" (report.mdx:21:1) here; the Welsh report has none');
  });

  it('a Welsh syntax error is reported in the Welsh file, and nothing is compared', () => {
    const { diagnostics } = project('Wales', { [`${INSPECTION}/report.cy.mdx`]: `${WELSH}\nUn <br> dau\n` });
    expect(diagnostics.map((d) => [d.file, d.rule])).toEqual([[`${INSPECTION}/report.cy.mdx`, 'mdx-syntax']]);
  });
});

describe('Welsh annual reports', () => {
  const ANNUAL = '---\ntitle: Annual report 2023\nperiod: { from: 2023-01-01, to: 2023-12-31 }\npublished: 2024-02-01\nstatus: published\n---\n\n## Introduction\n\nWe inspected one service.\n\n<OverallRatings />\n';
  const WELSH_ANNUAL = ANNUAL.replace('Annual report 2023', 'Adroddiad blynyddol 2023').replace('## Introduction', '## Cyflwyniad').replace('We inspected one service.', 'Gwnaethom arolygu un gwasanaeth.');

  it('reads <year>.cy.mdx beside <year>.mdx (a warning until annual reports can be published in Welsh), its front matter and narrative compared', () => {
    const { diagnostics, project: loaded } = project('England', { 'content/annual-reports/2023.mdx': ANNUAL, 'content/annual-reports/2023.cy.mdx': WELSH_ANNUAL });
    expect(diagnostics.map((d) => [d.file, d.rule, d.severity])).toEqual([['content/annual-reports/2023.cy.mdx', 'unpublished-translation', 'warning']]);
    expect(loaded.annualReports).toHaveLength(1);
    expect(loaded.annualReports[0]!.translations?.cy?.file).toBe('content/annual-reports/2023.cy.mdx');
  });

  it('published in Welsh: only that its Welsh is not published yet, and the project read in Welsh has the Welsh narrative', async () => {
    const { projectIn } = await import('../../src/model/translations.ts');
    // The Welsh title is in the English front matter (cy:); the Welsh file is its narrative only.
    const english = ANNUAL.replace('status: published', 'status: published\nlanguages: [en, cy]\ncy: { title: Adroddiad blynyddol 2023 }');
    const welshNarrative = WELSH_ANNUAL.replace(/^---[\s\S]*?---\n/, '');
    const { diagnostics, project: loaded } = project('England', { 'content/annual-reports/2023.mdx': english, 'content/annual-reports/2023.cy.mdx': welshNarrative });
    // The site makes no Welsh annual report yet: said at the languages: line, so it is never silent.
    expect(diagnostics.map((d) => [d.file, d.severity, d.rule])).toEqual([['content/annual-reports/2023.mdx', 'warning', 'not-yet-published-in-welsh']]);
    const welsh = projectIn(loaded, 'cy').annualReports;
    expect(welsh.map((report) => report.file)).toEqual(['content/annual-reports/2023.cy.mdx']);
    expect(JSON.stringify(welsh[0]!.narrative)).toContain('Cyflwyniad');
    expect(welsh[0]!.source.title).toBe('Adroddiad blynyddol 2023');
  });

  it('reports a different date and a missing component in the Welsh annual report', () => {
    const welsh = WELSH_ANNUAL.replace('published: 2024-02-01', 'published: 2024-02-02').replace('<OverallRatings />\n', '');
    const { diagnostics } = project('England', { 'content/annual-reports/2023.mdx': ANNUAL, 'content/annual-reports/2023.cy.mdx': welsh });
    const parity = diagnostics.filter((d) => d.rule === 'parity');
    expect(parity.map((d) => [d.file, d.line])).toEqual([
      ['content/annual-reports/2023.cy.mdx', 4],
      ['content/annual-reports/2023.cy.mdx', welsh.split('\n').length],
    ]);
    expect(parity[1]!.message).toBe('the English annual report has the component <OverallRatings> (2023.mdx:12:1) here; the Welsh annual report has none');
  });

  it('a Welsh annual report without its English one is an error', () => {
    const { diagnostics } = project('England', { 'content/annual-reports/2023.cy.mdx': WELSH_ANNUAL });
    expect(diagnostics.map((d) => [d.file, d.rule])).toEqual([['content/annual-reports/2023.cy.mdx', 'translation-without-original']]);
  });
});

describe('Welsh files of a thematic report', () => {
  const REPO = path.resolve(import.meta.dirname, '../..');
  const FOLDER = 'content/thematic/out-of-court-disposals-2025';
  const read = (name: string) => fs.readFileSync(path.join(REPO, FOLDER, name), 'utf8');
  /** The sample thematic report (published in English and Welsh) in the valid fixture, with the report template. */
  function thematic(files: Record<string, string | undefined>) {
    const copy: Record<string, string> = { 'templates/documents/thematic-report.yaml': fs.readFileSync(path.join(REPO, 'templates/documents/thematic-report.yaml'), 'utf8') };
    for (const name of ['thematic.yaml', 'report.mdx', 'easy-read.mdx', 'report.cy.mdx', 'easy-read.cy.mdx']) copy[`${FOLDER}/${name}`] = read(name);
    for (const [name, text] of Object.entries(files)) {
      if (text === undefined) delete copy[name];
      else copy[name] = text;
    }
    return project('England', copy);
  }

  it('reads report.cy.mdx and easy-read.cy.mdx into translations.cy, with nothing to say of the sample', () => {
    const { diagnostics, project: loaded } = thematic({});
    expect(diagnostics.filter((d) => d.file.includes('.cy.'))).toEqual([]);
    const translations = loaded.thematics.find((t) => t.slug === 'out-of-court-disposals-2025')?.translations?.cy;
    expect(translations?.narrative?.file).toBe(`${FOLDER}/report.cy.mdx`);
    expect(translations?.easyRead?.file).toBe(`${FOLDER}/easy-read.cy.mdx`);
  });

  it('a missing Welsh easy read of a thematic report published in Welsh is an error on the English one', () => {
    const { diagnostics } = thematic({ [`${FOLDER}/easy-read.cy.mdx`]: undefined });
    const missing = diagnostics.filter((d) => d.rule === 'missing-translation');
    expect(missing.map((d) => [d.file, d.line, d.column])).toEqual([[`${FOLDER}/easy-read.mdx`, 1, 1]]);
    expect(missing[0]!.message).toBe('the thematic report "out-of-court-disposals-2025" is published in Welsh (languages: [en, cy]) but has no easy-read.cy.mdx: write the Welsh version beside it');
  });

  it('compares the Welsh easy read with the English one: a missing picture', () => {
    const easyRead = read('easy-read.cy.mdx');
    const first = /!\[[^\]]*\]\(openmoji:[a-z-]+\)\n/.exec(easyRead)![0];
    const welsh = easyRead.replace(first, '');
    const { diagnostics } = thematic({ [`${FOLDER}/easy-read.cy.mdx`]: welsh });
    const parity = diagnostics.filter((d) => d.rule === 'parity');
    expect(parity).toHaveLength(1);
    // At the next part both files have: the next picture.
    expect(parity[0]).toMatchObject({ file: `${FOLDER}/easy-read.cy.mdx`, line: welsh.split('\n').findIndex((line) => line.startsWith('![')) + 1, column: 1 });
    expect(parity[0]!.message).toMatch(/^the English easy read has the picture openmoji:police-officer \(easy-read\.mdx:3:1\) here; the Welsh easy read has none$/);
  });

  it('a Welsh file of a thematic report published in English only is a warning', () => {
    const yaml = read('thematic.yaml').replace(/^languages:.*\n/m, '');
    const { diagnostics } = thematic({ [`${FOLDER}/thematic.yaml`]: yaml });
    expect(diagnostics.filter((d) => d.file.includes('.cy.')).map((d) => [d.file, d.rule, d.severity]).sort()).toEqual([
      [`${FOLDER}/easy-read.cy.mdx`, 'unpublished-translation', 'warning'],
      [`${FOLDER}/report.cy.mdx`, 'unpublished-translation', 'warning'],
    ]);
  });
});

describe("a standard's Welsh heading", () => {
  it('is held to the framework\'s Welsh name once the framework has one (a warning)', async () => {
    const { checkTranslatedStandardHeadings } = await import('../../src/check/inspection-folder.ts');
    const { ContentReader } = await import('../../src/check/content-reader.ts');
    const { DiagnosticList } = await import('../../src/check/diagnostics.ts');
    const { readMarkdown } = await import('../../src/source/markdown-file.ts');
    const framework = structuredClone(loadProject(VALID).project.frameworks[0]!);
    const check = () => {
      const diagnostics = new DiagnosticList();
      checkTranslatedStandardHeadings(new ContentReader(VALID, diagnostics), 'report.cy.mdx', readMarkdown('## Rhagair\n\n## 1.1 Llywodraethu\n\n## 1.2 Staff\n').tree!, framework, 'cy');
      return diagnostics.items;
    };
    // No Welsh names yet: nothing to hold the headings to.
    expect(check()).toEqual([]);
    const standard = framework.domains[0]!.standards[0]! as { id: string; cy?: { name: string } };
    standard.cy = { name: 'Llywodraethu ac arweinyddiaeth' };
    expect(check().map((d) => [d.line, d.severity, d.rule, d.hint])).toEqual([[3, 'warning', 'section-heading', `write "## ${standard.id} Llywodraethu ac arweinyddiaeth"`]]);
  });
});

describe('the Welsh easy read of an inspection', () => {
  it('is read into translations.cy and checked by the rules that apply to Welsh (src/check/easy-read/rule-languages.ts)', () => {
    const { diagnostics, project: loaded } = project('Wales', {
      [`${INSPECTION}/report.cy.mdx`]: WELSH,
      [`${INSPECTION}/easy-read.mdx`]: '## What we found\n\n![Books](openmoji:books)\nWe read about 25 children.\n',
      // A number in words (a Welsh rule) and long words an English reading-age check would flag (not run on Welsh).
      [`${INSPECTION}/easy-read.cy.mdx`]: "## Beth wnaethon ni ei ganfod\n\n![Llyfrau](openmoji:books)\nGwnaethom ddarllen am ddau ddeg pump o blant.\nMae'r gweithwyr cyfiawnder ieuenctid yn gyfrifol am gynlluniau'r plant.\n",
    });
    const welsh = diagnostics.filter((d) => d.file.endsWith('easy-read.cy.mdx'));
    expect(welsh.map((d) => [d.rule, d.line])).toEqual([['number-words', 4]]);
    expect(loaded.inspections[0]!.translations?.cy?.easyRead?.file).toBe(`${INSPECTION}/easy-read.cy.mdx`);
  });
});

describe('the Welsh easy read as published', () => {
  it("checks the tool's Welsh sentences (the template's cy: words) in Welsh, where they are written", () => {
    const REPO = path.resolve(import.meta.dirname, '../..');
    const template = fs.readFileSync(path.join(REPO, 'templates/easy-read/inspection.yaml'), 'utf8');
    const sentence = '      - "Mae geiriau anodd mewn print trwm."';
    expect(template).toContain(sentence);
    const long = '      - "Mae geiriau anodd yn yr adroddiad hwn mewn print trwm fel y gallwch eu gweld yn hawdd a darllen beth maen nhw\'n ei olygu ar y dudalen olaf un yn y cefn."';
    const { diagnostics } = projectWithTemplate(template.replace(sentence, long));
    const found = diagnostics.filter((d) => d.file === 'templates/easy-read/inspection.yaml' && d.rule === 'sentence-length');
    expect(found.map((d) => [d.line, d.severity])).toEqual([[template.split('\n').indexOf(sentence) + 1, 'error']]);
  });
});

/** The valid fixture in Wales with an English and a Welsh easy read, and the given easy-read template; every diagnostic. */
function projectWithTemplate(template: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'welsh-files-'));
  made.push(root);
  fs.cpSync(VALID, root, { recursive: true });
  const service = path.join(root, 'content/services/eastbrook.yaml');
  fs.writeFileSync(service, fs.readFileSync(service, 'utf8').replace('nation: England', 'nation: Wales'));
  const files: Record<string, string> = {
    'templates/easy-read/inspection.yaml': template,
    [`${INSPECTION}/report.cy.mdx`]: WELSH,
    [`${INSPECTION}/easy-read.mdx`]: '## What this report is about\n\n![Books](openmoji:books)\nWe read about 25 children.\n\n## What we found\n\n![Books](openmoji:books)\nStaff were kind.\n',
    [`${INSPECTION}/easy-read.cy.mdx`]: "## Am beth mae'r adroddiad hwn yn sôn\n\n![Llyfrau](openmoji:books)\nDarllenon ni am 25 o blant.\n\n## Beth welson ni\n\n![Llyfrau](openmoji:books)\nRoedd staff yn garedig.\n",
  };
  fs.mkdirSync(path.join(root, 'templates/easy-read'), { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(root, file), text);
  return loadProject(root);
}
