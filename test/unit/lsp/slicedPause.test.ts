import * as assert from 'node:assert/strict';
import { slicedPause, TURNS_BETWEEN_STAGES, turnsFrom } from '../../../server/src/lsp/scheduler.js';

/** The pause between the steps of one stage (the rules): other work gets turns once a slice of time has passed. */
describe('slicedPause', () => {
  it('lets other work run at every step when the slice is used up, and says whether the run is still wanted', async () => {
    let pauses = 0;
    let wanted = true;
    const between = slicedPause(async () => (pauses++, wanted), () => wanted, 0);
    assert.equal(await between(), true);
    assert.equal(await between(), true);
    assert.equal(pauses, 2);
    wanted = false;
    assert.equal(await between(), false);
  });

  it('within a slice only asks whether the run is still wanted', async () => {
    let pauses = 0;
    let wanted = true;
    const between = slicedPause(async () => (pauses++, true), () => wanted, 60_000);
    assert.equal(await between(), true);
    wanted = false;
    assert.equal(await between(), false, 'a run edited away stops at the next step');
    assert.equal(pauses, 0);
  });
});

describe('turns between stages', () => {
  it("are setImmediate's where there is one, else messages to itself (a web worker), else zero timeouts, fewer of them", async () => {
    let immediates = 0;
    const node = turnsFrom({ setImmediate: (run) => (immediates++, setImmediate(run)), MessageChannel });
    await node.turn();
    assert.deepEqual([immediates, node.turns], [1, TURNS_BETWEEN_STAGES]);

    let posted = 0;
    class Channel {
      port1: { onmessage?: () => void } = {};
      port2 = { postMessage: () => (posted++, setTimeout(() => this.port1.onmessage?.(), 0)) };
    }
    const worker = turnsFrom({ MessageChannel: Channel });
    await Promise.all([worker.turn(), worker.turn()]);
    assert.deepEqual([posted, worker.turns], [2, TURNS_BETWEEN_STAGES]);
    // A real channel too (Node has one): its turn resolves, and leaves nothing keeping the process alive.
    await turnsFrom({ MessageChannel }).turn();

    const bare = turnsFrom({});
    await bare.turn();
    assert.equal(bare.turns, 2);
  });
});
