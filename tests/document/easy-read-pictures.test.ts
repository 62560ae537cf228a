/**
 * Easy-read pictures as the renderers get them: every square picture of every sample easy-read
 * version fills its square (OpenMoji's own padding trimmed), so it reads at the size it is drawn.
 * The pictures are read from the shared sample build (tests/support/shared-site.ts), where the page
 * serves the same normalised bytes the PDF embeds: nothing is drawn again here.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/check/load-project.ts';
import { easyReadDocument } from '../../src/document/easy-read-document.ts';
import type { ImageRef } from '../../src/document/blocks.ts';
import { sharedSite } from '../support/shared-site.ts';

/** The bounding box of the pixels that are not white (or nearly), found by scanning the raw pixels. */
async function inkBox(data: Buffer): Promise<{ left: number; top: number; width: number; height: number; side: number }> {
  const { data: raw, info } = await sharp(data).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let [left, top, right, bottom] = [info.width, info.height, -1, -1];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (raw[i]! > 240 && raw[i + 1]! > 240 && raw[i + 2]! > 240) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return { left, top, width: Math.max(0, right - left + 1), height: Math.max(0, bottom - top + 1), side: info.width };
}

describe('the sample easy-read versions’ pictures', () => {
  /** Each picture once, with one published file of it and the documents that use it. */
  const pictures = new Map<string, { image: ImageRef; file: string; documents: string[] }>();

  beforeAll(async () => {
    const { project: root, dist } = await sharedSite();
    const { project } = loadProject(root);
    const subjects = [
      ...project.inspections.filter((i) => i.easyRead).map((inspection) => ({ folder: `inspections/${inspection.slug}`, subject: { kind: 'inspection' as const, inspection } })),
      ...project.thematics.filter((t) => t.easyRead).map((thematic) => ({ folder: `thematic/${thematic.slug}`, subject: { kind: 'thematic' as const, thematic } })),
    ];
    for (const { folder, subject } of subjects) {
      const images = path.join(dist, folder, 'easy-read/images');
      // Drafts and embargoed reports planted in the shared copy are not published.
      if (!fs.existsSync(images)) continue;
      for (const image of easyReadDocument(project, subject, root).document.images) {
        const entry = pictures.get(image.source) ?? { image, file: path.join(images, image.name), documents: [] };
        entry.documents.push(folder);
        pictures.set(image.source, entry);
      }
    }
  }, 240_000);

  it('fill at least 70% of their square along the longer side, with an even margin', async () => {
    const squares = [...pictures.values()].filter(({ image }) => image.square);
    // The four samples use about 40 different pictures: enough that a regression shows.
    expect(squares.length).toBeGreaterThan(20);
    const small: string[] = [];
    for (const { image, file, documents } of squares) {
      const data = fs.readFileSync(file);
      const { width, height } = await sharp(data).metadata();
      expect([width, height], image.name).toEqual([image.square, image.square]);
      const box = await inkBox(data);
      const fill = Math.max(box.width, box.height) / box.side;
      if (fill < 0.7) small.push(`${image.name} (in ${documents.join(', ')}): ${Math.round(fill * 100)}%`);
      // Along its longer side the drawing is centred: the same margin either side, give or take antialiasing.
      const [before, length] = box.width >= box.height ? [box.left, box.width] : [box.top, box.height];
      expect(Math.abs(before - (box.side - before - length)), image.name).toBeLessThanOrEqual(3);
    }
    expect(small).toEqual([]);
  }, 60_000);

  it('include the rating scale, larger than a square so its words can be read', async () => {
    const scales = [...pictures.values()].filter(({ image }) => image.svg !== undefined);
    expect(scales.length).toBeGreaterThan(0);
    for (const { image, file } of scales) {
      expect(image.square, image.name).toBeUndefined();
      // Drawn at 2 pixels per SVG unit: its 30-unit words are 60 pixels high.
      expect((await sharp(file).metadata()).width, image.name).toBe(800);
    }
  });
});
