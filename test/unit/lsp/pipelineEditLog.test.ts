import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditLog } from '../../../server/src/lsp/editLog.js';

const URI = 'untitled:plan.md';

function open(text: string, log: EditLog): TextDocument {
  log.opened(URI, 1);
  return TextDocument.create(URI, 'markdown', 1, text);
}

/** Replaces [start, end) of the document's text (offsets) with `text`, as an editor's incremental change. */
function change(doc: TextDocument, log: EditLog, start: number, end: number, text: string): TextDocument {
  return log.apply(doc, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text }], doc.version + 1);
}

describe('lsp/editLog: mapping an analysed version to the editor’s text', () => {
  it('shifts what follows an edit, keeps what precedes it, and maps nothing inside it', () => {
    const log = new EditLog();
    let doc = open('# Plan\n\nIntegration here.\n', log);
    doc = change(doc, log, 8, 8, 'New words. ');
    assert.equal(doc.getText(), '# Plan\n\nNew words. Integration here.\n');
    const map = log.mapping(doc, 1)!;
    assert.deepEqual(map.forward(0, 6), { start: 0, end: 6 }, 'the heading, before the edit');
    assert.deepEqual(map.forward(8, 19), { start: 19, end: 30 }, '"Integration", after it');
    assert.equal(map.back(19), 8);
    assert.equal(map.back(12), undefined, 'inside the typed text');
    assert.equal(map.backNear(12), 8);
    assert.equal(map.back(8), 8, 'at the start of the typed text');
    assert.equal(map.back(19), 8, 'just after the typed text');
  });

  it('a span an edit touches is not mapped; one that only meets it at an end is', () => {
    const log = new EditLog();
    let doc = open('abcdefghij', log);
    doc = change(doc, log, 3, 5, 'XYZ');
    const map = log.mapping(doc, 1)!;
    assert.equal(map.forward(2, 4), undefined);
    assert.equal(map.forward(4, 6), undefined);
    assert.deepEqual(map.forward(0, 3), { start: 0, end: 3 });
    assert.deepEqual(map.forward(5, 7), { start: 6, end: 8 });
  });

  it('cannot map when it missed a change, or from a version it has dropped', () => {
    const log = new EditLog();
    let doc = open('abc', log);
    doc = change(doc, log, 0, 0, 'x');
    TextDocument.update(doc, [{ text: 'unrecorded' }], 3);
    assert.equal(log.mapping(doc, 1), undefined, 'a change the log did not see');
    doc = change(doc, log, 0, 0, 'y');
    assert.ok(log.mapping(doc, 3), 'from the version after the missed change on');
    log.analysed(URI, 4);
    assert.equal(log.mapping(doc, 3), undefined, 'edits before the analysed version are dropped');
    assert.ok(log.mapping(doc, 4)?.identity);
  });

  it('a whole-text change maps nothing but the empty start', () => {
    const log = new EditLog();
    let doc = open('abc', log);
    doc = log.apply(doc, [{ text: 'abcd' }], 2);
    const map = log.mapping(doc, 1)!;
    assert.equal(map.forward(0, 1), undefined);
    assert.equal(map.back(2), undefined);
  });

  it('property: every character no edit touched maps to the same character, and back', () => {
    const edit = fc.record({ at: fc.nat(), drop: fc.nat({ max: 5 }), text: fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', '\n', '\r\n', 'é') }) });
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom('x', 'y', '\n', ' ') }), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (text, batches) => {
        const log = new EditLog();
        let doc = open(text, log);
        for (const batch of batches) {
          // Several changes in one message, each against the text the previous one left.
          const changes = [];
          let shadow = TextDocument.create(URI, 'markdown', 0, doc.getText());
          for (const e of batch) {
            const start = e.at % (shadow.getText().length + 1);
            const end = Math.min(shadow.getText().length, start + e.drop);
            changes.push({ range: { start: shadow.positionAt(start), end: shadow.positionAt(end) }, text: e.text });
            shadow = TextDocument.update(shadow, [changes.at(-1)!], 1);
          }
          doc = log.apply(doc, changes, doc.version + 1);
          assert.equal(doc.getText(), shadow.getText());
        }
        const map = log.mapping(doc, 1)!;
        const now = doc.getText();
        let kept = 0;
        for (let o = 0; o < text.length; o++) {
          const span = map.forward(o, o + 1);
          if (!span) continue;
          kept++;
          assert.equal(span.end - span.start, 1);
          assert.equal(now[span.start], text[o], `character ${o} of the analysed text`);
          assert.equal(map.back(span.start), o);
        }
        if (batches.length === 0) assert.equal(kept, text.length);
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
