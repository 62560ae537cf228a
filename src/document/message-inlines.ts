/**
 * A message as a document's inlines: its <b>…</b> parts bold, so a sentence with bold words in it is
 * one message a translator can reorder, rather than pieces glued together in code.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Messages, MessageValues } from '../model/messages.ts';
import type { Inline } from './blocks.ts';
import { text } from './make-blocks.ts';

const formats = new WeakMap<Messages, Map<string, IntlMessageFormat>>();

export function messageInlines(m: Messages, key: string, values: MessageValues = {}): Inline[] {
  let byKey = formats.get(m);
  if (!byKey) formats.set(m, (byKey = new Map()));
  let format = byKey.get(key);
  if (!format) byKey.set(key, (format = new IntlMessageFormat(m.texts([key])[key]!, m.tag)));
  const bold = (chunks: unknown[]) => ({ bold: chunks.join('') });
  const parts = format.formatToParts<{ bold: string }>({ ...values, b: bold } as never);
  // Neighbouring plain parts are one run of text, as a sentence typed in code would be.
  const inlines: Inline[] = [];
  let plain = '';
  for (const part of parts) {
    const value = part.value as unknown;
    if (typeof value === 'object' && value !== null && 'bold' in value) {
      if (plain) inlines.push(text(plain));
      plain = '';
      inlines.push(text(String((value as { bold: string }).bold), { bold: true }));
    } else plain += String(value);
  }
  if (plain) inlines.push(text(plain));
  return inlines;
}
