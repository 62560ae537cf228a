import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { familiarWordLists } from '../../src/check/easy-read/word-lists.ts';

describe('familiar-word lists looked up by Set', () => {
  it('are the very module instances retext-readability imports', async () => {
    // Resolved from retext-readability's own folder: a nested copy would make the speed-up silently miss.
    const fromPlugin = createRequire(import.meta.resolve('retext-readability'));
    const { spache } = (await import(fromPlugin.resolve('spache'))) as { spache: string[] };
    const { daleChall } = (await import(fromPlugin.resolve('dale-chall'))) as { daleChall: string[] };
    expect(spache).toBe(familiarWordLists.spache);
    expect(daleChall).toBe(familiarWordLists.daleChall);
  });

  it('give exactly the answers Array.prototype.includes gives', () => {
    for (const list of Object.values(familiarWordLists)) {
      expect(Object.prototype.hasOwnProperty.call(list, 'includes')).toBe(true);
      const probes = [...list, ...list.map((w) => `${w}x`), ...list.map((w) => w.toUpperCase()), '', 'probation', 'safeguarding'];
      for (const word of probes) expect(list.includes(word)).toBe(Array.prototype.includes.call(list, word));
    }
  });

  it('leave the lists themselves unchanged', () => {
    expect(familiarWordLists.spache.length).toBeGreaterThan(900);
    expect(familiarWordLists.daleChall.length).toBeGreaterThan(2900);
    expect(Object.keys(familiarWordLists.spache)).toHaveLength(familiarWordLists.spache.length);
  });
});
