/**
 * What a long build shows while it runs, phase by phase (checking the content, PDFs, pages, the
 * search index):
 *  - on a terminal, one line per phase that keeps being rewritten in place ("PDFs 120 of 1,502
 *    (about 40 s left)") on stderr, replaced when the phase ends by its plain line;
 *  - in CI or a pipe (stderr not a terminal, or CI=true), only the plain line when a phase ends
 *    ("Pages: built in 20.1 s."), on stdout with the build's other lines.
 * Nothing of it goes into any output file: the build's files stay the same from run to run.
 * The wording and the estimate are pure functions, tested on their own.
 */

export type ProgressMode = 'terminal' | 'plain';

/** A terminal gets the updating line; CI (CI=true, as CI services set it) and pipes get plain lines. */
export function progressMode(env: Record<string, string | undefined>, isTTY: boolean | undefined): ProgressMode {
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return isTTY && !ci ? 'terminal' : 'plain';
}

const count = new Intl.NumberFormat('en-GB');

/** A whole number with thousands separated: "1,502". */
export const formatCount = (n: number): string => count.format(n);

/** A phase's time: "0.4 s", "53.1 s", "2 min 05 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${(Math.round(seconds * 10) / 10).toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/**
 * Seconds left at the rate so far, or undefined while there is too little to go on (nothing done
 * yet, or under a second of work): a guess from the first PDF alone would be mostly start-up.
 */
export function secondsLeft(done: number, total: number, elapsedSeconds: number): number | undefined {
  if (done <= 0 || elapsedSeconds < 1 || done >= total) return undefined;
  return (elapsedSeconds / done) * (total - done);
}

/** "about 40 s left", rounded as a person would say it: to 5 s under a minute, then to whole minutes. */
export function formatTimeLeft(seconds: number): string {
  if (seconds < 10) return 'a few seconds left';
  if (seconds < 60) return `about ${Math.round(seconds / 5) * 5} s left`;
  const minutes = Math.round(seconds / 60);
  return `about ${minutes} min left`;
}

/** The updating line of a phase counted in items: "PDFs 120 of 1,502 (about 40 s left)". */
export function countedLine(label: string, done: number, total: number, elapsedSeconds: number): string {
  const left = secondsLeft(done, total, elapsedSeconds);
  return `${label} ${formatCount(done)} of ${formatCount(total)}${left === undefined ? '' : ` (${formatTimeLeft(left)})`}`;
}

/** The updating line of a phase with no count: "Pages… 12 s". */
export function waitingLine(label: string, elapsedSeconds: number): string {
  return `${label}… ${Math.floor(elapsedSeconds)} s`;
}

interface Output {
  write(text: string): unknown;
}

/**
 * One phase at a time. `update` changes the terminal line (at most every `interval` ms, and every
 * second on its own for a phase with no count); `end` writes the phase's plain line.
 */
export class BuildProgress {
  private phase: { label: string; started: number; done?: number; total?: number } | undefined;
  private lastDrawn = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  readonly mode: ProgressMode;
  /** The plain lines: the build's own output (stdout). */
  private readonly log: (line: string) => void;
  /** The terminal the updating line is drawn on (stderr). */
  private readonly terminal: Output;
  private readonly now: () => number;
  private readonly interval: number;

  // Fields set by hand, not as parameter properties: the build's first process runs this file with
  // Node's own type stripping (src/build/cli.ts), which does not take them.
  constructor(mode: ProgressMode, log: (line: string) => void, terminal: Output, now: () => number = () => performance.now(), interval = 100) {
    this.mode = mode;
    this.log = log;
    this.terminal = terminal;
    this.now = now;
    this.interval = interval;
  }

  /** Starts a phase: "Checking content", "PDFs", "Pages", "Search index". */
  start(label: string, total?: number): void {
    this.phase = { label, started: this.now(), ...(total !== undefined ? { done: 0, total } : {}) };
    if (this.mode !== 'terminal') return;
    this.draw(true);
    // A phase with nothing to count still shows that it is alive.
    if (total === undefined) this.timer = setInterval(() => this.draw(true), 1000);
    this.timer?.unref?.();
  }

  /** For a counted phase: how many are done. */
  update(done: number): void {
    if (!this.phase) return;
    this.phase.done = done;
    if (this.mode === 'terminal') this.draw(false);
  }

  /** Ends the phase with its plain line (what it did and its time): the terminal line is replaced by it. */
  end(line: (seconds: number) => string): number {
    const seconds = this.phase ? (this.now() - this.phase.started) / 1000 : 0;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.mode === 'terminal') this.terminal.write('\r\x1b[2K');
    this.phase = undefined;
    this.log(line(seconds));
    return seconds;
  }

  /** A phase that stopped with a failure: its terminal line is cleared, so the failure's message starts a line of its own. */
  abandon(): void {
    if (!this.phase) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.mode === 'terminal') this.terminal.write('\r\x1b[2K');
    this.phase = undefined;
  }

  private draw(force: boolean): void {
    const phase = this.phase;
    if (!phase) return;
    const now = this.now();
    if (!force && now - this.lastDrawn < this.interval) return;
    this.lastDrawn = now;
    const elapsed = (now - phase.started) / 1000;
    const text = phase.total === undefined ? waitingLine(phase.label, elapsed) : countedLine(phase.label, phase.done ?? 0, phase.total, elapsed);
    this.terminal.write(`\r\x1b[2K${text}`);
  }
}
