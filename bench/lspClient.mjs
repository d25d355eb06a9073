/**
 * A minimal language client for the benchmark: starts a server over stdio, opens one document,
 * sends one-character edits and requests, and reads the server's memory from /proc. Used for
 * jfp-assist's built server and for the trivial server beside it (trivialServer.mjs).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { cpuOf, memoryOf } from './stats.mjs';

/**
 * Starts `script` (a Node script) with `--stdio` in a fresh temporary folder holding the plan as
 * `bench-forward-plan.md`, and initializes it with `settings` as the answer to every
 * `workspace/configuration` request.
 */
export async function startServer(script, text, settings = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-bench-'));
  const file = path.join(dir, 'bench-forward-plan.md');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  /** Resolvers waiting for the first publishDiagnostics of a version (or of any version: key 'any'). */
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri !== uri) return;
    const now = performance.now();
    for (const key of [p.version, 'any']) {
      const w = waiters.get(key);
      if (w) {
        waiters.delete(key);
        w(now);
      }
    }
  });
  conn.onNotification(() => undefined);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  conn.onRequest(() => null);
  conn.listen();
  const root = pathToFileURL(dir).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
    },
  });
  await conn.sendNotification('initialized', {});

  let current = text;
  let version = 0;
  const session = {
    uri,
    pid: child.pid,
    get text() {
      return current;
    },
    get version() {
      return version;
    },
    /** A promise of the time the first diagnostics of `v` (or of any version) arrive. */
    published(v = 'any') {
      return new Promise((resolve) => waiters.set(v, resolve));
    },
    async open() {
      version = 1;
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text: current } });
    },
    /** Inserts `insert` at `offset` as an incremental change; returns the new version. */
    async insert(offset, insert, position) {
      current = current.slice(0, offset) + insert + current.slice(offset);
      version++;
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text: insert }],
      });
      return version;
    },
    request(method, params) {
      return conn.sendRequest(method, params);
    },
    memory() {
      return memoryOf(child.pid);
    },
    /** CPU time the server has used so far, in ms (NaN where /proc cannot tell). */
    cpu() {
      return cpuOf(child.pid);
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 10_000))]);
        await conn.sendNotification('exit');
      } catch {
        // the server is gone already
      }
      const timer = setTimeout(() => child.kill(), 10_000);
      await exited;
      clearTimeout(timer);
      conn.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return session;
}
