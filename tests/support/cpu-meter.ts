/**
 * Per-file CPU time, for finding what makes the suite slow: with TEST_CPU_LOG=file set, vitest loads
 * this before each test file (vitest.config.ts), and after the file appends a line to that file:
 * the file's name, the CPU-seconds of the test process itself, those of the processes it started
 * (builds, chromium, pdftotext; finished ones and ones still running, such as the shared chromium),
 * and the wall seconds. Linux only (reads /proc). Compare CPU, not wall, on a shared machine:
 *   TEST_CPU_LOG=/tmp/cpu.tsv npx vitest run tests/browser; awk -F'\t' '{print $2 + $3, $1}' /tmp/cpu.tsv | sort -rn | head
 */
import fs from 'node:fs';
import { afterAll, expect } from 'vitest';

const TICKS = 100;

/** [own, started] CPU clock ticks: this process's, and its finished children's plus its live descendants'. */
function ticks(): [number, number] {
  const fieldsOf = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = fieldsOf(fs.readFileSync('/proc/self/stat', 'utf8')).map(Number);
  const parents = new Map<number, { parent: number; ticks: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const fields = fieldsOf(fs.readFileSync(`/proc/${entry}/stat`, 'utf8'));
      // Its own time and its finished children's: a chromium renderer that ends is counted in its parent.
      parents.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
    } catch {
      // Ended while being read.
    }
  }
  let live = 0;
  for (const { parent, ticks } of parents.values()) {
    let up = parent;
    for (let depth = 0; up > 1 && up !== process.pid && depth < 64; depth++) up = parents.get(up)?.parent ?? 0;
    if (up === process.pid) live += ticks;
  }
  // After the state field: [11] utime, [12] stime, [13] cutime, [14] cstime.
  return [own[11]! + own[12]!, own[13]! + own[14]! + live];
}

const log = process.env.TEST_CPU_LOG;
if (log && process.platform === 'linux') {
  const [ownBefore, startedBefore] = ticks();
  const started = Date.now();
  afterAll(() => {
    const [own, children] = ticks();
    const file = (expect.getState().testPath ?? 'unknown').replace(`${process.cwd()}/`, '');
    fs.appendFileSync(log, `${file}\t${((own - ownBefore) / TICKS).toFixed(2)}\t${((children - startedBefore) / TICKS).toFixed(2)}\t${((Date.now() - started) / 1000).toFixed(1)}\n`);
  });
}
