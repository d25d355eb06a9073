import * as assert from 'node:assert/strict';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.style.heading-increment';

function skips(text: string) {
  return findingsOf(analyseMini(text), CODE);
}

describe('rule jfp.style.heading-increment', () => {
  it('reports a heading that skips a level, with a fix that changes its hashes', () => {
    const text = md('# Plan', '', '## Services', '', '#### Urgent care', '', 'Text.');
    const [f, ...rest] = skips(text);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 16 } });
    assert.match(f.message, /level-4 heading comes straight after a level-2 heading, skipping level 3/);
    assert.deepEqual(f.data?.fix, {
      title: 'Change to a level-3 heading',
      edits: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 4 } }, newText: '###' }],
    });
  });

  it('fixes only the opening hashes, after any indentation, and compares with the heading as written', () => {
    const text = md('# Plan', '', '  ### Services ###', '', '### Next', '', '##### Deep');
    const findings = skips(text);
    assert.deepEqual(
      findings.map((f) => f.data?.fix?.edits),
      [[{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 5 } }, newText: '##' }], [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 5 } }, newText: '####' }]],
    );
  });

  it('is silent when headings go down one level at a time, and up any number', () => {
    const text = md('# Plan', '## A', '### A.1', '#### A.1.a', '## B', 'Setext', '------', '### B.1', '# Appendix', '## C');
    assert.deepEqual(skips(text), []);
  });

  it('does not check the first heading (a chapter of a plan may start at any level)', () => {
    assert.deepEqual(skips(md('### Chapter', '', '#### Part')), []);
  });

  it('ignores headings in code blocks and front matter', () => {
    const text = md('---', 'title: x', '---', '# Plan', '', '```', '#### Not a heading', '```', '## Real');
    assert.deepEqual(skips(text), []);
  });
});
