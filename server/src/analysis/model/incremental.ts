/**
 * Incremental Markdown parsing. A plan is cut into chunks at level-1 to 6 ATX headings that
 * start a line at the top level (outside front matter, fenced code and HTML blocks). Each
 * chunk parses the same alone as inside the whole text, so an edit re-parses only the chunks
 * it touches; the others come from a cache keyed by their text, with positions shifted.
 * Link reference and footnote definitions are the exception: whether `[x]` is a reference
 * depends on the whole document's definitions, so each chunk is parsed against them and
 * parsed again when a label it looked up gains or loses its definition (definitions.ts).
 * The result equals parseMarkdown(text) (test/unit/incremental.test.ts checks it on random
 * edit sequences). Pure: no editor or LSP types.
 */
import type { Root } from 'mdast';
import type { Simplified } from './bound.js';
import { parseMarkdown, simplifiedIn } from './markdown.js';
import { type ChunkLabels, type LabelLookup, type Labels, parseChunk } from './definitions.js';
import { detach } from '../text/terms.js';
import { ownPoints, shiftNode, shiftPoint } from './positions.js';
import { finish, type Steps } from '../steps.js';

const ATX = /^#{1,6}(?:[ \t\r]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^]*)$/;
const HTML_START = /^ {0,3}</;
/** CommonMark HTML blocks of kinds 1-5, which end at a marker rather than a blank line. */
const HTML_UNTIL: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * Offsets where chunks start (the first is 0). Splits only where certain to be safe; when
 * unsure (lone carriage returns, unclosed front matter) the whole text is one chunk.
 */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  // Lone CRs change lines.
  if (/\r(?!\n)/.test(text)) return starts;
  let pos = 0;
  if (/^---\r?\n/.test(text)) {
    const close = /^(?:---|\.\.\.)[ \t]*\r?$/m;
    const rest = text.indexOf('\n') + 1;
    const m = close.exec(text.slice(rest));
    if (!m) return starts;
    pos = rest + m.index;
  }
  // The block states the parser may be in at this line. A line that starts with "<" may open
  // an HTML block that runs to a blank line, or be prose: both are followed. A heading is a
  // chunk start only when every possibility is plain top level.
  let states: string[] = [NORMAL];
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const normal = states.length === 1 && states[0] === NORMAL;
    // At the top level, a line that cannot open a heading, a fence or an HTML block leaves it
    // there: most lines of prose, read without cutting them out of the text.
    if (normal && !MAY_OPEN.has(text.charCodeAt(pos))) {
      pos = eol + 1;
      continue;
    }
    const line = text.slice(pos, text[eol - 1] === '\r' ? eol - 1 : eol);
    if (normal && ATX.test(line) && pos > 0) starts.push(pos);
    const next: string[] = [];
    for (const state of states) for (const n of step(state, line)) if (!next.includes(n)) next.push(n);
    states = next;
    pos = eol + 1;
  }
  return starts;
}

const NORMAL = 'n';
/** The first characters of a line that may open a heading, a fence or an HTML block (step): "#", " ", "`", "~", "<". */
const MAY_OPEN = new Set([0x23, 0x20, 0x60, 0x7e, 0x3c]);
const TO_BLANK = 'b';

/** The states after a line, from one state: NORMAL, TO_BLANK, 'h<kind>' or 'f<fence>'. */
function step(state: string, line: string): string[] {
  if (state === TO_BLANK) return [line.trim() === '' ? NORMAL : TO_BLANK];
  if (state[0] === 'h') return [HTML_UNTIL[Number(state.slice(1))]![1].test(line) ? NORMAL : state];
  if (state[0] === 'f') {
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    return [close && close[1]![0] === state[1] && close[1]!.length >= state.length - 1 ? NORMAL : state];
  }
  if (ATX.test(line)) return [NORMAL];
  const open = FENCE_OPEN.exec(line);
  if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) return ['f' + open[1]!];
  if (!HTML_START.test(line)) return [NORMAL];
  const kind = HTML_UNTIL.findIndex(([start]) => start.test(line));
  // The end marker may be on the opening line itself, after the opening.
  if (kind >= 0) return [HTML_UNTIL[kind]![1].test(line.slice(line.indexOf('<') + 2)) ? NORMAL : 'h' + kind];
  return [TO_BLANK, NORMAL];
}

interface Cached {
  root: Root;
  /** The offset and line count its positions are currently shifted by. */
  offset: number;
  line: number;
  /** The labels it defines and those it looked up elsewhere (null: unknown, never cached). */
  labels: ChunkLabels | null;
}

const NONE: Labels = { links: new Set(), footnotes: new Set() };

/**
 * Parses successive versions of one document, re-parsing only the chunks that changed, and
 * those whose references resolve differently because a definition elsewhere came or went.
 * A chunk's tree is kept once and its positions are moved in place when it moves, so a tree
 * returned by parse() is valid only until the next call on the same parser.
 */
export class IncrementalParser {
  /** The trees of the last version's chunks, by chunk text (a text may occur more than once). */
  private cache = new Map<string, Cached[]>();
  /** The last version's definitions: every cached tree was parsed or checked against them. */
  private labels = NONE;
  /** Chunks parsed afresh by the last call (for the benchmark and tests). */
  lastParsed = 0;
  /** Counts the parses started, so that steps resumed after another parse know it. */
  private generation = 0;

  parse(text: string): Root {
    return finish(this.parseSteps(text));
  }

  /**
   * The same in steps: one step per chunk parsed afresh, so that the language server can answer
   * requests meanwhile. Nothing changes (neither this parser nor any tree it returned before)
   * until the last step, so steps left unfinished when a newer version came cost nothing more.
   * If the parser parsed another text in between, the last step parses this one straight through.
   */
  *parseSteps(text: string): Steps<Root> {
    const generation = ++this.generation;
    const starts = chunkStarts(text);
    const chunks: string[] = [];
    for (let i = 0; i < starts.length; i++) chunks.push(text.slice(starts[i]!, starts[i + 1] ?? text.length));
    const entries: Cached[] = new Array<Cached>(chunks.length);
    const fresh = new Set<number>();
    // Last chunk first, since definitions gather at the end (footnotes converted from Word): a
    // new chunk is parsed against the last version's definitions and those of the chunks after it.
    const seen = { links: new Set<string>(), footnotes: new Set<string>() };
    const { links, footnotes } = this.labels;
    const provisional: LabelLookup = { links: either(seen.links, links), footnotes: either(seen.footnotes, footnotes) };
    // Cached trees taken so far, per chunk text (from the end of its list, as pop() would).
    const taken = new Map<string, number>();
    let parsed = 0;
    for (let i = chunks.length - 1; i >= 0; i--) {
      const list = this.cache.get(chunks[i]!);
      const k = taken.get(chunks[i]!) ?? 0;
      let entry = list && k < list.length ? list[list.length - 1 - k] : undefined;
      if (entry) taken.set(chunks[i]!, k + 1);
      else {
        entry = this.fresh(chunks[i]!, provisional);
        fresh.add(i);
        parsed++;
        yield;
      }
      entries[i] = entry;
      for (const label of entry.labels?.defines.links ?? []) seen.links.add(label);
      for (const label of entry.labels?.defines.footnotes ?? []) seen.footnotes.add(label);
    }
    // Parsed again against the whole document's definitions: a cached chunk when it asked about
    // a label whose definition came or went, a new one when an answer it was given was wrong.
    const labels = documentLabels(entries);
    const changed = difference(this.labels, labels);
    for (let i = 0; i < entries.length; i++) {
      const asked = entries[i]!.labels?.asked;
      if (!asked || asked.size === 0) continue;
      const stale = fresh.has(i)
        ? [...asked].some(([key, found]) => (key[0] === 'l' ? labels.links : labels.footnotes).has(key.slice(1)) !== found)
        : changed.size > 0 && [...asked.keys()].some((key) => changed.has(key));
      if (stale) {
        entries[i] = this.fresh(chunks[i]!, labels);
        parsed++;
        yield;
      }
    }
    // Another text was parsed meanwhile: the trees read above may have moved since.
    if (generation !== this.generation) return this.parse(text);
    this.lastParsed = parsed;
    this.labels = labels;
    const next = new Map<string, Cached[]>();
    const children: Root['children'] = [];
    let line = 0;
    let end: Root['position'];
    const simplified: Simplified[] = [];
    for (let i = 0; i < entries.length; i++) {
      const offset = starts[i]!;
      const chunk = chunks[i]!;
      const cached = entries[i]!;
      if (cached.labels) {
        const list = next.get(chunk);
        if (list) list.push(cached);
        else next.set(chunk, [cached]);
      }
      if (cached.offset !== offset || cached.line !== line) {
        const dOffset = offset - cached.offset;
        const dLine = line - cached.line;
        for (const node of cached.root.children) shiftNode(node, dOffset, dLine);
        // The chunk root's start stays where the chunk was parsed from; only its end moves.
        const p = cached.root.position;
        if (p) shiftPoint(p.end, dOffset, dLine);
        cached.offset = offset;
        cached.line = line;
      }
      for (const node of cached.root.children) children.push(node);
      // Offsets in a chunk's root data are relative to the chunk (it was parsed alone).
      for (const s of simplifiedIn(cached.root)) if (!simplified.some((t) => t.kind === s.kind)) simplified.push({ kind: s.kind, offset: s.offset + offset });
      end = cached.root.position;
      line += countLines(chunk);
    }
    const root: Root = { type: 'root', children };
    if (end) root.position = { start: end.start, end: end.end };
    if (simplified.length > 0) root.data = { simplified } as Root['data'];
    this.cache = next;
    return root;
  }

  private fresh(chunk: string, labels: LabelLookup): Cached {
    // A flat copy: the tree's strings are cut from it, and must not keep this version's whole text alive.
    const { root, labels: own } = parseChunk(detach(chunk), labels, parseMarkdown);
    ownPoints(root);
    return { root, offset: 0, line: 0, labels: own };
  }
}

/** Texts at least this long are parsed in chunks even the first time (tests change it). */
let chunkedMin = 20_000;

/** Sets the length from which parseChunked cuts a text into chunks (tests: 0 always, Infinity never); returns the previous one. */
export function setChunkedMin(min: number): number {
  const previous = chunkedMin;
  chunkedMin = min;
  return previous;
}

/**
 * Parses a text as parseMarkdown does, a long one chunk by chunk: micromark's cost grows faster
 * than the text, so a 2 MB plan parses several times faster in chunks than whole. The CLI and
 * the first analysis of an opened plan use it; later versions use the document's own parser.
 */
export function parseChunked(text: string): Root {
  return text.length >= chunkedMin ? new IncrementalParser().parse(text) : parseMarkdown(text);
}

function either(a: ReadonlySet<string>, b: ReadonlySet<string>): { has(label: string): boolean } {
  return { has: (label) => a.has(label) || b.has(label) };
}

/** Every label defined by some chunk. A chunk whose labels are unknown is the whole text, so it needs none. */
function documentLabels(entries: Cached[]): Labels {
  if (entries.length === 1) return entries[0]!.labels?.defines ?? NONE;
  const links = new Set<string>();
  const footnotes = new Set<string>();
  for (const { labels } of entries) {
    if (!labels) continue;
    for (const label of labels.defines.links) links.add(label);
    for (const label of labels.defines.footnotes) footnotes.add(label);
  }
  return { links, footnotes };
}

/** The labels defined in one set and not the other, as ChunkLabels.asked keys them. */
function difference(a: Labels, b: Labels): Set<string> {
  const out = new Set<string>();
  const add = (kind: string, x: ReadonlySet<string>, y: ReadonlySet<string>) => {
    if (x === y) return;
    for (const label of x) if (!y.has(label)) out.add(kind + label);
    for (const label of y) if (!x.has(label)) out.add(kind + label);
  };
  add('l', a.links, b.links);
  add('f', a.footnotes, b.footnotes);
  return out;
}

function countLines(chunk: string): number {
  let n = 0;
  for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) n++;
  return n;
}
