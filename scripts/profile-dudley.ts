/** Renders one report PDF many times in process, for a CPU profile: `node --cpu-prof --import tsx scripts/profile-dudley.ts [slug] [rounds]`. */
import { loadProject } from '../src/check/load-project.ts';
import { reportDocument } from '../src/document/report-document.ts';
import { renderDocumentPdf } from '../src/pdf/render-document.ts';

const [slug = 'dudley-2019', roundsText = '50'] = process.argv.slice(2);
const { project } = loadProject(process.cwd());
const inspection = project.inspections.find((i) => i.slug === slug);
if (!inspection) throw new Error(`no inspection ${slug}`);
const times: number[] = [];
for (let k = 0; k < Number(roundsText); k++) {
  const started = performance.now();
  await renderDocumentPdf(reportDocument(project, inspection));
  times.push(performance.now() - started);
}
const sorted = times.slice(1).sort((a, b) => a - b);
console.log(`${slug}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms over ${sorted.length} rounds after a warm-up`);
