import * as assert from 'node:assert/strict';
import { slicedPause } from '../../../server/src/lsp/scheduler.js';

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
