/**
 * Readability measures for plain-English checks: the SMOG grade the NHS content style guide
 * recommends, per passage and per section of a document, from the sentences (sentences.ts)
 * and syllables (syllables.ts) of its prose (prose.ts).
 *
 * Only prose counts: paragraphs, including those in list items and block quotes. Headings,
 * tables, code, HTML (comments included) and front matter are left out.
 *
 * Everything here is a pure function of its input; documentReadability memoises its result
 * per plan model (a WeakMap), so rules and code lenses share one computation, and each run of
 * blocks' figures per run (see runs.ts), so an edit reads again only what it changed.
 */
import type { DocumentAnalysis } from '../model/document.js';
import { endOffset, startOffset, visit } from '../model/markdown.js';
import type { PlanModel } from '../model/plan.js';
import { styleData } from '../data/styleData.js';
import { proseOf } from './prose.js';
import { splitSentences, wordsOf } from './sentences.js';
import { isPolysyllable } from './syllables.js';
import { RecentByText } from './recent.js';
import { runsOf, type PlacedRun, type Run } from './runs.js';

/** SMOG needs a sample of sentences to mean anything; below this many a section has no grade. */
export const MIN_SMOG_SENTENCES = 10;

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
  /** Every sentence, in order. */
  readonly sentences: Sentence[];
  /** One per section of doc.plan.sections, by index. */
  readonly sections: SectionReadability[];
  /** The sentences of more than `limit` words, in order (without reading the others). */
  longSentences(limit: number): Sentence[];
  /** The readability of one of the document's runs of blocks (see runs.ts), its sentences relative to the run's start. */
  run(placed: PlacedRun): RunReadability;
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

const memo = new WeakMap<PlanModel, DocumentReadability>();

export interface SentenceCount {
  s: number;
  e: number;
  words: number;
  polysyllables: number;
}

/** Bound for the cache of words below, which only saves time (results never depend on it). */
const MAX_CACHED = 50_000;
/** Paragraphs' counts by their plain text, kept for the versions analysed lately (see RecentByText). */
const proseCache = new WeakMap<ReadonlySet<string>, RecentByText<SentenceCount[]>>();
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
  if (!cache) proseCache.set(abbreviations, (cache = new RecentByText()));
  let hit = cache.get(text);
  if (!hit) {
    hit = splitSentences(text, abbreviations).map(([s, e]) => {
      const words = wordsOf(text.slice(s, e));
      return { s, e, words: words.length, polysyllables: words.filter(isPolysyllableCached).length };
    });
    cache.set(text, hit);
  }
  return hit;
}


/** The readability of a run of blocks (see runs.ts): its sentences, relative to the run's start, and their totals. */
export interface RunReadability {
  /** The abbreviations when it was read (a sentence may end after one). */
  abbreviations: ReadonlySet<string>;
  sentences: SentenceCount[];
  words: number;
  polysyllables: number;
  /** Words in its longest sentence. */
  maxWords: number;
}

/**
 * Each run's readability, remembered per run: a run is the same object while its blocks are
 * the same syntax tree nodes (see runs.ts), so an edit reads again only the runs it changed
 * (and within them only the paragraphs whose text changed, see sentenceCounts), and the
 * document's figures are summed from its runs.
 */
const byRun = new WeakMap<Run, RunReadability>();

/**
 * The readability of a run's prose: paragraphs, including those in list items and block
 * quotes. Read it through documentReadability(doc).run, which ends the paragraph cache's use
 * once per version (so that the cache keeps only what the last versions read).
 */
function runReadability({ run, start: base }: PlacedRun, source: string, abbreviations: ReadonlySet<string> = styleData().abbreviations): RunReadability {
  const known = byRun.get(run);
  if (known && known.abbreviations === abbreviations) return known;
  const read: RunReadability = { abbreviations, sentences: [], words: 0, polysyllables: 0, maxWords: 0 };
  for (const block of run.blocks) {
    visit(block, (node) => {
      if (node.type !== 'paragraph') return;
      const start = startOffset(node);
      const end = endOffset(node);
      const prose = proseOf(node, source);
      const spans = sentenceCounts(prose.text, abbreviations);
      spans.forEach(({ s, e, words, polysyllables }, i) => {
        read.sentences.push({
          s: (i === 0 ? start : openingMarkup(source, prose.offsets[s]!, start)) - base,
          e: (i === spans.length - 1 ? end : closingMarkup(source, prose.offsets[e - 1]! + 1, end)) - base,
          words,
          polysyllables,
        });
        read.words += words;
        read.polysyllables += polysyllables;
        read.maxWords = Math.max(read.maxWords, words);
      });
    });
  }
  byRun.set(run, read);
  return read;
}

/** A document's readability: per-section grades, and its sentences on demand. */
class Readability implements DocumentReadability {
  readonly sections: SectionReadability[];
  private all: Sentence[] | undefined;

  constructor(
    /** Each run that holds a sentence, with its start and section. */
    private readonly runs: { read: RunReadability; start: number; section: number }[],
    sectionCount: number,
    private readonly source: string,
  ) {
    const totals = Array.from({ length: sectionCount }, () => ({ sentences: 0, words: 0, polysyllables: 0 }));
    for (const { read, section } of runs) {
      const t = totals[section]!;
      t.sentences += read.sentences.length;
      t.words += read.words;
      t.polysyllables += read.polysyllables;
    }
    this.sections = totals.map((t) => ({ ...t, smog: smogGrade(t.polysyllables, t.sentences) }));
  }

  get sentences(): Sentence[] {
    this.all ??= this.longSentences(-1);
    return this.all;
  }

  run(placed: PlacedRun): RunReadability {
    return runReadability(placed, this.source);
  }

  longSentences(limit: number): Sentence[] {
    const out: Sentence[] = [];
    for (const { read, start, section } of this.runs) {
      if (read.maxWords <= limit) continue;
      for (const c of read.sentences) if (c.words > limit) out.push({ start: start + c.s, end: start + c.e, words: c.words, polysyllables: c.polysyllables, section });
    }
    return out;
  }
}

/** Sentences and per-section SMOG grades of a document, computed once per version. */
export function documentReadability(doc: DocumentAnalysis): DocumentReadability {
  const { plan } = doc;
  const hit = memo.get(plan);
  if (hit) return hit;
  const { abbreviations } = styleData();
  const { sections } = plan;
  const runs: { read: RunReadability; start: number; section: number }[] = [];
  let section = 0;
  for (const placed of runsOf(plan.root)) {
    const read = runReadability(placed, plan.text, abbreviations);
    if (read.sentences.length === 0) continue;
    // Headings start runs, so every sentence of a run is in the section its start is in.
    const { start } = placed;
    while (section + 1 < sections.length && sections[section + 1]!.start <= start) section++;
    runs.push({ read, start, section });
  }
  // One use of the paragraph cache per version: what the last few versions did not read is forgotten.
  proseCache.get(abbreviations)?.endUse();
  const result = new Readability(runs, sections.length, plan.text);
  memo.set(plan, result);
  return result;
}
