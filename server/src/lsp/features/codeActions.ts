import { CodeActionKind, type CodeAction, type Command, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { PlanAnalysis } from '../../analysis/analyse.js';
import type { DocumentAnalysis } from '../../analysis/model/document.js';
import { diagnosticData, diagnosticFix } from '../../analysis/rules/findings.js';
import type { Range } from '../../analysis/types.js';
import { fixAllEdit } from '../../analysis/fixAll.js';
import { insertSectionsEdit, replaceIdEdit, tagSectionEdit, waiveEdit, waiverReasonEdit, type TextEdit } from '../../analysis/edits.js';
import { isStatutory } from '../../analysis/data/catalogue.js';
import { sectionAt } from '../../analysis/model/plan.js';
import type { AlsoOnLine } from '../../analysis/present/lineCap.js';
import { Commands } from '../../../../shared/protocol.js';
import * as l10n from '@vscode/l10n';

function edit(uri: string, e: TextEdit): WorkspaceEdit {
  return { changes: { [uri]: [e] } };
}

function quickFix(title: string, diagnostic: Diagnostic, workspaceEdit: WorkspaceEdit, isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit, isPreferred };
}

function commandAction(title: string, diagnostic: Diagnostic, command: Command): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command };
}

/**
 * The two actions of a plan-level summary on the title: insert every missing section, and show
 * the coverage view (which has each item's own actions), whatever the number of items.
 */
function summaryActions(doc: DocumentAnalysis, plan: PlanAnalysis, d: Diagnostic): CodeAction[] {
  const actions: CodeAction[] = [];
  const data = d.data as { itemIds?: string[] };
  const insert = (data.itemIds?.length ?? 0) > 0 ? missingSectionsEdit(doc, plan) : null;
  if (insert) actions.push(quickFix(l10n.t('Insert all missing sections'), d, insert, true));
  actions.push(commandAction(l10n.t('Show plan coverage'), d, { title: l10n.t('Show plan coverage'), command: Commands.showCoverage }));
  return actions;
}

/** Quick fixes for our diagnostics, each with its edit inline (some clients cannot resolve edits later), and the per-item actions of the heading under the cursor. */
export function codeActions(doc: DocumentAnalysis, plan: PlanAnalysis, diagnostics: readonly Diagnostic[], range?: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  const catalogue = plan.index.catalogue;
  for (const d of diagnostics) {
    if (d.source !== 'jfp') continue;
    const data = (d.data ?? {}) as { summary?: boolean; also?: AlsoOnLine[] };
    // Findings carried by this one (more than two on its line) keep their fixes.
    for (const also of data.also ?? []) if (also.fix) actions.push(quickFix(also.fix.title, d, { changes: { [doc.uri]: also.fix.edits } }));
    if (data.summary) {
      actions.push(...summaryActions(doc, plan, d));
      continue;
    }
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
  if (range) actions.push(...evidenceActions(doc, plan, range));
  // Two summaries on one title offer the same actions once.
  const seen = new Set<string>();
  return actions.filter((a) => !seen.has(a.title) && seen.add(a.title));
}

/**
 * Per-item actions where the item's evidence is: on the heading of a section that partly
 * covers an item (its best evidence), "Map this section to ..." with no diagnostic needed.
 */
export function evidenceActions(doc: DocumentAnalysis, plan: PlanAnalysis, range: Range): CodeAction[] {
  const { plan: model } = doc;
  const section = model.sections[sectionAt(model.sections, model.lines.offsetAt(range.start))]!;
  if (section.depth === 0) return [];
  const line = model.lines.positionAt(section.start).line;
  if (range.start.line !== line) return [];
  const actions: CodeAction[] = [];
  for (const c of plan.coverage) {
    const best = c.evidence[0];
    if (c.status !== 'partial' || !c.counted || !best || best.uri !== doc.uri || best.line !== line) continue;
    const item = plan.index.catalogue.get(c.id);
    const tag = item ? tagSectionEdit(doc, line, item.id) : undefined;
    if (item && tag) actions.push({ title: l10n.t('Map this section to "{0}"', item.title), kind: CodeActionKind.QuickFix, edit: edit(doc.uri, tag) });
  }
  return actions;
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.jfp`;

/** `source.fixAll.jfp`: every safe fix the document's findings carry, in one edit that is idempotent (see analysis/fixAll.ts). */
export function fixAllAction(doc: DocumentAnalysis, plan: PlanAnalysis): CodeAction | undefined {
  const all = fixAllEdit(doc, plan);
  if (!all) return undefined;
  return { title: l10n.t('Apply every safe jfp fix'), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: [all] } } };
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
