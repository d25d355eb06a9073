import type { Diagnostic } from 'vscode-languageserver-protocol';
import { diagnosticData } from '../../server/src/analysis/rules/findings.js';

// One set of fixture paths for every suite (test/helpers.ts); the LSP suites use the short names.
export { DRAFT_PLAN as DRAFT, EXAMPLE_PLAN as EXAMPLE, lineOf, NOTES, WORKSPACE } from '../helpers.js';

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The diagnostics with a given code. */
/** The codes a diagnostic reports: its own, and for a plan-level summary those it sums up (see analysis/present/planSummary.ts). */
export function codesOf(d: Diagnostic): string[] {
  const data = (d.data ?? {}) as { summary?: boolean; itemIds?: string[]; partialIds?: string[]; parts?: { code: string }[] };
  if (!data.summary) return [String(d.code)];
  return [String(d.code), ...(data.itemIds?.length ? ['jfp.duty.missing'] : []), ...(data.partialIds?.length ? ['jfp.duty.partial'] : []), ...(data.parts ?? []).map((p) => p.code)];
}
export const hasCode = (d: Diagnostic, code: string): boolean => codesOf(d).includes(code);
export const codes = (ds: Diagnostic[], code: string): Diagnostic[] => ds.filter((d) => hasCode(d, code));

/** The catalogue item ids of the diagnostics with a given code. */
export const itemIds = (ds: Diagnostic[], code: 'jfp.duty.missing' | 'jfp.duty.partial'): string[] =>
  codes(ds, code).flatMap((d) => {
    const summary = diagnosticData(d, 'jfp.plan.summary');
    if (summary) return code === 'jfp.duty.missing' ? summary.itemIds : summary.partialIds;
    return diagnosticData(d, code)?.itemId ?? [];
  });
