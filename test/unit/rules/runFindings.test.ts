import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { IncrementalParser } from '../../../server/src/analysis/model/incremental.js';
import { parseMarkdown } from '../../../server/src/analysis/model/markdown.js';
import { analyseDocument, analysePlan } from '../../../server/src/analysis/analyse.js';
import { getDefaultCatalogue } from '../../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../../server/src/analysis/data/catalogueIndex.js';
import { runsOf } from '../../../server/src/analysis/text/runs.js';
import { movedFinding } from '../../../server/src/analysis/rules/runFindings.js';
import type { Finding } from '../../../server/src/analysis/types.js';

describe('rules: runs of blocks remembered across edits', () => {
  it('cuts a document at its top-level headings, one run per section, the preamble first', () => {
    const text = 'Intro.\n\n# A\n\nax.\n\n- list\n\nB\n===\n\nbx.\n';
    const runs = runsOf(parseMarkdown(text));
    assert.deepEqual(
      runs.map((r) => r.run.blocks.map((b) => b.type)),
      [['paragraph'], ['heading', 'paragraph', 'list'], ['heading', 'paragraph']],
    );
    assert.deepEqual(
      runs.map((r) => [r.start, r.section]),
      [
        [0, 0],
        [8, 1],
        [26, 2],
      ],
    );
    assert.deepEqual(
      runsOf(parseMarkdown('# A\n')).map((r) => r.run.blocks.length),
      [0, 1],
      'an empty preamble',
    );
    assert.deepEqual(
      runsOf(parseMarkdown('')).map((r) => r.run.blocks.length),
      [0],
    );
  });

  it('keeps the run objects of the chunks an edit did not touch, and makes new ones for the others', () => {
    const parser = new IncrementalParser();
    const text = '# A\n\nax.\n\n## B\n\nbx.\n\n## C\n\ncx.\n';
    const before = runsOf(parser.parse(text)).map((r) => r.run);
    const after = runsOf(parser.parse(text.replace('bx.', 'bbx.\n\nmore.'))).map((r) => r.run);
    assert.deepEqual(
      after.map((r, i) => r === before[i]),
      [true, true, false, true],
    );
    // A full parse makes new nodes, so new runs.
    assert.ok(runsOf(parseMarkdown(text)).every((r, i) => i === 0 || r.run !== before[i]));
  });

  it('reports the findings of a run it did not look at again, moved by the lines added before it', () => {
    const catalogue = getDefaultCatalogue();
    const index = indexCatalogue(catalogue);
    const parser = new IncrementalParser();
    const uri = 'file:///plan.md';
    const long = 'This is a long sentence that goes on and on '.repeat(6) + 'for ever.';
    const findings = (t: string, parse: (t: string) => ReturnType<typeof parseMarkdown>) =>
      analysePlan([analyseDocument(uri, t, index, parse)], catalogue).findings.get(uri)!.filter((f) => f.code.startsWith('jfp.style.'));
    const text = `# Plan\n\n## A\n\n${long}\n\n## B\n\n[click here](http://x) ![](a.png)\n\n${long}\n`;
    const first = findings(text, (t) => parser.parse(t));
    const edited = text.replace('## A\n', '## A\n\nA new line.\n');
    const second = findings(edited, (t) => parser.parse(t));
    assert.deepEqual(second, findings(edited, parseMarkdown));
    assert.equal(second.length, 4);
    for (const f of second) assert.ok(first.some((g) => isDeepStrictEqual(movedFinding(g, f.range.start.line > 4 ? 2 : 0), f)));
    // Unchanged and unmoved: the very same objects.
    const third = findings(edited.replace('# Plan', '# Plan!'), (t) => parser.parse(t));
    assert.ok(third.filter((f) => f.range.start.line > 6).every((f) => second.includes(f)));
  });

  it('moves a finding and the edits of its fix by whole lines', () => {
    const r = (l: number, c: number) => ({ start: { line: l, character: c }, end: { line: l, character: c + 3 } });
    const f = { uri: 'u', range: r(4, 2), severity: 'information', code: 'jfp.acronym.undefined', message: 'm', data: { abbreviation: 'ICB', expansion: 'x', fix: { title: 't', edits: [{ range: r(4, 2), newText: 'n' }] } } } as Finding;
    const moved = movedFinding(f, -3);
    assert.deepEqual(moved.range, r(1, 2));
    assert.deepEqual(moved.data!.fix!.edits[0]!.range, r(1, 2));
    assert.deepEqual(f.range, r(4, 2), 'the original is left as it was');
    const plain = movedFinding({ uri: 'u', range: r(0, 0), severity: 'warning', code: 'jfp.style.image-alt', message: 'm' } as Finding, 1);
    assert.ok(!('data' in plain));
  });
});
