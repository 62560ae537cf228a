/** image: a picture both outputs can draw: alone in its paragraph, with alt text, a file kept with the report, in a format they read. */
import path from 'node:path';
import type { Nodes, Parents } from 'mdast';
import { resolveNamedFile } from '../../../source/content-path.ts';
import { pictureFileProblem } from '../../../document/pictures.ts';
import { pictureFileContentProblem } from '../../pictures/picture-file.ts';
import { positionOf, walk, type Narrative, type NarrativeRule, type Place, type Report } from './narrative.ts';

export const image: NarrativeRule = {
  name: 'image',
  check(narrative, report) {
    walk(narrative.tree, (node, parent, place) => {
      if (node.type === 'image') checkImage(node, parent, place, narrative, report);
    });
  },
};

function checkImage(node: Extract<Nodes, { type: 'image' }>, parent: Parents | undefined, place: Place, narrative: Narrative, report: Report): void {
  const { file, folder } = narrative;
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
  const contentFolder = narrative.contentFolder ?? folder;
  const named = resolveNamedFile(node.url, folder, [contentFolder]);
  if (!named.ok) {
    const { message, hint } = pictureFileProblem(node.url, named.problem, path.posix.join(path.posix.dirname(file), node.url));
    report(at, message, hint);
    return;
  }
  const problem = pictureFileContentProblem(node.url, named.file);
  if (problem) report(at, problem.message, problem.hint);
  else narrative.pictures?.push({ file, at, url: node.url, source: named.file, rule: 'image' });
}
