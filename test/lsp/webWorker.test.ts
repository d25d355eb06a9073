/**
 * The web extension's language server (dist/web/server.js) in a real web worker: headless
 * Chromium loads a tiny page from a local HTTP server, the page starts the worker, and the
 * test speaks LSP JSON-RPC to it through postMessage, and answers the worker's file requests
 * (jfp/files/*) from memory, as the web client does with vscode.workspace.fs. The worker must
 * analyse a two-file plan with a .jfp.json and an extra catalogue exactly as the Node server
 * does on disk (same diagnostics, same coverage).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../../shared/protocol.js';
import { ROOT, readFixture } from '../helpers.js';
import { MemoryFiles } from '../memoryFiles.js';
import { TestClient } from './lspClient.js';

const CHROMIUM = process.env.JFP_CHROMIUM ?? '/usr/bin/chromium';
const WORKER_BUNDLE = path.join(ROOT, 'dist', 'web', 'server.js');
const EXAMPLE = path.join(ROOT, 'examples', 'wessex-vale-joint-forward-plan.md');
/** URIs like the ones vscode.dev gives files of a GitHub repository. */
const WEB_FOLDER = 'vscode-vfs://github/example/plans';
const MAIN = 'wessex-vale-joint-forward-plan.md';
const PART_2 = 'wessex-vale-forward-plan-part-2.md';
const WEB_URI = `${WEB_FOLDER}/${MAIN}`;

/** The example plan in two files, with a .jfp.json that changes a level and adds a catalogue. */
function twoFilePlan(): Record<string, string> {
  const lines = fs.readFileSync(EXAMPLE, 'utf8').split('\n');
  const split = lines.indexOf('## Enabling change');
  const extra = JSON.parse(readFixture('mini-catalogue.json')) as { items: { id: string }[] };
  extra.items = extra.items.map((i) => ({ ...i, id: `local-${i.id}` }));
  return {
    [MAIN]: lines.slice(0, split).join('\n'),
    [PART_2]: lines.slice(split).join('\n'),
    '.jfp.json': JSON.stringify({ rules: { 'jfp.duty.partial': 'warning' }, catalogues: [{ path: 'local/extra.jfp-catalogue.json' }] }),
    'local/extra.jfp-catalogue.json': JSON.stringify(extra),
  };
}

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

  constructor(
    private readonly page: Page,
    private readonly files: MemoryFiles,
  ) {}

  /** What the web client answers to the worker's file requests. */
  private async answer(method: string, params: { uri: string; maxBytes?: number }): Promise<unknown> {
    switch (method) {
      case 'jfp/files/read':
        return this.files.readText(params.uri, params.maxBytes).then(
          (text) => ({ text }),
          () => ({ error: 'FileNotFound' }),
        );
      case 'jfp/files/stat':
        return (await this.files.stat(params.uri)) ?? null;
      case 'jfp/files/list':
        return this.files.list(params.uri);
      default:
        return null; // registerCapability, workDoneProgress/create, ...: accept it
    }
  }

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
      const id = m.id;
      void this.answer(m.method, m.params as { uri: string }).then((result) => this.post({ jsonrpc: '2.0', id, result }));
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

  it('analyses a two-file plan with a .jfp.json and an extra catalogue as the Node server does', async () => {
    const plan = twoFilePlan();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-web-'));
    for (const [name, content] of Object.entries(plan)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    const text = plan[MAIN]!;

    // What the Node server says about the plan on disk.
    const node = new TestClient({ workspaceFolder: dir });
    let expected: { diagnostics: Diagnostic[]; coverage: CoverageResult };
    try {
      await node.initialize();
      const uri = await node.open(path.join(dir, MAIN), text);
      const published = await node.diagnosticsFor(uri);
      expected = { diagnostics: published.diagnostics, coverage: await node.request<CoverageResult>('jfp/coverage', { uri }) };
    } finally {
      await node.stop();
      fs.rmSync(dir, { recursive: true });
    }
    // The Node server read the second file, the configuration and the catalogue.
    assert.ok(expected.coverage.items.some((i) => i.evidence.some((e) => e.file.endsWith(PART_2))));
    assert.ok(expected.coverage.items.some((i) => i.id === 'local-duty-integration'));
    assert.ok(expected.diagnostics.some((d) => (d.code === 'jfp.duty.partial' || d.code === 'jfp.plan.summary') && d.severity === 2));

    const page = await browser!.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const peer = new WorkerPeer(page, new MemoryFiles(Object.fromEntries(Object.entries(plan).map(([name, content]) => [`${WEB_FOLDER}/${name}`, content]))));
    await peer.attach();
    await page.goto(base);

    const init = await peer.request<{ capabilities: { hoverProvider?: boolean }; serverInfo?: { name: string } }>('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: [{ uri: WEB_FOLDER, name: 'plans' }],
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
    assert.ok(coverage.items.some((i) => i.evidence.some((e) => e.file === `${WEB_FOLDER}/${PART_2}`)), 'evidence from the second file');

    const hover = await peer.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: WEB_URI }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === 'object');

    assert.deepEqual(peer.errors, []);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });
});
