/**
 * The plan's coverage figure in the status bar (e.g. "JFP 81%", with the plan's name, the
 * counts and how partly covered items count in its tooltip) and in the language status item
 * ("{} Markdown" pop-up). Both exist only while a plan is shown in the coverage tree.
 */
import * as vscode from 'vscode';
import type { CoverageResult } from '../../shared/protocol.js';
import { Commands } from '../../shared/protocol.js';
import type { CoverageTreeProvider } from './coverageTree.js';
import { headline } from './headline.js';

const STATUTORY_KINDS = new Set(['statutory-duty', 'statutory-requirement']);

export class CoverageStatusItem implements vscode.Disposable {
  private item: vscode.LanguageStatusItem | undefined;
  private bar: vscode.StatusBarItem | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(tree: CoverageTreeProvider) {
    this.subscription = tree.onDidRefresh((result) => this.update(result));
    const current = tree.getCurrent();
    if (current) this.update(current);
  }

  /** Shows the coverage of a plan, or removes the item when the document is not a plan. */
  update(result: CoverageResult): void {
    const head = headline(result, vscode.l10n.t);
    if (!result.isPlan || !head) {
      this.item?.dispose();
      this.item = undefined;
      this.bar?.dispose();
      this.bar = undefined;
      return;
    }
    const bar = (this.bar ??= vscode.window.createStatusBarItem('jfp.coverage.status', vscode.StatusBarAlignment.Left, 10));
    bar.name = vscode.l10n.t('Plan coverage');
    bar.text = `$(checklist) ${head.status}`;
    bar.tooltip = head.tooltip;
    bar.command = { command: Commands.showCoverage, title: vscode.l10n.t('Show coverage') };
    bar.accessibilityInformation = { label: `${head.header}. ${head.counting}` };
    bar.show();
    const item = (this.item ??= vscode.languages.createLanguageStatusItem('jfp.coverage', { language: 'markdown' }));
    const { addressed, partial, missing, waived } = result.summary;
    item.name = vscode.l10n.t('Plan coverage');
    item.text = `$(checklist) ${vscode.l10n.t('Plan coverage {0}%', Math.round(result.percent))}`;
    item.detail = `${vscode.l10n.t('{0} addressed, {1} partial, {2} missing, {3} waived', addressed, partial, missing, waived)}. ${head.counting}`;
    if (result.identity) item.detail += ' · ' + vscode.l10n.t('{0}, {1} edition', result.identity.planType.name, result.identity.edition.id);
    item.command = { command: Commands.showCoverage, title: vscode.l10n.t('Show coverage') };
    const statutoryMissing = result.items.some((e) => e.counted && e.status === 'missing' && STATUTORY_KINDS.has(e.kind));
    item.severity = statutoryMissing ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.accessibilityInformation = { label: vscode.l10n.t('Plan coverage {0} percent: {1}', Math.round(result.percent), item.detail) };
  }

  dispose(): void {
    this.subscription.dispose();
    this.item?.dispose();
    this.item = undefined;
    this.bar?.dispose();
    this.bar = undefined;
  }
}
