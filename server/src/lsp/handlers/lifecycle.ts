/**
 * The server's life: initialize (capabilities, settings pushed with it, docs location),
 * initialized (registrations, then the first reading of the configuration), configuration
 * and watched-file changes, and shutdown.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeParams,
} from 'vscode-languageserver';
import { ServerCommands } from '../../../../shared/protocol.js';
import { WordPdfServerCommands } from '../../../../shared/wordPdf.js';
import { FIX_ALL_KIND } from '../features/codeActions.js';
import { COMPLETION_TRIGGERS } from '../features/completion.js';
import { setDocsBase } from '../features/diagnostics.js';
import { loadTranslations } from '../l10nSetup.js';
import { settingsLayer } from '../settings.js';
import { Configuration } from './configuration.js';
import type { ServerContext } from './context.js';

export interface LifecycleOptions {
  /** Where the rule pages are when the client does not say (empty: no links). */
  docsBase: string;
  version: string;
  /** Everything to stop at shutdown (timers, watchers). */
  dispose(): void;
  /** Called once the configuration has been read for the first time. */
  configLoaded(): void;
}

export function registerLifecycle(ctx: ServerContext, setCapabilities: (c: ClientCapabilities) => void, options: LifecycleOptions): void {
  const { connection, workspace, pipeline } = ctx;
  const configuration = new Configuration(ctx);
  /** Dynamic registrations (configuration, file watchers), undone at shutdown. */
  const registrations: { dispose(): void }[] = [];
  const keep = (registration: Promise<{ dispose(): void }>) => void registration.then((r) => registrations.push(r), () => undefined);

  connection.onInitialize((params: InitializeParams) => {
    setCapabilities(params.capabilities);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    const init = params.initializationOptions as { settings?: unknown; docsBase?: string; l10nBundle?: unknown } | undefined;
    loadTranslations(init?.l10nBundle);
    if (init?.settings) workspace.setSettings(settingsLayer(init.settings));
    setDocsBase(init?.docsBase ?? options.docsBase);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [...Object.values(ServerCommands), ...Object.values(WordPdfServerCommands)] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'jfp-language-server', version: options.version },
    };
  });

  connection.onInitialized(async () => {
    const capabilities = ctx.capabilities();
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      keep(connection.client.register(DidChangeConfigurationNotification.type, { section: 'jfp' }));
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      workspace.setWatching(true);
      keep(connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**/*.json' }] }));
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        workspace.setFolders(folders.map((f) => f.uri));
        await pipeline.republishAll();
      });
    }
    await configuration.loadSettings();
    options.configLoaded();
    await pipeline.republishAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { jfp?: unknown } | undefined)?.jfp;
    await configuration.loadSettings(pushed);
    await pipeline.republishAll();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const json = params.changes.filter((c) => c.uri.endsWith('.json'));
    for (const change of params.changes) if (!change.uri.endsWith('.json')) workspace.fileChanged(change.uri);
    // A .jfp.json or a catalogue it names (or one that had problems) changed: read the configuration again.
    if (json.some((c) => configuration.reads(c.uri))) {
      await configuration.reloadProjectConfig();
      await pipeline.republishAll();
      return;
    }
    await pipeline.republishPlans();
  });

  connection.onShutdown(() => {
    options.dispose();
    workspace.setWatching(false);
    for (const registration of registrations.splice(0)) registration.dispose();
  });
}
