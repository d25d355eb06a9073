/**
 * The language status item ("{} Markdown" area of the status bar) that shows
 * the plan's coverage. It exists only while a plan is shown in the coverage tree.
 */
import * as vscode from 'vscode';
import type { CoverageResult } from '../../server/src/protocol.js';
import type { CoverageTreeProvider } from './coverageTree.js';

const STATUTORY_KINDS = new Set(['statutory-duty', 'statutory-requirement']);

export class CoverageStatusItem implements vscode.Disposable {
  private item: vscode.LanguageStatusItem | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(tree: CoverageTreeProvider) {
    this.subscription = tree.onDidRefresh((result) => this.update(result));
    const current = tree.getCurrent();
    if (current) this.update(current);
  }

  /** Shows the coverage of a plan, or removes the item when the document is not a plan. */
  update(result: CoverageResult): void {
    if (!result.isPlan) {
      this.item?.dispose();
      this.item = undefined;
      return;
    }
    const item = (this.item ??= vscode.languages.createLanguageStatusItem('jfp.coverage', { language: 'markdown' }));
    const { addressed, partial, missing, waived } = result.summary;
    item.name = 'Plan coverage';
    item.text = `$(checklist) Plan coverage ${Math.round(result.percent)}%`;
    item.detail = `${addressed} addressed, ${partial} partial, ${missing} missing, ${waived} waived`;
    item.command = { command: 'workbench.view.extension.jfpCoverage', title: 'Show coverage' };
    const statutoryMissing = result.items.some((e) => e.counted && e.status === 'missing' && STATUTORY_KINDS.has(e.kind));
    item.severity = statutoryMissing ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.accessibilityInformation = { label: `Plan coverage ${Math.round(result.percent)} percent: ${item.detail}` };
  }

  dispose(): void {
    this.subscription.dispose();
    this.item?.dispose();
    this.item = undefined;
  }
}
