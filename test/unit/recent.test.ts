import * as assert from 'node:assert/strict';
import { RECENT_USES, RecentByText } from '../../server/src/analysis/text/recent.js';

describe('RecentByText (what the caches by text keep)', () => {
  it('keeps an entry while one of the last uses read it, and forgets it after', () => {
    const cache = new RecentByText<number>();
    cache.set('a', 1);
    cache.endUse();
    for (let i = 1; i < RECENT_USES; i++) cache.endUse();
    assert.equal(cache.get('a'), 1, 'read within the last uses');
    for (let i = 0; i < RECENT_USES; i++) cache.endUse();
    assert.equal(cache.get('a'), 1, 'the read above kept it');
    for (let i = 0; i <= RECENT_USES; i++) cache.endUse();
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 0);
  });

  it('holds one document and the last versions of the piece being edited, however long the session', () => {
    const cache = new RecentByText<string>();
    const pieces = Array.from({ length: 20 }, (_, i) => `section ${i}`);
    for (let edit = 0; edit < 1000; edit++) {
      pieces[edit % 20] += 'x';
      for (const p of pieces) if (cache.get(p) === undefined) cache.set(p, p.toUpperCase());
      cache.endUse();
      assert.ok(cache.size <= pieces.length + RECENT_USES, `${cache.size} entries after ${edit + 1} edits`);
    }
    for (const p of pieces) assert.equal(cache.get(p), p.toUpperCase());
  });

  it('keeps the pieces of several documents read in turn', () => {
    const cache = new RecentByText<number>();
    const docs = Array.from({ length: RECENT_USES - 1 }, (_, d) => Array.from({ length: 5 }, (_, i) => `doc ${d} piece ${i}`));
    for (let round = 0; round < 3; round++) {
      for (const doc of docs) {
        for (const p of doc) if (cache.get(p) === undefined) cache.set(p, round);
        cache.endUse();
      }
    }
    for (const doc of docs) for (const p of doc) assert.equal(cache.get(p), 0, `${p} was remembered from the first round`);
  });
});
