/** Why a report is left out of a build, in the words the build ends with (src/site/left-out.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { isPublic } from '../../src/model/project.ts';
import { leftOutLines, reportsNotPublic, whyNotPublic } from '../../src/site/left-out.ts';
import { siteOf } from '../../src/site/site.ts';

const buildDate = '2026-11-23';
const why = (source: Parameters<typeof whyNotPublic>[0]) => whyNotPublic(source, buildDate, 'inspection.yaml');

describe('why a report is not published', () => {
  it('says nothing of a public report', () => {
    expect(why({ status: 'published', published: buildDate })).toBeUndefined();
    expect(why({ status: 'embargoed', published: '2026-11-01', embargoedUntil: buildDate })).toBeUndefined();
  });

  it('tells a draft which field to change, and its date when that is later too', () => {
    expect(why({ status: 'draft', published: '2026-01-01' })).toBe('a draft: set status: published in inspection.yaml to publish it');
    expect(why({ status: 'draft', published: '2026-12-08' })).toBe('a draft: set status: published in inspection.yaml to publish it; it will then appear from its published date, 2026-12-08');
  });

  it('gives the embargo’s date with the build date, and a published date later still', () => {
    expect(why({ status: 'embargoed', published: '2027-02-04', embargoedUntil: '2027-02-04' })).toBe('embargoed until 2027-02-04; the build date is 2026-11-23');
    expect(why({ status: 'embargoed', published: '2027-03-01', embargoedUntil: '2027-02-04' })).toBe(
      'embargoed until 2027-02-04, and its published date, 2027-03-01, is later still; the build date is 2026-11-23',
    );
    expect(why({ status: 'embargoed', published: '2026-01-01' })).toMatch(/^embargoed with no embargoedUntil date/);
  });

  it('gives both dates of a report published after the build date', () => {
    expect(why({ status: 'published', published: '2099-06-01' })).toBe('its published date, 2099-06-01, is after the build date, 2026-11-23');
    expect(why({ status: 'embargoed', published: '2099-06-01', embargoedUntil: '2026-01-01' })).toBe('its published date, 2099-06-01, is after the build date, 2026-11-23');
  });
});

describe('the lines a build ends with, for the sample content', () => {
  const { project } = loadProject(path.resolve(import.meta.dirname, '../..'));

  it('name every report that is not public, by its content folder, and no other', () => {
    const hidden = [
      ...project.inspections.filter((i) => !isPublic(i, buildDate)).map((i) => path.posix.dirname(i.narrativeFile)),
      ...project.thematics.filter((t) => !isPublic(t, buildDate)).map((t) => path.posix.dirname(t.file)),
      ...project.annualReports.filter((r) => !isPublic(r, buildDate)).map((r) => r.file),
    ];
    expect(hidden.length).toBeGreaterThan(0);
    expect(reportsNotPublic(project, buildDate).map((r) => r.path.replace(/ \(and its easy-read version\)$/, ''))).toEqual(hidden.sort());
  });

  it('say "Not published" in the public build and "In this preview only" in the drafts preview', () => {
    const published = leftOutLines(siteOf(project, { buildDate, drafts: false }));
    expect(published).toContain('Not published: content/inspections/saltmarsh-2026 (a draft: set status: published in inspection.yaml to publish it; it will then appear from its published date, 2026-12-08)');
    expect(published).toContain('Not published: content/inspections/aberwyn-2026 (embargoed until 2027-02-04; the build date is 2026-11-23)');
    const preview = leftOutLines(siteOf(project, { buildDate, drafts: true }));
    expect(preview).toEqual(published.map((line) => line.replace(/^Not published: /, 'In this preview only, not published: ')));
  });

  it('are what the README shows', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const shown = readme.split('\n').filter((line) => line.startsWith('Not published: '));
    const date = /the build date is (\d{4}-\d\d-\d\d)/.exec(shown.join('\n'))?.[1];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(leftOutLines(siteOf(project, { buildDate: date!, drafts: false })));
  });
});
