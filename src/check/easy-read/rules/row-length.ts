/** A picture beside a few sentences: a row with more is split, each part with its own picture. */
import type { EasyReadCheckSettings } from '../../../model/schemas/easy-read-checks.ts';
import type { Report, RowToCheck } from '../rule.ts';

export function checkRowLength(row: RowToCheck, settings: EasyReadCheckSettings, report: Report): void {
  const max = settings['row-length'].maxSentences;
  if (row.sentences.length <= max) return;
  report(row.at, `this group has ${row.sentences.length} sentences beside one picture: easy read has ${max} or fewer`, `split it into ${Math.ceil(row.sentences.length / max)} groups, each with its own picture`);
}
