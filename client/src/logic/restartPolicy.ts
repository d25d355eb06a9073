/**
 * When a language server that died is restarted, and when the user is told: at most
 * MAX_RESTARTS in WINDOW_MS, then the server stays stopped; one message per session, never a
 * storm of pop-ups. Plain logic with an injected clock: no VS Code, unit-tested.
 */

export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60 * 1000;
/** Connection errors tolerated before the client shuts the connection down. */
export const MAX_CONNECTION_ERRORS = 3;

/** What to do when the server has closed: restart it or not, and which message to show (only the first time in a session). */
export interface CloseDecision {
  restart: boolean;
  /** 'restarted' or 'stopped' the first time the user is to be told; undefined once they have been. */
  tell?: 'restarted' | 'stopped';
}

export class RestartPolicy {
  /** Times of the restarts within the window. */
  private readonly restartTimes: number[] = [];
  private told = false;
  /** How many restarts and messages there have been in this session. */
  restarts = 0;
  messagesShown = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The server closed. */
  closed(): CloseDecision {
    const now = this.now();
    while (this.restartTimes.length > 0 && now - this.restartTimes[0]! > WINDOW_MS) this.restartTimes.shift();
    const restart = this.restartTimes.length < MAX_RESTARTS;
    if (restart) {
      this.restartTimes.push(now);
      this.restarts++;
    }
    return { restart, ...this.tellOnce(restart ? 'restarted' : 'stopped') };
  }

  /** The connection failed for the `count`th time in a row: keep it while errors are few. */
  continueAfterError(count: number | undefined): boolean {
    return (count ?? 0) <= MAX_CONNECTION_ERRORS;
  }

  private tellOnce(message: 'restarted' | 'stopped'): { tell?: 'restarted' | 'stopped' } {
    if (this.told) return {};
    this.told = true;
    this.messagesShown++;
    return { tell: message };
  }
}
