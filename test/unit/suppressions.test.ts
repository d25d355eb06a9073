import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/analysis/model/lineIndex.js';
import { scanDirectives, Suppressions } from '../../server/src/analysis/model/suppressions.js';
import { analyseMini, md } from '../helpers.js';

describe('suppressions', () => {
  it('reads disable-next-line, disable and enable comments with and without codes', () => {
    const d = scanDirectives('<!-- jfp-disable-next-line jfp.a, jfp.b --><!-- jfp-disable --><!-- jfp-enable jfp.a -->', 0);
    assert.deepEqual(
      d.map((x) => [x.kind, x.codes]),
      [
        ['next-line', ['jfp.a', 'jfp.b']],
        ['disable', []],
        ['enable', ['jfp.a']],
      ],
    );
  });

  it('silences the next line, a region, or everything to the end', () => {
    const text = md('<!-- jfp-disable-next-line jfp.a -->', 'one', 'two', '<!-- jfp-disable jfp.b -->', 'three', '<!-- jfp-enable jfp.b -->', 'four', '<!-- jfp-disable -->', 'five');
    const s = new Suppressions(scanDirectives(text, 0), new LineIndex(text));
    assert.ok(s.isSuppressed('jfp.a', 1));
    assert.ok(!s.isSuppressed('jfp.a', 2));
    assert.ok(!s.isSuppressed('jfp.b', 1));
    assert.ok(s.isSuppressed('jfp.b', 4));
    assert.ok(!s.isSuppressed('jfp.b', 6));
    assert.ok(s.isSuppressed('jfp.anything', 8));
  });

  it('drops findings on silenced lines, and only those', () => {
    const codes = (text: string) => analyseMini(text).findings.get('file:///plan.md')!.map((f) => f.code);
    const base = md('# P', '', '<!-- jfp-waive area-estates -->');
    assert.ok(codes(base).includes('jfp.waiver.no-reason'));
    assert.ok(!codes(md('# P', '', '<!-- jfp-disable-next-line jfp.waiver.no-reason -->', '<!-- jfp-waive area-estates -->')).includes('jfp.waiver.no-reason'));
    assert.ok(codes(md('# P', '', '<!-- jfp-disable-next-line jfp.tag.unknown -->', '<!-- jfp-waive area-estates -->')).includes('jfp.waiver.no-reason'));
  });
});
