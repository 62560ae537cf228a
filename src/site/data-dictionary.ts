/**
 * The data dictionary page (/data/): every file of /data/ with its fields, written from the one
 * description of each file that its writer uses (src/document/data-files.ts), so the page cannot
 * say something the files do not. Its words are the site's language's (templates/messages/<lang>/data.yaml).
 */
import type { Block, Inline } from '../document/blocks.ts';
import { dataFiles, FIELD_TYPE_WORDS, FIELD_UNIT_WORDS } from '../document/data-files.ts';
import { cell, IdMaker, paragraph, text } from '../document/make-blocks.ts';
import type { Site } from './site.ts';

export function dataDictionaryBlocks(site: Site): Block[] {
  const { publisher } = site.project;
  const m = site.project.messages[site.project.lang];
  const ids = new IdMaker();
  const blocks: Block[] = [];
  for (const file of dataFiles(site.inspections, m)) {
    const name = file.path.split('/').pop()!;
    blocks.push({ type: 'heading', level: 2, id: ids.make(name), text: file.title, inContents: true });
    // The file's name, a long word that would not wrap in a heading, is in the link under it.
    const link: Inline = { type: 'link', url: file.path, children: [text(m.t('data.dictionary.download', { file: name }))] };
    blocks.push(paragraph(link, text(m.t('data.dictionary.about', { format: file.format, rows: file.rows, licence: publisher.licence.name }))));
    blocks.push({
      type: 'table',
      caption: m.t('data.dictionary.caption', { file: name }),
      head: [[cell(m.t('data.dictionary.field')), cell(m.t('data.dictionary.type')), cell(m.t('data.dictionary.meaning')), cell(m.t('data.dictionary.unit')), cell(m.t('data.dictionary.computed')), cell(m.t('data.dictionary.empty'))]],
      rows: file.fields.map((field) => [
        cell(field.name, { rowHeader: true }),
        cell(m.t(FIELD_TYPE_WORDS[field.type])),
        cell(field.meaning),
        cell(field.unit ? m.t(FIELD_UNIT_WORDS[field.unit]) : '–'),
        cell(field.computed ?? m.t('data.dictionary.as-written')),
        cell(field.empty ?? m.t('data.dictionary.never')),
      ]),
      widths: [1.4, 1, 3, 0.8, 2.4, 1.6],
      stackNarrow: true,
    });
  }
  return blocks;
}
