/**
 * The over-stdio figures of `npm run bench` for one plan text: jfp-assist's built server
 * (dist/server.cjs, debounce 0) for cold open → first diagnostics, edit → diagnostics, hover
 * latency idle and while typing, and peak memory; and the trivial server (trivialServer.mjs)
 * for edit → acknowledgement of the same edits.
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
 */
async function timedEdits(session, edits, done) {
  const latencies = [];
  for (const [i, base] of editOffsets(session.text, edits).entries()) {
    const at = base + i; // each earlier edit added one character before this point
    const position = positionAt(session.text, at);
    const start = performance.now();
    const ended = done(session.version + 1);
    await session.insert(at, 'x', position);
    latencies.push((await ended()) - start);
  }
  return latencies;
}

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
    // The first publish may be a first stage; the first edit waits for its own version's diagnostics.
    const edit = await timedEdits(session, edits, (v) => {
      const p = session.published(v);
      return () => p;
    });
    const idle = await idleHover(session, hovers);
    const typing = await hoverWhileTyping(session, hovers, typingIntervalMs);
    const idleAgain = await idleHover(session, hovers);
    const idleAll = [...idle.latencies, ...idleAgain.latencies];
    return {
      open: round(cold),
      f50: round(pct(edit, 50)),
      f95: round(pct(edit, 95)),
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
    const acks = await timedEdits(session, edits, ack);
    return { t50: round(pct(acks, 50)), t95: round(pct(acks, 95)), tRss: session.memory().peak };
  } finally {
    await session.stop();
  }
}
