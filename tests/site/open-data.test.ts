/**
 * Issue 16, items 4 and 8: the professional-judgement rationale published (report page and PDF,
 * ratings page and PDF, open data), and the richer open data. Figures are computed here from the
 * model, never typed; the built files come from the shared sample build.
 */
import fs from 'node:fs';
import { messagesIn } from '../support/messages.ts';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import sax from 'sax';
import { judgementNoteId } from '../../src/document/report-tables.ts';
import { dataFiles } from '../../src/document/data-files.ts';
import { isPublic, type Inspection, type Project, type Thematic } from '../../src/model/project.ts';
import type { StandardResult } from '../../src/model/rating.ts';
import { pdftotext } from '../support/extracted-words.ts';
import { MARKER_CORE, MARKERS, PLANTED_THEMATICS } from '../support/planted.ts';
import { BUILD_DATE, sharedSite } from '../support/shared-site.ts';
import { parseCsv } from '../support/csv.ts';
import { handOver, handedOver, type BuildHandoff, type PageKeySource } from '../../src/site/handoff.ts';

const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

// The shared build's own content (the sample with hidden reports planted): what may be public on its build date.
let project: Project;
let published: Inspection[];
let publicThematics: Thematic[];
// Northmoor 2024 carries a `*` in the ratings table: its rationale as the inspectors wrote it.
let northmoor: Inspection;
let judged: StandardResult[];
const written = (id: string) => squash(northmoor.source.ratings[id]?.override?.rationale ?? '');

let dist = '';
const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');

beforeAll(async () => {
  const shared = await sharedSite();
  dist = shared.dist;
  project = loadProject(shared.project).project;
  published = project.inspections.filter((i) => isPublic(i, BUILD_DATE));
  publicThematics = project.thematics.filter((t) => isPublic(t, BUILD_DATE));
  northmoor = published.find((i) => i.slug === 'northmoor-2024')!;
  judged = northmoor.rating.standards.filter((s) => s.professionalJudgement);
}, 600_000);

describe('professional judgement explained (item 4)', () => {
  it('the sample has a rating by professional judgement with a written rationale, and the model carries it', () => {
    expect(judged.length).toBeGreaterThan(0);
    for (const standard of judged) {
      expect(written(standard.id).length).toBeGreaterThan(40);
      expect(squash(standard.judgementRationale ?? '')).toBe(written(standard.id));
    }
    // A rating the figures give keeps no rationale.
    expect(northmoor.rating.standards.filter((s) => !s.professionalJudgement).every((s) => s.judgementRationale === null)).toBe(true);
  });

  it('the report page gives the rationale beside the rating and under the ratings summary', () => {
    const page = fromHtml(read('inspections/northmoor-2024/index.html'));
    for (const standard of judged) {
      const note = select(`#${judgementNoteId(standard.id, messagesIn('en'))}`, page);
      expect(note, `a note on ${standard.id}`).toBeDefined();
      expect(squash(toString(select('main', page)!))).toContain(written(standard.id));
      // Twice: beside the rating in the standard's section and in the summary table's note.
      expect(squash(toString(select('main', page)!)).split(written(standard.id)).length - 1).toBeGreaterThanOrEqual(2);
    }
  });

  it('the report PDF gives the rationale', () => {
    const text = pdftotext(fs.readFileSync(path.join(dist, 'inspections/northmoor-2024/report.pdf')));
    if (text === undefined) return; // no pdftotext on this machine
    // Line breaks and hyphenation aside: the first and last words of the rationale are in the text.
    const flat = squash(text);
    for (const standard of judged) {
      const words = written(standard.id).split(' ');
      expect(flat).toContain(words.slice(0, 6).join(' '));
      expect(flat).toContain(`${standard.id} ${standard.name}:`);
    }
  });

  it('the ratings page quotes each rationale under the table and links to it in the report', () => {
    const page = fromHtml(read('ratings/index.html'));
    const main = squash(toString(select('main', page)!));
    for (const standard of judged) {
      expect(main).toContain(written(standard.id));
      expect(select(`a[href="/inspections/northmoor-2024/#${judgementNoteId(standard.id, messagesIn('en'))}"]`, page)).toBeDefined();
    }
    expect(main).toContain('the reasons are quoted after the table');
  });

  it('the ratings PDF quotes the rationale after the table', () => {
    const text = pdftotext(fs.readFileSync(path.join(dist, 'ratings/ratings.pdf')));
    if (text === undefined) return;
    const flat = squash(text);
    expect(flat).toContain('Ratings by professional judgement');
    for (const standard of judged) expect(flat).toContain(written(standard.id).split(' ').slice(0, 6).join(' '));
  });

  it('the open data gives the rationale: inspections.json, ratings.json and ratings.csv', () => {
    const inspections = JSON.parse(read('data/inspections.json')) as { inspections: { slug: string; standards: { id: string; judgementRationale: string | null }[] }[] };
    const ratings = JSON.parse(read('data/ratings.json')) as { rows: Record<string, string | null>[] };
    const csv = read('data/ratings.csv');
    const entry = inspections.inspections.find((i) => i.slug === 'northmoor-2024')!;
    const row = ratings.rows.find((r) => r.slug === 'northmoor-2024')!;
    for (const standard of judged) {
      expect(squash(entry.standards.find((s) => s.id === standard.id)!.judgementRationale ?? '')).toBe(written(standard.id));
      expect(squash(row[`${standard.id} rationale`] ?? '')).toBe(written(standard.id));
      expect(row[`${standard.id} judgement`]).toBe('yes');
    }
    expect(csv.split('\r\n')[0]).toContain(`${judged[0]!.id} rationale`);
    expect(squash(csv)).toContain(written(judged[0]!.id).replace(/"/g, '""'));
    // Standards rated from the figures have no rationale in the data.
    for (const r of ratings.rows) for (const [name, value] of Object.entries(r)) if (name.endsWith(' rationale') && r[name.replace(' rationale', ' judgement')] !== 'yes') expect(value).toBeNull();
  });
});


/** Every key path of a JSON value, lists as `[]`: `inspections[].standards[].id`. */
function jsonPaths(value: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) jsonPaths(item, `${prefix}[]`, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const name = prefix ? `${prefix}.${key}` : key;
      into.add(name);
      jsonPaths(inner, name, into);
    }
  }
  return into;
}

describe('key-question results as open data (item 8)', () => {
  // Computed here from the model: every case-sample standard's key questions of every public inspection.
  const expectedRows = () => published.flatMap((inspection) =>
    inspection.rating.standards
      .filter((s) => s.method === 'case-sample' && (s.sampleSize ?? 0) > 0)
      .flatMap((standard) => standard.keyQuestions.map((q) => ({ key: `${inspection.slug} ${q.id}`, yes: q.yes, relevant: q.relevant, percent: q.percent?.shown ?? null, sample: standard.sampleSize, standard: standard.id }))),
  );

  it('key-questions.csv and .json have one row per inspection, standard and key question with the model’s figures', () => {
    const expected = expectedRows();
    expect(expected.length).toBeGreaterThan(50);
    const [header, ...rows] = parseCsv(read('data/key-questions.csv'));
    const json = JSON.parse(read('data/key-questions.json')) as { rows: Record<string, string | number | null>[] };
    expect(header).toEqual(['inspection', 'service', 'published', 'framework', 'standard', 'standard name', 'key question', 'key question text', 'yes', 'relevant', 'percent', 'sample']);
    expect(rows).toHaveLength(expected.length);
    expect(json.rows).toHaveLength(expected.length);
    const col = (name: string) => header!.indexOf(name);
    const fromCsv = new Map(rows.map((r) => [`${r[col('inspection')]} ${r[col('key question')]}`, r]));
    const fromJson = new Map(json.rows.map((r) => [`${r.inspection} ${r['key question']}`, r]));
    for (const e of expected) {
      const c = fromCsv.get(e.key);
      const j = fromJson.get(e.key);
      expect(c, e.key).toBeDefined();
      expect([c![col('standard')], Number(c![col('yes')]), Number(c![col('relevant')]), c![col('percent')] === '' ? null : Number(c![col('percent')]), Number(c![col('sample')])]).toEqual([e.standard, e.yes, e.relevant, e.percent, e.sample]);
      expect([j!.standard, j!.yes, j!.relevant, j!.percent, j!.sample]).toEqual([e.standard, e.yes, e.relevant, e.percent, e.sample]);
    }
    // The percent is the one the report page prints for that question.
    const sample = expected.find((e) => e.key.startsWith('northmoor-2024 ') && e.percent !== null)!;
    const report = squash(toString(select('main', fromHtml(read('inspections/northmoor-2024/index.html')))!));
    const question = fromJson.get(sample.key)!;
    expect(report).toContain(`${question['key question']} ${question['key question text']} ${sample.percent}% (${sample.yes} of ${sample.relevant})`);
  });
});

describe('the data dictionary (item 8)', () => {
  const files = () => dataFiles(published, project.messages.en);

  it('describes every file of /data/, and every file it describes is built', () => {
    const built = fs.readdirSync(path.join(dist, 'data')).filter((f) => f !== 'index.html').sort();
    expect(files().map((f) => f.path.replace('/data/', '')).sort()).toEqual(built);
  });

  it('describes every column of every data file, and nothing that is not there', () => {
    for (const file of files()) {
      const body = read(file.path.slice(1));
      const described = file.fields.map((f) => f.name);
      expect(new Set(described).size, `${file.path}: each field described once`).toBe(described.length);
      for (const field of file.fields) expect(field.meaning.length, `${file.path} ${field.name}`).toBeGreaterThan(5);
      if (file.format === 'CSV') {
        expect(parseCsv(body)[0], file.path).toEqual(described);
      } else {
        const json = JSON.parse(body) as { rows?: Record<string, unknown>[]; columns?: { name: string }[] };
        if (json.rows) {
          // Rows keyed by column: every row's keys are the fields described, and so is the file's own list of columns.
          for (const row of json.rows) expect(Object.keys(row), file.path).toEqual(described);
          expect(json.columns!.map((c) => c.name), file.path).toEqual(described);
        } else {
          expect([...jsonPaths(json)].sort(), file.path).toEqual([...described].sort());
        }
      }
    }
  });

  it('prints every file and every field on /data/, with the licence', () => {
    const page = fromHtml(read('data/index.html'));
    const main = squash(toString(select('main', page)!));
    expect(main).toContain(project.publisher.licence.name);
    for (const file of files()) {
      expect(select(`a[href="${file.path}"]`, page), file.path).toBeDefined();
      for (const field of file.fields) expect(main, `${file.path} ${field.name}`).toContain(squash(field.meaning));
    }
    // Linked from every page's footer.
    expect(select('footer a[href="/data/"]', fromHtml(read('index.html')))).toBeDefined();
  });
});

/** An Atom feed read strictly (sax): the feed's required elements and each entry's id, title, updated and link. */
function readAtom(xml: string): { feed: Record<string, string>; self: string; alternate: string; entries: { id: string; title: string; updated: string }[] } {
  const parser = sax.parser(true);
  const stack: string[] = [];
  const feed: Record<string, string> = {};
  const entries: { id: string; title: string; updated: string }[] = [];
  let self = '';
  let alternate = '';
  let text = '';
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    if (stack.length === 0) expect([tag.name, tag.attributes.xmlns]).toEqual(['feed', 'http://www.w3.org/2005/Atom']);
    stack.push(tag.name);
    text = '';
    if (tag.name === 'entry') entries.push({ id: '', title: '', updated: '' });
    if (tag.name === 'link' && stack.length === 2) {
      if (tag.attributes.rel === 'self') self = tag.attributes.href!;
      if (tag.attributes.rel === 'alternate') alternate = tag.attributes.href!;
    }
  };
  parser.ontext = (value) => (text += value);
  parser.onclosetag = (name) => {
    stack.pop();
    if (stack.length === 1) feed[name] = text.trim();
    if (stack.length === 2 && stack[1] === 'entry' && ['id', 'title', 'updated'].includes(name)) entries.at(-1)![name as 'id'] = text.trim();
  };
  parser.write(xml).close();
  return { feed, self, alternate, entries };
}

describe('feeds per service and for the thematic series (item 8)', () => {
  const site = 'https://reports.example';
  // A service known only by records dated by a year alone (Western Bay 2018) has no feed: an entry needs a day.
  const servicesOf = () => [...new Set(published.filter((i) => !/^\d{4}$/.test(i.source.published)).map((i) => i.service.slug))].sort();

  it('each inspected service has a valid Atom feed of its public inspections only, linked from its page', () => {
    const services = servicesOf();
    expect(services.length).toBeGreaterThan(2);
    for (const service of services) {
      const atom = readAtom(read(`services/${service}/feed.xml`));
      for (const required of ['id', 'title', 'updated', 'author']) expect(atom.feed[required], `${service}: ${required}`).toBeTruthy();
      expect(atom.self).toBe(`${site}/services/${service}/feed.xml`);
      expect(atom.alternate).toBe(`${site}/services/${service}/`);
      const want = published.filter((i) => i.service.slug === service && !/^\d{4}$/.test(i.source.published)).sort((a, b) => (a.source.published < b.source.published ? 1 : -1));
      expect(atom.entries.map((e) => e.id)).toEqual(want.map((i) => `${site}/inspections/${i.slug}/`));
      // The feed is as new as its newest publication or correction.
      const newest = want.map((i) => i.source.corrections.at(-1)?.date ?? i.source.published).sort().at(-1);
      expect(atom.feed.updated).toBe(`${newest}T00:00:00Z`);
      for (const entry of atom.entries) expect(entry.title && entry.updated).toBeTruthy();
      const page = fromHtml(read(`services/${service}/index.html`));
      expect(select(`head link[rel="alternate"][type="application/atom+xml"][href="/services/${service}/feed.xml"]`, page), service).toBeDefined();
    }
    // No service of only hidden reports has a feed.
    const feeds = fs.readdirSync(path.join(dist, 'services')).filter((d) => fs.existsSync(path.join(dist, 'services', d, 'feed.xml')));
    expect(feeds.sort()).toEqual(services);
  });

  it('the thematic series has a valid Atom feed of the public thematic reports only, linked from the thematic pages', () => {
    const atom = readAtom(read('thematic/feed.xml'));
    expect(atom.self).toBe(`${site}/thematic/feed.xml`);
    const want = [...publicThematics].sort((a, b) => (a.source.published < b.source.published ? 1 : -1));
    expect(want.length).toBeGreaterThan(0);
    expect(atom.entries.map((e) => e.id)).toEqual(want.map((t) => `${site}/thematic/${t.slug}/`));
    for (const pagePath of ['thematic/index.html', ...want.map((t) => `thematic/${t.slug}/index.html`)]) {
      expect(select('head link[rel="alternate"][href="/thematic/feed.xml"]', fromHtml(read(pagePath))), pagePath).toBeDefined();
    }
  });

  it('no hidden report’s words are in any new file (the whole-site scans of tests/browser/site.test.ts and tests/hostile/built-site.test.ts cover them too)', () => {
    const services = servicesOf();
    const files = ['data/key-questions.csv', 'data/key-questions.json', 'data/index.html', 'thematic/feed.xml', ...services.map((s) => `services/${s}/feed.xml`)];
    const hidden = [MARKER_CORE, ...Object.values(MARKERS), ...Object.values(PLANTED_THEMATICS)].map((w) => w.toLowerCase());
    for (const file of files) {
      const body = read(file).toLowerCase();
      for (const word of hidden) expect(body.includes(word), `${word} in ${file}`).toBe(false);
    }
    // The planted hidden reports exist in this build's content, so the check above is not empty.
    expect(fs.readdirSync(path.join(dist, '..', 'content', 'inspections')).some((d) => d.includes(MARKER_CORE))).toBe(true);
  });
});

describe('the open data files in an incremental build', () => {
  it('are each keyed by every report’s metadata (sitePageKey), as the ratings pages are, so a narrative edit copies them from the cache', async () => {
    const { getStaticPaths } = await import('../../src/pages/data/[file].ts');
    // What a key changes with (a report's metadata, never its narrative) is tested in page-keys.test.ts.
    const pageKeys: PageKeySource = { site: () => 'site key', report: (folder) => `report key ${folder}`, reports: () => 'reports key', picture: (id) => `picture key ${id}`, code: () => 'code key' };
    const before = handedOver();
    handOver({ ...before, pageKeys } as BuildHandoff);
    try {
      const paths = getStaticPaths();
      expect(paths.map((entry) => entry.params.file)).toEqual(['ratings.csv', 'ratings.json', 'key-questions.csv', 'key-questions.json', 'inspections.json']);
      for (const entry of paths) expect(entry.cacheKey, entry.params.file).toBe('site key');
    } finally {
      handOver(before!);
    }
  });
});
