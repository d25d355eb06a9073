/**
 * Entry point of the VS Code extension: starts the jfp language server and
 * wires the coverage tree, the language status item and the commands to it.
 */
import * as vscode from 'vscode';
import { Commands } from '../../shared/protocol.js';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { CoverageTreeProvider } from './coverageTree.js';
import { RecoveryHandler } from './recovery.js';
import { startSession, stopSession } from './session.js';
import { initializationOptions } from './util.js';

/** What `activate` returns, for the integration tests. */
export interface JfpExtensionApi {
  client: LanguageClient;
  coverageTree: CoverageTreeProvider;
  /** Resolves once the server has started and the tree shows the active document's coverage. */
  ready: Promise<void>;
  /** Restarts after a crash, and messages shown about them. */
  recovery: RecoveryHandler;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<JfpExtensionApi> {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('Joint Forward Plan'), { log: true });
  const recovery = new RecoveryHandler(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'jfp' },
    outputChannel,
    errorHandler: recovery,
    initializationOptions: initializationOptions(context),
    // The plan title's hover links to the coverage view; only that command may run from a hover.
    markdown: { isTrusted: { enabledCommands: [Commands.showCoverage] } },
  };
  const languageClient = new LanguageClient('jfp', vscode.l10n.t('Joint Forward Plan'), serverOptions, clientOptions);
  client = languageClient;

  const { coverageTree, ready } = await startSession(context, languageClient, outputChannel);
  return { client: languageClient, coverageTree, ready, recovery };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await stopSession(running);
}
