/**
 * Entry point of the extension in browser-based editors (vscode.dev, github.dev): the same
 * coverage tree, status item and commands as on the desktop, with the language server
 * running in a web worker. The browser has no file system, so only plan files open in the
 * editor are checked; the user is told so once.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { RecoveryHandler } from '../recovery.js';
import { startSession, stopSession } from '../session.js';
import { initializationOptions } from '../util.js';

/** The web extension host's Worker constructor (the client is compiled without the DOM library). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

const NOTICE_SHOWN = 'jfp.webNoticeShown';

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
  };
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true));
  const languageClient = new LanguageClient('jfp', vscode.l10n.t('Joint Forward Plan'), clientOptions, worker);
  client = languageClient;

  await startSession(context, languageClient, outputChannel);
  if (!context.globalState.get<boolean>(NOTICE_SHOWN)) {
    void context.globalState.update(NOTICE_SHOWN, true);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'JFP Assist is running in the browser: it checks the plan files you have open, but cannot read other plan files, .jfp.json or extra catalogues from the workspace. Install it in desktop VS Code for whole-plan checks.',
      ),
    );
  }
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await stopSession(running);
}
