/**
 * The client's commands. Each one asks the server for what it needs (edits,
 * guidance, templates); none analyses the plan itself.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient';
import planning from '../../schemas/planning.json' with { type: 'json' };
import { defaultPlanPeriod } from '../../shared/period.js';
import { Commands, ServerCommands, type CoverageEntry } from '../../shared/protocol.js';
import { itemIdOf, type CoverageTreeProvider } from './coverageTree.js';
import { GUIDANCE_SCHEME, GuidanceContentProvider, guidanceUri, showGuidanceDocument } from './guidance.js';
import { registerReportCommands } from './reportCommands.js';
import { registerWordPdfCommands } from './wordPdfCommands.js';
import { errorMessage, executeServerCommand, sameUri } from './util.js';

const NOT_A_PLAN = (): string => vscode.l10n.t('Open a Joint Forward Plan to see its coverage.');
const PERIOD = /^\s*\d{4}\/\d{2}\s+to\s+\d{4}\/\d{2}\s*$/;

/** Registers every `jfp.*` command; the returned disposables are added to the extension's subscriptions. */
export function registerCommands(client: LanguageClient, tree: CoverageTreeProvider): vscode.Disposable[] {
  const guidance = new GuidanceContentProvider(client);

  /** Wraps a command so that failures show an error message instead of rejecting. */
  const guarded =
    <A extends unknown[]>(action: string, run: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      try {
        await run(...args);
      } catch (e) {
        const message = vscode.l10n.t('Could not {0}: {1}', action, errorMessage(e));
        client.outputChannel.error(message);
        void vscode.window.showErrorMessage(message);
      }
    };

  /** The plan document to act on: the one shown in the coverage tree. */
  const planUri = (): vscode.Uri | undefined => (tree.getCurrent()?.isPlan ? tree.getTarget() : undefined);

  /** Lets the user choose an item of the current plan; undefined when cancelled or not a plan. */
  async function pickItem(filter: (e: CoverageEntry) => boolean, placeHolder: string, none: string): Promise<string | undefined> {
    const current = tree.getCurrent();
    if (!current?.isPlan) {
      void vscode.window.showInformationMessage(NOT_A_PLAN());
      return undefined;
    }
    const entries = current.items.filter(filter);
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(none);
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      entries.map((e) => ({ label: e.title, description: e.status, detail: e.legalBasis, id: e.id })),
      { placeHolder, matchOnDescription: true, matchOnDetail: true },
    );
    return picked?.id;
  }

  /** Applies a server WorkspaceEdit to the plan and reveals the first inserted heading. */
  async function applyServerEdit(uri: vscode.Uri, lspEdit: LspWorkspaceEdit): Promise<void> {
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(lspEdit);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('VS Code did not apply the edit'));
    const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
    const edits = edit.entries().find(([u]) => sameUri(u, uri))?.[1] ?? [];
    const inserted = edits
      .filter((e) => e.newText.length > 0)
      .sort((a, b) => a.range.start.compareTo(b.range.start))
      .at(0);
    if (!inserted) return;
    const offset = inserted.newText.split(/\r?\n/).findIndex((line) => /^#{1,6}\s/.test(line));
    const line = Math.min(inserted.range.start.line + Math.max(offset, 0), editor.document.lineCount - 1);
    const range = editor.document.lineAt(line).range;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  const refresh = guarded(vscode.l10n.t('refresh the coverage'), async () => {
    await tree.refresh();
  });

  const insertSection = guarded(vscode.l10n.t('insert the section'), async (arg?: unknown) => {
    const uri = planUri();
    if (!uri) return void vscode.window.showInformationMessage(NOT_A_PLAN());
    const itemId =
      itemIdOf(arg) ??
      (await pickItem((e) => e.status === 'missing' || e.status === 'partial', vscode.l10n.t('Insert a section for…'), vscode.l10n.t('Every item is already addressed or waived.')));
    if (!itemId) return;
    const edit = await executeServerCommand<LspWorkspaceEdit | null>(client, ServerCommands.sectionEdit, [uri.toString(), itemId]);
    if (!edit) return void vscode.window.showInformationMessage(vscode.l10n.t('No section to insert for {0}.', itemId));
    await applyServerEdit(uri, edit);
  });

  const insertMissingSections = guarded(vscode.l10n.t('insert the missing sections'), async () => {
    const uri = planUri();
    if (!uri) return void vscode.window.showInformationMessage(NOT_A_PLAN());
    const edit = await executeServerCommand<LspWorkspaceEdit | null>(client, ServerCommands.missingSectionsEdit, [uri.toString()]);
    if (!edit) return void vscode.window.showInformationMessage(vscode.l10n.t('Every counted item is already covered or waived.'));
    await applyServerEdit(uri, edit);
  });

  const showGuidance = guarded(vscode.l10n.t('show the guidance'), async (arg?: unknown, uriArg?: unknown) => {
    const itemId = itemIdOf(arg) ?? (await pickItem(() => true, vscode.l10n.t('Show guidance for…'), vscode.l10n.t('This plan has no items.')));
    if (!itemId) return;
    const plan = typeof uriArg === 'string' ? uriArg : uriArg instanceof vscode.Uri ? uriArg.toString() : planUri()?.toString();
    const uri = guidanceUri(itemId, plan);
    guidance.reload(uri); // refresh the text if this guidance is already open
    await showGuidanceDocument(uri);
  });

  const newPlan = guarded(vscode.l10n.t('create a new plan'), async () => {
    // The plan types of schemas/planning.json; every type gets every statutory section.
    const types = planning.planTypes.map((t) => ({ label: t.name, description: t.id, detail: t.note.split('. ')[0] + '.', id: t.id }));
    const type = types.length > 1 ? await vscode.window.showQuickPick(types, { title: vscode.l10n.t('New plan: which kind of plan?'), ignoreFocusOut: true }) : types[0];
    if (type === undefined) return;
    const icb = await vscode.window.showInputBox({
      title: vscode.l10n.t('New Joint Forward Plan (1/2)'),
      prompt: vscode.l10n.t('Name of the integrated care board'),
      placeHolder: vscode.l10n.t('NHS Example Integrated Care Board'),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? (/[\r\n]/.test(v) ? vscode.l10n.t('Use a single line.') : undefined) : vscode.l10n.t('Enter the name of the ICB.')),
    });
    if (icb === undefined) return;
    // Five financial years from the current one, as jfp.plan.period expects of a new plan.
    const suggested = defaultPlanPeriod(new Date());
    const period = await vscode.window.showInputBox({
      title: vscode.l10n.t('New Joint Forward Plan (2/2)'),
      prompt: vscode.l10n.t('Period the plan covers (five years)'),
      value: suggested,
      ignoreFocusOut: true,
      validateInput: (v) => {
        if (!v.trim()) return vscode.l10n.t('Enter the period, for example {0}.', suggested);
        if (PERIOD.test(v)) return undefined;
        // Loose check: warn, but let the user keep their own wording.
        return { message: vscode.l10n.t('Periods are usually written like "{0}".', suggested), severity: vscode.InputBoxValidationSeverity.Warning };
      },
    });
    if (period === undefined) return;
    const content = await executeServerCommand<unknown>(client, ServerCommands.template, [icb.trim(), period.trim(), type.id]);
    if (typeof content !== 'string') throw new Error(vscode.l10n.t('the server returned no template'));
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc);
  });

  const revealEvidence = guarded(vscode.l10n.t('open the section'), async (uriArg?: unknown, lineArg?: unknown) => {
    const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg instanceof vscode.Uri ? uriArg : undefined;
    if (!uri) throw new Error(vscode.l10n.t('no document given'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = Math.min(Math.max((typeof lineArg === 'number' ? lineArg : 1) - 1, 0), doc.lineCount - 1);
    const range = doc.lineAt(line).range;
    const editor = await vscode.window.showTextDocument(doc, { selection: range, preview: true });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  });

  const showConfiguration = guarded(vscode.l10n.t('show the configuration'), async () => {
    const target = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const result = await executeServerCommand<{ config: Record<string, unknown>; sources: Record<string, string> } | null>(client, ServerCommands.effectiveConfig, target ? [target.toString()] : []);
    if (!result) throw new Error(vscode.l10n.t('the server returned no configuration'));
    const where: Record<string, string> = { default: vscode.l10n.t('built-in default'), settings: vscode.l10n.t('VS Code settings (jfp.*)'), '.jfp.json': vscode.l10n.t('.jfp.json in the workspace folder') };
    const rows = Object.keys(result.config).map((key) => `| \`${key}\` | \`${JSON.stringify(result.config[key])}\` | ${where[result.sources[key] ?? 'default'] ?? result.sources[key]} |`);
    const content = [
      vscode.l10n.t('# Effective jfp-assist configuration'),
      '',
      vscode.l10n.t("For {0}. Each value comes from the last of: built-in defaults, VS Code settings (`jfp.*`), the workspace folder's `.jfp.json`.", target ? target.toString(true) : vscode.l10n.t('this window')),
      '',
      vscode.l10n.t('| Setting | Value | From |'),
      '|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc, { preview: true });
  });

  return [
    guidance,
    vscode.commands.registerCommand(Commands.showConfiguration, showConfiguration),
    vscode.workspace.registerTextDocumentContentProvider(GUIDANCE_SCHEME, guidance),
    tree.onDidRefresh(() => guidance.reloadOpen()),
    vscode.commands.registerCommand(Commands.refresh, refresh),
    vscode.commands.registerCommand(Commands.insertSection, insertSection),
    vscode.commands.registerCommand(Commands.insertMissingSections, insertMissingSections),
    vscode.commands.registerCommand(Commands.showGuidance, showGuidance),
    vscode.commands.registerCommand(Commands.newPlan, newPlan),
    vscode.commands.registerCommand(Commands.revealEvidence, revealEvidence),
    ...registerReportCommands(client, planUri, guarded, applyServerEdit),
    ...registerWordPdfCommands(client, guarded),
  ];
}
