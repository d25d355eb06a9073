/** The request handlers: each feature runs on the current plan of its document (see context.ts). */
import { CodeActionKind } from 'vscode-languageserver';
import { CoverageRequest } from '../../../../shared/protocol.js';
import { codeActions, FIX_ALL_KIND, fixAllAction } from '../features/codeActions.js';
import { codeLenses } from '../features/codeLens.js';
import { executeCommand } from '../features/commands.js';
import { complete } from '../features/completion.js';
import { coverageResult } from '../features/coverage.js';
import { hover } from '../features/hover.js';
import { currentPlan, withCurrentPlan, type ServerContext } from './context.js';

export function registerFeatures(ctx: ServerContext): void {
  const { connection, workspace } = ctx;

  connection.onHover((params, token) => {
    const format = ctx.capabilities().textDocument?.hover?.contentFormat?.includes('markdown') ? 'markdown' : 'plaintext';
    return withCurrentPlan(ctx, params.textDocument.uri, token, null, ({ doc, plan }) => hover(doc, plan, params.position, format));
  });

  connection.onCompletion((params, token) => {
    const item = ctx.capabilities().textDocument?.completion?.completionItem;
    const options = { snippets: item?.snippetSupport === true, markdown: item?.documentationFormat?.includes('markdown') ?? false };
    return withCurrentPlan(ctx, params.textDocument.uri, token, [], ({ doc, plan }) => complete(doc, plan, params.position, options));
  });

  connection.onCodeAction((params, token) => {
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source));
    return withCurrentPlan(ctx, params.textDocument.uri, token, [], ({ doc, plan }) => {
      if (!wantsFixAll) return codeActions(doc, plan, params.context.diagnostics, params.range);
      const all = fixAllAction(doc, plan);
      return all ? [all] : [];
    });
  });

  connection.onCodeLens((params, token) => withCurrentPlan(ctx, params.textDocument.uri, token, [], ({ doc, plan }) => codeLenses(doc, plan)));

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
