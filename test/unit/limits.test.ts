import * as assert from 'node:assert/strict';
import { BINARY_SNIFF_CHARS, looksBinary, skipFinding, skipReason } from '../../server/src/analysis/limits.js';

describe('limits', () => {
  it('treats NUL bytes or many replacement and control characters in the first 8 KB as binary', () => {
    assert.equal(looksBinary(''), false);
    assert.equal(looksBinary('# Plan\r\n\tText with émoji 😀 and a form feed \f.\n'), false);
    assert.equal(looksBinary('PK\u0003\u0004\u0000word/document.xml'), true);
    assert.equal(looksBinary('\uFFFD\uFFFDab\uFFFD'.repeat(10)), true);
    assert.equal(looksBinary('A mostly text file with one odd \uFFFD character in it.'), false);
    // Only the head is inspected: a NUL far into a large text does not make it binary.
    assert.equal(looksBinary('x'.repeat(BINARY_SNIFF_CHARS) + '\u0000'), false);
  });

  it('skips files above the size limit first, then binary files', () => {
    assert.equal(skipReason('x'.repeat(2000), 0.001), 'too-large');
    assert.equal(skipReason('x'.repeat(1000), 0.001), undefined);
    assert.equal(skipReason('\u0000', 5), 'binary');
  });

  it('explains the skip in one information finding at the start of the file', () => {
    const big = skipFinding('file:///p.md', 'too-large', 5);
    assert.equal(big.code, 'jfp.file.too-large');
    assert.equal(big.severity, 'information');
    assert.match(big.message, /larger than 5 MB.*jfp\.analysis\.maxFileSizeMB/);
    assert.match(skipFinding('file:///p.md', 'too-large', 0.5).message, /larger than 512 KB/);
    const bin = skipFinding('file:///p.md', 'binary', 5);
    assert.equal(bin.code, 'jfp.file.binary');
    assert.deepEqual(bin.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
});
