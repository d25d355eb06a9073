/**
 * What happens when the language server dies: restart it, and tell the user once, quietly.
 * The policy (how often, when to tell) is in logic/restartPolicy.ts; this maps it onto
 * vscode-languageclient's error handler, the output channel and a warning message.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient';
import { RestartPolicy } from './logic/restartPolicy.js';

export class RecoveryHandler implements ErrorHandler {
  private readonly policy: RestartPolicy;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    now: () => number = Date.now,
    private readonly notify: (message: string) => void = (m) => void vscode.window.showWarningMessage(m),
  ) {
    this.policy = new RestartPolicy(now);
  }

  /** How many restarts and messages there have been (read by the integration tests). */
  get restarts(): number {
    return this.policy.restarts;
  }

  get messagesShown(): number {
    return this.policy.messagesShown;
  }

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.log.error(vscode.l10n.t('Connection to the Joint Forward Plan server failed: {0}', error.message));
    return { action: this.policy.continueAfterError(count) ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const { restart, tell } = this.policy.closed();
    if (restart) this.log.warn(vscode.l10n.t('The Joint Forward Plan server stopped unexpectedly; restarting it (restart {0}).', this.policy.restarts));
    else this.log.error(vscode.l10n.t('The Joint Forward Plan server stopped too often and was not restarted.'));
    if (tell === 'restarted') this.notify(vscode.l10n.t('The Joint Forward Plan checker stopped unexpectedly and has been restarted. Your plan has not been changed.'));
    if (tell === 'stopped') this.notify(vscode.l10n.t('The Joint Forward Plan checker stopped several times and has been switched off for now. Reload the window to start it again, and see the "Joint Forward Plan" output for details.'));
    return { action: restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
  }
}
