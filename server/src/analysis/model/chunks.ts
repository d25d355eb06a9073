/**
 * Where a Markdown text is cut into chunks for incremental parsing (incremental.ts): before each
 * level-1 to 6 ATX heading that starts a line at the top level (outside front matter, fenced code
 * and HTML blocks). Pure.
 */
import { partitionPoint } from '../text/partition.js';

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
  scan(text, pos, starts);
  return starts;
}

/**
 * The same for a text made from the last one (`old`, cut at `oldStarts`) by replacing what lies
 * between a common start of length `start` and a common end of length `end`: the scan starts at
 * the last chunk start before the change and stops at the first old chunk start after it where
 * the scan is at the top level again, since from there on the text and the scan are the old
 * ones. What is read is the changed part and the chunks around it, not the whole text.
 */
export function chunkStartsAfterEdit(old: string, oldStarts: readonly number[], text: string, start: number, end: number): number[] {
  const k = partitionPoint(oldStarts, (s) => s <= start) - 1;
  // A change in the first chunk (front matter), or lone CRs (checked one character either side of the change).
  if (k < 1 || /\r(?!\n)/.test(text.slice(start - 1, text.length - end + 1))) return chunkStarts(text);
  const delta = text.length - old.length;
  const starts = oldStarts.slice(0, k);
  let j = k;
  scan(text, oldStarts[k]!, starts, (pos) => {
    if (pos < text.length - end) return false;
    while (j < oldStarts.length && oldStarts[j]! + delta < pos) j++;
    if (j >= oldStarts.length || oldStarts[j]! + delta !== pos) return false;
    for (; j < oldStarts.length; j++) starts.push(oldStarts[j]! + delta);
    return true;
  });
  return starts;
}

/**
 * Scans lines from `pos` (a line start at the top level), adding the chunk starts found; it
 * stops early when `resume(pos)` says the rest is known (it is asked at each line start at the top level).
 */
function scan(text: string, pos: number, starts: number[], resume?: (pos: number) => boolean): void {
  // The block states the parser may be in at this line. A line that starts with "<" may open
  // an HTML block that runs to a blank line, or be prose: both are followed. A heading is a
  // chunk start only when every possibility is plain top level.
  let states: string[] = [NORMAL];
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const normal = states.length === 1 && states[0] === NORMAL;
    if (normal && resume?.(pos)) return;
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
