import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keysModule, OUTPUT, usedKeys } from '../../scripts/message-keys.ts';

describe('the list of message keys the code uses', () => {
  it('is up to date (run npm run -s message-keys)', () => {
    expect(fs.readFileSync(OUTPUT, 'utf8')).toBe(keysModule(usedKeys()));
  });
});
