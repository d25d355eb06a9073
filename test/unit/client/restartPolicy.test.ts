import * as assert from 'node:assert/strict';
import { MAX_RESTARTS, RestartPolicy, WINDOW_MS } from '../../../client/src/logic/restartPolicy.js';

describe('client restart policy', () => {
  it('restarts a server that dies, and tells the user the first time only', () => {
    const policy = new RestartPolicy(() => 1000);
    assert.deepEqual(policy.closed(), { restart: true, tell: 'restarted' });
    assert.deepEqual(policy.closed(), { restart: true });
    assert.deepEqual([policy.restarts, policy.messagesShown], [2, 1]);
  });

  it(`stops after ${MAX_RESTARTS} restarts within the window, with still one message in the session`, () => {
    const policy = new RestartPolicy(() => 1000);
    const decisions = Array.from({ length: MAX_RESTARTS + 2 }, () => policy.closed());
    assert.deepEqual(
      decisions.map((d) => d.restart),
      [...Array.from({ length: MAX_RESTARTS }, () => true), false, false],
    );
    assert.deepEqual(decisions.filter((d) => d.tell !== undefined), [{ restart: true, tell: 'restarted' }]);
    assert.deepEqual([policy.restarts, policy.messagesShown], [MAX_RESTARTS, 1]);
  });

  it('restarts again once earlier restarts have left the window', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    for (let i = 0; i < MAX_RESTARTS; i++) policy.closed();
    assert.equal(policy.closed().restart, false);
    now = WINDOW_MS + 1;
    assert.equal(policy.closed().restart, true);
    assert.equal(policy.restarts, MAX_RESTARTS + 1);
  });

  it('keeps the connection through a few errors, then shuts it down', () => {
    const policy = new RestartPolicy();
    assert.deepEqual([undefined, 1, 3, 4, 10].map((n) => policy.continueAfterError(n)), [true, true, true, false, false]);
  });
});
