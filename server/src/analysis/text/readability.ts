/**
 * Readability measures for plain-English checks: sentence splitting, an English syllable
 * counter and the SMOG grade the NHS content style guide recommends.
 *
 * Only prose counts: paragraphs, including those in list items and block quotes. Headings,
 * tables, code, HTML (comments included) and front matter are left out. Inline markup is
 * read as its plain text (a link counts as its text, inline code as one word), while every
 * sentence keeps its offsets in the source so that findings point at the right place.
 *
 * Everything here is a pure function of its input; documentReadability memoises its result
 * per DocumentAnalysis (a WeakMap), so rules and code lenses share one computation.
 */
import type { Nodes, Paragraph } from 'mdast';
import type { DocumentAnalysis } from '../model/document.js';
import { endOffset, startOffset, visit } from '../model/markdown.js';
import { sectionAt } from '../model/plan.js';
import { styleData } from '../data/styleData.js';

/** SMOG needs a sample of sentences to mean anything; below this many a section has no grade. */
export const MIN_SMOG_SENTENCES = 10;

// ---------------------------------------------------------------------------------------
// Plain text of a paragraph, with the source offset of every character

/** The plain text of a paragraph; offsets[i] is the source offset of text[i]. */
export interface Prose {
  text: string;
  offsets: number[];
  /** Source offsets of the paragraph. */
  start: number;
  end: number;
}

/** Reads a paragraph as plain text, remembering where each character came from. */
export function proseOf(paragraph: Paragraph, source: string): Prose {
  let text = '';
  const offsets: number[] = [];
  const push = (value: string, at: number) => {
    for (let i = 0; i < value.length; i++) offsets.push(at);
    text += value;
  };
  /** Appends a text node's value, aligning it with its source (escapes, entities and indentation differ). */
  const pushAligned = (value: string, from: number, to: number) => {
    let p = from;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      let q = p;
      const limit = Math.min(to, p + 64);
      while (q < limit && source[q] !== ch) q++;
      if (q < limit) {
        offsets.push(q);
        p = q + 1;
      } else {
        offsets.push(Math.min(p, Math.max(from, to - 1)));
      }
      text += ch;
    }
  };
  const walk = (node: Nodes) => {
    switch (node.type) {
      case 'text':
        pushAligned(node.value, startOffset(node), endOffset(node));
        break;
      case 'inlineCode':
        // Code is not prose: it counts as a single word, whatever it contains.
        push('x', startOffset(node));
        break;
      case 'break':
      case 'html':
        // A hard break or inline HTML (a comment, <br>) separates words but adds none.
        push(' ', startOffset(node));
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
        else if ('value' in node && typeof node.value === 'string') pushAligned(node.value, startOffset(node), endOffset(node));
    }
  };
  for (const child of paragraph.children) walk(child);
  return { text, offsets, start: startOffset(paragraph), end: endOffset(paragraph) };
}

// ---------------------------------------------------------------------------------------
// Sentences

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

// ---------------------------------------------------------------------------------------
// Syllables

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

// ---------------------------------------------------------------------------------------
// SMOG

/**
 * The SMOG grade (McLaughlin 1969): 1.0430 × √(polysyllables × 30 / sentences) + 3.1291.
 * Undefined for fewer than MIN_SMOG_SENTENCES sentences, where it would mean little.
 */
export function smogGrade(polysyllables: number, sentences: number): number | undefined {
  if (sentences < MIN_SMOG_SENTENCES) return undefined;
  return 1.043 * Math.sqrt((polysyllables * 30) / sentences) + 3.1291;
}

/** Readability of a passage of plain text (every sentence of it). */
export function textReadability(text: string): { sentences: number; words: number; polysyllables: number; smog: number | undefined } {
  let words = 0;
  let polysyllables = 0;
  const sentences = splitSentences(text);
  for (const [s, e] of sentences) {
    const w = wordsOf(text.slice(s, e));
    words += w.length;
    polysyllables += w.filter(isPolysyllable).length;
  }
  return { sentences: sentences.length, words, polysyllables, smog: smogGrade(polysyllables, sentences.length) };
}

export interface ReadingShare {
  /** Who can read text at this grade, e.g. "about half of UK adults". */
  share: string;
  /** The percentage of UK adults the NHS content style guide gives for the band, if it gives one. */
  percent: number | undefined;
}

/**
 * How many UK adults can read text at a SMOG grade, from the bands in the NHS digital
 * service manual's content style guide: 7-9 about 93%, 10-11 about 76%, 12-13 about 51%,
 * 14-16 about 22%. A grade belongs to the band of its whole part (13.7 is in 12-13).
 */
export function readingShare(grade: number): ReadingShare {
  const g = Math.floor(grade);
  if (g < 7) return { share: 'nearly all UK adults', percent: undefined };
  if (g <= 9) return { share: 'about 9 in 10 UK adults', percent: 93 };
  if (g <= 11) return { share: 'about 3 in 4 UK adults', percent: 76 };
  if (g <= 13) return { share: 'about half of UK adults', percent: 51 };
  if (g <= 16) return { share: 'about 1 in 5 UK adults', percent: 22 };
  return { share: 'fewer than 1 in 5 UK adults', percent: undefined };
}

// ---------------------------------------------------------------------------------------
// Per document

/** A sentence of the document's prose, by source offsets. */
export interface Sentence {
  start: number;
  end: number;
  words: number;
  polysyllables: number;
  /** Index of the section it is in. */
  section: number;
}

/** Readability of a section's own prose (not its subsections'). */
export interface SectionReadability {
  sentences: number;
  words: number;
  polysyllables: number;
  /** Undefined when the section has fewer than MIN_SMOG_SENTENCES sentences. */
  smog: number | undefined;
}

export interface DocumentReadability {
  sentences: Sentence[];
  /** One per section of doc.plan.sections, by index. */
  sections: SectionReadability[];
}

/** Moves a sentence's start back over markup that opens at it ("**", "_", "["). */
function openingMarkup(source: string, offset: number, min: number): number {
  while (offset > min && '*_~['.includes(source[offset - 1]!)) offset--;
  return offset;
}

/** Moves a sentence's end on over markup that closes at it ("**", "_"). */
function closingMarkup(source: string, offset: number, max: number): number {
  while (offset < max && '*_~'.includes(source[offset]!)) offset++;
  return offset;
}

const memo = new WeakMap<DocumentAnalysis, DocumentReadability>();

interface SentenceCount {
  s: number;
  e: number;
  words: number;
  polysyllables: number;
}

/** Bounds for the caches below, which only save time (results never depend on them). */
const MAX_CACHED = 50_000;
const proseCache = new WeakMap<ReadonlySet<string>, Map<string, SentenceCount[]>>();
const polysyllableCache = new Map<string, boolean>();

/** Forgets the counts remembered by text (for tests that compare with a computation from scratch). */
export function clearReadabilityCaches(): void {
  polysyllableCache.clear();
  proseCache.delete(styleData().abbreviations);
}

function isPolysyllableCached(word: string): boolean {
  let hit = polysyllableCache.get(word);
  if (hit === undefined) {
    if (polysyllableCache.size >= MAX_CACHED) polysyllableCache.clear();
    hit = isPolysyllable(word);
    polysyllableCache.set(word, hit);
  }
  return hit;
}

/**
 * The sentences of a paragraph's plain text with their word and hard-word counts: a pure
 * function of the text, so remembered by it, and an edit recounts only the paragraphs it changed.
 */
function sentenceCounts(text: string, abbreviations: ReadonlySet<string>): SentenceCount[] {
  let cache = proseCache.get(abbreviations);
  if (!cache) proseCache.set(abbreviations, (cache = new Map()));
  let hit = cache.get(text);
  if (!hit) {
    hit = splitSentences(text, abbreviations).map(([s, e]) => {
      const words = wordsOf(text.slice(s, e));
      return { s, e, words: words.length, polysyllables: words.filter(isPolysyllableCached).length };
    });
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(text, hit);
  }
  return hit;
}

/** Sentences and per-section SMOG grades of a document, computed once per analysis. */
export function documentReadability(doc: DocumentAnalysis): DocumentReadability {
  const hit = memo.get(doc);
  if (hit) return hit;
  const { plan } = doc;
  const { abbreviations } = styleData();
  const sentences: Sentence[] = [];
  visit(plan.root, (node) => {
    if (node.type !== 'paragraph') return;
    const prose = proseOf(node, plan.text);
    const section = sectionAt(plan.sections, prose.start);
    const spans = sentenceCounts(prose.text, abbreviations);
    spans.forEach(({ s, e, words, polysyllables }, i) => {
      sentences.push({
        start: i === 0 ? prose.start : openingMarkup(plan.text, prose.offsets[s]!, prose.start),
        end: i === spans.length - 1 ? prose.end : closingMarkup(plan.text, prose.offsets[e - 1]! + 1, prose.end),
        words,
        polysyllables,
        section,
      });
    });
  });
  const sections = plan.sections.map(() => ({ sentences: 0, words: 0, polysyllables: 0 }));
  for (const s of sentences) {
    const t = sections[s.section]!;
    t.sentences++;
    t.words += s.words;
    t.polysyllables += s.polysyllables;
  }
  const result: DocumentReadability = { sentences, sections: sections.map((t) => ({ ...t, smog: smogGrade(t.polysyllables, t.sentences) })) };
  memo.set(doc, result);
  return result;
}
