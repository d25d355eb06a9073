/**
 * A minimal LSP client for tests: starts the built server over stdio and speaks
 * JSON-RPC to it, as an editor would. Every wait is on a message, never a timer.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeParams, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers.js';

export const SERVER = path.join(ROOT, 'dist', 'server.cjs');

export interface ClientOptions {
  workspaceFolder?: string;
  settings?: Record<string, unknown>;
  markdownHover?: boolean;
  /** Extra Node.js options before the server script (e.g. `--require` a guard). */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

const live = new Set<ChildProcessWithoutNullStreams>();

// A root-level hook: whatever a failing test left running is ended once all tests are done.
after(() => {
  for (const child of live) child.kill();
  live.clear();
});

/** Settings for suites that want every edit analysed at once. */
export const NO_DEBOUNCE = { analysis: { debounceMs: 0 } };

export class TestClient {
  private started: { process: ChildProcessWithoutNullStreams; connection: MessageConnection } | undefined;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  readonly coverageChanged: string[] = [];
  private versions = new Map<string, number>();
  stderr = '';
  /** The server's exit code once it has exited (null while it runs). */
  exitCode: number | null = null;
  exited = false;

  /** Nothing starts until `initialize()` (or `start()`), so a suite can make its client when it is declared. */
  constructor(private readonly options: ClientOptions = {}) {}

  get connection(): MessageConnection {
    return this.start().connection;
  }

  /** Spawns the server once; later calls return the running one. */
  start(): { process: ChildProcessWithoutNullStreams; connection: MessageConnection } {
    if (this.started) return this.started;
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: 'pipe', env: this.options.env ?? process.env });
    live.add(child);
    child.once('exit', (code) => {
      live.delete(child);
      this.exited = true;
      this.exitCode = code;
    });
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.test(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    connection.onNotification('jfp/coverageChanged', (p: { uri: string }) => {
      this.coverageChanged.push(p.uri);
    });
    connection.onRequest('workspace/configuration', () => [this.options.settings ?? {}]);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    this.started = { process: child, connection };
    return this.started;
  }

  async initialize(): Promise<unknown> {
    const folder = this.options.workspaceFolder;
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          hover: { contentFormat: this.options.markdownHover === false ? ['plaintext'] : ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
    };
    const result = await this.connection.sendRequest('initialize', params);
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(file: string, text = fs.readFileSync(file, 'utf8')): Promise<string> {
    const uri = pathToFileURL(file).href;
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  async change(uri: string, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the first diagnostics for uri (already received or future) that pass the test. */
  diagnosticsFor(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.get(uri);
    if (seen && test(seen)) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  /** Diagnostics for a specific document version. */
  diagnosticsAt(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnosticsFor(uri, (p) => p.version === version).then((p) => p.diagnostics);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<number | null> {
    if (!this.started) return null;
    const { process: child, connection } = this.started;
    const exited = this.exited ? Promise.resolve(this.exitCode) : new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } catch {
      child.kill();
    }
    const code = await exited;
    connection.dispose();
    return code;
  }
}

/**
 * One initialised server for the whole of a `describe` block: started in its `before`,
 * stopped in its `after` (which checks that it exited cleanly, unless `cleanExit` is false).
 */
export function serverForSuite(options: ClientOptions = {}, { cleanExit = true } = {}): TestClient {
  const client = new TestClient(options);
  before(async () => {
    await client.initialize();
  });
  after(async () => {
    const code = await client.stop();
    if (cleanExit) assert.equal(code, 0, client.stderr);
  });
  return client;
}

/** Runs `test` with an initialised server of its own, and stops the server however the test ends. */
export async function withServer<T>(options: ClientOptions, test: (client: TestClient) => Promise<T>): Promise<T> {
  const client = new TestClient(options);
  try {
    await client.initialize();
    return await test(client);
  } finally {
    await client.stop();
  }
}
