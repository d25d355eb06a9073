/**
 * Bounds what the Markdown parser is given, so that parsing is linear in the text whatever it
 * holds. micromark does work proportional to the nesting depth on every line (block quotes,
 * list items) and, inside one paragraph, work proportional to the square of the number of
 * unclosed link brackets, emphasis runs and HTML comment openers. This pass, itself one scan
 * of the text, replaces the characters that would go past a budget with a no-break space
 * (same length, so every offset is unchanged): the deeper structure is then read as plain
 * text, and the document gets one information finding (rules/fileSimplified.ts). Ordinary
 * plans are far below every budget and are passed through unchanged. Pure: no editor types.
 */

/** Block quotes and list items one line may open, estimated from its prefix (see lineDepth). */
export const MAX_NESTING = 48;
/**
 * Characters a "[" may stay open for: GFM's autolink literals look back from every word to
 * the nearest open "[", so a long unclosed bracket costs the square of its length.
 */
export const MAX_BRACKET_SPAN = 1000;
/** Per paragraph: link or image brackets (twice this, counting both),  emphasis or strike-through runs, code spans, HTML comment openers. */
export const MAX_INLINE = 64;

export type SimplifiedKind = 'nesting' | 'inline';

/** Where the text given to the parser differs from the document's, and why (the first place of each kind). */
export interface Simplified {
  kind: SimplifiedKind;
  offset: number;
}

export interface Bounded {
  text: string;
  simplified: Simplified[];
}

const FILLER = 0xa0; // no-break space: not Markdown syntax, and not whitespace for block structure
const SPACE = 32;
const TAB = 9;
const CR = 13;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The text to parse: unchanged (the same string) when it is within every budget. */
export function boundMarkdown(text: string): Bounded {
  let codes: Uint16Array | undefined;
  const simplified: Simplified[] = [];
  const blank = (from: number, to: number, kind: SimplifiedKind) => {
    if (!codes) {
      codes = new Uint16Array(text.length);
      for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
    }
    codes.fill(FILLER, from, to);
    if (!simplified.some((s) => s.kind === kind)) simplified.push({ kind, offset: from });
  };
  const counts = new Inline();
  let fence: { char: number; length: number } | undefined;
  let pos = frontMatterEnd(text);
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const contentStart = containerPrefix(text, pos, eol, blank);
    const rest = firstNonSpace(text, contentStart, eol);
    const c = rest < eol ? text.charCodeAt(rest) : -1;
    const run = c === 96 || c === 126 ? runLength(text, rest, eol, c) : 0;
    if (fence) {
      if (run >= fence.length && c === fence.char) fence = undefined;
    } else if (run >= 3) {
      fence = { char: c, length: run };
      counts.reset();
    } else {
      // A new block starts at a blank line, a list item, a heading, a table row or an HTML comment or instruction.
      const htmlBlock = c === 60 && (text.charCodeAt(rest + 1) === 33 || text.charCodeAt(rest + 1) === 63);
      if (c === -1 || c === CR || c === 35 || c === 124 || contentStart > pos || htmlBlock) counts.reset();
      counts.scan(text, htmlBlock ? rest + 2 : rest, eol, blank);
    }
    pos = eol + 1;
  }
  if (!codes) return { text, simplified };
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return { text: out, simplified };
}

/** Where YAML front matter (left to the YAML reader, see frontMatter.ts) ends; 0 when there is none. */
function frontMatterEnd(text: string): number {
  if (!/^---\r?\n/.test(text)) return 0;
  let pos = text.indexOf('\n') + 1;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, text.charCodeAt(eol - 1) === CR ? eol - 1 : eol).trimEnd();
    if (line === '---' || line === '...') return eol + 1;
    pos = eol + 1;
  }
  return 0;
}

/**
 * Walks the block quote and list markers at the start of a line (the line's container
 * prefix) and blanks those beyond MAX_NESTING. The depth is over-estimated, never under:
 * each marker counts one, and each two columns of white space count one more (a nested
 * list item needs at least two columns of indentation per level). Returns where the prefix
 * ends; a line whose prefix holds a list marker starts a new block.
 */
function containerPrefix(text: string, pos: number, eol: number, blank: (from: number, to: number, kind: SimplifiedKind) => void): number {
  let markers = 0;
  let columns = 0;
  let i = pos;
  let end = pos;
  let sawList = false;
  while (i < eol) {
    const c = text.charCodeAt(i);
    if (c === SPACE) {
      columns++;
      i++;
      continue;
    }
    if (c === TAB) {
      columns += 4 - (columns % 4);
      i++;
      continue;
    }
    let markerEnd = -1;
    if (c === 62) markerEnd = i + 1;
    else if ((c === 45 || c === 42 || c === 43) && isBreak(text, i + 1, eol)) markerEnd = i + 1;
    else if (isDigit(c)) {
      let j = i;
      while (j < eol && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
      const d = text.charCodeAt(j);
      if ((d === 46 || d === 41) && isBreak(text, j + 1, eol)) markerEnd = j + 1;
    }
    if (markerEnd < 0) break;
    if (c !== 62) sawList = true;
    markers++;
    if (markers + Math.floor(columns / 2) > MAX_NESTING) blank(i, markerEnd, 'nesting');
    i = markerEnd;
    end = i;
  }
  // A line with a list marker starts a block; one with only quote markers may continue a paragraph.
  return sawList ? end : pos;
}

function isBreak(text: string, i: number, eol: number): boolean {
  if (i >= eol) return true;
  const c = text.charCodeAt(i);
  return c === SPACE || c === TAB || c === CR;
}

function firstNonSpace(text: string, i: number, eol: number): number {
  while (i < eol) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== 62) break; // quote markers continue the block
    i++;
  }
  return i;
}

function runLength(text: string, i: number, eol: number, c: number): number {
  let j = i;
  while (j < eol && text.charCodeAt(j) === c) j++;
  return j - i;
}

/** Counts, per paragraph, the inline openers micromark resolves by looking back over the others. */
class Inline {
  private brackets = 0;
  private runs = 0;
  private ticks = 0;
  private html = 0;
  /** Offsets of the "[" still open in this paragraph, oldest first from `first`. */
  private open: number[] = [];
  private first = 0;

  reset(): void {
    this.brackets = this.runs = this.ticks = this.html = 0;
    this.open = [];
    this.first = 0;
  }

  scan(text: string, from: number, eol: number, blank: (from: number, to: number, kind: SimplifiedKind) => void): void {
    for (let i = from; i < eol; i++) {
      while (this.first < this.open.length && i - this.open[this.first]! > MAX_BRACKET_SPAN) {
        const at = this.open[this.first++]!;
        blank(at, at + 1, 'inline');
      }
      const c = text.charCodeAt(i);
      if (c === 92) {
        i++; // an escaped character is plain text
      } else if (c === 91 || c === 93) {
        // Each "]" looks back for an open "[", over the whole paragraph once none is left.
        if (++this.brackets > 2 * MAX_INLINE) blank(i, i + 1, 'inline');
        else if (c === 91) this.open.push(i);
        else if (this.open.length > this.first) this.open.pop();
      } else if (c === 42 || c === 95 || c === 126 || c === 96) {
        const end = i + runLength(text, i, eol, c);
        const over = c === 96 ? ++this.ticks > MAX_INLINE : ++this.runs > MAX_INLINE;
        if (over) blank(i, end, 'inline');
        i = end - 1;
      } else if (c === 60) {
        const d = text.charCodeAt(i + 1);
        if ((d === 33 || d === 63) && ++this.html > MAX_INLINE) blank(i, i + 1, 'inline');
      }
    }
  }
}
