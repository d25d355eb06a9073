/**
 * The request handlers. Hover, completion, code lens and quick fixes answer from the last
 * completed analysis without waiting for a newer one (mapped.ts); fix all, the coverage view
 * and commands wait for the analysis of the current text (see context.ts).
 */
import { CodeActionKind } from 'vscode-languageserver';
import { CoverageRequest } from '../../../../shared/protocol.js';
import { FIX_ALL_KIND, fixAllAction } from '../features/codeActions.js';
import { executeCommand } from '../features/commands.js';
import { coverageResult } from '../features/coverage.js';
import { currentPlan, withCurrentPlan, withLastPlan, type ServerContext } from './context.js';
import { mappedCodeActions, mappedCodeLenses, mappedCompletion, mappedHover } from './mapped.js';

export function registerFeatures(ctx: ServerContext): void {
  const { connection, workspace } = ctx;

  connection.onHover((params, token) => {
    const format = ctx.capabilities().textDocument?.hover?.contentFormat?.includes('markdown') ? 'markdown' : 'plaintext';
    return withLastPlan(ctx, params.textDocument.uri, token, null, (view) => mappedHover(view, params.position, format));
  });

  connection.onCompletion((params, token) => {
    const item = ctx.capabilities().textDocument?.completion?.completionItem;
    const options = { snippets: item?.snippetSupport === true, markdown: item?.documentationFormat?.includes('markdown') ?? false };
    return withLastPlan(ctx, params.textDocument.uri, token, [], (view) => mappedCompletion(view, params.position, options));
  });

  connection.onCodeAction((params, token) => {
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source));
    // Quick fixes read the syntax tree (e.g. a comment left open at the end), so not once a newer version is parsed.
    if (!wantsFixAll) return withLastPlan(ctx, params.textDocument.uri, token, [], (view) => mappedCodeActions(view, params), true);
    // Fix all edits the whole document: only ever from the analysis of its current text.
    return withCurrentPlan(ctx, params.textDocument.uri, token, [], ({ doc, plan }) => {
      const all = fixAllAction(doc, plan);
      return all ? [all] : [];
    });
  });

  connection.onCodeLens((params, token) => withLastPlan(ctx, params.textDocument.uri, token, [], mappedCodeLenses));

  connection.onRequest(CoverageRequest, async (params) => {
    await ctx.ready;
    await ctx.pipeline.current(params.uri);
    return coverageResult(await workspace.planFor(params.uri));
  });

  connection.onExecuteCommand(async (params) => {
    await ctx.ready;
    return executeCommand(params.command, params.arguments ?? [], workspace, (uri) => currentPlan(ctx, uri));
  });
}
