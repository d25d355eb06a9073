/**
 * Entry point of the extension in browser-based editors (vscode.dev, github.dev): the same
 * coverage tree, status item and commands as on the desktop, with the language server
 * running in a web worker. The worker has no file system: it asks this side for the plan's
 * files, .jfp.json and extra catalogues, which are read with `vscode.workspace.fs` (files.ts).
 */
import * as vscode from 'vscode';
import { Commands } from '../../../shared/protocol.js';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { RecoveryHandler } from '../recovery.js';
import { startSession, stopSession } from '../session.js';
import { initializationOptions } from '../util.js';
import { answerFileRequests } from './files.js';

/** The web extension host's Worker constructor (the client is compiled without the DOM library). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('Joint Forward Plan'), { log: true });
  const clientOptions: LanguageClientOptions = {
    // Any scheme: in the browser files come from virtual file systems (vscode-vfs, vscode-test-web, ...).
    documentSelector: [{ language: 'markdown' }],
    synchronize: { configurationSection: 'jfp' },
    outputChannel,
    errorHandler: new RecoveryHandler(outputChannel),
    initializationOptions: initializationOptions(context),
    // The plan title's hover links to the coverage view; only that command may run from a hover.
    markdown: { isTrusted: { enabledCommands: [Commands.showCoverage] } },
  };
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true));
  const languageClient = new LanguageClient('jfp', vscode.l10n.t('Joint Forward Plan'), clientOptions, worker);
  client = languageClient;
  // Before the start, so that the server's first requests are answered.
  context.subscriptions.push(...answerFileRequests(languageClient));
  await startSession(context, languageClient, outputChannel);
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await stopSession(running);
}
