import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { PlanAnalysis } from '../../analysis/analyse.js';
import type { DocumentAnalysis } from '../../analysis/model/document.js';
import { diagnosticData, diagnosticFix } from '../../analysis/rules/findings.js';
import type { Position, Range } from '../../analysis/types.js';
import { insertSectionsEdit, replaceIdEdit, tagSectionEdit, waiveEdit, waiverReasonEdit, type TextEdit } from '../../analysis/edits.js';
import { isStatutory } from '../../analysis/data/catalogue.js';
import * as l10n from '@vscode/l10n';

function edit(uri: string, e: TextEdit): WorkspaceEdit {
  return { changes: { [uri]: [e] } };
}

function quickFix(title: string, diagnostic: Diagnostic, workspaceEdit: WorkspaceEdit, isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit, isPreferred };
}

/** Quick fixes for our diagnostics, each with its edit inline (some clients cannot resolve edits later). */
export function codeActions(doc: DocumentAnalysis, plan: PlanAnalysis, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const catalogue = plan.index.catalogue;
  for (const d of diagnostics) {
    if (d.source !== 'jfp') continue;
    switch (d.code) {
      case 'jfp.duty.missing': {
        const data = diagnosticData(d, 'jfp.duty.missing');
        const item = catalogue.get(data?.itemId ?? '');
        // A started section needs text, not a second section.
        if (!item || data?.started) break;
        const insert = insertSectionsEdit(doc, [item]);
        if (insert) actions.push(quickFix(l10n.t('Insert a section for "{0}"', item.title), d, edit(doc.uri, insert), true));
        // A statutory duty or requirement cannot be waived (see jfp.waiver.statutory).
        if (!isStatutory(item)) actions.push(quickFix(l10n.t('Waive "{0}" (give a reason)', item.title), d, edit(doc.uri, waiveEdit(doc, item.id))));
        break;
      }
      case 'jfp.duty.partial': {
        const data = diagnosticData(d, 'jfp.duty.partial');
        const item = catalogue.get(data?.itemId ?? '');
        if (!item || data?.line === undefined) break;
        const tag = tagSectionEdit(doc, data.line, item.id);
        if (tag) actions.push(quickFix(l10n.t('Map this section to "{0}"', item.title), d, edit(doc.uri, tag), true));
        break;
      }
      case 'jfp.tag.unknown': {
        const suggestion = diagnosticData(d, 'jfp.tag.unknown')?.suggestion;
        if (suggestion) actions.push(quickFix(l10n.t('Change to "{0}"', suggestion), d, edit(doc.uri, replaceIdEdit(d.range, suggestion)), true));
        break;
      }
      case 'jfp.waiver.no-reason': {
        const tag = doc.plan.tags.find((t) => t.kind === 'waive' && t.ids[0] && doc.plan.lines.positionAt(t.start).line === d.range.start.line);
        if (tag) actions.push(quickFix(l10n.t('Add a reason to the waiver'), d, edit(doc.uri, waiverReasonEdit(doc, tag.ids[0]!.end)), true));
        break;
      }
      case 'jfp.plan.edition': {
        // Not a safe fix (never in "fix all"): it changes what the plan is checked against.
        const switchTo = diagnosticData(d, 'jfp.plan.edition')?.switchTo;
        if (switchTo) actions.push(quickFix(switchTo.title, d, { changes: { [doc.uri]: switchTo.edits } }));
        break;
      }
      default:
        break;
    }
    // Rules that know a safe fix carry it in the diagnostic.
    const fix = diagnosticFix(d);
    if (fix) actions.push(quickFix(fix.title, d, { changes: { [doc.uri]: fix.edits } }, true));
  }
  return actions;
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.jfp`;

/** `source.fixAll.jfp`: every safe fix the document's findings carry, in one edit (overlapping fixes are left out). */
export function fixAllAction(doc: DocumentAnalysis, plan: PlanAnalysis): CodeAction | undefined {
  const edits: { range: Range; newText: string }[] = [];
  const key = (p: Position) => p.line * 1e7 + p.character;
  for (const f of plan.findings.get(doc.uri) ?? []) {
    const fix = f.data?.fix;
    if (!fix) continue;
    const clashes = fix.edits.some((e) => edits.some((o) => key(e.range.start) < key(o.range.end) && key(o.range.start) < key(e.range.end)));
    if (!clashes) edits.push(...fix.edits);
  }
  if (edits.length === 0) return undefined;
  return { title: l10n.t('Apply every safe jfp fix'), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } };
}

/** The edit behind "insert all missing sections": every missing counted item, in catalogue order. */
export function missingSectionsEdit(doc: DocumentAnalysis, plan: PlanAnalysis): WorkspaceEdit | null {
  // A started section (mapped, no content yet) needs text, not a second section.
  const missing = plan.coverage.filter((c) => c.counted && c.status === 'missing' && !c.started).map((c) => plan.index.catalogue.get(c.id)!);
  const insert = insertSectionsEdit(doc, missing);
  return insert ? edit(doc.uri, insert) : null;
}

export function sectionEdit(doc: DocumentAnalysis, plan: PlanAnalysis, itemId: string): WorkspaceEdit | null {
  const item = plan.index.catalogue.get(itemId);
  const insert = item ? insertSectionsEdit(doc, [item]) : undefined;
  return insert ? edit(doc.uri, insert) : null;
}
