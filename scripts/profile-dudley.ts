/** Renders one report PDF many times in process, for a CPU profile: `node --cpu-prof --import tsx scripts/profile-dudley.ts [slug] [rounds]`. */
import { loadProject } from '../src/check/load-project.ts';
import { reportDocument } from '../src/document/report-document.ts';
import { renderDocumentPdf } from '../src/pdf/render-document.ts';
import { forgetDrawings } from '../src/pdf/drawings.ts';

const [slug = 'dudley-2019', roundsText = '50'] = process.argv.slice(2);
const { project } = loadProject(process.cwd());
const inspection = project.inspections.find((i) => i.slug === slug);
if (!inspection) throw new Error(`no inspection ${slug}`);
const times: number[] = [];
const cpuTimes: number[] = [];
for (let k = 0; k < Number(roundsText); k++) {
  // A build draws a report once: its figures kept from earlier rounds would flatter it (as scripts/bench.ts).
  forgetDrawings();
  const started = performance.now();
  const cpu = process.cpuUsage();
  await renderDocumentPdf(reportDocument(project, inspection));
  const used = process.cpuUsage(cpu);
  times.push(performance.now() - started);
  cpuTimes.push((used.user + used.system) / 1000);
}
// Wall time on a shared machine waits for other processes; CPU time (this process's, GC threads included) does not.
const summary = (values: number[]) => {
  const sorted = values.slice(1).sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms`;
};
console.log(`${slug} over ${times.length - 1} rounds after a warm-up: wall ${summary(times)}; CPU ${summary(cpuTimes)}`);
