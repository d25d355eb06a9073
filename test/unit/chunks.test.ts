import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { chunkStarts, chunkStartsAfterEdit } from '../../server/src/analysis/model/chunks.js';
import { commonEnd, commonStart } from '../../server/src/analysis/lastVersion.js';

/** Lines that open and close what a chunk cannot be cut inside: fences, HTML blocks, front matter; and lone carriage returns. */
const PIECES = [
  '# A\n', '## B\n', '### C\n', 'Prose.\n', '\n', '```\n', '~~~\n', '<!--\n', '-->\n', '<div>\n', '</div>\n', '<pre>\n', '</pre>\n',
  '---\n', 'title: x\n', '   # indented\n', '    # code\n', '#no\n', '\r', '\r\n', '- item\n', '> quote\n', '<?x\n', '?>\n',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 20 }), insert: fc.array(fc.constantFrom(...PIECES, 'x', '#', '`'), { maxLength: 3 }).map((p) => p.join('')) });

describe('chunk starts after an edit', function () {
  this.timeout(180_000);

  it('equal the starts of the whole new text, for any text and edit', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '---\ntitle: x\n---\n'), text, fc.array(edit, { minLength: 1, maxLength: 5 }), (front, body, edits) => {
        let old = front + body;
        let starts = chunkStarts(old);
        for (const e of edits) {
          const at = e.at % (old.length + 1);
          const next = old.slice(0, at) + e.insert + old.slice(at + e.remove);
          const start = commonStart(old, next);
          const after = chunkStartsAfterEdit(old, starts, next, start, commonEnd(old, next, start));
          assert.deepEqual(after, chunkStarts(next), JSON.stringify({ old, next }));
          [old, starts] = [next, after];
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads from the last chunk start before the change and stops at the first unchanged one after it', () => {
    const old = '# A\n\none\n\n## B\n\ntwo\n\n## C\n\nthree\n\n## D\n\nfour\n';
    const next = old.replace('two', 'two, ```and three');
    const start = commonStart(old, next);
    assert.deepEqual(chunkStartsAfterEdit(old, chunkStarts(old), next, start, commonEnd(old, next, start)), chunkStarts(next));
    // A fence opened by the edit swallows the chunks after it.
    const fenced = old.replace('two', '```\ntwo');
    const s2 = commonStart(old, fenced);
    assert.deepEqual(chunkStartsAfterEdit(old, chunkStarts(old), fenced, s2, commonEnd(old, fenced, s2)), [0, old.indexOf('## B')]);
  });
});
