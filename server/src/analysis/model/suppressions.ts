/**
 * Inline control of diagnostics:
 *   <!-- jfp-disable-next-line CODE[, CODE] -->   the next line
 *   <!-- jfp-disable CODE -->  ...  <!-- jfp-enable CODE -->   a region (to the end if not re-enabled)
 * With no code, every jfp code is affected.
 */
import type { LineIndex } from './lineIndex.js';

export interface Directive {
  kind: 'next-line' | 'disable' | 'enable';
  /** Codes named; empty means all. */
  codes: string[];
  start: number;
  end: number;
}

const COMMENT = /<!--\s*jfp-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;

export function scanDirectives(source: string, base: number): Directive[] {
  const out: Directive[] = [];
  for (const m of source.matchAll(COMMENT)) {
    const kind = m[1] === 'disable-next-line' ? 'next-line' : (m[1] as 'disable' | 'enable');
    const codes = m[2]!.split(/[\s,]+/).filter((c) => c !== '');
    out.push({ kind, codes, start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

/** Line ranges (inclusive) in which each code, or every code ('*'), is silenced. */
export class Suppressions {
  private readonly ranges = new Map<string, [number, number][]>();

  constructor(directives: readonly Directive[], lines: LineIndex) {
    const open = new Map<string, number>();
    const add = (code: string, from: number, to: number) => {
      const list = this.ranges.get(code) ?? [];
      list.push([from, to]);
      this.ranges.set(code, list);
    };
    const sorted = [...directives].sort((a, b) => a.start - b.start);
    for (const d of sorted) {
      const codes = d.codes.length > 0 ? d.codes : ['*'];
      const line = lines.positionAt(d.start).line;
      for (const code of codes) {
        if (d.kind === 'next-line') {
          const next = lines.positionAt(d.end).line + 1;
          add(code, next, next);
        } else if (d.kind === 'disable') {
          if (!open.has(code)) open.set(code, line);
        } else {
          const from = open.get(code);
          if (from !== undefined) {
            add(code, from, line);
            open.delete(code);
          }
        }
      }
    }
    for (const [code, from] of open) add(code, from, Number.MAX_SAFE_INTEGER);
  }

  get size(): number {
    return this.ranges.size;
  }

  isSuppressed(code: string, line: number): boolean {
    for (const key of [code, '*']) {
      for (const [from, to] of this.ranges.get(key) ?? []) if (line >= from && line <= to) return true;
    }
    return false;
  }
}
