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
