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

/** What a turn can be made of (the globals, or stand-ins in tests). */
export interface TurnSources {
  setImmediate?: ((run: () => void) => unknown) | undefined;
  MessageChannel?: (new () => { port1: object; port2: { postMessage(message: unknown): void } }) | undefined;
}

/**
 * One turn of the event loop, and how many of them make a pause: setImmediate in Node; in a web
 * worker (which has none) a message to itself, which a browser does not delay as it delays
 * nested zero timeouts (to 4 ms); else a zero timeout, and fewer turns.
 */
export function turnsFrom(sources: TurnSources): { turn: () => Promise<void>; turns: number } {
  const immediate = sources.setImmediate;
  if (immediate) return { turn: () => new Promise((resolve) => void immediate(resolve)), turns: TURNS_BETWEEN_STAGES };
  if (sources.MessageChannel) {
    const channel = new sources.MessageChannel();
    const waiting: (() => void)[] = [];
    // (A web worker's ports and Node's both take an onmessage handler, which also starts the port.)
    (channel.port1 as { onmessage: unknown }).onmessage = () => waiting.shift()?.();
    // In Node, a port with a handler would otherwise keep the process alive.
    (channel.port1 as { unref?(): void }).unref?.();
    return { turn: () => new Promise((resolve) => (waiting.push(resolve), channel.port2.postMessage(0))), turns: TURNS_BETWEEN_STAGES };
  }
  return { turn: () => new Promise((resolve) => setTimeout(resolve, 0)), turns: 2 };
}

let turns: ReturnType<typeof turnsFrom> | undefined;

export const timerScheduler: Scheduler = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  yield: async () => {
    turns ??= turnsFrom({ setImmediate: typeof setImmediate === 'function' ? setImmediate : undefined, MessageChannel: typeof MessageChannel === 'function' ? MessageChannel : undefined });
    for (let i = 0; i < turns.turns; i++) await turns.turn();
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
