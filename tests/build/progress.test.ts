/**
 * The build's progress lines as pure functions (src/build/progress.ts): which mode a build is in,
 * the estimate of the time left and its wording, and what a terminal and a pipe are given. No
 * build is run and nothing is timed: the clock is the test's.
 */
import { describe, expect, it } from 'vitest';
import { BuildProgress, countedLine, formatCount, formatSeconds, formatTimeLeft, progressMode, secondsLeft, waitingLine } from '../../src/build/progress.ts';

describe('progress mode', () => {
  it('updates a line on a terminal, and writes plain lines in CI or a pipe', () => {
    expect(progressMode({}, true)).toBe('terminal');
    expect(progressMode({ CI: 'true' }, true)).toBe('plain');
    expect(progressMode({ CI: '1' }, true)).toBe('plain');
    expect(progressMode({ CI: 'false' }, true)).toBe('terminal');
    expect(progressMode({}, false)).toBe('plain');
    expect(progressMode({}, undefined)).toBe('plain');
  });
});

describe('time left', () => {
  it('is the rate so far times what is left, once there is something to go on', () => {
    expect(secondsLeft(120, 1502, 3.2)).toBeCloseTo((3.2 / 120) * 1382, 6);
    expect(secondsLeft(500, 1000, 10)).toBe(10);
    expect(secondsLeft(0, 1000, 5)).toBeUndefined();
    expect(secondsLeft(3, 1000, 0.4)).toBeUndefined();
    expect(secondsLeft(1000, 1000, 30)).toBeUndefined();
  });

  it('is said as a person would say it', () => {
    expect(formatTimeLeft(3)).toBe('a few seconds left');
    expect(formatTimeLeft(38.4)).toBe('about 40 s left');
    expect(formatTimeLeft(61)).toBe('about 1 min left');
    expect(formatTimeLeft(150)).toBe('about 3 min left');
  });

  it('words the lines with counts and times', () => {
    expect(formatCount(1502)).toBe('1,502');
    expect(formatSeconds(0.04)).toBe('0.0 s');
    expect(formatSeconds(53.14)).toBe('53.1 s');
    expect(formatSeconds(125.4)).toBe('2 min 05 s');
    expect(countedLine('PDFs', 120, 1502, 3.5)).toBe('PDFs 120 of 1,502 (about 40 s left)');
    expect(countedLine('PDFs', 0, 1502, 0.2)).toBe('PDFs 0 of 1,502');
    expect(waitingLine('Pages', 12.7)).toBe('Pages… 12 s');
  });
});

describe('BuildProgress', () => {
  const run = (mode: 'terminal' | 'plain') => {
    let now = 0;
    const logged: string[] = [];
    let terminal = '';
    const progress = new BuildProgress(mode, (line) => logged.push(line), { write: (text: string) => (terminal += text) }, () => now, 100);
    progress.start('PDFs', 1502);
    for (let done = 1; done <= 1502; done++) {
      now += 25; // 25 ms a PDF
      progress.update(done);
    }
    const seconds = progress.end((s) => `PDFs: ${formatCount(1502)} written in ${formatSeconds(s)}`);
    return { logged, terminal, seconds };
  };

  it('in a pipe: one plain line when the phase ends, with its time, and nothing drawn', () => {
    const { logged, terminal, seconds } = run('plain');
    expect(seconds).toBeCloseTo(37.55, 6);
    expect(logged).toEqual(['PDFs: 1,502 written in 37.6 s']);
    expect(terminal).toBe('');
  });

  it('on a terminal: the line rewritten in place (not for every PDF), then replaced by the plain line', () => {
    const { logged, terminal } = run('terminal');
    const drawn = terminal.split('\r\x1b[2K').filter(Boolean);
    // Drawn at most every 100 ms of the 37.5 s: about 376 times, not 1,502.
    expect(drawn.length).toBeGreaterThan(300);
    expect(drawn.length).toBeLessThan(400);
    expect(drawn[0]).toBe('PDFs 0 of 1,502');
    expect(drawn).toContain('PDFs 800 of 1,502 (about 20 s left)');
    expect(terminal.endsWith('\r\x1b[2K')).toBe(true);
    expect(logged).toEqual(['PDFs: 1,502 written in 37.6 s']);
  });

  it('a phase that fails clears its line and logs nothing', () => {
    const logged: string[] = [];
    let terminal = '';
    const progress = new BuildProgress('terminal', (line) => logged.push(line), { write: (text: string) => (terminal += text) }, () => 0);
    progress.start('Search index');
    progress.abandon();
    expect(terminal).toBe('\r\x1b[2KSearch index… 0 s\r\x1b[2K');
    expect(logged).toEqual([]);
  });
});
