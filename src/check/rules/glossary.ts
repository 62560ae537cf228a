/** Glossary consistency: unique ids, terms and aliases that point to one entry only, links that resolve. */
import type { DiagnosticList } from '../diagnostics.ts';
import type { YamlSource } from '../../source/yaml-file.ts';
import type { GlossaryTerm } from '../../model/schemas/glossary.ts';

interface Entry {
  term: GlossaryTerm;
  file: string;
  source: YamlSource;
  index: number;
}

/** `alsoKnown`: ids of entries that failed their schema, already reported, which see-also links may name. */
export function checkGlossary(entries: readonly Entry[], diagnostics: DiagnosticList, alsoKnown: ReadonlySet<string> = new Set()): GlossaryTerm[] {
  const byId = new Map<string, Entry>();
  const byWord = new Map<string, Entry>();
  const accepted: GlossaryTerm[] = [];
  for (const entry of entries) {
    const { term, file, source, index } = entry;
    const previous = byId.get(term.id);
    if (previous) {
      diagnostics.error(file, source.positionOf([index, 'id']), 'duplicate-id', `glossary id "${term.id}" is already used in ${previous.file}`, 'give each term its own id');
      continue;
    }
    byId.set(term.id, entry);
    accepted.push(term);
    for (const [word, at] of [[term.term, source.positionOf([index, 'term'])], ...term.aliases.map((alias, a) => [alias, source.positionOf([index, 'aliases', a])] as const)] as const) {
      const key = word.toLowerCase();
      const owner = byWord.get(key);
      if (owner && owner.term.id !== term.id) {
        diagnostics.error(file, at, 'ambiguous-term', `"${word}" is also a term or alias of "${owner.term.id}": readers could not tell which is meant`, 'remove it from one of the two entries');
      }
      byWord.set(key, entry);
    }
  }
  for (const { term, file, source, index } of entries) {
    term.seeAlso.forEach((id, s) => {
      if (!byId.has(id) && !alsoKnown.has(id)) diagnostics.error(file, source.positionOf([index, 'seeAlso', s]), 'unknown-glossary-term', `see-also "${id}" is not a glossary id`, 'use the id of another entry in the glossary');
    });
  }
  return accepted;
}
