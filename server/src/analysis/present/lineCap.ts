/**
 * At most two jfp diagnostics on a line. When more fall on one line, the most severe is kept
 * as it is and the others are carried by the next most severe one: its message gains "Also on
 * this line: ..." (the first sentence of each), and its data keeps each one in full, with its
 * fix, so quick fixes still offer them. Hints therefore never push a warning off a line.
 */
import type { Finding, FindingFix, Severity } from '../types.js';
import * as l10n from '@vscode/l10n';

export const MAX_PER_LINE = 2;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** What a carried finding keeps. */
export interface AlsoOnLine {
  code: string;
  severity: Severity;
  message: string;
  fix?: FindingFix;
}

function firstSentence(message: string): string {
  const m = /^[\s\S]*?[.!?](?=\s|$)/.exec(message);
  return (m ? m[0] : message).trim();
}

export function capPerLine(findings: readonly Finding[], max = MAX_PER_LINE): Finding[] {
  // Per document, per line (no key made per finding: a long plan has thousands).
  const byUri = new Map<string, Map<number, Finding[]>>();
  const lists: Finding[][] = [];
  for (const f of findings) {
    let byLine = byUri.get(f.uri);
    if (!byLine) byUri.set(f.uri, (byLine = new Map()));
    const list = byLine.get(f.range.start.line);
    if (list) list.push(f);
    else {
      const started = [f];
      byLine.set(f.range.start.line, started);
      lists.push(started);
    }
  }
  const replaced = new Map<Finding, Finding | null>();
  for (const list of lists) {
    if (list.length <= max) continue;
    const sorted = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const carrier = sorted[max - 1]!;
    const carried = sorted.slice(max);
    const also: AlsoOnLine[] = carried.map((f) => ({ code: f.code, severity: f.severity, message: f.message, ...(f.data?.fix ? { fix: f.data.fix } : {}) }));
    const labels = [...new Set(carried.map((f) => firstSentence(f.message)))];
    replaced.set(carrier, {
      ...carrier,
      message: `${carrier.message} ${l10n.t('Also on this line: {0}', labels.join(' '))}`,
      data: { ...carrier.data, also: [...(carrier.data?.also ?? []), ...also] },
    } as Finding);
    for (const f of carried) replaced.set(f, null);
  }
  if (replaced.size === 0) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const r = replaced.get(f);
    if (r === null) continue;
    out.push(r ?? f);
  }
  return out;
}
