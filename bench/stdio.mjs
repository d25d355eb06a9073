/**
 * The over-stdio figures of `npm run bench` for one plan text: jfp-assist's built server
 * (dist/server.cjs, debounce 0) for cold open → first diagnostics and → the complete analysis,
 * the first edit after opening, edit → diagnostics with the server's CPU time per edit, hover
 * latency idle and while typing, and peak memory; and the trivial server (trivialServer.mjs)
 * for edit → acknowledgement of the same edits.
 *
 * Like the in-process figure (e), which times edits after one untimed one, the timed edits
 * start after the first edit following the open: that one also pays for what opening left to
 * do (the rest of a long plan's first analysis, code run for the first time), so it is reported
 * on its own.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lspClient.mjs';
import { editOffsets, pct, positionAt, round } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const JFP_SERVER = path.join(ROOT, 'dist', 'server.cjs');
const TRIVIAL_SERVER = path.join(ROOT, 'bench', 'trivialServer.mjs');

/** Hover positions: on the text of up to `n` headings spread through the document. */
function headingPositions(text, n) {
  const starts = [];
  for (const m of text.matchAll(/^#{2,4} \S/gm)) starts.push(m.index);
  const step = Math.max(1, Math.floor(starts.length / n));
  return starts.filter((_, i) => i % step === 0).slice(0, n).map((at) => positionAt(text, text.indexOf(' ', at) + 2));
}

/**
 * Runs `edits` one-character edits spread through the text; each is timed from just before it
 * is sent to the time `done(version)` resolves with. `done` is called before the edit is sent
 * (a publish must be waited for before it can arrive), and the promise awaited after it.
 * Returns the latencies, and the server's CPU time (ms) after each edit.
 */
async function timedEdits(session, edits, done) {
  const latencies = [];
  const cpu = [];
  for (const [i, base] of editOffsets(session.text, edits).entries()) {
    const at = base + i; // each earlier edit added one character before this point
    const position = positionAt(session.text, at);
    const start = performance.now();
    const ended = done(session.version + 1);
    await session.insert(at, 'x', position);
    latencies.push((await ended()) - start);
    cpu.push(session.cpu());
  }
  return { latencies, cpu };
}

/** The server's mean CPU time per edit over the edits after the first (see timedEdits). */
const cpuPerEdit = (cpu) => (cpu.at(-1) - cpu[0]) / (cpu.length - 1);

const hover = (session, position) => session.request('textDocument/hover', { textDocument: { uri: session.uri }, position });

/**
 * Hover latency while typing: a keystroke every `intervalMs`, and right after each a hover on
 * a heading, as an author who types and points. Returns the hover latencies; afterwards waits
 * for the diagnostics of the last version, so the server is idle again.
 */
async function hoverWhileTyping(session, rounds, intervalMs) {
  const positions = headingPositions(session.text, rounds);
  const offsets = editOffsets(session.text, rounds);
  const latencies = [];
  let last;
  for (let i = 0; i < rounds; i++) {
    const at = offsets[i] + i;
    const began = performance.now();
    last = session.published(session.version + 1);
    await session.insert(at, 'x', positionAt(session.text, at));
    const start = performance.now();
    await hover(session, positions[i % positions.length]);
    latencies.push(performance.now() - start);
    const rest = intervalMs - (performance.now() - began);
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  }
  await last;
  return latencies;
}

/** Idle hover latency: one hover at a time on a server with nothing else to do. */
async function idleHover(session, rounds) {
  const positions = headingPositions(session.text, rounds);
  const latencies = [];
  let found = 0;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const h = await hover(session, positions[i % positions.length]);
    latencies.push(performance.now() - start);
    if (h) found++;
  }
  return { latencies, found };
}

/** jfp-assist's server over stdio. */
export async function jfpOverStdio(text, { edits, hovers, typingIntervalMs }) {
  const session = await startServer(JFP_SERVER, text, { analysis: { debounceMs: 0 } });
  try {
    const opened = session.published();
    const start = performance.now();
    await session.open();
    const cold = (await opened) - start;
    // The first publication of a long plan is a first stage; the coverage view's request is answered once the whole analysis is done.
    await session.request('jfp/coverage', { uri: session.uri });
    const complete = performance.now() - start;
    const timed = await timedEdits(session, edits + 1, (v) => {
      const p = session.published(v);
      return () => p;
    });
    const [first, ...edit] = timed.latencies;
    const idle = await idleHover(session, hovers);
    const typing = await hoverWhileTyping(session, hovers, typingIntervalMs);
    const idleAgain = await idleHover(session, hovers);
    const idleAll = [...idle.latencies, ...idleAgain.latencies];
    return {
      open: round(cold),
      openAll: round(complete),
      fFirst: round(first),
      f50: round(pct(edit, 50)),
      f95: round(pct(edit, 95)),
      fCpu: round(cpuPerEdit(timed.cpu)),
      hoverIdle50: round(pct(idleAll, 50)),
      hoverIdle95: round(pct(idleAll, 95)),
      hoverTyping50: round(pct(typing, 50)),
      hoverTyping95: round(pct(typing, 95)),
      hoversAnswered: `${idle.found}/${hovers}`,
      g: session.memory().peak,
    };
  } finally {
    await session.stop();
  }
}

/** The trivial server over stdio: edit → acknowledgement (`bench/ack`) of the same edits. */
export async function trivialOverStdio(text, { edits }) {
  const session = await startServer(TRIVIAL_SERVER, text);
  try {
    await session.open();
    await session.request('bench/ack', { uri: session.uri });
    const ack = () => () => session.request('bench/ack', { uri: session.uri }).then(() => performance.now());
    // The same edits as jfpOverStdio's, the first one left out here as there.
    const timed = await timedEdits(session, edits + 1, ack);
    const acks = timed.latencies.slice(1);
    return { t50: round(pct(acks, 50)), t95: round(pct(acks, 95)), tCpu: round(cpuPerEdit(timed.cpu)), tRss: session.memory().peak };
  } finally {
    await session.stop();
  }
}
