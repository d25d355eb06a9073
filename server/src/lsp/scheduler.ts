/** When the pipeline (pipeline.ts) runs: timers for the pause after typing, and turns for other work between stages. */

/** Timers, injected so that tests can run the pipeline on a fake clock. */
export interface Scheduler {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /** Resolves once other waiting work (incoming requests) has had its turn; default: a microtask. */
  yield?(): Promise<void>;
}

/**
 * Turns of the event loop given to other work between two stages of an analysis. The
 * connection handles one incoming message per turn, so this many requests that arrived while
 * a stage ran are answered before the next stage starts.
 */
export const TURNS_BETWEEN_STAGES = 16;

/** One turn: setImmediate in Node; a zero timeout in a web worker (which has no setImmediate). */
const turn = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

export const timerScheduler: Scheduler = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  yield: async () => {
    // A browser clamps nested zero timeouts to 4 ms: fewer turns there.
    const turns = typeof setImmediate === 'function' ? TURNS_BETWEEN_STAGES : 2;
    for (let i = 0; i < turns; i++) await turn();
  },
};

/** How long a stage made of steps (the rules, one after another) runs before other work gets its turns. */
export const SLICE_MS = 8;

/**
 * A pause for the steps of one stage: it lets other work run (`pause`) once SLICE_MS have
 * passed since the last time, and otherwise only asks `live`. Resolves false when the run is no
 * longer wanted.
 */
export function slicedPause(pause: () => Promise<boolean>, live: () => boolean, sliceMs = SLICE_MS): () => Promise<boolean> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return live();
    const wanted = await pause();
    since = performance.now();
    return wanted;
  };
}
