/**
 * Tells the client that a plan's coverage changed, off the typing path: after an analysis
 * triggered by typing, the notification waits until the author pauses (or at most `maxWaitMs`
 * of continuous typing), so the client's coverage request does not compete with the next
 * edits. Other changes (open, settings, files on disk) are announced at once. Uses only
 * timers, so it runs in Node and in a browser worker alike.
 */
export class CoverageNotifier {
  private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; since: number }>();

  constructor(
    private readonly send: (uri: string) => void,
    private readonly quietMs = 300,
    private readonly maxWaitMs = 1000,
  ) {}

  /** Coverage of the plan containing uri changed; `typing` when an edit caused it. */
  changed(uri: string, typing: boolean): void {
    const waiting = this.pending.get(uri);
    if (waiting) clearTimeout(waiting.timer);
    const since = waiting?.since ?? Date.now();
    if (!typing || Date.now() - since >= this.maxWaitMs) {
      this.pending.delete(uri);
      this.send(uri);
      return;
    }
    this.pending.set(uri, { since, timer: setTimeout(() => this.flush(uri), this.quietMs) });
  }

  /** Sends a pending notification now (e.g. the document closed). */
  flush(uri: string): void {
    const waiting = this.pending.get(uri);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(uri);
    this.send(uri);
  }

  dispose(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
