import * as assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../../server/src/analysis/analyse.js';
import type { Finding } from '../../../server/src/analysis/types.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.process.partner-trusts';
const run = (text: string, options: AnalysisOptions = {}): Finding<typeof CODE>[] => findingsOf(analyseMini(text, options), CODE);

describe('rule jfp.process.partner-trusts', () => {
  it('reports a plan that names only the ICB, on the title, citing s.14Z52(1)', () => {
    const [f, ...rest] = run(md('---', 'plan: joint-forward-plan', '---', '# NHS Vale ICB plan', '', 'NHS Vale Integrated Care Board will do this.'));
    assert.ok(f);
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range.start, { line: 3, character: 0 });
    assert.match(f.message, /partner trusts/);
    assert.match(f.message, /NHS Act 2006 s\.14Z52\(1\)/);
  });

  for (const text of ['Vale Hospitals NHS Foundation Trust runs the hospital.', 'Wessex Community NHS Trust provides community care.', 'Agreed with our partner trusts.', 'Vale Hospitals NHS foundation trusts']) {
    it(`is satisfied by "${text}"`, () => {
      assert.deepEqual(run(md('# Plan', '', text)), []);
    });
  }

  it('does not count a trust named only in a comment or code', () => {
    assert.equal(run(md('# Plan', '', '<!-- Vale NHS Trust -->', '', '`Vale NHS Trust`')).length, 1);
  });

  it('is silent for a public summary', () => {
    assert.deepEqual(run('# Plan', { mode: 'summary' }), []);
    assert.deepEqual(run(md('---', 'mode: summary', '---', '# Plan')), []);
  });
});
