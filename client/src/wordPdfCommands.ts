/**
 * Word and PDF plans in the editor: "Import a Word or PDF plan" opens the file as a new
 * Markdown plan; "Check a Word or PDF plan" shows its coverage in the sidebar (the "Word or
 * PDF plan" view) and its HTML report, without converting it. The server converts (in a
 * worker thread); the source file is never changed. Evidence opens the converted text,
 * read-only, at the section.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { CoverageEntry } from '../../shared/protocol.js';
import { WordPdfCommands, WordPdfServerCommands, type CheckedPlan, type ConvertedPlan, type Failed } from '../../shared/wordPdf.js';
import { buildGroups, itemChildren, treeItemFor, type CoverageNode } from './coverageNodes.js';
import { executeServerCommand } from './util.js';

type Guard = <A extends unknown[]>(action: string, run: (...args: A) => Promise<void>) => (...args: A) => Promise<void>;

export const CONVERTED_SCHEME = 'jfp-converted';
const VIEW = 'jfp.wordPdfCoverage';
const FILTERS = (): Record<string, string[]> => ({ [vscode.l10n.t('Word or PDF plan')]: ['docx', 'pdf'] });

/** The coverage of the last Word or PDF plan checked. */
export class WordPdfCoverageView implements vscode.TreeDataProvider<CoverageNode>, vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly texts = new Map<string, string>();
  private roots: CoverageNode[] = [];
  private target: vscode.Uri | undefined;
  readonly view: vscode.TreeView<CoverageNode>;

  constructor() {
    this.view = vscode.window.createTreeView(VIEW, { treeDataProvider: this, showCollapseAll: true });
  }

  /** Shows a check's coverage; evidence points into the converted text (a read-only document). */
  show(source: vscode.Uri, checked: CheckedPlan): void {
    const converted = vscode.Uri.from({ scheme: CONVERTED_SCHEME, path: `${source.path}.md` });
    this.texts.set(converted.toString(), checked.markdown);
    this.target = converted;
    const items = checked.coverage.items.map((e): CoverageEntry => ({ ...e, evidence: e.evidence.map((ev) => ({ ...ev, file: converted.toString() })) }));
    this.roots = buildGroups(items);
    const s = checked.coverage.summary;
    this.view.title = checked.name;
    this.view.description = `${s.addressed + s.waived}/${s.total}${s.partial ? ` · ${s.partial} partial` : ''}`;
    void vscode.commands.executeCommand('setContext', 'jfp.hasWordPdfCheck', true);
    this.changed.fire(undefined);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const item = treeItemFor(node, this.target);
    const where = node.type === 'evidence' ? (node.evidence as { where?: string }).where : undefined;
    if (where) item.description = `${where} · ${node.type === 'evidence' ? node.evidence.how : ''}`;
    return item;
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    if (!node) return this.roots;
    if (node.type === 'group') return node.items.map((entry) => ({ type: 'item', entry, counted: node.counted }));
    if (node.type === 'item') return itemChildren(node.entry);
    return [];
  }

  /** The items shown, for tests. */
  current(): CoverageNode[] {
    return this.roots;
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}

/** The file to act on: the one given (explorer context menu, tests), else one chosen from disk. */
async function chooseFile(given: unknown, title: string, openLabel: string): Promise<vscode.Uri | undefined> {
  if (given instanceof vscode.Uri) return given;
  const picked = await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: FILTERS(), openLabel });
  return picked?.[0];
}

function isFailed<T extends object>(r: T | Failed | null): r is Failed | null {
  return r === null || 'error' in r;
}

/** The pieces of text that differ between the two commands. */
interface Step {
  action: string;
  dialogTitle: string;
  openLabel: string;
  progress: (name: string) => string;
  failure: (name: string, reason: string) => string;
  command: string;
}

export function registerWordPdfCommands(client: BaseLanguageClient, guarded: Guard): vscode.Disposable[] {
  const view = new WordPdfCoverageView();

  /** Chooses the file, asks the server (with a progress notification), and hands on its answer; a failure is one warning. */
  const onFile = <T extends object>(step: Step, use: (source: vscode.Uri, result: T, given: unknown) => Promise<void>) =>
    guarded(step.action, async (given?: unknown) => {
      const source = await chooseFile(given, step.dialogTitle, step.openLabel);
      if (!source) return;
      const name = basename(source);
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: step.progress(name) }, () =>
        executeServerCommand<T | Failed | null>(client, step.command, [source.fsPath]),
      );
      if (isFailed(result)) return void vscode.window.showWarningMessage(step.failure(name, result?.error ?? vscode.l10n.t('no answer from the server')));
      await use(source, result, given);
    });

  const importPlan = onFile<ConvertedPlan>(
    {
      action: vscode.l10n.t('import the Word or PDF plan'),
      dialogTitle: vscode.l10n.t('Import a Word or PDF plan'),
      openLabel: vscode.l10n.t('Import'),
      progress: (name) => vscode.l10n.t('Converting {0}…', name),
      failure: (name, reason) => vscode.l10n.t('Could not import {0}: {1}', name, reason),
      command: WordPdfServerCommands.convert,
    },
    async (source, result) => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
      await vscode.window.showTextDocument(doc);
      const more = result.notes.length > 0 ? ` ${result.notes.join(' ')}` : '';
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is now a new Markdown plan: check the front matter, then save it (for example as joint-forward-plan.md). The original file is unchanged.{1}', basename(source), more));
    },
  );

  const checkPlan = onFile<CheckedPlan>(
    {
      action: vscode.l10n.t('check the Word or PDF plan'),
      dialogTitle: vscode.l10n.t('Check a Word or PDF plan'),
      openLabel: vscode.l10n.t('Check'),
      progress: (name) => vscode.l10n.t('Checking {0}…', name),
      failure: (name, reason) => vscode.l10n.t('Could not check {0}: {1}', name, reason),
      command: WordPdfServerCommands.check,
    },
    async (source, result, given) => {
      view.show(source, result);
      const panel = vscode.window.createWebviewPanel('jfp.wordPdfReport', vscode.l10n.t('Coverage: {0}', result.name), { viewColumn: vscode.ViewColumn.Active, preserveFocus: given !== undefined }, { enableScripts: false });
      panel.webview.html = result.html;
      await vscode.commands.executeCommand(`${VIEW}.focus`);
    },
  );

  return [
    view,
    vscode.workspace.registerTextDocumentContentProvider(CONVERTED_SCHEME, view),
    vscode.commands.registerCommand(WordPdfCommands.importPlan, importPlan),
    vscode.commands.registerCommand(WordPdfCommands.checkPlan, checkPlan),
  ];
}

/**
 * "Export coverage report" as a Word document: the report's bytes, built by the server
 * (`part` 'annex' for the annex alone). Throws with the server's message on failure.
 */
export async function wordReportBytes(client: BaseLanguageClient, uri: vscode.Uri, part: 'report' | 'annex'): Promise<Uint8Array> {
  const result = await executeServerCommand<{ base64: string } | Failed | null>(client, WordPdfServerCommands.wordReport, [uri.toString(), part]);
  if (isFailed(result)) throw new Error(result?.error ?? vscode.l10n.t('the server returned no report'));
  const binary = atob(result.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
