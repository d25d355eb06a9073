/**
 * The "Plan coverage" tree: a checklist of the plan's duties and content areas,
 * built from the server's `jfp/coverage` result for the active plan document.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CoverageChangedNotification, CoverageRequest, type CoverageResult } from '../../shared/protocol.js';
import { buildGroups, itemChildren, treeItemFor, type CoverageNode } from './coverageNodes.js';
import { errorMessage, sameUri } from './util.js';
import { headline } from './headline.js';

export { itemIdOf, type CoverageNode } from './coverageNodes.js';

/** Follows the active editor and shows the coverage of its plan. */
export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changeTreeData = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changeTreeData.event;
  private readonly didRefresh = new vscode.EventEmitter<CoverageResult>();
  /** Fires after each rebuild of the tree (for the status item and tests). */
  readonly onDidRefresh = this.didRefresh.event;

  private readonly view: vscode.TreeView<CoverageNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private target: vscode.Uri | undefined;
  private current: CoverageResult | undefined;
  private roots: CoverageNode[] = [];
  private seq = 0;
  private inflight: vscode.CancellationTokenSource | undefined;
  private pending: { timer: NodeJS.Timeout; waiters: (() => void)[] } | undefined;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView('jfp.coverage', { treeDataProvider: this, showCollapseAll: true });
    this.target = this.targetFor(vscode.window.activeTextEditor) ?? undefined;
    this.disposables.push(
      this.view,
      this.changeTreeData,
      this.didRefresh,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const target = this.targetFor(editor);
        if (target === null) return; // not a document editor (output, preview...): keep the plan shown
        this.target = target;
        void this.refresh();
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        // e.g. the language of the shown document changed to Markdown
        if (this.target && sameUri(doc.uri, this.target)) void this.refresh();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.target && sameUri(doc.uri, this.target) && !vscode.window.activeTextEditor) {
          this.target = undefined;
          void this.refresh();
        }
      }),
      client.onNotification(CoverageChangedNotification, (params) => {
        if (this.target && sameUri(params.uri, this.target)) void this.refresh();
      }),
    );
  }

  /** The document whose coverage is shown (the active plan document, or the last one). */
  getTarget(): vscode.Uri | undefined {
    return this.target;
  }

  /** The last coverage result, if any. */
  getCurrent(): CoverageResult | undefined {
    return this.current;
  }

  /** Re-requests coverage; calls within 100 ms are coalesced. Resolves when the request settles (or is superseded by a newer one). */
  refresh(): Promise<void> {
    return new Promise((resolve) => {
      if (this.pending) {
        this.pending.waiters.push(resolve);
        return;
      }
      const waiters = [resolve];
      const timer = setTimeout(() => {
        this.pending = undefined;
        void this.fetch().finally(() => waiters.forEach((w) => w()));
      }, 100);
      this.pending = { timer, waiters };
    });
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    return treeItemFor(node, this.target);
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    if (!node) return this.roots;
    if (node.type === 'group') return node.items.map((entry) => ({ type: 'item', entry, counted: node.counted }));
    if (node.type === 'item') return itemChildren(node.entry);
    return [];
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending?.waiters.forEach((w) => w());
    this.pending = undefined;
    this.inflight?.cancel();
    this.disposables.forEach((d) => d.dispose());
  }

  /** The document to follow for an editor; null when the editor should not change what is shown. */
  private targetFor(editor: vscode.TextEditor | undefined): vscode.Uri | undefined | null {
    if (!editor) return null;
    const { uri } = editor.document;
    if (uri.scheme !== 'file' && uri.scheme !== 'untitled') return null;
    return uri;
  }

  private async fetch(): Promise<void> {
    const seq = ++this.seq;
    this.inflight?.cancel();
    const target = this.target;
    const doc = target && vscode.workspace.textDocuments.find((d) => sameUri(d.uri, target));
    let result: CoverageResult = { isPlan: false, items: [], summary: { addressed: 0, partial: 0, missing: 0, waived: 0, total: 0 }, percent: 0 };
    let error: string | undefined;
    if (target && (!doc || doc.languageId === 'markdown') && this.client.isRunning()) {
      const cts = (this.inflight = new vscode.CancellationTokenSource());
      try {
        result = await this.client.sendRequest(CoverageRequest, { uri: target.toString() }, cts.token);
      } catch (e) {
        if (seq !== this.seq) return;
        error = vscode.l10n.t('Coverage is unavailable: {0}', errorMessage(e));
        this.client.outputChannel.error(error);
      } finally {
        cts.dispose();
        if (this.inflight === cts) this.inflight = undefined;
      }
    }
    if (seq !== this.seq) return; // a newer request has been sent
    // The active editor changed while this request was out: a refresh for the new target is due,
    // and this result must not be shown (or announced) as that document's coverage.
    if (target?.toString() !== this.target?.toString()) return;
    this.apply(result, error);
  }

  private apply(result: CoverageResult, error?: string): void {
    this.current = result;
    this.roots = result.isPlan ? buildGroups(result.items) : [];
    // Which plan is shown and its figure: in the description and, always visible, as the view's message
    // (with the plan's type and the catalogue edition it is checked against).
    const head = headline(result, vscode.l10n.t);
    this.view.description = head ? `${head.name} · ${head.figure}` : undefined;
    const identity = result.isPlan && result.identity ? vscode.l10n.t('{0} · checked against the {1} edition ({2})', result.identity.planType.name, result.identity.edition.id, result.identity.edition.title) : undefined;
    // Without a message the view's welcome content ("Open a Joint Forward Plan...") shows.
    this.view.message = error ?? (head ? [`${head.header}. ${head.counting}`, identity].filter(Boolean).join(' ') : undefined);
    void vscode.commands.executeCommand('setContext', 'jfp.isPlan', result.isPlan);
    this.changeTreeData.fire(undefined);
    this.didRefresh.fire(result);
  }
}
