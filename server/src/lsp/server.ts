/**
 * The jfp-assist language server: connection wiring only. Documents come in, the
 * analysis runs (debounced per document), and features read the cached result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getDefaultCatalogue } from '../analysis/data/catalogue.js';
import { codeActions, FIX_ALL_KIND, fixAllAction } from './features/codeActions.js';
import { executeCommand } from './features/commands.js';
import { codeLenses } from './features/codeLens.js';
import { COMPLETION_TRIGGERS, complete } from './features/completion.js';
import { coverageResult } from './features/coverage.js';
import { setDocsBase, toDiagnostic } from './features/diagnostics.js';
import { hover } from './features/hover.js';
import { pathToUri, uriKey } from '../host/uri.js';
import { PlanWorkspace } from './workspace.js';
import { CoverageChangedNotification, CoverageRequest, ServerCommands } from '../../../shared/protocol.js';
import { buildCatalogue, readProjectConfig, type FileProblems } from '../host/projectConfig.js';
import { settingsLayer } from './settings.js';
import { CoverageNotifier } from './coverageNotifier.js';
import { RULE_CODES } from '../analysis/rules/index.js';
import { skipFinding, skipReason } from '../analysis/limits.js';
import { loadTranslations } from './l10nSetup.js';


export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new PlanWorkspace(getDefaultCatalogue());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const published = new Set<string>();
  const coverage = new CoverageNotifier((uri) => void connection.sendNotification(CoverageChangedNotification, { uri }));
  let capabilities: ClientCapabilities = {};
  let markdownHover = false;

  const hasConfiguration = () => capabilities.workspace?.configuration === true;
  // Nothing is analysed before the settings and .jfp.json files have been read once.
  let configLoaded: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (configLoaded = resolve));

  /** Files above the size limit, or binary, get one information diagnostic instead of an analysis (see limits.ts). */
  const maxMB = (uri: string) => workspace.configFor(uri).config.analysis.maxFileSizeMB;
  const skipped = (doc: TextDocument) => skipReason(doc.getText(), maxMB(doc.uri));

  /** Brings the analysis of a document up to its current version. */
  function refresh(doc: TextDocument): void {
    const pending = timers.get(doc.uri);
    if (pending) clearTimeout(pending);
    timers.delete(doc.uri);
    if (skipped(doc)) {
      if (workspace.version(doc.uri) !== doc.version) workspace.update(doc.uri, doc.version, '');
      return;
    }
    if (workspace.version(doc.uri) !== doc.version) workspace.update(doc.uri, doc.version, doc.getText());
  }

  /** The document, analysed up to its current version. A pending analysis is run (and published) now. */
  function current(uri: string): TextDocument | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    if (timers.has(uri)) analyseAndPublish(uri);
    else refresh(doc);
    return doc;
  }

  function publishFor(uri: string, typing = false): void {
    const doc = documents.get(uri);
    // Never publish for a version other than the one analysed: a newer analysis is due and will.
    if (!doc || (workspace.version(uri) !== undefined && workspace.version(uri) !== doc.version)) return;
    const plan = workspace.planFor(uri);
    let diagnostics: Diagnostic[] = [];
    const reason = plan ? skipped(doc) : undefined;
    if (reason) {
      diagnostics = [toDiagnostic(skipFinding(uri, reason, maxMB(uri)))];
    } else if (plan) {
      diagnostics = (plan.presented.get(doc.uri) ?? plan.presented.get(uriKey(doc.uri)) ?? []).map(toDiagnostic);
    }
    if (!plan && !published.has(uri)) return; // quiet outside plans
    if (plan) published.add(uri);
    else published.delete(uri);
    // Coverage first (except while typing): a client that waits for diagnostics then sees a current coverage.
    coverage.changed(uri, typing);
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  /** Re-analyses a document and republishes every open document of its plan. */
  function analyseAndPublish(uri: string, typing = false): void {
    const doc = documents.get(uri);
    if (!doc) return;
    refresh(doc);
    const wasPlan = published.has(uri);
    const mates = workspace.isPlan(uri) ? workspace.planMates(uri) : [];
    for (const mate of new Set([uri, ...mates])) {
      const mateDoc = documents.get(mate);
      if (mateDoc) refresh(mateDoc);
      publishFor(mate, typing);
    }
    if (wasPlan && !workspace.isPlan(uri)) publishFor(uri);
  }

  function schedule(uri: string): void {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        analyseAndPublish(uri, true);
      }, workspace.configFor(uri).config.analysis.debounceMs),
    );
  }

  function republishAll(): void {
    for (const doc of documents.all()) analyseAndPublish(doc.uri);
  }

  async function loadSettings(pushed?: unknown): Promise<void> {
    let raw: unknown = pushed;
    if (hasConfiguration()) {
      try {
        raw = await connection.workspace.getConfiguration({ section: 'jfp' });
      } catch {
        raw = undefined;
      }
    }
    workspace.setSettings(settingsLayer(raw));
    reloadProjectConfig();
  }

  /** Problems in .jfp.json files and extra catalogues, as published (by file URI). */
  let configProblems: FileProblems = new Map();

  /** Reads every folder's .jfp.json and extra catalogues, and publishes their problems. */
  function reloadProjectConfig(): void {
    const problems: FileProblems = new Map();
    const configs = workspace.folderPaths().map((folder) => readProjectConfig(folder, RULE_CODES, problems));
    for (const c of configs) workspace.setProjectConfig(pathToUri(c.folder), c.layer);
    const catalogue = buildCatalogue(getDefaultCatalogue(), configs, problems);
    if (catalogue !== workspace.catalogue) workspace.setCatalogue(catalogue);
    for (const uri of configProblems.keys()) if (!problems.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, list] of problems) {
      void connection.sendDiagnostics({
        uri,
        diagnostics: list.map((p) => toDiagnostic({ uri, range: p.range, severity: p.severity, code: 'jfp.config.invalid', message: p.message })),
      });
    }
    configProblems = problems;
  }

  connection.onInitialize((params) => {
    capabilities = params.capabilities;
    markdownHover = capabilities.textDocument?.hover?.contentFormat?.includes('markdown') ?? false;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    const init = params.initializationOptions as { settings?: unknown; docsBase?: string; l10nBundle?: unknown } | undefined;
    loadTranslations(init?.l10nBundle);
    if (init?.settings) workspace.setSettings(settingsLayer(init.settings));
    setDocsBase(init?.docsBase ?? defaultDocsBase());
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'jfp-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'jfp' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**/*.json' }] });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        workspace.setFolders(folders.map((f) => f.uri));
        republishAll();
      });
    }
    await loadSettings();
    configLoaded();
    republishAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { jfp?: unknown } | undefined)?.jfp;
    await loadSettings(pushed);
    republishAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const json = params.changes.filter((c) => c.uri.endsWith('.json'));
    for (const change of params.changes) if (!change.uri.endsWith('.json')) workspace.fileChanged(change.uri);
    // A .jfp.json or a catalogue it names (or one that had problems) changed: read the configuration again.
    if (json.some((c) => c.uri.endsWith('/.jfp.json') || configProblems.has(c.uri) || workspace.isCatalogueFile(c.uri))) {
      reloadProjectConfig();
      republishAll();
      return;
    }
    for (const uri of workspace.openPlanUris()) publishFor(uri);
  });

  documents.onDidOpen((e) => void ready.then(() => analyseAndPublish(e.document.uri)));
  documents.onDidChangeContent((e) => void ready.then(() => schedule(e.document.uri)));
  documents.onDidClose((e) => {
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    const mates = workspace.planMates(e.document.uri).filter((u) => u !== e.document.uri);
    workspace.close(e.document.uri);
    if (published.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    for (const mate of mates) publishFor(mate);
  });

  connection.onHover(async (params, token) => {
    await ready;
    if (token.isCancellationRequested || !current(params.textDocument.uri)) return null;
    const plan = workspace.planFor(params.textDocument.uri);
    const doc = workspace.document(params.textDocument.uri);
    return plan && doc ? hover(doc, plan, params.position, markdownHover ? 'markdown' : 'plaintext') : null;
  });

  connection.onCompletion(async (params, token) => {
    await ready;
    if (token.isCancellationRequested || !current(params.textDocument.uri)) return [];
    const plan = workspace.planFor(params.textDocument.uri);
    const doc = workspace.document(params.textDocument.uri);
    if (!plan || !doc) return [];
    const item = capabilities.textDocument?.completion?.completionItem;
    return complete(doc, plan, params.position, {
      snippets: item?.snippetSupport === true,
      markdown: item?.documentationFormat?.includes('markdown') ?? false,
    });
  });

  connection.onCodeAction(async (params, token) => {
    await ready;
    if (token.isCancellationRequested || !current(params.textDocument.uri)) return [];
    const plan = workspace.planFor(params.textDocument.uri);
    const doc = workspace.document(params.textDocument.uri);
    if (!plan || !doc) return [];
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source));
    if (wantsFixAll) {
      const all = fixAllAction(doc, plan);
      return all ? [all] : [];
    }
    return codeActions(doc, plan, params.context.diagnostics, params.range);
  });

  connection.onCodeLens(async (params, token) => {
    await ready;
    if (token.isCancellationRequested || !current(params.textDocument.uri)) return [];
    const plan = workspace.planFor(params.textDocument.uri);
    const doc = workspace.document(params.textDocument.uri);
    return plan && doc ? codeLenses(doc, plan) : [];
  });

  connection.onRequest(CoverageRequest, async (params) => {
    await ready;
    current(params.uri);
    return coverageResult(workspace.planFor(params.uri));
  });

  connection.onExecuteCommand(async (params) => {
    await ready;
    const args = params.arguments ?? [];
    const withPlan = (uri: unknown) => {
      if (typeof uri !== 'string' || !current(uri)) return undefined;
      const plan = workspace.planFor(uri);
      const doc = workspace.document(uri);
      return plan && doc ? { plan, doc } : undefined;
    };
    return executeCommand(params.command, args, workspace, withPlan);
  });

  documents.listen(connection);
  connection.listen();
}

function defaultDocsBase(): string {
  // dist/server.cjs -> <package>/docs/rules/
  try {
    const self = fs.realpathSync(process.argv[1] ?? '.');
    const docs = path.join(path.dirname(self), '..', 'docs', 'rules');
    return fs.existsSync(docs) ? pathToFileURL(docs + path.sep).href : '';
  } catch {
    return '';
  }
}

/** Entry point for `jfp-language-server --stdio` (and the IPC transport used by the VS Code client). */
export function main(): void {
  startServer(createConnection(ProposedFeatures.all));
}
