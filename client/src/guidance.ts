/**
 * Read-only guidance documents: `jfp-guidance:/<itemId>.md?<encoded plan uri>`,
 * whose Markdown comes from the server's `jfp.server.guidance` command.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ServerCommands } from '../../shared/protocol.js';
import { errorMessage, executeServerCommand } from './util.js';

export const GUIDANCE_SCHEME = 'jfp-guidance';

/** The virtual document URI of an item's guidance, for a plan document. */
export function guidanceUri(itemId: string, planUri?: string): vscode.Uri {
  return vscode.Uri.from({ scheme: GUIDANCE_SCHEME, path: `/${itemId}.md`, query: planUri ? encodeURIComponent(planUri) : '' });
}

function parseGuidanceUri(uri: vscode.Uri): { itemId: string; planUri?: string } {
  const itemId = uri.path.replace(/^\//, '').replace(/\.md$/, '');
  return uri.query ? { itemId, planUri: decodeURIComponent(uri.query) } : { itemId };
}

/** Fetches the guidance Markdown of an item, or null when the server does not know the item. */
export async function fetchGuidance(client: LanguageClient, itemId: string, planUri?: string): Promise<string | null> {
  const args = planUri ? [itemId, planUri] : [itemId];
  const markdown = await executeServerCommand<unknown>(client, ServerCommands.guidance, args);
  return typeof markdown === 'string' ? markdown : null;
}

/** Serves guidance documents; content is fetched from the server each time VS Code asks. */
export class GuidanceContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const { itemId, planUri } = parseGuidanceUri(uri);
    try {
      return (await fetchGuidance(this.client, itemId, planUri)) ?? `# ${itemId}\n\n${vscode.l10n.t('There is no guidance for `{0}`.', itemId)}\n`;
    } catch (e) {
      return `# ${itemId}\n\n${vscode.l10n.t('The guidance could not be loaded: {0}', errorMessage(e))}\n`;
    }
  }

  /** Asks VS Code to reload open guidance documents (e.g. after the plan's coverage changed). */
  reloadOpen(): void {
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === GUIDANCE_SCHEME) this.changed.fire(doc.uri);
  }

  /** Reloads one guidance document if VS Code has it open. */
  reload(uri: vscode.Uri): void {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Shows a guidance document as a Markdown preview beside the plan, or as a read-only editor if preview fails. */
export async function showGuidanceDocument(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}
