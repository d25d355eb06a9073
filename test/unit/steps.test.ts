import * as assert from 'node:assert/strict';
import { done, finish, settle } from '../../server/src/analysis/steps.js';

function* counted(log: string[]) {
  for (const s of ['a', 'b', 'c']) {
    log.push(s);
    yield;
  }
  return log.join('');
}

describe('work in steps', () => {
  it('finish runs every step and returns the result', () => {
    assert.equal(finish(counted([])), 'abc');
    assert.equal(finish(done(7)), 7);
  });

  it('settle pauses between steps, stops when told, and a later finish goes on from there', async () => {
    const log: string[] = [];
    const steps = counted(log);
    let pauses = 0;
    assert.equal(await settle(steps, async () => ++pauses < 2), false);
    assert.deepEqual(log, ['a', 'b'], 'no step after the pause that said stop');
    assert.equal(finish(steps), 'abc');
    assert.equal(await settle(done(1), async () => false), true, 'nothing left: no pause');
  });
});
