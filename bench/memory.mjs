/**
 * `node bench/memory.mjs`: the memory a long editing session costs. Opens a generated plan
 * (2 MB with footnotes and reference links by default) in the built server (dist/server.cjs,
 * debounce 0) over stdio, makes one-character edits spread through it, each waited for until
 * its diagnostics are published, and prints the server's resident size (VmRSS) and peak
 * (VmHWM) after the open and every REPORT edits. Growth from one report to the next, once the
 * caches are warm, is a leak. Needs a build first (`npm run build`).
 *
 * Environment: MEMORY_SIZE (characters, default 2000000), MEMORY_KIND (notes or plain),
 * MEMORY_EDITS (default 5000), MEMORY_REPORT (default 500). MEMORY_INPROCESS=1 runs the
 * analysis in this process instead, as the server does for one open document, and prints the
 * heap after a forced garbage collection (run it with `node --expose-gc`).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generatePlan } from './generate.mjs';
import { positionAt } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = Number(process.env.MEMORY_SIZE ?? 2_000_000);
const KIND = process.env.MEMORY_KIND ?? 'notes';
const EDITS = Number(process.env.MEMORY_EDITS ?? 5000);
const REPORT = Number(process.env.MEMORY_REPORT ?? 500);
const MB = (bytes) => Math.round(bytes / 2 ** 20);

/** Offset of the i-th edit: spread through the text, at a line end, walking through it again and again. */
function editAt(text, i) {
  const at = Math.floor((((i * 0.618034) % 1) * text.length));
  const eol = text.indexOf('\n', at);
  return eol < 0 ? text.length : eol;
}

/** One character typed at a line end, a different place each time (the text grows by EDITS characters). */
function* edits(text) {
  let current = text;
  for (let i = 0; i < EDITS; i++) {
    const at = editAt(current, i);
    const position = positionAt(current, at);
    current = current.slice(0, at) + 'x' + current.slice(at);
    yield { text: current, range: { start: position, end: position }, insert: 'x' };
  }
}

function status(pid) {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
}

async function overStdio(text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-memory-'));
  const file = path.join(dir, 'memory-forward-plan.md');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.cjs'), '--stdio'], { stdio: 'pipe' });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiters.get(p.version);
    if (p.uri === uri && w) {
      waiters.delete(p.version);
      w();
    }
  });
  conn.onNotification('jfp/coverageChanged', () => undefined);
  conn.onRequest('workspace/configuration', () => [{ analysis: { debounceMs: 0 } }]);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const published = (version) => new Promise((resolve) => waiters.set(version, resolve));
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'memory' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification('initialized', {});
  const started = performance.now();
  const opened = published(1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  report(0, status(child.pid), started);
  let version = 1;
  for (const e of edits(text)) {
    version++;
    const done = published(version);
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: e.range, text: e.insert }] });
    await done;
    if ((version - 1) % REPORT === 0) report(version - 1, status(child.pid), started);
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await exited;
  conn.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function inProcess(text) {
  const A = (f) => pathToFileURL(path.join(ROOT, 'out', 'server', 'src', 'analysis', f)).href;
  const { analyseDocument, analysePlan, editionIndex } = await import(A('analyse.js'));
  const { getDefaultCatalogue } = await import(A('data/catalogue.js'));
  const { IncrementalParser } = await import(A('model/incremental.js'));
  const catalogue = getDefaultCatalogue();
  const parser = new IncrementalParser();
  const uri = 'file:///memory/memory-forward-plan.md';
  const analyse = (t) => {
    const plan = analysePlan([analyseDocument(uri, t, editionIndex(catalogue), (x) => parser.parse(x))], catalogue);
    return plan.presented.get(uri).length;
  };
  const heap = () => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    return { rss: MB(m.rss), heap: MB(m.heapUsed) };
  };
  const started = performance.now();
  analyse(text);
  report(0, heap(), started);
  let n = 0;
  for (const e of edits(text)) {
    analyse(e.text);
    if (++n % REPORT === 0) report(n, heap(), started);
  }
}

function report(edits, figures, started) {
  const parts = Object.entries(figures).map(([k, v]) => `${k} ${v} MB`);
  process.stdout.write(`${String(edits).padStart(5)} edits  ${parts.join('  ')}  (${Math.round((performance.now() - started) / 1000)} s)\n`);
}

const text = generatePlan(SIZE, 42, KIND === 'notes');
process.stdout.write(`${SIZE} characters (${KIND}), ${EDITS} edits, ${process.env.MEMORY_INPROCESS ? 'in process' : 'server over stdio'}\n`);
await (process.env.MEMORY_INPROCESS ? inProcess(text) : overStdio(text));
