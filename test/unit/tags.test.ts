import * as assert from 'node:assert/strict';
import { scanTags } from '../../server/src/analysis/model/tags.js';

describe('scanTags', () => {
  it('reads mapping comments with one or more ids and their offsets', () => {
    const source = '<!-- jfp: duty-integration, duty-quality -->';
    const [tag] = scanTags(source, 100, 3);
    assert.equal(tag!.kind, 'map');
    assert.deepEqual(
      tag!.ids.map((t) => t.id),
      ['duty-integration', 'duty-quality'],
    );
    assert.equal(source.slice(tag!.ids[1]!.start - 100, tag!.ids[1]!.end - 100), 'duty-quality');
    assert.equal(tag!.section, 3);
    assert.equal(tag!.start, 100);
    assert.equal(tag!.end, 100 + source.length);
  });

  it('reads waivers with and without a reason', () => {
    const [a, b] = scanTags('<!-- jfp-waive need-victims-of-abuse: covered by the joint strategy --><!-- jfp-waive area-estates -->', 0, 0);
    assert.equal(a!.kind, 'waive');
    assert.equal(a!.ids[0]!.id, 'need-victims-of-abuse');
    assert.equal(a!.reason, 'covered by the joint strategy');
    assert.equal(b!.reason, '');
  });

  it('ignores ordinary comments and other jfp- directives', () => {
    assert.deepEqual(scanTags('<!-- a note --><!-- jfpx: y --><!-- jfp-disable jfp.duty.missing -->', 0, 0), []);
  });

  it('reports a mapping comment with no id', () => {
    const [tag] = scanTags('<!-- jfp: -->', 0, 0);
    assert.deepEqual(tag!.ids, []);
  });
});
