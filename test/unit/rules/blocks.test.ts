import * as assert from 'node:assert/strict';
import type { RootContent } from 'mdast';
import { inBlocks, type BlockMemory, type Place } from '../../../server/src/analysis/rules/blocks.js';
import { IncrementalParser } from '../../../server/src/analysis/model/incremental.js';
import { parseMarkdown, startOffset } from '../../../server/src/analysis/model/markdown.js';

describe('rules: places remembered per block', () => {
  /** The offsets of "x" in each paragraph, counting the blocks read. */
  const finder = () => {
    const memory: BlockMemory<Place> = new WeakMap();
    const read: string[] = [];
    return {
      read,
      find: (text: string, root: ReturnType<typeof parseMarkdown>) =>
        inBlocks(memory, root, (block: RootContent) => {
          read.push(block.type);
          const from = startOffset(block);
          const source = text.slice(from, block.position!.end.offset);
          return [...source.matchAll(/x/g)].map((m) => ({ start: from + m.index, end: from + m.index + 1 }));
        }),
    };
  };

  it('reads only the blocks an edit changed, and moves the places of the others', () => {
    const parser = new IncrementalParser();
    const { read, find } = finder();
    const text = '# A\n\nax.\n\n## B\n\nbx.\n';
    const places = (t: string) => find(t, parser.parse(t)).map((p) => t.slice(p.start - 1, p.end));
    assert.deepEqual(places(text), ['ax', 'bx']);
    assert.equal(read.length, 4);
    const edited = text.replace('ax.', 'aax. x');
    assert.deepEqual(places(edited), ['ax', ' x', 'bx']);
    assert.deepEqual(read.slice(4), ['heading', 'paragraph'], 'section B only moved');
    assert.deepEqual(find(edited, parseMarkdown(edited)), find(edited, parser.parse(edited)));
  });
});
