/**
 * What happens when the language server dies: restart it, and tell the user once, quietly.
 * Restarts are limited (at most MAX_RESTARTS in WINDOW_MS); past that the server stays
 * stopped and one message says how to start it again. Never a storm of pop-ups.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient';

export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60 * 1000;

export class RecoveryHandler implements ErrorHandler {
  /** Times of recent restarts. */
  private readonly restartTimes: number[] = [];
  /** How many restarts and messages there have been (read by the integration tests). */
  restarts = 0;
  messagesShown = 0;
  private told = false;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly now: () => number = Date.now,
    private readonly notify: (message: string) => void = (m) => void vscode.window.showWarningMessage(m),
  ) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.log.error(`Connection to the Joint Forward Plan server failed: ${error.message}`);
    return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    while (this.restartTimes.length > 0 && now - this.restartTimes[0]! > WINDOW_MS) this.restartTimes.shift();
    if (this.restartTimes.length >= MAX_RESTARTS) {
      this.log.error('The Joint Forward Plan server stopped too often and was not restarted.');
      this.tellOnce('The Joint Forward Plan checker stopped several times and has been switched off for now. Reload the window to start it again, and see the "Joint Forward Plan" output for details.');
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restartTimes.push(now);
    this.restarts++;
    this.log.warn(`The Joint Forward Plan server stopped unexpectedly; restarting it (restart ${this.restarts}).`);
    this.tellOnce('The Joint Forward Plan checker stopped unexpectedly and has been restarted. Your plan has not been changed.');
    return { action: CloseAction.Restart, handled: true };
  }

  /** One message per session: later restarts are only logged. */
  private tellOnce(message: string): void {
    if (this.told) return;
    this.told = true;
    this.messagesShown++;
    this.notify(message);
  }
}
