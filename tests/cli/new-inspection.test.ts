/** `npm run new -- <service> <year>`: a new inspection folder, said to be a draft, with how to publish it. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, runTool } from '../support/project-copy.ts';

const project = copyProject();
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));
const newInspection = (...args: string[]) => runTool(project, 'src/cli/new-inspection.ts', args);

describe('npm run new', () => {
  it('starts the folder and says it is a draft, where its files are and which field publishes it', () => {
    const made = newInspection('dudley', '2031');
    expect(made.status, made.stderr).toBe(0);
    const folder = 'content/inspections/dudley-2031';
    for (const file of ['inspection.yaml', 'cases.csv', 'report.mdx']) expect(fs.existsSync(path.join(project, folder, file)), file).toBe(true);
    const lines = made.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Created ${folder}/ \\(inspection\\.yaml, cases\\.csv, report\\.mdx\\)`));
    expect(made.stdout).toContain('It is a draft (status: draft in inspection.yaml)');
    expect(made.stdout).toContain(`To publish it, set status: published in ${folder}/inspection.yaml`);
    // What it says is true: the new inspection is a draft, which no public build shows.
    expect(fs.readFileSync(path.join(project, folder, 'inspection.yaml'), 'utf8')).toMatch(/^status: draft\b/m);
  });

  it('asks for the service file first when there is none', () => {
    const missing = newInspection('nowhere', '2031');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('There is no content/services/nowhere.yaml yet: add the service first');
    expect(fs.existsSync(path.join(project, 'content/inspections/nowhere-2031'))).toBe(false);
  });
});
