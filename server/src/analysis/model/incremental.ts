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
import { chunkStarts, chunkStartsAfterEdit } from './chunks.js';
import { commonEnds } from '../lastVersion.js';

export { chunkStarts } from './chunks.js';


interface Cached {
  root: Root;
  /** The offset and line count its positions are currently shifted by. */
  offset: number;
  line: number;
  /** The line breaks in its text. */
  lines: number;
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
  /** The last version: its text, chunk starts and each chunk's tree. */
  private last: { text: string; starts: number[]; entries: Cached[] } | undefined;
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
    const { starts, chunks, placed, cache } = this.reuse(text);
    const entries = new Array<Cached>(chunks.length);
    const fresh = new Set<number>();
    // Last chunk first, since definitions gather at the end (footnotes converted from Word): a
    // new chunk is parsed against the last version's definitions and those of the chunks after it.
    const seen = { links: new Set<string>(), footnotes: new Set<string>() };
    const { links, footnotes } = this.labels;
    const provisional: LabelLookup = { links: either(seen.links, links), footnotes: either(seen.footnotes, footnotes) };
    let parsed = 0;
    for (let i = chunks.length - 1; i >= 0; i--) {
      // (`cache` is this call's own: taking from it changes nothing the parser keeps.)
      let entry = placed[i] ?? cache.get(chunks[i]!)?.pop();
      if (!entry) {
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
    const children: Root['children'] = [];
    let line = 0;
    let end: Root['position'];
    const simplified: Simplified[] = [];
    for (let i = 0; i < entries.length; i++) {
      const offset = starts[i]!;
      const cached = entries[i]!;
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
      line += cached.lines;
    }
    const root: Root = { type: 'root', children };
    if (end) root.position = { start: end.start, end: end.end };
    if (simplified.length > 0) root.data = { simplified } as Root['data'];
    this.last = { text, starts, entries };
    return root;
  }

  /**
   * The text's chunks, with the last version's trees of those an edit left alone: the chunks
   * before the change keep their places, those after it keep theirs moved by the change's
   * length, so neither is looked up by its text. The other chunks are looked up by text among
   * the last version's chunks around the change (`cache`; a cut and paste finds its chunk there).
   */
  private reuse(text: string): { starts: number[]; chunks: string[]; placed: (Cached | undefined)[]; cache: Map<string, Cached[]> } {
    const last = this.last;
    const { start, end } = last ? commonEnds(last.text, text) : { start: 0, end: 0 };
    const starts = last ? chunkStartsAfterEdit(last.text, last.starts, text, start, end) : chunkStarts(text);
    const n = starts.length;
    const chunks: string[] = [];
    for (let i = 0; i < n; i++) chunks.push(text.slice(starts[i]!, starts[i + 1] ?? text.length));
    const placed = new Array<Cached | undefined>(n);
    const cache = new Map<string, Cached[]>();
    if (!last) return { starts, chunks, placed, cache };
    const old = last.starts;
    const m = old.length;
    const delta = text.length - last.text.length;
    // Before the change: the same place and end. After it: the same place and end, moved.
    let i = 0;
    for (; i < n && i < m && old[i] === starts[i] && (starts[i + 1] ?? text.length) <= start && (old[i + 1] ?? last.text.length) === (starts[i + 1] ?? text.length); i++) placed[i] = usable(last.entries[i]);
    let a = n - 1;
    let b = m - 1;
    for (; a >= i && b >= i && starts[a]! >= text.length - end && old[b]! + delta === starts[a] && (old[b + 1] ?? last.text.length) + delta === (starts[a + 1] ?? text.length); a--, b--) placed[a] = usable(last.entries[b]);
    for (let k = i; k <= b; k++) {
      const entry = usable(last.entries[k]);
      if (!entry) continue;
      const chunk = last.text.slice(old[k]!, old[k + 1] ?? last.text.length);
      const list = cache.get(chunk);
      if (list) list.push(entry);
      else cache.set(chunk, [entry]);
    }
    return { starts, chunks, placed, cache };
  }

  private fresh(chunk: string, labels: LabelLookup): Cached {
    // A flat copy: the tree's strings are cut from it, and must not keep this version's whole text alive.
    const { root, labels: own } = parseChunk(detach(chunk), labels, parseMarkdown);
    ownPoints(root);
    return { root, offset: 0, line: 0, lines: countLines(chunk), labels: own };
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

/** A tree that may be reused: one whose labels are known (a text that could not be cut is parsed again whole). */
function usable(entry: Cached | undefined): Cached | undefined {
  return entry?.labels ? entry : undefined;
}
