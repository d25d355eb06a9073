import * as assert from 'node:assert/strict';
import { styleData, validateStyleData } from '../../../server/src/analysis/data/styleData.js';

describe('style data (schemas/style.json)', () => {
  it('loads the built-in lists, in lower case', () => {
    const data = styleData();
    assert.ok(data.vagueLinkTexts.has('click here'));
    assert.ok(data.abbreviations.has('e.g.'));
    assert.ok(data.abbreviations.has('dr.'));
    assert.equal(styleData(), data, 'validated and built once');
  });

  it('rejects data that does not match the schema', () => {
    assert.deepEqual(validateStyleData({ vagueLinkTexts: ['here'], abbreviations: ['e.g.'] }), []);
    assert.ok(validateStyleData({ vagueLinkTexts: ['Click Here'], abbreviations: ['e.g.'] }).length > 0);
    assert.ok(validateStyleData({ vagueLinkTexts: ['here'], abbreviations: ['eg'] }).length > 0);
    assert.ok(validateStyleData({ vagueLinkTexts: ['here'] }).length > 0);
  });
});
