/**
 * The web extension's language server (dist/web/server.js) in a real web worker: headless
 * Chromium loads a tiny page from a local HTTP server, the page starts the worker, and the
 * test speaks LSP JSON-RPC to it through postMessage. The worker must analyse the example
 * plan exactly as the Node server does (same diagnostics, same coverage), with no file system.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../../shared/protocol.js';
import { ROOT } from '../helpers.js';
import { TestClient } from './lspClient.js';

const CHROMIUM = process.env.JFP_CHROMIUM ?? '/usr/bin/chromium';
const WORKER_BUNDLE = path.join(ROOT, 'dist', 'web', 'server.js');
const EXAMPLE = path.join(ROOT, 'examples', 'wessex-vale-joint-forward-plan.md');
/** A URI like the ones vscode.dev gives files of a GitHub repository. */
const WEB_URI = 'vscode-vfs://github/example/plans/wessex-vale-joint-forward-plan.md';

const PAGE = `<!doctype html><meta charset="utf-8"><title>jfp worker</title><script>
  const worker = new Worker('/server.js');
  worker.onmessage = (e) => window.toNode(e.data);
  worker.onerror = (e) => window.toNode({ workerError: String(e.message) });
  window.toWorker = (m) => worker.postMessage(m);
</script>`;

interface Message {
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
  workerError?: string;
}

/** A minimal JSON-RPC peer on top of page.exposeFunction / postMessage. */
class WorkerPeer {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];
  readonly errors: string[] = [];

  constructor(private readonly page: Page) {}

  async attach(): Promise<void> {
    await this.page.exposeFunction('toNode', (m: Message) => this.receive(m));
  }

  private receive(m: Message): void {
    if (m.workerError !== undefined) {
      this.errors.push(m.workerError);
      for (const p of this.pending.values()) p.reject(new Error(`worker error: ${m.workerError}`));
      return;
    }
    if (m.method !== undefined && m.id !== undefined) {
      // A request from the server (registerCapability, workDoneProgress/create, ...): accept it.
      void this.post({ jsonrpc: '2.0', id: m.id, result: null });
      return;
    }
    if (m.method === undefined && typeof m.id === 'number') {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result);
      return;
    }
    for (const l of [...this.listeners]) l(m);
  }

  private post(m: unknown): Promise<void> {
    return this.page.evaluate((msg) => (globalThis as unknown as { toWorker(m: unknown): void }).toWorker(msg), m);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    const id = this.nextId++;
    const result = new Promise<R>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    void this.post({ jsonrpc: '2.0', id, method, params });
    return result;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.post({ jsonrpc: '2.0', method, params });
  }

  /** The first notification (already on its way or future) that passes the test. */
  next<P>(method: string, test: (p: P) => boolean): Promise<P> {
    return new Promise((resolve) => {
      const l = (m: Message) => {
        if (m.method === method && test(m.params as P)) {
          this.listeners.splice(this.listeners.indexOf(l), 1);
          resolve(m.params as P);
        }
      };
      this.listeners.push(l);
    });
  }
}

const comparable = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`).sort();
const statuses = (c: CoverageResult) => c.items.map((i) => `${i.id}=${i.status}`).sort();

describe('web extension: the language server in a web worker', function () {
  this.timeout(120_000);
  let server: http.Server;
  let browser: Browser | undefined;
  let base = '';

  before(async function () {
    assert.ok(fs.existsSync(WORKER_BUNDLE), 'dist/web/server.js is missing: run `npm run build` first.');
    assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (set JFP_CHROMIUM).`);
    server = http.createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      } else if (req.url === '/server.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(WORKER_BUNDLE));
      } else if (req.url === '/favicon.ico') {
        res.writeHead(204).end();
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('analyses the example plan as the Node server does', async () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');

    // What the Node server says about the example.
    const node = new TestClient();
    let expected: { diagnostics: Diagnostic[]; coverage: CoverageResult };
    try {
      await node.initialize();
      const uri = await node.open(EXAMPLE, text);
      const published = await node.diagnosticsFor(uri);
      expected = { diagnostics: published.diagnostics, coverage: await node.request<CoverageResult>('jfp/coverage', { uri }) };
    } finally {
      await node.stop();
    }

    const page = await browser!.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const peer = new WorkerPeer(page);
    await peer.attach();
    await page.goto(base);

    const init = await peer.request<{ capabilities: { hoverProvider?: boolean }; serverInfo?: { name: string } }>('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: [{ uri: 'vscode-vfs://github/example/plans', name: 'plans' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    assert.equal(init.serverInfo?.name, 'jfp-language-server');
    assert.equal(init.capabilities.hoverProvider, true);
    await peer.notify('initialized', {});

    const diagnostics = peer.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === WEB_URI);
    await peer.notify('textDocument/didOpen', { textDocument: { uri: WEB_URI, languageId: 'markdown', version: 1, text } });
    const published = await diagnostics;
    assert.equal(published.version, 1);
    assert.deepEqual(comparable(published.diagnostics), comparable(expected.diagnostics));

    const coverage = await peer.request<CoverageResult>('jfp/coverage', { uri: WEB_URI });
    assert.equal(coverage.isPlan, true);
    assert.ok(coverage.items.length > 10, `only ${coverage.items.length} coverage items`);
    assert.equal(coverage.percent, expected.coverage.percent);
    assert.deepEqual(coverage.summary, expected.coverage.summary);
    assert.deepEqual(statuses(coverage), statuses(expected.coverage));

    const hover = await peer.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: WEB_URI }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === 'object');

    assert.deepEqual(peer.errors, []);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });
});
