/**
 * Link reference definitions and footnote definitions across chunks. micromark decides whether
 * `[x]`, `[a][x]`, `![x]` or `[^x]` is a reference by asking whether the document defines the
 * label: it collects every definition while it reads the blocks, then reads the inline text.
 * The hooks below let a chunk be parsed as part of a larger document: each chunk's own
 * definitions are read from the parser, and its questions about labels it does not define
 * itself are answered from the document-wide set and remembered, so that the chunk is parsed
 * again only when the answer to one of them changes. Outside parseChunk the hooks do nothing.
 * Pure: no editor or LSP types.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';

/** Labels as micromark compares them (normalised, upper case). */
export interface Labels {
  links: ReadonlySet<string>;
  footnotes: ReadonlySet<string>;
}

/** What parseChunk needs of the document's labels. */
export interface LabelLookup {
  links: { has(label: string): boolean };
  footnotes: { has(label: string): boolean };
}

export interface ChunkLabels {
  /** The labels the chunk defines. */
  defines: Labels;
  /** Labels the chunk asked about but does not define ('l' or 'f' then the label), with the answer it was given. */
  asked: Map<string, boolean>;
}

interface Parser {
  defined: string[];
  gfmFootnotes?: string[];
  constructs: { document: Record<string, unknown[]>; text: Record<string, unknown[]> };
}

interface Session {
  outside: LabelLookup;
  asked: Map<string, boolean>;
  parser?: Parser;
}

let session: Session | undefined;

/** Removes a construct from a hook's list (the lists are made afresh for every parse). */
function drop(map: Record<string, unknown[]>, code: string, construct: unknown): void {
  const list = map[code];
  const at = list ? list.indexOf(construct) : -1;
  if (at >= 0) list!.splice(at, 1);
}

type Effects = unknown;
type State = (code: number | null) => unknown;

/** Tried at the first line start: remembers the parser, then never runs again. */
const capture = {
  // Partial: trying it leaves no trace in the tokenizer (it would otherwise become its current construct).
  partial: true,
  tokenize(this: { parser: Parser }, _effects: Effects, _ok: State, nok: State): State {
    drop(this.parser.constructs.document, 'null', capture);
    if (session) session.parser = this.parser;
    return nok;
  },
};

/**
 * Tried first at every `[`, `!` and `]` of the inline text, so before any reference is looked
 * up. By then every definition of the chunk has been read (micromark reads inline text only
 * after all blocks), so what the lists hold is the chunk's own; from now on a label they lack
 * is looked up in the document-wide set.
 */
const answer = {
  partial: true,
  tokenize(this: { parser: Parser }, _effects: Effects, _ok: State, nok: State): State {
    const parser = this.parser;
    for (const code of TEXT_CODES) drop(parser.constructs.text, code, answer);
    if (session && session.parser === parser) {
      const { outside, asked } = session;
      lookUp(parser.defined, 'l', outside.links, asked);
      lookUp((parser.gfmFootnotes ??= []), 'f', outside.footnotes, asked);
    }
    return nok;
  },
};

const TEXT_CODES = ['33', '91', '93'];

function lookUp(own: string[], kind: string, outside: { has(label: string): boolean }, asked: Map<string, boolean>): void {
  const mine = new Set(own);
  own.includes = (label: string) => {
    if (mine.has(label)) return true;
    const found = outside.has(label);
    asked.set(kind + label, found);
    return found;
  };
}

/** The unified plugin that installs the hooks (markdown.ts uses it). */
export function remarkChunkLabels(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  const text: Record<string, unknown> = {};
  for (const code of TEXT_CODES) text[code] = answer;
  (data.micromarkExtensions ??= []).push({ document: { null: capture }, text });
}

/**
 * Parses a chunk of a document whose definitions (of every chunk, this one included) are
 * `outside`, with `parse` (a parser that has remarkChunkLabels). Returns null when the
 * chunk's own definitions could not be read: only a text of one line that ends just after
 * a block quote, list or footnote marker, which defines nothing another chunk could use.
 */
export function parseChunk(text: string, outside: LabelLookup, parse: (text: string) => Root): { root: Root; labels: ChunkLabels | null } {
  const current: Session = { outside, asked: new Map() };
  session = current;
  let root: Root;
  try {
    root = parse(text);
  } finally {
    session = undefined;
  }
  const parser = current.parser;
  if (!parser) return { root, labels: null };
  const defines = { links: new Set(parser.defined), footnotes: new Set(parser.gfmFootnotes ?? []) };
  return { root, labels: { defines, asked: current.asked } };
}
