/** image: a picture both outputs can draw: alone in its paragraph, with alt text, a file kept with the report, in a format they read. */
import fs from 'node:fs';
import path from 'node:path';
import type { Nodes, Parents } from 'mdast';
import { formatName, pictureFormat } from './picture-format.ts';
import { positionOf, walk, type Narrative, type NarrativeRule, type Place, type Report } from './narrative.ts';

/** Picture formats both outputs can draw (sharp normalises them to PNG or JPEG). */
export const PICTURE_FORMATS = ['png', 'jpg', 'jpeg', 'webp', 'svg'] as const;

export const image: NarrativeRule = {
  name: 'image',
  check(narrative, report) {
    walk(narrative.tree, (node, parent, place) => {
      if (node.type === 'image') checkImage(node, parent, place, narrative, report);
    });
  },
};

function checkImage(node: Extract<Nodes, { type: 'image' }>, parent: Parents | undefined, place: Place, { file, folder }: Narrative, report: Report): void {
  const at = positionOf(node);
  if (place.inHeading || parent?.type !== 'paragraph' || parent.children.length !== 1) {
    report(at, `the picture "${node.url}" is not in a paragraph of its own, so only its alt text would be shown`, 'put the picture on a line of its own, with a blank line before and after');
  }
  if ((node.alt ?? '').trim() === '') {
    report(at, 'every picture needs alt text that says what it shows', `write it between the square brackets: ![A diagram of how the service is organised](${node.url}); decorative pictures have no place in reports`);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(node.url)) {
    report(at, `the picture "${node.url}" is a web address: reports only show pictures kept with the inspection`, `save the picture in ${path.posix.join(path.posix.dirname(file), 'images')}/ and write its path, such as ./images/structure.svg`);
    return;
  }
  const extension = path.extname(node.url).slice(1).toLowerCase();
  if (!(PICTURE_FORMATS as readonly string[]).includes(extension)) {
    report(at, `the picture "${node.url}" is ${extension ? `a .${extension} file` : 'a file without an extension'}: reports show PNG, JPEG, WebP and SVG pictures (.${PICTURE_FORMATS.join(', .')})`, 'save it as PNG (a photograph as JPEG, a diagram as SVG) and change the path');
    return;
  }
  const absolute = path.resolve(folder, node.url);
  if (!node.url || !fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
    const shown = path.posix.join(path.posix.dirname(file), node.url);
    report(at, `the picture "${node.url}" is not there (looked for ${shown})`, `put the file in the inspection's images/ folder and write its path from report.mdx, such as ./images/${path.basename(node.url) || 'structure.svg'}`);
    return;
  }
  const found = pictureFormat(absolute);
  const expected = extension === 'jpeg' ? 'jpg' : extension;
  if (found !== expected) {
    const usable = found !== undefined && (PICTURE_FORMATS as readonly string[]).includes(found);
    report(
      at,
      `the file "${node.url}" is named .${extension} but is ${found ? `${formatName(found)} picture` : `not ${formatName(expected)} picture`}`,
      usable ? `rename it to end in .${found}, and change the path` : 'save the picture again as PNG (a photograph as JPEG, a diagram as SVG)',
    );
  }
}
