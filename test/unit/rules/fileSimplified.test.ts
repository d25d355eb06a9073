import * as assert from 'node:assert/strict';
import { analyseMini, md } from '../../helpers.js';

const CODE = 'jfp.file.simplified';

function simplified(text: string) {
  return analyseMini(text).findings.get('file:///plan.md')!.filter((f) => f.code === CODE);
}

describe('rule jfp.file.simplified', () => {
  it('says nothing about an ordinary plan', () => {
    assert.deepEqual(simplified(md('# P', '', '> quoted', '', '- a', '  - b', '', 'Text with [a link](x) and *emphasis*.')), []);
  });

  it('reports deep nesting once, on the first line concerned, and still checks the rest', () => {
    const text = md('# P', '', 'Intro.', '', '> '.repeat(80) + 'deep', '> '.repeat(80) + 'deeper', '', '## Integration', '', 'We work with the CCG.');
    const findings = simplified(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'information');
    assert.equal(findings[0]!.range.start.line, 4);
    assert.match(findings[0]!.message, /nested more deeply/);
    const all = analyseMini(text).findings.get('file:///plan.md')!;
    assert.ok(all.some((f) => f.code === 'jfp.term.outdated' && f.range.start.line === 9), 'the rest of the plan is still checked');
  });

  it('reports a paragraph with too many brackets, and front matter that is too large, in one finding', () => {
    const text = md('---', 'plan: joint-forward-plan', ...Array.from({ length: 2000 }, (_, i) => `key${i}: some value`), '---', '', '# P', '', '['.repeat(300) + 'x');
    const findings = simplified(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.range.start.line, 0);
    assert.match(findings[0]!.message, /front matter is too large/);
    assert.match(findings[0]!.message, /very many links/);
  });
});
