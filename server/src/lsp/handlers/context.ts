/**
 * What every request handler shares: the connection, the documents, the workspace and the
 * pipeline, and two preludes that wait for the configuration and honour cancellation:
 * `withLastPlan` runs a feature on the last completed analysis (mapped to the editor's text,
 * see ../pipeline.ts `view`), without waiting for the one under way; `withCurrentPlan` brings
 * the document and its plan up to date first, for what must match the editor's text exactly.
 */
import type { CancellationToken, ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanAnalysis } from '../../analysis/analyse.js';
import type { DocumentAnalysis } from '../../analysis/model/document.js';
import type { DocumentPipeline, DocumentView } from '../pipeline.js';
import type { PlanWorkspace } from '../workspace.js';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: PlanWorkspace;
  pipeline: DocumentPipeline;
  /** Resolves once the settings and .jfp.json files have been read (nothing is analysed before). */
  ready: Promise<void>;
  /** The client's capabilities, known after initialize. */
  capabilities(): ClientCapabilities;
}

/** A document's analysis with its plan's, both up to the document's current version. */
export interface CurrentPlan {
  doc: DocumentAnalysis;
  plan: PlanAnalysis;
}

/** The current analysis of an open plan document, or undefined (not open, not a plan, or the request was cancelled). */
export async function currentPlan(ctx: ServerContext, uri: unknown, token?: CancellationToken): Promise<CurrentPlan | undefined> {
  await ctx.ready;
  if (typeof uri !== 'string' || token?.isCancellationRequested || !(await ctx.pipeline.current(uri))) return undefined;
  const plan = await ctx.workspace.planFor(uri);
  const doc = ctx.workspace.document(uri);
  return plan && doc && !token?.isCancellationRequested ? { doc, plan } : undefined;
}

/** Runs a feature on the current plan of a document; `none` when there is none. */
export async function withCurrentPlan<T>(ctx: ServerContext, uri: string, token: CancellationToken | undefined, none: T, feature: (current: CurrentPlan) => T): Promise<T> {
  const current = await currentPlan(ctx, uri, token);
  return current ? feature(current) : none;
}

/** Runs a feature on the last completed analysis of a plan document; `none` when there is none or the request was cancelled. */
export async function withLastPlan<T>(ctx: ServerContext, uri: string, token: CancellationToken | undefined, none: T, feature: (view: DocumentView) => T, needsTree = false): Promise<T> {
  await ctx.ready;
  if (token?.isCancellationRequested) return none;
  const view = await ctx.pipeline.view(uri, needsTree);
  return view && !token?.isCancellationRequested ? feature(view) : none;
}
