import * as assert from 'node:assert/strict';
import { heapGrowingPercent } from '../../server/src/host/heap.js';

describe('the language server heap growth setting', () => {
  it('reads JFP_HEAP_GROWING_PERCENT when it is a whole number from 10 to 400, else 35', () => {
    assert.equal(heapGrowingPercent(undefined), 35);
    assert.equal(heapGrowingPercent('50'), 50);
    assert.equal(heapGrowingPercent(' 100 '), 100);
    for (const bad of ['', 'abc', '5', '1000', '-20', '12.5', '1e2']) assert.equal(heapGrowingPercent(bad), 35, bad);
  });
});
