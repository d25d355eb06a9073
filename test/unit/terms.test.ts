import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalTerms, matchesOutside, normaliseTerm, SegmentCache, TermMatcher } from '../../server/src/analysis/text/terms.js';
import { assertSegmentedAsWhole } from '../helpers.js';

describe('TermMatcher', function () {
  // Property tests: bounded by case counts, so only the machine's speed varies; allow a slow, shared one.
  this.timeout(180_000);
  it('finds exactly what one global pass of its combined pattern finds', () => {
    const phrases = ['care', 'primary care', "people's", 'ſafe', 'Core20PLUS5', 'a&e', 'place-based', 'K9', 'über', '’twas'];
    const word = fc.constantFrom('care', 'Care', 'CARE', 'primary', 'Primary  care', 'people’s', 'safe', 'ſafe', 'SAFE', 'core20plus5', 'A&E', 'place\u2013based', 'k9', 'Über', "'twas", 'cares', 'x', '-', '_', ' ', '\n', '’', 'ß', '😀');
    fc.assert(
      fc.property(fc.subarray(phrases, { minLength: 1 }), fc.array(word, { maxLength: 30 }), (terms, words) => {
        const matcher = new TermMatcher(terms);
        const text = words.join('');
        const inner = matcher as unknown as { pattern: RegExp; keyOf: (m: string) => string | undefined };
        const expected = [...matchesOutside(inner.pattern, text, [])]
          .map((m) => ({ key: inner.keyOf(m[0]), start: m.index, end: m.index + m[0].length }))
          .filter((h) => h.key !== undefined);
        assert.deepEqual(matcher.match(text), expected);
      }),
      { seed: 6, numRuns: 100 },
    );
  });

  it('finds the same in segments cut at headings, remembered across edits, as in one pass', () => {
    const phrases = ['care', 'primary care', 'a&e', 'place-based', 'über'];
    const word = fc.constantFrom('care', 'Primary', ' care', 'primary\ncare', 'A&E', 'place-\n', 'based', 'über', '#', '\n', '\n#', '\n# ', ' ', 'x', '\r\n');
    assertSegmentedAsWhole(() => new TermMatcher(phrases), word, 7);
  });

  it('cuts each version of documents edited in turn as it cuts the text afresh', () => {
    // A segment's "hit" is the segment itself, so the hits are the cut.
    const cut = (text: string) => {
      const out: { key: string; start: number; end: number }[] = [];
      for (let from = 0; from < text.length; ) {
        const at = text.indexOf('\n#', from);
        const to = at < 0 ? text.length : at + 1;
        out.push({ key: text.slice(from, to), start: from, end: to });
        from = to;
      }
      return out;
    };
    const piece = fc.constantFrom('#', '\n', '\n#', '# A\n', 'text ', 'more\n', '\n\n', '##', 'x');
    const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
    const edit = fc.record({ doc: fc.nat({ max: 2 }), at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });
    fc.assert(
      fc.property(fc.array(text, { minLength: 3, maxLength: 3 }), fc.array(edit, { maxLength: 20 }), (docs, edits) => {
        const cache = new SegmentCache();
        const hitsOf = (segment: string) => [{ key: segment, start: 0, end: segment.length }];
        for (const t of docs) assert.deepEqual(cache.hits(t, hitsOf), cut(t));
        for (const e of edits) {
          const t = docs[e.doc]!;
          const at = e.at % (t.length + 1);
          docs[e.doc] = t.slice(0, at) + e.insert + t.slice(at + e.remove);
          assert.deepEqual(cache.hits(docs[e.doc]!, hitsOf), cut(docs[e.doc]!), JSON.stringify([t, docs[e.doc]]));
        }
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });

  const matcher = new TermMatcher(['Better Care Fund', 'BCF', 'net zero', "you said, we did", 'A&E', 'e-Referral Service', 'care']);

  it('matches case-insensitively on word boundaries', () => {
    const hits = matcher.match('Our better care fund (BCF) plan; the BCFs; abcf is not a hit.');
    assert.deepEqual(
      hits.map((h) => h.key),
      ['better care fund', 'bcf', 'bcf'],
    );
  });

  it('prefers the longest phrase at a position', () => {
    assert.deepEqual(
      matcher.match('Better Care Fund').map((h) => h.key),
      ['better care fund'],
    );
  });

  it('tolerates line breaks, dash and apostrophe variants, plurals and possessives', () => {
    const text = 'net\n  zero; the NHS e\u2013Referral Service; carers; cares; care\u2019s';
    assert.deepEqual(
      matcher.match(text).map((h) => h.key),
      ['net zero', 'e referral service', 'care', 'care'],
    );
  });

  it('treats punctuation in phrases literally, never as a pattern', () => {
    const m = new TermMatcher(['a.b', '(x)', 'A&E']);
    assert.equal(m.match('axb').length, 0);
    assert.equal(m.match('a.b').length, 1);
    assert.equal(m.match('waits in A&E').length, 1);
  });

  it('skips hits inside excluded ranges', () => {
    const text = 'net zero <!-- net zero --> net zero';
    const start = text.indexOf('<!--');
    const end = text.indexOf('-->') + 3;
    assert.equal(matcher.match(text, [[start, end]]).length, 2);
  });

  it('reports offsets of each hit', () => {
    const [hit] = matcher.match('Reach net zero.');
    assert.equal('Reach net zero.'.slice(hit!.start, hit!.end), 'net zero');
  });

  it('folds plurals listed next to their singular', () => {
    const canon = canonicalTerms(['team', 'teams', 'board', "board's", 'series']);
    assert.equal(canon.get('teams'), 'team');
    assert.equal(canon.get("board's"), 'board');
    assert.equal(canon.get('series'), 'series');
  });

  it('treats hyphens as spaces', () => {
    const m = new TermMatcher(['place-based partnership']);
    assert.deepEqual(
      m.match('place based partnerships and place-based partnership').map((h) => h.key),
      ['place based partnership', 'place based partnership'],
    );
  });

  it('normalises terms for comparison', () => {
    assert.equal(normaliseTerm('  You   Said,\u00a0We Did '), 'you said, we did');
    assert.equal(normaliseTerm('Children\u2019s'), "children's");
  });

  it('matches nothing when it has no terms', () => {
    assert.deepEqual(new TermMatcher([]).match('anything'), []);
  });
});
