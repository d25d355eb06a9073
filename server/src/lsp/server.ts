/**
 * The jfp-assist language server: wiring only. Documents come in and go through the
 * pipeline (pipeline.ts: debounced analysis in stages, then diagnostics); the handlers
 * (handlers/) answer requests from the last completed analysis, mapped through the edits since. The entry points (../main.ts for Node,
 * ../webMain.ts for a web worker) make the connection and say where the docs are.
 */
import { TextDocuments, type ClientCapabilities, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getDefaultCatalogue } from '../analysis/data/catalogue.js';
import { CoverageChangedNotification } from '../../../shared/protocol.js';
import { CoverageNotifier } from './coverageNotifier.js';
import { guardConnection } from './validate.js';
import { registerFeatures } from './handlers/features.js';
import { registerLifecycle } from './handlers/lifecycle.js';
import type { ServerContext } from './handlers/context.js';
import { injectFailure, logUncaught } from './failures.js';
import { DocumentPipeline } from './pipeline.js';
import { EditLog } from './editLog.js';
import { PlanWorkspace } from './workspace.js';
import type { PlanFiles } from '../host/files.js';
import type { LoadPlan } from '../host/previousPlan.js';
import { VERSION } from '../host/version.js';

export interface ServerOptions {
  /** How the server reads plan files, .jfp.json and extra catalogues (the file system, or the client). */
  files: PlanFiles;
  /** The rule pages' location when the client does not give one (a URL ending in '/', or ''). */
  docsBase?: string;
  /** How "compare" reads the previous plan (default: Markdown through `files`). */
  loadPlan?: LoadPlan;
  /** TEST ONLY: the analysis of a document containing this text throws (see failures.ts injectFailure). */
  failOnText?: string;
}

export function startServer(raw: Connection, options: ServerOptions): void {
  // Every change the editor sends is recorded, so requests can be answered from an older analysis (editLog.ts).
  const edits = new EditLog();
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, text) => {
      edits.opened(uri, version);
      return TextDocument.create(uri, languageId, version, text);
    },
    update: (doc, changes, version) => edits.apply(doc, changes, version),
  });
  // Every handler below is registered through a connection that checks its parameters (validate.ts).
  const connection = guardConnection(raw, documents);
  const workspace = new PlanWorkspace(getDefaultCatalogue(), options.files, options.loadPlan);
  const coverage = new CoverageNotifier((uri) => void connection.sendNotification(CoverageChangedNotification, { uri }));
  const pipeline = new DocumentPipeline({
    documents,
    workspace,
    publish: (params) => void connection.sendDiagnostics(params),
    coverageChanged: (uri, typing) => coverage.changed(uri, typing),
    log: (message) => connection.console.error(message),
    edits,
  });
  logUncaught((message) => connection.console.error(message));
  if (options.failOnText) injectFailure(workspace, options.failOnText);
  let capabilities: ClientCapabilities = {};
  let configLoaded: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (configLoaded = resolve));
  const ctx: ServerContext = { connection, documents, workspace, pipeline, ready, capabilities: () => capabilities };

  registerLifecycle(ctx, (c) => (capabilities = c), {
    docsBase: options.docsBase ?? '',
    version: VERSION,
    configLoaded,
    dispose: () => {
      pipeline.dispose();
      coverage.dispose();
    },
  });
  registerFeatures(ctx);

  documents.onDidOpen((e) => void ready.then(() => pipeline.analyseAndPublish(e.document.uri)));
  documents.onDidChangeContent((e) => void ready.then(() => pipeline.schedule(e.document.uri)));
  documents.onDidClose((e) => void pipeline.closed(e.document.uri));

  documents.listen(connection);
  connection.listen();
}
