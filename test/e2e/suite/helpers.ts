/**
 * Shared helpers of the extension-host tests: the extension's API, the fixture documents,
 * and waiting on VS Code events (never on the clock, except for a timeout that fails clearly).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CoverageEntry, CoverageResult } from '../../../shared/protocol.js';

export const EXTENSION_ID = 'jfp-assist.jfp-assist';
export const DEFAULT_TIMEOUT = 30_000;

/** The nodes of the coverage tree, as far as the tests look at them (client/src/coverageNodes.ts). */
export type CoverageNode =
  | { type: 'group'; key: string; label: string; items: CoverageEntry[]; counted: boolean }
  | { type: 'item'; entry: CoverageEntry; counted: boolean }
  | { type: 'evidence' | 'waiver' | 'element'; entry: CoverageEntry };

/** What the extension's `activate()` returns (client/src/extension.ts), as far as the tests use it. */
export interface JfpApi {
  client: { isRunning(): boolean };
  coverageTree: {
    readonly onDidRefresh: vscode.Event<CoverageResult>;
    getCurrent(): CoverageResult | undefined;
    getTarget(): vscode.Uri | undefined;
    refresh(): Promise<void>;
    getChildren(node?: CoverageNode): CoverageNode[];
    getTreeItem(node: CoverageNode): vscode.TreeItem;
  };
  ready: Promise<void>;
  recovery: { restarts: number; messagesShown: number; closed(): { action: number } };
}

/**
 * Activates the extension (once) and returns its API, after the server has started.
 *
 * Also waits for the built-in Markdown extension, which activates on the first Markdown
 * document too: VS Code cancels a code action request when the set of code action providers
 * changes while it runs, so a request racing with Markdown's activation loses our quick fixes.
 */
export async function activateApi(): Promise<JfpApi> {
  const ext = vscode.extensions.getExtension<JfpApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repository?)`);
  const api = await ext.activate();
  await api.ready;
  await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  return api;
}

/** The temporary copy of test/fixtures/workspace that is open as the workspace folder. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri.fsPath;
}

export const draftUri = (): vscode.Uri => vscode.Uri.file(path.join(workspaceDir(), 'draft-forward-plan.md'));
export const notesUri = (): vscode.Uri => vscode.Uri.file(path.join(workspaceDir(), 'notes.md'));
export const placeChapterUri = (): vscode.Uri => vscode.Uri.file(path.join(workspaceDir(), 'jfp', 'place-chapter.md'));
/** The copy of examples/wessex-vale-joint-forward-plan.md, next to (not inside) the workspace folder. */
export const exampleUri = (): vscode.Uri =>
  vscode.Uri.file(process.env.JFP_E2E_EXAMPLE ?? path.join(workspaceDir(), '..', 'examples', 'wessex-vale-joint-forward-plan.md'));

/**
 * Resolves with the first value of `event` that satisfies `predicate`; rejects after
 * `timeoutMs` with `what` in the message. `check`, if given, is tried first and after
 * subscribing, so that a state reached before the call is not missed.
 */
export function waitFor<T, R = T>(
  event: vscode.Event<T>,
  predicate: (value: T | undefined) => R | undefined | false,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT,
  checkNow = false,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      f();
    };
    const test = (value: T | undefined) => {
      try {
        const result = predicate(value);
        if (result !== undefined && result !== false) finish(() => resolve(result));
      } catch (e) {
        finish(() => reject(e instanceof Error ? e : new Error(String(e))));
      }
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    const sub = event((value) => test(value));
    if (checkNow) test(undefined);
  });
}

/** The code of a diagnostic, whether plain or with a documentation link. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The item id the server attached to a jfp diagnostic (LSP `data.itemId`), if VS Code kept it. */
export function itemIdOf(d: vscode.Diagnostic): string | undefined {
  const data = (d as { data?: { itemId?: unknown } }).data;
  return typeof data?.itemId === 'string' ? data.itemId : undefined;
}

export const jfpDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'jfp');

/** Waits until the jfp diagnostics of `uri` satisfy `predicate` (checking the current ones first). */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = DEFAULT_TIMEOUT): Promise<vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    (e) => {
      if (e && !e.uris.some((u) => u.toString() === uri.toString())) return undefined;
      const ds = jfpDiagnostics(uri);
      return predicate(ds) ? ds : undefined;
    },
    `${what} (${path.basename(uri.fsPath)}; has now: ${summarise(jfpDiagnostics(uri))})`,
    timeoutMs,
    true,
  );
}

/** A short list of diagnostics for failure messages. */
export function summarise(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return 'none';
  return ds.map((d) => `${codeOf(d)}${itemIdOf(d) ? `(${itemIdOf(d)})` : ''}@${d.range.start.line}`).join(', ');
}

/** Whether a diagnostic reports the research duty as missing. */
export const isResearchMissing = (d: vscode.Diagnostic): boolean =>
  codeOf(d) === 'jfp.duty.missing' && (itemIdOf(d) === 'duty-research' || /Duty in respect of research/.test(d.message));

/** Opens a document in an editor (making it the active one). */
export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** 0-based line of the first line starting with `start`. */
export function lineOf(doc: vscode.TextDocument, start: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(start)) return i;
  throw new Error(`no line starting with "${start}" in ${path.basename(doc.uri.fsPath)}`);
}

/** Discards unsaved changes to a document (never saves), by reverting its editor to the file on disk. */
export async function revert(uri: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc?.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false, `${path.basename(uri.fsPath)} was reverted`);
}

/** Reverts every unsaved document, then closes all editors (nothing is ever saved). */
export async function revertAllAndClose(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') await revert(doc.uri);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Waits for the coverage tree to show `uri` (after making it the active editor and refreshing). */
export async function coverageOf(api: JfpApi, uri: vscode.Uri): Promise<CoverageResult> {
  const tree = api.coverageTree;
  const refreshed = waitFor(
    tree.onDidRefresh,
    (result) => (result && tree.getTarget()?.toString() === uri.toString() ? result : undefined),
    `the coverage tree to show ${path.basename(uri.fsPath)}`,
  );
  const [result] = await Promise.all([
    refreshed,
    (async () => {
      await show(uri);
      await vscode.commands.executeCommand('jfp.refresh'); // a refresh even if the editor was already active
    })(),
  ]);
  return result;
}

/** The label of a completion item, as a string. */
export const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/**
 * Sets jfp.rules (workspace level) and resolves once the draft's diagnostics satisfy `settled`:
 * suites that check each item's own finding turn jfp.plan.summary off, as a user can.
 */
export async function setRules(rules: Record<string, string> | undefined, settled: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  await vscode.workspace.getConfiguration('jfp').update('rules', rules, vscode.ConfigurationTarget.Workspace);
  return waitForDiagnostics(draftUri(), settled, what);
}

export const SUMMARY_OFF = { 'jfp.plan.summary': 'off' };
