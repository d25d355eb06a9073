/**
 * What the desktop and the web entry points share once each has made its language client:
 * the coverage tree, the status item and the commands (registered before the server starts,
 * so that they exist even if it fails to start), then the start itself, and the stop.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerCommands } from './commands.js';
import { CoverageTreeProvider } from './coverageTree.js';
import { CoverageStatusItem } from './statusItem.js';
import { errorMessage } from './util.js';

export interface Session {
  coverageTree: CoverageTreeProvider;
  /** Resolves once the server has started and the tree shows the active document's coverage. */
  ready: Promise<void>;
}

export async function startSession(context: vscode.ExtensionContext, client: BaseLanguageClient, outputChannel: vscode.LogOutputChannel): Promise<Session> {
  const coverageTree = new CoverageTreeProvider(client);
  context.subscriptions.push(outputChannel, coverageTree, new CoverageStatusItem(coverageTree), ...registerCommands(client, coverageTree));
  try {
    await client.start();
  } catch (e) {
    const message = vscode.l10n.t('The Joint Forward Plan language server did not start: {0}', errorMessage(e));
    outputChannel.error(message);
    void vscode.window.showErrorMessage(message);
  }
  return { coverageTree, ready: coverageTree.refresh() };
}

export async function stopSession(client: BaseLanguageClient | undefined): Promise<void> {
  if (!client) return;
  try {
    await client.stop();
  } catch {
    // The server (or worker) is already gone; nothing more to clean up.
  }
}
