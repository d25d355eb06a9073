import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, draftUri, jfpDiagnostics, show, waitFor, waitForDiagnostics } from './helpers.js';

interface ClientInternals {
  isRunning(): boolean;
  onDidChangeState: vscode.Event<{ oldState: number; newState: number }>;
  _serverProcess?: { pid?: number };
}

describe('Recovery', () => {
  it('restarts a server that dies, says so once, and checks the plan again', async () => {
    const api = await activateApi();
    const client = api.client as unknown as ClientInternals;
    await show(draftUri());
    await waitForDiagnostics(draftUri(), (ds) => ds.length > 0, 'diagnostics before the crash');
    const pid = client._serverProcess?.pid;
    assert.ok(pid, 'the server process is known');
    const before = { restarts: api.recovery.restarts, messages: api.recovery.messagesShown };
    // State 2 is Running in vscode-languageclient.
    const stopped = waitFor(client.onDidChangeState, (e) => (e && e.newState !== 2 ? e : undefined), 'the client notices the server died');
    process.kill(pid, 'SIGKILL');
    await stopped;
    await waitFor(client.onDidChangeState, (e) => (e && e.newState === 2 ? e : undefined), 'the client is running again', 60_000);
    assert.equal(client.isRunning(), true);
    assert.equal(api.recovery.restarts, before.restarts + 1);
    assert.equal(api.recovery.messagesShown, 1, 'one message in the session');
    await waitForDiagnostics(draftUri(), (ds) => ds.length > 0, 'diagnostics after the restart');
    assert.ok(jfpDiagnostics(draftUri()).length > 0);
  });

  it('stops restarting after repeated crashes, with still no more than one message', async () => {
    const api = await activateApi();
    const Handler = api.recovery.constructor as new (log: unknown, now: () => number, notify: (m: string) => void) => { closed(): { action: number } };
    const shown: string[] = [];
    const log = { warn: () => undefined, error: () => undefined };
    const handler = new Handler(log, () => 1000, (m) => shown.push(m));
    // CloseAction: 1 = DoNotRestart, 2 = Restart.
    const actions = Array.from({ length: 6 }, () => handler.closed().action);
    assert.deepEqual(actions, [2, 2, 2, 2, 1, 1]);
    assert.equal(shown.length, 1);
  });
});
