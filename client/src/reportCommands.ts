/**
 * The report commands: insert the coverage annex, export the HTML report, compare with a
 * previous plan. The server builds every report; the client only writes or shows it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient';
import { Commands, ServerCommands } from '../../shared/protocol.js';
import { executeServerCommand } from './util.js';
import { wordReportBytes } from './wordPdfCommands.js';

const NOT_A_PLAN = (): string => vscode.l10n.t('Open a Joint Forward Plan first.');

type Guard = <A extends unknown[]>(action: string, run: (...args: A) => Promise<void>) => (...args: A) => Promise<void>;

export function registerReportCommands(
  client: BaseLanguageClient,
  planUri: () => vscode.Uri | undefined,
  guarded: Guard,
  applyServerEdit: (uri: vscode.Uri, edit: LspWorkspaceEdit) => Promise<void>,
): vscode.Disposable[] {
  const insertAnnex = guarded(vscode.l10n.t('insert the coverage annex'), async () => {
    const uri = planUri();
    if (!uri) return void vscode.window.showInformationMessage(NOT_A_PLAN());
    const edit = await executeServerCommand<LspWorkspaceEdit | null>(client, ServerCommands.annexEdit, [uri.toString()]);
    if (!edit) throw new Error(vscode.l10n.t('the server returned no annex'));
    await applyServerEdit(uri, edit);
  });

  /** Asks where to save the report, unless a target is given (as tests and keybindings may). */
  const exportReport = guarded(vscode.l10n.t('export the coverage report'), async (given?: unknown) => {
    const uri = planUri();
    if (!uri) return void vscode.window.showInformationMessage(NOT_A_PLAN());
    const html = await executeServerCommand<string | null>(client, ServerCommands.htmlReport, [uri.toString()]);
    if (typeof html !== 'string') throw new Error(vscode.l10n.t('the server returned no report'));
    const name = uri.path.split('/').pop()?.replace(/\.(md|markdown)$/i, '') ?? 'plan';
    const target = given instanceof vscode.Uri ? given : await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export coverage report'),
      defaultUri: vscode.Uri.joinPath(uri, '..', `${name}-coverage-report.html`),
      filters: { [vscode.l10n.t('HTML page')]: ['html'], [vscode.l10n.t('Word document')]: ['docx'] },
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!target) return;
    // A .docx target gets the Word report (built by the server; its file is written only once complete).
    const bytes = /\.docx$/i.test(target.path) ? await wordReportBytes(client, uri, /annex[^/]*$/i.test(target.path) ? 'annex' : 'report') : new TextEncoder().encode(html);
    await vscode.workspace.fs.writeFile(target, bytes);
    if (given) return;
    const open = await vscode.window.showInformationMessage(vscode.l10n.t('Coverage report saved to {0}.', vscode.workspace.asRelativePath(target)), vscode.l10n.t('Open in browser'));
    if (open) await vscode.env.openExternal(target);
  });

  const comparePrevious = guarded(vscode.l10n.t('compare with the previous plan'), async (...picked: unknown[]) => {
    const uri = planUri();
    if (!uri) return void vscode.window.showInformationMessage(NOT_A_PLAN());
    let paths = picked.filter((p): p is vscode.Uri => p instanceof vscode.Uri).map((p) => p.fsPath);
    if (paths.length === 0) {
      const chosen = await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Compare with previous plan: choose its file(s) or folder'),
        canSelectFiles: true,
        canSelectFolders: true,
        canSelectMany: true,
        filters: { Markdown: ['md', 'markdown'] },
        openLabel: vscode.l10n.t('Compare'),
      });
      if (!chosen || chosen.length === 0) return;
      paths = chosen.map((u) => u.fsPath);
    }
    const result = await executeServerCommand<{ markdown: string } | { error: string } | null>(client, ServerCommands.compare, [uri.toString(), paths]);
    if (!result) throw new Error(vscode.l10n.t('the server returned no comparison'));
    if ('error' in result) return void vscode.window.showWarningMessage(vscode.l10n.t('Could not read the previous plan: {0}', result.error));
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
    await vscode.window.showTextDocument(doc, { preview: true });
  });

  return [
    vscode.commands.registerCommand(Commands.insertAnnex, insertAnnex),
    vscode.commands.registerCommand(Commands.exportReport, exportReport),
    vscode.commands.registerCommand(Commands.comparePrevious, comparePrevious),
  ];
}
