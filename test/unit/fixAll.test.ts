import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { fixAllEdit } from '../../server/src/analysis/fixAll.js';
import { LineIndex } from '../../server/src/analysis/model/lineIndex.js';

const URI = 'file:///fixall/our-forward-plan.md';

/** The text after one "fix all" (the text itself when there is nothing to fix). */
function fixAllOnce(text: string): string {
  const plan = analyseText(URI, text);
  const doc = plan.documents.find((d) => d.uri === URI)!;
  const edit = fixAllEdit(doc, plan);
  if (!edit) return text;
  const lines = new LineIndex(text);
  return text.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + text.slice(lines.offsetAt(edit.range.end));
}

/** Every link target of a text, in order. */
function linkTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1]!);
}

describe('fix all is idempotent', function () {
  this.timeout(300_000);

  it('spells out a replacement abbreviation once ("The CCG and the ICB")', () => {
    const once = fixAllOnce('# Plan\n\nThe CCG and the ICB.\n');
    assert.equal(fixAllOnce(once), once);
    assert.equal(once.match(/\(ICB\)/g)?.length ?? 0, 1, once);
  });

  it('applied three times equals applied once, and keeps link targets (property)', () => {
    const piece = fc.constantFrom(
      'CCG',
      'CCGs',
      'ICB',
      'the ICB',
      'clinical commissioning group',
      'Clinical Commissioning Groups',
      'PCN',
      'ICP',
      'STP',
      'Public Health England',
      'NHS Improvement',
      '[the CCG site](https://example.org/CCG/ICB)',
      '[ICB](./ccg.md)',
      '<div>The CCG and the ICB</div>',
      '<script>var ICB = "CCG";</script>',
      'and',
      'the plan',
      '.',
      '\n\n',
      '\n\n## Section\n\n',
      '\n\n<div>\n\nCCG text\n\n</div>\n\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (pieces) => {
        const text = `# Joint forward plan\n\n${pieces.join(' ')}\n`;
        const once = fixAllOnce(text);
        const thrice = fixAllOnce(fixAllOnce(once));
        assert.equal(thrice, once, `text: ${JSON.stringify(text)}`);
        assert.deepEqual(linkTargets(once), linkTargets(text));
      }),
      { numRuns: 60, seed: 14 },
    );
  });
});
