/**
 * Analyses run one at a time, in the order they were asked for. Each document has at most one
 * run wanted at a time, for one version; asking for a newer version (or calling `stale`) marks
 * the older run cancelled, and the run itself stops at its next stage (see pipeline.ts).
 */

export interface Run {
  version: number;
  cancelled: boolean;
  done: Promise<void>;
}

export class RunQueue {
  private readonly runs = new Map<string, Run>();
  private queue: Promise<void> = Promise.resolve();

  /** `failed` receives what a step throws; the queue carries on. */
  constructor(private readonly failed: (uri: string, e: unknown) => void) {}

  /** The run for a document's version: the one already wanted, or a new one queued (which cancels an older one). */
  start(uri: string, version: number, execute: (run: Run) => Promise<void>): Run {
    const existing = this.runs.get(uri);
    if (existing && !existing.cancelled && existing.version === version) return existing;
    if (existing) existing.cancelled = true;
    const run: Run = { version, cancelled: false, done: Promise.resolve() };
    run.done = this.enqueue(uri, () => execute(run)).finally(() => {
      if (this.runs.get(uri) === run) this.runs.delete(uri);
    });
    this.runs.set(uri, run);
    return run;
  }

  /** The run wanted for a document, if any. */
  wanted(uri: string): Run | undefined {
    const run = this.runs.get(uri);
    return run && !run.cancelled ? run : undefined;
  }

  /** Queues a step after every step already queued. */
  enqueue(uri: string, step: () => Promise<void>): Promise<void> {
    const done = this.queue.then(async () => {
      try {
        await step();
      } catch (e) {
        this.failed(uri, e);
      }
    });
    this.queue = done;
    return done;
  }

  /** The document's run is no longer wanted (it was edited again, or closed). */
  stale(uri: string): void {
    const run = this.runs.get(uri);
    if (run) run.cancelled = true;
  }

  staleAll(): void {
    for (const uri of [...this.runs.keys()]) this.stale(uri);
  }
}
