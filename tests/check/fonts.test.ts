/** The fonts module (src/fonts.ts), shared by the PDFs and the glyph check: every face is a file on disk. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../src/fonts.ts';

describe('FONT_FILES', () => {
  it('names a TrueType file that exists for every face', () => {
    expect(Object.keys(FONT_FILES).sort()).toEqual(['bold', 'boldItalic', 'italic', 'regular']);
    for (const file of Object.values(FONT_FILES)) {
      expect(file).toMatch(/\.ttf$/);
      expect(fs.existsSync(file), file).toBe(true);
    }
  });
});
