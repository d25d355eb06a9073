import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { chunkStarts, IncrementalParser } from '../../server/src/analysis/incremental.js';
import { parseMarkdown } from '../../server/src/analysis/markdown.js';
import { parsePlan } from '../../server/src/analysis/plan.js';

/** Pieces that stress chunk boundaries: headings, fences, HTML blocks, front matter, tables, lists. */
const PIECES = [
  '# Title\n', '## Section\n', '### Sub\n', '#### Deep\n', '####### not a heading\n', '#no space\n', '  # indented heading\n',
  'Some prose about primary care.\n', '\n', '\n\n', '- item\n', '  - nested\n', '1. first\n', '> quote\n', '>\n',
  '```\n', '```text\n', '~~~\n', '    code\n', '<!-- jfp: maps-to duty-x -->\n', '<!--\n', '-->\n', '<div>\n', '</div>\n',
  '<pre>\n', '</pre>\n', '| a | b |\n', '| --- | --- |\n', '| 1 | 2 |\n', '---\n', 'title: x\n', 'Text\n===\n', '[link](http://x)\n',
  '[ref]\n', '[ref]: http://example.org\n', '[^1]\n', '\t# tab\n', '#\n', '## Closed ##\n', 'a\\\n', '<script>\n', '</script>\n', '\r\n',
];

const piece = fc.constantFrom(...PIECES);
const doc = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')), char: fc.constantFrom('', '#', ' ', '\n', '`', '<', 'x', '-') });

function apply(text: string, e: { at: number; remove: number; insert: string; char: string }): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  return text.slice(0, at) + e.char + e.insert + text.slice(at + e.remove);
}

describe('incremental', () => {
  it('cuts a plan at top-level headings only', () => {
    const text = '---\ntitle: x\n# not\n---\n# One\ntext\n```\n# code\n```\n## Two\n<!--\n# comment\n-->\n### Three\n';
    const starts = chunkStarts(text);
    assert.deepEqual(
      starts.map((s) => text.slice(s, text.indexOf('\n', s))),
      ['---', '# One', '## Two', '### Three'],
    );
  });

  it('does not cut when definitions or footnotes may be resolved across the document', () => {
    assert.deepEqual(chunkStarts('# A\n[x]\n# B\n[x]: http://e.org\n'), [0]);
  });

  it('re-parses only the chunk an edit touches', () => {
    const parser = new IncrementalParser();
    const text = '# A\n\nOne.\n\n## B\n\nTwo.\n\n## C\n\nThree.\n';
    parser.parse(text);
    assert.equal(parser.lastParsed, 3);
    const edited = text.replace('Two.', 'Two!');
    assert.deepEqual(parser.parse(edited), parseMarkdown(edited));
    assert.equal(parser.lastParsed, 1);
  });

  it('equals a full parse after every edit of a random sequence', () => {
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        const parser = new IncrementalParser();
        let text = start;
        assert.deepEqual(parser.parse(text), parseMarkdown(text));
        for (const e of edits) {
          text = apply(text, e);
          assert.deepEqual(parser.parse(text), parseMarkdown(text), JSON.stringify(text));
          const incremental = parsePlan(text, (t) => parser.parse(t));
          const full = parsePlan(text);
          assert.deepEqual({ ...incremental, lines: undefined }, { ...full, lines: undefined });
        }
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});
