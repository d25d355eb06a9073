/**
 * Features answered from the last completed analysis while a newer one is under way (see
 * ../pipeline.ts `view`): the request's position is mapped back to the analysed text, and every
 * range of the answer forward to the editor's text. What touches text written since the
 * analysis is left out (a hover there is empty); nothing points at text that is not there.
 * Quick fixes are rebuilt from the analysis's own findings, never from the edits a client
 * sends back in a diagnostic's data, and a fix whose edit touches text written since is not
 * offered: an edit is only ever applied to the text it was made for.
 */
import type { CodeAction, CodeActionParams, CodeLens, CompletionItem, Diagnostic, Hover, Position, TextEdit } from 'vscode-languageserver';
import type { TextFormat } from '../../analysis/explain.js';
import type { Finding } from '../../analysis/types.js';
import { uriKey } from '../../host/uri.js';
import { codeActions } from '../features/codeActions.js';
import { codeLenses } from '../features/codeLens.js';
import { complete, type CompletionOptions } from '../features/completion.js';
import { toDiagnostic } from '../features/diagnostics.js';
import { hover } from '../features/hover.js';
import type { DocumentView } from '../pipeline.js';

export function mappedHover(view: DocumentView, position: Position, format: TextFormat): Hover | null {
  const at = view.map.back(position);
  const found = at && hover(view.doc, view.plan, at, format);
  if (!found?.range) return found ?? null;
  const range = view.map.forward(found.range);
  return range ? { ...found, range } : null;
}

export function mappedCompletion(view: DocumentView, position: Position, options: CompletionOptions): CompletionItem[] {
  if (view.map.identity) return complete(view.doc, view.plan, position, options);
  const before = view.text.getText({ start: { line: position.line, character: 0 }, end: position });
  return complete(view.doc, view.plan, position, options, { before, offset: view.map.backNear(position) });
}

export function mappedCodeLenses(view: DocumentView): CodeLens[] {
  const out: CodeLens[] = [];
  for (const lens of codeLenses(view.doc, view.plan)) {
    const range = view.map.forward(lens.range);
    if (range) out.push({ ...lens, range });
  }
  return out;
}

const keyOf = (code: unknown, range: Diagnostic['range'], message: unknown) =>
  `${String(code)}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${typeof message === 'string' ? message : ''}`;

/** Quick fixes for the client's diagnostics that the analysis published, and for the heading under the cursor. */
export function mappedCodeActions(view: DocumentView, params: Pick<CodeActionParams, 'range' | 'context'>): CodeAction[] {
  const { doc, plan, map } = view;
  const ours = new Map<string, Finding>();
  for (const f of plan.presented.get(doc.uri) ?? plan.presented.get(uriKey(doc.uri)) ?? []) ours.set(keyOf(f.code, f.range, f.message), f);
  // Each diagnostic the client sends is replaced by the analysis's own, with its data.
  const theirs = new Map<Diagnostic, Diagnostic>();
  for (const d of params.context.diagnostics) {
    const f = d.source === 'jfp' ? ours.get(keyOf(d.code, d.range, d.message)) : undefined;
    if (f) theirs.set(toDiagnostic(f), d);
  }
  const start = map.back(params.range.start);
  const actions = codeActions(doc, plan, [...theirs.keys()], start && { start, end: start });
  const out: CodeAction[] = [];
  for (const action of actions) {
    const changes = action.edit?.changes;
    let mapped: Record<string, TextEdit[]> | undefined;
    if (changes) {
      mapped = {};
      for (const [uri, edits] of Object.entries(changes)) {
        const moved = edits.map((e) => ({ newText: e.newText, range: map.forward(e.range) }));
        if (moved.some((e) => !e.range)) {
          mapped = undefined;
          break;
        }
        mapped[uri] = moved as TextEdit[];
      }
      if (!mapped) continue;
    }
    const diagnostics = action.diagnostics?.map((d) => theirs.get(d) ?? d);
    out.push({ ...action, ...(diagnostics ? { diagnostics } : {}), ...(mapped ? { edit: { changes: mapped } } : {}) });
  }
  return out;
}
