/**
 * What a section says, as the coverage rules need it (issue 13): how much prose it holds,
 * which of its lines are placeholders (a to-do, "TBC", a bare label), and the sentence or
 * list item around a term, quoted as the evidence for a verdict. One pass over the text.
 */
import { partitionPoint } from './text/partition.js';
import type { PlanModel, Section } from './model/plan.js';
import { detach, type TermHit } from './text/terms.js';
import { RecentByText } from './text/recent.js';
import { LastVersions } from './lastVersion.js';

export interface SectionFacts {
  /** Words of prose in the section's own blocks below its heading (not comments, code or placeholders). */
  words: number;
  /** Sentences and list items of that prose. */
  sentences: number;
  /** Placeholder lines (sorted): terms on them are not evidence. */
  placeholders: [number, number][];
}

/** A line that only holds a list marker, an open task, a label ending in ":", or a to-do word. */
const MARKER = /^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[xX]\]\s*)?/;
const OPEN_TASK = /^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\[ \]/;
const PLACEHOLDER = /^(?:to ?do|tbc|tbd|tba|fixme|placeholder|x{3,}|\?+|\.{3}|…)\b|^(?:to ?do|tbc|tbd|tba|\?+|\.{3}|…)$/i;
const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const SENTENCE_END = /[.!?](?=[\s"'*_\u2019\u201d)]|$)/g;

const factsCache = new WeakMap<PlanModel, SectionFacts[]>();

/**
 * Facts of every section of a plan, computed once per parsed version. Given the document's
 * uri, a section the last edit left alone is found without hashing its text (lastVersion.ts).
 */
export function sectionFacts(plan: PlanModel, uri?: string): SectionFacts[] {
  let facts = factsCache.get(plan);
  if (!facts) {
    const carried = uri === undefined ? [] : lastFacts.carried(uri, plan.text, plan.sections);
    const used: Remembered[] = [];
    facts = plan.sections.map((s) => factsRemembered(plan, s, carried[s.index], used));
    byText.endUse();
    if (uri !== undefined) lastFacts.remember(uri, plan.text, plan.sections, used);
    factsCache.set(plan, facts);
  }
  return facts;
}

/** A section's facts by its text below the heading, with the excluded ranges that meet it and its placeholders relative to it. */
interface Remembered {
  excluded: number[];
  words: number;
  sentences: number;
  placeholders: [number, number][];
}

/** Sections' facts, kept for the versions analysed lately (see RecentByText), and those of each document's last version. */
const byText = new RecentByText<Remembered>();
let lastFacts = new LastVersions<Remembered>();

/** Forgets the facts remembered (for tests that compare with a computation from scratch). */
export function clearSectionFacts(): void {
  byText.clear();
  lastFacts = new LastVersions();
}

/**
 * factsOf, remembered by the section's text and the excluded ranges that meet it (relative to
 * it), which is all it reads: an edit recounts only the sections it touched. `carried`: what
 * the document's last version had for the same text, if known.
 */
function factsRemembered(plan: PlanModel, section: Section, carried: Remembered | undefined, used: Remembered[]): SectionFacts {
  const from = section.depth === 0 ? section.start : section.headingEnd;
  const end = Math.max(from, section.end);
  const excluded: number[] = [];
  for (let x = partitionPoint(plan.excluded, (r) => r[1] <= from); x < plan.excluded.length && plan.excluded[x]![0] < end; x++) excluded.push(plan.excluded[x]![0] - from, plan.excluded[x]![1] - from);
  const same = (known: Remembered) => known.excluded.length === excluded.length && known.excluded.every((v, i) => v === excluded[i]);
  let key = carried && same(carried) ? undefined : plan.text.slice(from, end);
  const known = key === undefined ? carried : byText.get(key);
  if (known && (key === undefined || same(known))) {
    used.push(known);
    return { words: known.words, sentences: known.sentences, placeholders: known.placeholders.map(([s, e]) => [s + from, e + from]) };
  }
  const facts = factsOf(plan, section);
  key = detach(key!);
  const remembered = { excluded, words: facts.words, sentences: facts.sentences, placeholders: facts.placeholders.map(([s, e]): [number, number] => [s - from, e - from]) };
  byText.delete(key);
  byText.set(key, remembered);
  used.push(remembered);
  return facts;
}

function factsOf(plan: PlanModel, section: Section): SectionFacts {
  const { text, excluded } = plan;
  const from = section.depth === 0 ? section.start : section.headingEnd;
  const facts: SectionFacts = { words: 0, sentences: 0, placeholders: [] };
  let x = partitionPoint(excluded, (r) => r[1] <= from);
  let lineStart = from;
  while (lineStart < section.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > section.end) lineEnd = section.end;
    // The visible part of the line: outside comments, code and link targets.
    let visible = '';
    let at = lineStart;
    while (x < excluded.length && excluded[x]![0] < lineEnd) {
      const [s, e] = excluded[x]!;
      if (s > at) visible += text.slice(at, s);
      if (e > lineEnd) {
        at = lineEnd;
        break;
      }
      at = Math.max(at, e);
      x++;
    }
    if (at < lineEnd) visible += text.slice(at, lineEnd);
    const listItem = /^\s*(?:[-*+]|\d+[.)])\s/.test(visible);
    const body = visible.replace(MARKER, '').replace(/[|*_`#>]/g, ' ').trim();
    const afterLabel = /^[^:]{1,80}:\s*(.*)$/.exec(body)?.[1];
    if (body !== '') {
      if (OPEN_TASK.test(visible) || PLACEHOLDER.test(body) || (afterLabel !== undefined && (afterLabel === '' || PLACEHOLDER.test(afterLabel)))) {
        facts.placeholders.push([lineStart, lineEnd]);
      } else {
        facts.words += body.match(WORD)?.length ?? 0;
        const ends = body.match(SENTENCE_END)?.length ?? 0;
        facts.sentences += ends > 0 ? ends : listItem || /\p{L}/u.test(body) ? 1 : 0;
      }
    }
    lineStart = lineEnd + 1;
  }
  return facts;
}

/** True when an offset falls in one of the sorted ranges. */
export function inRanges(ranges: readonly (readonly [number, number])[], offset: number): boolean {
  const i = partitionPoint(ranges, (r) => r[1] <= offset);
  return i < ranges.length && ranges[i]![0] <= offset;
}

/** True when a full stop, question or exclamation mark at i ends a sentence (closing marks may follow it). */
function endsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  let j = i + 1;
  while (j < text.length && j < i + 4 && /["'*_)\u2019\u201d]/.test(text[j]!)) j++;
  return j >= text.length || /\s/.test(text[j]!);
}

/** How far a quote may reach on either side of its term. */
const REACH = 240;

/**
 * The bounds of the sentence or list item around an offset: from the end of the previous
 * sentence, blank line or line that starts a list item or heading, to the end of this one.
 */
export function sentenceAround(text: string, offset: number, limit: readonly [number, number] = [0, text.length]): [number, number] {
  const lo = Math.max(limit[0], offset - REACH);
  const hi = Math.min(limit[1], offset + REACH);
  let start = lo;
  for (let i = offset - 1; i >= lo; i--) {
    const c = text[i]!;
    if (endsSentence(text, i)) {
      start = i + 1;
      break;
    }
    if (c === '\n') {
      const next = text.slice(i + 1, i + 8);
      if (/^\s*(?:[-*+]\s|\d+[.)]\s|#|\n|$)/.test(next) || text[i - 1] === '\n' || i === lo) {
        start = i + 1;
        break;
      }
    }
  }
  let end = hi;
  for (let i = offset; i < hi; i++) {
    const c = text[i]!;
    if (endsSentence(text, i)) {
      end = i + 1;
      break;
    }
    if (c === '\n' && /^\s*(?:[-*+]\s|\d+[.)]\s|#|\n|$)/.test(text.slice(i + 1, i + 8))) {
      end = i;
      break;
    }
  }
  return [start, end];
}

/** The sentence around a term as plain text for a quote, shortened to about 160 characters. */
export function quoteAround(plan: PlanModel, hit: TermHit, limit: readonly [number, number]): string {
  const [s, e] = sentenceAround(plan.text, hit.start, limit);
  return shorten(plainQuote(plan.text.slice(s, e)), hit.start - s);
}

/** The sentence's plain text: without comments, list and heading markers, emphasis and link targets. */
function plainQuote(sentence: string): string {
  return sentence
    .replace(/<!--[^]*?-->/g, ' ')
    .replace(/^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+|#+\s+)?(?:\[[ xX]\]\s*)?/, '')
    .replace(/[*_`]+/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A quote of more than 160 characters cut to about 160 around the term, `at` characters into its sentence. */
function shorten(quote: string, at: number): string {
  if (quote.length <= 160) return quote;
  const from = Math.max(0, Math.min(at - 60, quote.length - 160));
  return `${from > 0 ? '…' : ''}${quote.slice(from, from + 158).trim()}…`;
}

/** Sentences' plain text, kept for the coverage computations done lately (see RecentByText). */
const quotes = new RecentByText<string>();

/**
 * quoteAround, with the plain text remembered by the sentence's text: what coverage quotes
 * after an edit is mostly what it quoted before. The sentence is still found in the text each
 * time (a short scan), so the cache cannot change a quote. Call endQuotes when a computation
 * that quotes is done.
 */
export function quoteRemembered(plan: PlanModel, hit: TermHit, limit: readonly [number, number]): string {
  const [s, e] = sentenceAround(plan.text, hit.start, limit);
  const sentence = plan.text.slice(s, e);
  let quote = quotes.get(sentence);
  if (quote === undefined) {
    // Flat copies, so that no old version of the text is kept alive by a remembered slice of it.
    quote = detach(plainQuote(sentence));
    quotes.set(detach(sentence), quote);
  }
  return shorten(quote, hit.start - s);
}

/** Ends one computation's use of the remembered quotes: those none of the last few read are forgotten. */
export function endQuotes(): void {
  quotes.endUse();
}

/** Forgets the remembered quotes (for tests that compare with a computation from scratch). */
export function clearQuotes(): void {
  quotes.clear();
}
