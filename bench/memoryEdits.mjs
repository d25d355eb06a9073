/**
 * Memory over many edits: jfp-assist's built server over stdio (debounce 0) receives `edits`
 * one-character edits spread through the plan, in bursts of `burst` sent back to back (as typed
 * quickly), each burst waited for until the diagnostics of its last version arrive; with a burst
 * of 1 every version is analysed. The server's resident memory is sampled every tenth of the
 * run. No growth means the memory after the last edit is about what it was after the first tenth.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lspClient.mjs';
import { editOffsets, positionAt, round } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function memoryOverEdits(text, edits, burst = 1) {
  const session = await startServer(path.join(ROOT, 'dist', 'server.cjs'), text, { analysis: { debounceMs: 0 } });
  try {
    const opened = session.published(1);
    await session.open();
    await opened;
    const spots = editOffsets(text, 50);
    const inserted = new Array(spots.length).fill(0);
    const samples = [];
    const every = Math.max(1, Math.floor(edits / 10));
    const start = performance.now();
    for (let i = 0; i < edits; i++) {
      // Cycle through 50 places; each has the characters inserted before it (at earlier places) added.
      const k = i % spots.length;
      let at = spots[k];
      for (let j = 0; j < k; j++) at += inserted[j];
      at += inserted[k];
      const last = (i + 1) % burst === 0 || i === edits - 1;
      const done = last ? session.published(session.version + 1) : undefined;
      await session.insert(at, 'x', positionAt(session.text, at));
      inserted[k]++;
      await done;
      if ((i + 1) % every === 0) samples.push({ edits: i + 1, rss: session.memory().now });
    }
    const seconds = round((performance.now() - start) / 1000);
    const first = samples[0]?.rss ?? NaN;
    const last = samples.at(-1)?.rss ?? NaN;
    return { edits, burst, samples, first, last, growth: last - first, peak: session.memory().peak, seconds };
  } finally {
    await session.stop();
  }
}
