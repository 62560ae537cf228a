/**
 * The data dictionary page (/data/): every file of /data/ with its fields, written from the one
 * description of each file that its writer uses (src/document/data-files.ts), so the page cannot
 * say something the files do not.
 */
import type { Block, Inline } from '../document/blocks.ts';
import { dataFiles } from '../document/data-files.ts';
import { cell, IdMaker, paragraph, text } from '../document/make-blocks.ts';
import type { Site } from './site.ts';

export function dataDictionaryBlocks(site: Site): Block[] {
  const { publisher } = site.project;
  const ids = new IdMaker();
  const blocks: Block[] = [];
  for (const file of dataFiles(site.inspections, site.project.messages[site.project.lang])) {
    const name = file.path.split('/').pop()!;
    blocks.push({ type: 'heading', level: 2, id: ids.make(name), text: file.title, inContents: true });
    // The file's name, a long word that would not wrap in a heading, is in the link under it.
    const link: Inline = { type: 'link', url: file.path, children: [text(`Download ${name}`)] };
    blocks.push(paragraph(link, text(` (${file.format}, UTF-8). ${file.rows} Licence: ${publisher.licence.name}.`)));
    blocks.push({
      type: 'table',
      caption: `The fields of ${name}`,
      head: [[cell('Field'), cell('Type'), cell('Meaning'), cell('Unit'), cell('How it is worked out'), cell('Empty when')]],
      rows: file.fields.map((field) => [cell(field.name, { rowHeader: true }), cell(field.type), cell(field.meaning), cell(field.unit ?? '–'), cell(field.computed ?? 'As written in the report’s content.'), cell(field.empty ?? 'Never')]),
      widths: [1.4, 1, 3, 0.8, 2.4, 1.6],
      stackNarrow: true,
    });
  }
  return blocks;
}
