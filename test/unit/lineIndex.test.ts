import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, lineStarts } from '../../server/src/analysis/model/lineIndex.js';

describe('LineIndex', () => {
  it('converts offsets to positions and back across LF, CRLF and CR line breaks', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    for (let offset = 0; offset <= text.length; offset++) {
      const p = index.positionAt(offset);
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF pair
      assert.equal(index.offsetAt(p), offset, `offset ${offset}`);
    }
    assert.deepEqual(index.positionAt(text.indexOf('e')), { line: 2, character: 0 });
    assert.equal(index.lineText(1), 'cd');
  });

  it('counts UTF-16 code units, as LSP positions do', () => {
    const index = new LineIndex('😀 net zero');
    assert.deepEqual(index.positionAt(3), { line: 0, character: 3 });
  });

  it('clamps positions outside the text', () => {
    const index = new LineIndex('one\ntwo');
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 7);
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
    assert.deepEqual(index.positionAt(99), { line: 1, character: 3 });
  });

  it('reports the line break style in use', () => {
    assert.equal(new LineIndex('a\r\nb').eol, '\r\n');
    assert.equal(new LineIndex('a\nb').eol, '\n');
  });

  it('finds the line starts a loop over every character finds', () => {
    const slow = (text: string) => {
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10) starts.push(i + 1);
      }
      return starts;
    };
    const text = fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\n\r', '😀'), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(lineStarts(t), slow(t), JSON.stringify(t))),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
