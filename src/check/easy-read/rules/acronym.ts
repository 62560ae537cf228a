/** 4. Words in capitals ("YOS"), unless the glossary explains them or the settings allow them. */
import { quote, type SentenceRule } from '../rule.ts';

export const acronym: SentenceRule = {
  id: 'acronym',
  check({ words, locate, document }, report) {
    for (const word of words) {
      const normal = word.text.replace(/’/g, "'");
      // "YOS", "YOSs", "YOS's": the letters in capitals, without a plural or possessive ending.
      const core = normal.replace(/'s$/i, '').replace(/(?<=\p{Lu})s$/u, '');
      if (!/^\p{Lu}{2,}$/u.test(core) || document.glossaryWords.has(core) || document.glossaryWords.has(normal.replace(/'s$/i, '')) || document.allowedCapitals.has(core)) continue;
      report(
        locate(word.start),
        `${quote(core)} is written in capitals: readers may not know what it stands for`,
        `write the words in full, or explain it in the glossary (content/glossary/terms.yaml) with an easy-read definition; if the capitals are for emphasis, write it in small letters and in bold (**${core.toLowerCase()}**)`,
      );
    }
  },
};
