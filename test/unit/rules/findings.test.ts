import * as assert from 'node:assert/strict';
import { diagnosticData, diagnosticFix, diagnosticItemId, hasCode } from '../../../server/src/analysis/rules/findings.js';
import { toDiagnostic } from '../../../server/src/lsp/features/diagnostics.js';
import { analyseMini, md } from '../../helpers.js';

describe('finding data', () => {
  const plan = analyseMini(md('# P', '', '## Travel', '', 'We aim for net zero. Our ICB agrees.', '', '<!-- jfp: duty-integraton -->'));
  const findings = plan.findings.get('file:///plan.md')!;

  it('narrows findings by code, so their data needs no cast', () => {
    const [partial] = findings.filter(hasCode('jfp.duty.partial'));
    assert.ok(partial);
    // No line: mapping a one-sentence section would not address the item, so no map fix is offered.
    assert.deepEqual(partial.data, { itemId: 'duty-climate-change' });
  });

  it('gives back the data a diagnostic carries, for its own code only', () => {
    const d = toDiagnostic(findings.find(hasCode('jfp.tag.unknown'))!);
    assert.deepEqual(diagnosticData(d, 'jfp.tag.unknown'), { unknownId: 'duty-integraton', suggestion: 'duty-integration' });
    assert.equal(diagnosticData(d, 'jfp.duty.partial'), undefined);
    assert.equal(diagnosticData({ ...d, source: 'other' }, 'jfp.tag.unknown'), undefined);
    assert.equal(diagnosticData({ ...d, data: 'text' }, 'jfp.tag.unknown'), undefined);
  });

  it('finds the item and the fix of a diagnostic', () => {
    const partial = toDiagnostic(findings.find(hasCode('jfp.duty.partial'))!);
    assert.equal(diagnosticItemId(partial), 'duty-climate-change');
    assert.equal(diagnosticFix(partial), undefined);
    const acronym = toDiagnostic(findings.find(hasCode('jfp.acronym.undefined'))!);
    assert.equal(diagnosticItemId(acronym), undefined);
    assert.equal(diagnosticFix(acronym)?.edits[0]?.newText, 'integrated care board (ICB)');
  });
});
