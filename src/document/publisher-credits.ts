/** The publisher's part of every document's credits: copyright, licence, other formats, address, website. */
import type { Publisher } from '../model/schemas/publisher.ts';
import type { Messages } from '../model/messages.ts';
import type { Block, Inline } from './blocks.ts';
import { paragraph, text } from './make-blocks.ts';

/** `year` is the year of publication: "© Crown copyright 2019". */
export function publisherCredits(publisher: Publisher, year: string, m: Messages): Block[] {
  return [
    paragraph(text(`© ${publisher.copyrightHolder} ${year}`, { bold: true })),
    paragraph(text(`${publisher.licence.notice} ${m.t('report.credits.licence')} `), { type: 'link', url: publisher.licence.url, children: [text(publisher.licence.name)] }, text('.')),
    paragraph(text(publisher.alternativeFormats)),
    paragraph(text(m.t('report.credits.published-by'), { bold: true })),
    paragraph(...publisher.address.flatMap((line, index): Inline[] => (index === 0 ? [text(line)] : [{ type: 'break' }, text(line)]))),
    paragraph({ type: 'link', url: publisher.website, children: [text(publisher.website.replace(/^https?:\/\//, '').replace(/\/$/, ''))] }),
  ];
}
