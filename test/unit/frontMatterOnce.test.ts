import * as assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/analysis/model/plan.js';

describe('front matter read once per change', () => {
  it('reuses the front matter while the rest of the plan changes, and reads it again when it changes', () => {
    const head = '---\nplan: joint-forward-plan\ntitle: "Vale plan"\n---\n';
    const first = parsePlan(head + '# A\n\nOne.\n').frontMatter;
    const edited = parsePlan(head + '# A\n\nOne, edited.\n').frontMatter;
    assert.ok(first);
    assert.equal(edited, first);
    assert.equal(first.data.title, 'Vale plan');
    const retitled = parsePlan(head.replace('Vale plan', 'Hill plan') + '# A\n\nOne.\n').frontMatter;
    assert.notEqual(retitled, first);
    assert.equal(retitled?.data.title, 'Hill plan');
    assert.deepEqual(retitled?.fields.get('title'), first.fields.get('title'));
    // The same keys at other offsets (CRLF line ends) are not taken from the cache.
    const text = head.replace(/\n/g, '\r\n') + '# A\r\n';
    const crlf = parsePlan(text).frontMatter;
    assert.equal(crlf?.data.title, 'Vale plan');
    assert.deepEqual(crlf?.fields.get('title'), { start: text.indexOf('"Vale'), end: text.indexOf('plan"') + 5 });
  });
});
