import * as assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/analysis/types.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.process.capital-plan';
const run = (text: string, mode: 'full' | 'summary' = 'full'): Finding<typeof CODE>[] => findingsOf(analyseMini(text, { mode }), CODE);

describe('rule jfp.process.capital-plan', () => {
  it('reports a plan that does not mention the capital plan, as information', () => {
    const [f, ...rest] = run(md('# Plan', '', 'We will build a new hospital.'));
    assert.ok(f);
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'information');
    assert.match(f.message, /joint capital resource use plan/);
    assert.match(f.message, /NHS Act 2006 s\.14Z56/);
  });

  for (const text of ['We will agree a joint capital resource use plan every year.', 'See our JCRUP.', 'Our capital plan sets out the buildings.']) {
    it(`is satisfied by "${text}"`, () => {
      assert.deepEqual(run(md('# Plan', '', text)), []);
    });
  }

  it('applies to a public summary too', () => {
    assert.equal(run('# Plan', 'summary').length, 1);
  });
});
