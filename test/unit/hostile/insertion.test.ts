/**
 * Fix safety of inserted sections: whatever precedes the place a new section goes (any of the
 * seven kinds of CommonMark HTML block, closed or left open at the end of the file, a fence,
 * a list or quote holding one, with LF or CRLF), the section lands as a section of its own,
 * its jfp comment is read, and every byte of the existing text is kept. Seeded and bounded.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { indexCatalogue } from '../../../server/src/analysis/data/catalogueIndex.js';
import { insertSectionsEdit } from '../../../server/src/analysis/edits.js';
import { analyseDocument } from '../../../server/src/analysis/model/document.js';
import { LineIndex } from '../../../server/src/analysis/model/lineIndex.js';
import { miniCatalogue } from '../../helpers.js';

const catalogue = miniCatalogue();
const index = indexCatalogue(catalogue);
const item = catalogue.get('duty-integration')!;
const doc = (text: string) => analyseDocument('file:///plan.md', text, index);

/** Blocks an author might write, closed. */
const CLOSED = ['Some text.', '- a list\n- of items', '> a quote', '| a | b |\n| - | - |\n| 1 | 2 |', '<!-- a note -->', '<script>\nx = 1;\n</script>', '<div>\ntext\n</div>', '```\ncode\n```'];

/** Openers of every kind of HTML block (1: script, pre, style, textarea; 2: comment; 3: processing instruction; 4: declaration; 5: CDATA; 6: block tag; 7: any other tag), fences, and containers holding them, each left open. */
const OPEN = [
  '<script>\nlet a = "<!--";',
  '<SCRIPT type="module">\n// ## not a heading',
  '<pre>\npreformatted',
  '<style>\np { color: red }',
  '<textarea>\ntyped',
  '<!-- a comment left open\nmore',
  '<!--',
  '<?php echo 1;',
  '<!DOCTYPE html',
  '<![CDATA[\ndata',
  '<div>\ntext',
  '  <table><tr><td>',
  '<span class="x">',
  '</custom-element>',
  '```\ncode',
  '~~~~ js\ncode',
  '- item\n\n  <!-- open inside a list',
  '> <script>\n> inside a quote',
  '1. ```\n   fenced in a list',
];

describe('hostile: inserted sections never land inside an open block', () => {
  it('keeps the existing text and lands the section as a section, whatever precedes it', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CLOSED), { maxLength: 3 }),
        fc.constantFrom(...OPEN),
        fc.constantFrom('', '\n', '\nmore text', '\n\n'),
        fc.boolean(),
        fc.boolean(),
        (blocks, open, tail, crlf, appendix) => {
          let text = ['# Plan', '', '## Intro', '', ...blocks.flatMap((b) => [b, '']), open].join('\n') + tail;
          // With an appendix after the open block, the block swallows it (for kinds 1 to 5) or not: the section goes before a real appendix heading, else at the end.
          if (appendix) text += '\n\n## Appendix A\n\nTerms.\n';
          if (crlf) text = text.replace(/\n/g, '\r\n');
          const before = doc(text);
          const edit = insertSectionsEdit(before, [item])!;
          const lines = new LineIndex(text);
          const at = lines.offsetAt(edit.range.start);
          assert.equal(lines.offsetAt(edit.range.end), at, 'an insertion, replacing nothing');
          const after = text.slice(0, at) + edit.newText + text.slice(at);
          const result = doc(after);
          const headings = (d: typeof before) => d.plan.sections.filter((s) => s.depth > 0).map((s) => s.heading);
          const added = headings(result).filter((h) => h === item.heading).length - headings(before).filter((h) => h === item.heading).length;
          assert.equal(added, 1, `the new heading is a heading: ${JSON.stringify(after)}`);
          for (const h of headings(before)) assert.ok(headings(result).includes(h), `the heading "${h}" is kept`);
          assert.ok(result.plan.tags.some((t) => t.kind === 'map' && t.ids.some((i) => i.id === item.id)), `the jfp comment is read: ${JSON.stringify(after)}`);
          if (crlf) assert.ok(!/[^\r]\n/.test(edit.newText), 'the inserted text uses the file\'s line endings');
          checked++;
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
    assert.equal(checked, 300);
  });
});
