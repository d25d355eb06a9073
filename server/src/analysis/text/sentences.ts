/** Sentences and words of plain English text (see splitSentences for the rules). */
import { styleData } from '../data/styleData.js';

const TERMINATORS = '.?!…';
const CLOSERS = ')]}"\'”’»';
const OPENERS = /^[([{"'“‘«]+/;
const SPACE = /\s/;
const LOWER = /\p{Ll}/u;
const WORDLIKE = /[\p{L}\p{N}]/u;
/** "U.K.", "e.g.": single letters each followed by a full stop. */
const DOTTED = /^(?:\p{L}\.){2,}$/u;
/** "J. Smith": an initial. */
const INITIAL = /^\p{Lu}\.$/u;

/**
 * Splits plain text into sentences: [start, end) index pairs, trimmed, each with at least
 * one word. A sentence ends at ".", "?", "!" or "…" (and any closing brackets or quotes)
 * followed by a space and then something other than a lower-case letter. A full stop does
 * not end a sentence after a listed abbreviation ("e.g.", "Dr.", "No."), a dotted
 * abbreviation ("U.K.") or an initial ("J. Smith"); nor does one inside a token ("0.2%",
 * "s.14Z52", "nhs.uk"), since no space follows it.
 */
export function splitSentences(text: string, abbreviations: ReadonlySet<string> = styleData().abbreviations): [number, number][] {
  const out: [number, number][] = [];
  const add = (from: number, to: number) => {
    while (from < to && SPACE.test(text[from]!)) from++;
    while (to > from && SPACE.test(text[to - 1]!)) to--;
    if (WORDLIKE.test(text.slice(from, to))) out.push([from, to]);
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!TERMINATORS.includes(text[i]!)) continue;
    const first = i;
    let j = i + 1;
    while (j < text.length && TERMINATORS.includes(text[j]!)) j++;
    const stops = j;
    while (j < text.length && CLOSERS.includes(text[j]!)) j++;
    i = j - 1;
    if (j < text.length && !SPACE.test(text[j]!)) continue;
    let next = j;
    while (next < text.length && SPACE.test(text[next]!)) next++;
    if (next >= text.length) break;
    if (LOWER.test(text[next]!)) continue;
    if (stops === first + 1 && text[first] === '.' && isAbbreviation(tokenBefore(text, stops), abbreviations)) continue;
    add(start, j);
    start = next;
  }
  add(start, text.length);
  return out;
}

/** The whitespace-delimited token that ends at index end, without opening brackets or quotes. */
function tokenBefore(text: string, end: number): string {
  let s = end;
  while (s > 0 && !SPACE.test(text[s - 1]!)) s--;
  return text.slice(s, end).replace(OPENERS, '');
}

function isAbbreviation(token: string, abbreviations: ReadonlySet<string>): boolean {
  return abbreviations.has(token.toLowerCase()) || DOTTED.test(token) || INITIAL.test(token);
}

/** The words of a text: whitespace-separated tokens with at least one letter or digit. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => WORDLIKE.test(w));
}
