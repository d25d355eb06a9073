/** An English syllable counter by spelling rules, for the SMOG grade's "hard words". */

/**
 * Words the rules below get wrong, with their usual British pronunciation.
 * Only words near the two/three-syllable boundary matter for SMOG.
 */
const SYLLABLE_EXCEPTIONS: Record<string, number> = {
  anyone: 3,
  anything: 3,
  area: 3,
  areas: 3,
  beyond: 2,
  business: 2,
  businesses: 3,
  create: 2,
  created: 3,
  creates: 2,
  creating: 3,
  creation: 3,
  creative: 3,
  diet: 2,
  element: 3,
  elements: 3,
  every: 2,
  everybody: 4,
  everyone: 3,
  everything: 3,
  idea: 3,
  ideas: 3,
  ideal: 3,
  maybe: 2,
  million: 2,
  millions: 2,
  opinion: 3,
  opinions: 3,
  quiet: 2,
  science: 2,
  sciences: 3,
  society: 4,
  suicide: 3,
  union: 2,
  variety: 4,
  via: 2,
  video: 3,
  videos: 3,
};

/**
 * Estimated syllables in an English word, by spelling rules (silent final "e", "-es" and
 * "-ed" endings, vowel groups, and vowel pairs usually said as two syllables such as
 * "-ia-", "-io-", "-ua-"), plus a short list of exceptions.
 *
 * Limits: it is a heuristic and is wrong for some words (for example "ratio" counts 2 and
 * "real" 1); it only knows English spelling, so names and loan words may be miscounted;
 * accents are ignored ("café" counts 1). Acronyms written in capitals ("NHS", "PCNs") count
 * as one syllable: read letter by letter they would often count three, but that would
 * make every NHS document look hard, and acronyms are checked by their own rules. Tokens
 * without letters (numbers) count 0; web and email addresses count 1. Hyphenated words
 * count the syllables of each part.
 */
export function countSyllables(token: string): number {
  if (/:\/\/|^www\.|@/i.test(token)) return 1;
  let total = 0;
  for (const part of token.split(/[-‐‑–—/]/)) {
    const letters = part.normalize('NFD').replace(/[^\p{L}]/gu, '');
    if (letters === '') continue;
    if (/^\p{Lu}{2,}s?$/u.test(letters)) {
      total += 1;
      continue;
    }
    total += syllablesOfWord(letters.toLowerCase().replace(/[^a-z]/g, ''));
  }
  return total;
}

function syllablesOfWord(word: string): number {
  if (word === '') return 1;
  const known = SYLLABLE_EXCEPTIONS[word];
  if (known !== undefined) return known;
  if (word.length <= 3) return 1;
  let w = word;
  // A silent "e" before a suffix ("completely", "management"), but not after consonant + "l" ("settlement").
  w = w.replace(/([aeiouy](?:[^aeiouy]|[^aeiouy]*[^aeiouyl]))e(ly|ments?|ful|fully|ness|less)$/, '$1$2');
  if (/[^aeiouy]es$/.test(w)) {
    // "-es" is silent ("makes") except after a hiss ("services", "changes") or in "-les" ("tables").
    if (!/(?:[sxzcg]|ch|sh|[^aeiouyl]l)es$/.test(w)) w = w.slice(0, -2);
  } else if (/[^aeiouytd]ed$/.test(w)) {
    // "-ed" is silent ("worked") except after t or d ("wanted") and in "-led" after a consonant ("enabled").
    if (!/[^aeiouyl]led$/.test(w)) w = w.slice(0, -2);
  } else if (/[^aeiouy]e$/.test(w) && !/[^aeiouyl]le$/.test(w)) {
    // A final silent "e" ("care"), except consonant + "le" ("table").
    w = w.slice(0, -1);
  }
  w = w.replace(/^y/, '');
  let n = (w.match(/[aeiouy]+/g) ?? []).length;
  // Vowel pairs usually said as two syllables: "media", "various", "actual", "medium", "client", "being", "autism", "easier".
  n += (w.match(/[^cgst]ia|[^cgstln]io|[ln]io(?!n)|[^qg]u[ao]|iu|[^cst]ien[ct]|[aeiouy]ing$|ism$|ie(?:r|st)$/g) ?? []).length;
  return Math.max(1, n);
}

/** Three or more syllables: the "hard words" SMOG counts. */
export function isPolysyllable(word: string): boolean {
  return countSyllables(word) >= 3;
}
