import { analysePlan, type PlanAnalysis } from './analyse.js';
import { analyseDocument, type DocumentAnalysis } from './model/document.js';
import type { TextEdit } from './edits.js';

/** Rounds of fix-and-analyse-again before fix-all stops (a fix can make another finding, e.g. a new first use of an abbreviation). */
export const FIX_ALL_ROUNDS = 4;

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** The safe fixes of one round that do not overlap, as offsets (a fix that clashes with an earlier one is left out). */
function safeFixes(doc: DocumentAnalysis, plan: PlanAnalysis): OffsetEdit[] {
  const taken: OffsetEdit[] = [];
  const { lines } = doc.plan;
  const findings = plan.findings.get(doc.uri) ?? [];
  // Renaming comes first: a replacement can become the first use of an abbreviation, spelled out in the next round.
  const renames = findings.filter((f) => f.code === 'jfp.term.outdated' && f.data?.fix);
  for (const f of renames.length > 0 ? renames : findings) {
    const fix = f.data?.fix;
    if (!fix) continue;
    const edits = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
    const clashes = edits.some((e) => taken.some((o) => e.start < o.end && o.start < e.end));
    if (!clashes) taken.push(...edits);
  }
  return taken;
}

function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Every safe fix of a document as one edit, idempotent: the fixed text is analysed again and
 * fixed again until nothing changes (at most FIX_ALL_ROUNDS rounds), so applying fix-all twice
 * gives what applying it once does. The edit replaces only the span that changed.
 */
export function fixAllEdit(doc: DocumentAnalysis, plan: PlanAnalysis): TextEdit | undefined {
  const original = doc.plan.text;
  let text = original;
  let current: { doc: DocumentAnalysis; plan: PlanAnalysis } = { doc, plan };
  for (let round = 0; round < FIX_ALL_ROUNDS; round++) {
    const edits = safeFixes(current.doc, current.plan);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
    const inputs = plan.inputs;
    // Without the inputs the plan was analysed with, one round is all that can be done faithfully.
    if (!inputs || round === FIX_ALL_ROUNDS - 1) break;
    const changed = analyseDocument(doc.uri, text, plan.index);
    const documents = current.plan.documents.map((d) => (d.uri === doc.uri ? changed : d));
    current = { doc: changed, plan: analysePlan(documents, inputs.catalogue, inputs.options) };
  }
  if (text === original) return undefined;
  // One edit over the span that changed: the common start and end stay as they are.
  let prefix = 0;
  const max = Math.min(text.length, original.length);
  while (prefix < max && text.charCodeAt(prefix) === original.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && text.charCodeAt(text.length - 1 - suffix) === original.charCodeAt(original.length - 1 - suffix)) suffix++;
  return { range: doc.plan.lines.rangeOf(prefix, original.length - suffix), newText: text.slice(prefix, text.length - suffix) };
}
