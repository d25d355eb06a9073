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
export const codes = (ds: Diagnostic[], code: string): Diagnostic[] => ds.filter((d) => d.code === code);

/** The catalogue item ids of the diagnostics with a given code. */
export const itemIds = (ds: Diagnostic[], code: 'jfp.duty.missing' | 'jfp.duty.partial'): string[] => ds.flatMap((d) => diagnosticData(d, code)?.itemId ?? []);
