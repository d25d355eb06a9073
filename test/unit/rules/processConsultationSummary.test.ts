import * as assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../../server/src/analysis/analyse.js';
import type { Finding } from '../../../server/src/analysis/types.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.process.consultation-summary';
const run = (text: string, options: AnalysisOptions = {}): Finding<typeof CODE>[] => findingsOf(analyseMini(text, options), CODE);

describe('rule jfp.process.consultation-summary', () => {
  it('reports a plan with neither part, once, on the title', () => {
    const findings = run(md('# Plan', '', '## Services', 'We will run services.'));
    assert.equal(findings.length, 1);
    const f = findings[0]!;
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range.start, { line: 0, character: 0 });
    assert.deepEqual(f.data?.missing, ['views', 'response']);
    assert.match(f.message, /summary of the views.*how those views were taken into account/);
    assert.match(f.message, /NHS Act 2006 s\.14Z54\(8\)\(a\)-\(b\)/);
  });

  it('says when only the explanation is missing', () => {
    const [f] = run(md('# Plan', '', '## What we heard', 'People want shorter waits.'));
    assert.deepEqual(f!.data?.missing, ['response']);
    assert.match(f!.message, /does not explain how their views were taken into account/);
  });

  it('says when only the summary of views is missing', () => {
    const [f] = run(md('# Plan', '', 'As a result we added a dental commitment.'));
    assert.deepEqual(f!.data?.missing, ['views']);
    assert.match(f!.message, /no summary of the views people expressed/);
  });

  it('is satisfied by a summary and an explanation', () => {
    assert.deepEqual(run(md('# Plan', '', '## What we heard and what we did', 'We heard about waits. As a result we changed our targets.')), []);
  });

  it('is satisfied by a "you said, we did" table alone', () => {
    assert.deepEqual(run(md('# Plan', '', '## You said, we did', '', '| You said | We did |', '|---|---|', '| Waits | Faster |')), []);
  });

  it('is silent for a public summary', () => {
    assert.deepEqual(run('# Plan', { mode: 'summary' }), []);
  });
});
