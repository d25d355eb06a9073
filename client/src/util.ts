/** Small helpers shared by the client modules. */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

/** A readable message for anything thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e);
}

/** Whether two document URIs (strings or Uris) name the same document. */
export function sameUri(a: string | vscode.Uri, b: string | vscode.Uri): boolean {
  const norm = (u: string | vscode.Uri) => (typeof u === 'string' ? vscode.Uri.parse(u) : u).toString();
  return norm(a) === norm(b);
}

/** Runs a server-side command through `workspace/executeCommand`. */
export async function executeServerCommand<T>(client: LanguageClient, command: string, args: unknown[]): Promise<T> {
  if (!client.isRunning()) throw new Error(vscode.l10n.t('the Joint Forward Plan language server is not running'));
  return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T;
}

/** What the server needs from the client at start-up: where the rule pages are, and the translations. */
export function initializationOptions(context: vscode.ExtensionContext): { docsBase: string; l10nBundle?: Record<string, string> } {
  return {
    docsBase: `${vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/`,
    ...(vscode.l10n.bundle ? { l10nBundle: vscode.l10n.bundle } : {}),
  };
}
