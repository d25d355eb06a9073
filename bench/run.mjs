/**
 * `npm run bench`: times remark, markdownlint and jfp-assist on generated plans of 20 KB,
 * 200 KB and 2 MB, in one run so each figure sits beside its peers. Writes bench/results.json
 * and prints a Markdown table (paste it into README.md and docs/performance.md).
 * Needs a build first (the npm script does it). Set BENCH_SIZES=20000,200000 to run fewer sizes,
 * BENCH_KINDS=plain or BENCH_KINDS=notes for plans without or with footnotes and reference links.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lint } from 'markdownlint/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generatePlan } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const A = (f) => pathToFileURL(path.join(ROOT, 'out', 'server', 'src', 'analysis', f)).href;
const { parseMarkdown } = await import(A('model/markdown.js'));
const { analyseDocument, analysePlan } = await import(A('analyse.js'));
const { getDefaultCatalogue } = await import(A('data/catalogue.js'));
const { indexCatalogue } = await import(A('data/catalogueIndex.js'));
const { IncrementalParser } = await import(A('model/incremental.js'));

const SIZES = (process.env.BENCH_SIZES ?? '20000,200000,2000000').split(',').map(Number);
const KINDS = (process.env.BENCH_KINDS ?? 'plain,notes').split(',');
const RUNS = 5;
const EDITS = 50;
const catalogue = getDefaultCatalogue();
const index = indexCatalogue(catalogue);
const URI = 'file:///bench/bench-forward-plan.md';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const round = (x) => Math.round(x * 10) / 10;

/** Median of RUNS timed calls after one warm-up call. */
function time(fn) {
  fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return round(median(times));
}

/** Our analysis as the server runs it for the open document: model, coverage, its findings. */
function analyse(text, parse) {
  const doc = analyseDocument(URI, text, index, parse);
  const plan = analysePlan([doc], catalogue);
  return plan.findings.get(URI).length;
}

/** Offsets spread through the text where a character is inserted (before a line end). */
function editOffsets(text, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    let at = Math.floor(((i + 0.5) * text.length) / n);
    const eol = text.indexOf('\n', at);
    out.push(eol < 0 ? text.length : eol);
  }
  return out;
}

function positionAt(text, offset) {
  let line = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, character: offset - last - 1 };
}

function inProcess(text) {
  const bare = unified().use(remarkParse);
  const r = {};
  r.a = time(() => bare.parse(text));
  r.b = time(() => parseMarkdown(text));
  r.c = time(() => lint({ strings: { plan: text } }));
  r.d = time(() => analyse(text));
  // (e): one parser kept across versions, as the server keeps one per open document.
  const parser = new IncrementalParser();
  analyse(text, (t) => parser.parse(t));
  const offsets = editOffsets(text, RUNS + 1);
  let k = 0;
  let current = text;
  r.e = time(() => {
    const at = offsets[k++ % offsets.length] + k;
    current = current.slice(0, at) + 'x' + current.slice(at);
    analyse(current, (t) => parser.parse(t));
  });
  return r;
}

/** (f) and (g): the built server over stdio, debounce 0, EDITS single-character edits. */
async function overStdio(text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-bench-'));
  const file = path.join(dir, 'bench-forward-plan.md');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.cjs'), '--stdio'], { stdio: 'pipe' });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiters.get(p.version);
    if (p.uri === uri && w) {
      waiters.delete(p.version);
      w(performance.now());
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
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification('initialized', {});
  const opened = published(1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  const latencies = [];
  let current = text;
  let version = 1;
  for (const [i, base] of editOffsets(text, EDITS).entries()) {
    const at = base + i; // earlier edits each added one character
    const position = positionAt(current, at);
    current = current.slice(0, at) + 'x' + current.slice(at);
    version++;
    const done = published(version);
    const start = performance.now();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: 'x' }],
    });
    latencies.push((await done) - start);
  }
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await exited;
  conn.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
  return { f50: round(pct(latencies, 50)), f95: round(pct(latencies, 95)), g: Math.round(hwm) };
}

const label = (n) => (n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} KB`);
const machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}`, date: new Date().toISOString() };
const results = [];
for (const kind of KINDS) {
  for (const size of SIZES) {
    const text = generatePlan(size, 42, kind === 'notes');
    const r = { kind, size, chars: text.length, ...inProcess(text), ...(await overStdio(text)) };
    results.push(r);
    process.stderr.write(`${label(size)} ${kind} done\n`);
  }
}
const name = (r) => `${label(r.size)}${r.kind === 'notes' ? ' with footnotes' : ''}`;

const table = [
  '| Plan size | (a) remark bare | (b) remark + GFM + front matter | (c) markdownlint | (d) jfp cold | (e) jfp after 1-char edit | (f) edit→diagnostics p50 / p95 | (g) server peak RSS |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map((r) => `| ${name(r)} | ${r.a} ms | ${r.b} ms | ${r.c} ms | ${r.d} ms (${round(r.d / r.b)}× b) | ${r.e} ms (${round(r.e / r.a)}× a) | ${r.f50} / ${r.f95} ms (p95 ${round(r.f95 / r.a)}× a) | ${r.g} MB |`),
].join('\n');
const big = results.find((r) => r.size === 2_000_000 && r.kind === KINDS[0]);
const mid = results.find((r) => r.size === 200_000 && r.kind === KINDS[0]);
const scaling = big && mid ? round(big.d / mid.d) : undefined;
fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify({ machine, runs: RUNS, edits: EDITS, results, scaling }, null, 2) + '\n');
process.stdout.write(`Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} (${machine.platform}), ${machine.date}\n\n${table}\n`);
if (scaling !== undefined) process.stdout.write(`\nScaling (d) 2 MB / 200 KB: ${scaling}×\n`);
