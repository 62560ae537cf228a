/** `npm run new -- <service-slug> <year>`: starts an inspection folder from templates/inspection. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allStandards, caseQuestions } from '../model/rating.ts';
import { loadProject } from '../check/load-project.ts';

const [serviceSlug, year] = parseArgs({ allowPositionals: true }).positionals;
if (!serviceSlug || !/^\d{4}$/.test(year ?? '')) {
  process.stderr.write('usage: npm run new -- <service-slug> <year>   for example: npm run new -- dudley 2027\n');
  process.exit(2);
}
const slug = `${serviceSlug}-${year}`;
const folder = path.resolve('content/inspections', slug);
if (fs.existsSync(folder)) {
  process.stderr.write(`content/inspections/${slug} already exists: nothing was changed.\n`);
  process.exit(1);
}
const { project } = loadProject(process.cwd());
if (!project.services.some((service) => service.slug === serviceSlug)) {
  process.stderr.write(`There is no content/services/${serviceSlug}.yaml yet: add the service first (see README).\n`);
  process.exit(1);
}
const framework = project.frameworks.find((f) => f.id === 'youth-2021') ?? project.frameworks.at(-1);
fs.mkdirSync(folder, { recursive: true });
const template = (name: string) => fs.readFileSync(path.resolve('templates/inspection', name), 'utf8');
fs.writeFileSync(path.join(folder, 'inspection.yaml'), template('inspection.yaml').replace('SERVICE-SLUG', serviceSlug).replace('framework: youth-2021', `framework: ${framework?.id ?? 'youth-2021'}`));
fs.writeFileSync(path.join(folder, 'report.mdx'), template('report.mdx'));
// The cases.csv header follows the framework, so every case question has its column.
const columns = ['id', 'type', 'disposal', 'looked_after', 'sex', 'ethnicity', 'disability', 'resettlement', ...(framework ? caseQuestions(framework).keys() : [])];
fs.writeFileSync(path.join(folder, 'cases.csv'), `${columns.join(',')}\n`);
const standards = framework ? [...allStandards(framework)].length : 0;
const yamlFile = `content/inspections/${slug}/inspection.yaml`;
process.stdout.write(
  [
    `Created content/inspections/${slug}/ (inspection.yaml, cases.csv, report.mdx) for ${framework?.id} with ${standards} standards.`,
    // Said here because a draft is left out of every build: a first build would otherwise lack it without a word.
    `It is a draft (status: draft in inspection.yaml): npm run dev and npm run preview:drafts show it, npm run build leaves it out of dist/.`,
    `To publish it, set status: published in ${yamlFile}, with published: the date it may appear (or status: embargoed and embargoedUntil: its first day).`,
    'Next: fill the three files in and run npm run check.',
  ].join('\n') + '\n',
);
