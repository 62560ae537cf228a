/** 4. Short forms ("can't", "it's"): the words written in full. */
import { quote, type SentenceRule } from '../rule.ts';

/** Short forms and their full forms (apostrophes normalised to '). */
const CONTRACTIONS: Record<string, string> = {
  "can't": 'cannot', "won't": 'will not', "don't": 'do not', "doesn't": 'does not', "didn't": 'did not',
  "isn't": 'is not', "aren't": 'are not', "wasn't": 'was not', "weren't": 'were not', "haven't": 'have not',
  "hasn't": 'has not', "hadn't": 'had not', "shouldn't": 'should not', "wouldn't": 'would not', "couldn't": 'could not',
  "mustn't": 'must not', "needn't": 'need not', "shan't": 'shall not', "ain't": 'is not', "mightn't": 'might not',
  "it's": 'it is', "that's": 'that is', "there's": 'there is', "here's": 'here is', "what's": 'what is',
  "who's": 'who is', "where's": 'where is', "he's": 'he is', "she's": 'she is', "let's": 'let us',
  "i'm": 'I am', "you're": 'you are', "we're": 'we are', "they're": 'they are',
  "i've": 'I have', "you've": 'you have', "we've": 'we have', "they've": 'they have', "could've": 'could have', "should've": 'should have', "would've": 'would have',
  "i'll": 'I will', "you'll": 'you will', "he'll": 'he will', "she'll": 'she will', "we'll": 'we will', "they'll": 'they will', "it'll": 'it will', "that'll": 'that will',
  "i'd": 'I would', "you'd": 'you would', "he'd": 'he would', "she'd": 'she would', "we'd": 'we would', "they'd": 'they would',
  "y'all": 'you all', "o'clock": '',
};

/** Full forms instead of short forms in suggestions (retext-simplify suggests "didn’t"). */
export const expandContractions = (text: string) =>
  text.replace(/\b[\p{L}]+['’][\p{L}]+\b/gu, (word) => {
    const full = CONTRACTIONS[word.toLowerCase().replace(/’/g, "'")];
    return full ? full : word;
  });

export const contraction: SentenceRule = {
  id: 'contraction',
  check({ words, locate, claimed }, report) {
    for (const word of words) {
      const normal = word.text.replace(/’/g, "'");
      if (!normal.includes("'")) continue;
      const lower = normal.toLowerCase();
      const full = CONTRACTIONS[lower] ?? (lower.endsWith("n't") ? `${normal.slice(0, -3)} not` : undefined);
      if (!full) continue;
      const written = /^\p{Lu}/u.test(word.text) ? full.charAt(0).toUpperCase() + full.slice(1) : full;
      claimed.push(word);
      report(locate(word.start), `${quote(word.text)} is a short form: write the words in full`, `write ${quote(written)}`);
    }
  },
};
