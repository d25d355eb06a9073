import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { complete } from '../../../server/src/lsp/features/completion.js';
import { analyseTextAt, EXAMPLE_PLAN, lineOf } from '../../helpers.js';

const EXAMPLE_TEXT = fs.readFileSync(EXAMPLE_PLAN, 'utf8');
const OPTIONS = { snippets: true, markdown: true };

/** Completion at the end of `typed`, written as a new line before `line` of the example plan. */
function completeAfterTyping(line: number, typed: string, options = OPTIONS): CompletionItem[] {
  const lines = EXAMPLE_TEXT.split('\n');
  lines.splice(line, 0, typed);
  const { plan, doc } = analyseTextAt(EXAMPLE_PLAN, lines.join('\n'));
  return complete(doc, plan, { line, character: typed.length }, options);
}

const newText = (item: CompletionItem) => (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined);

describe('completion (in process)', () => {
  const { plan } = analyseTextAt(EXAMPLE_PLAN, EXAMPLE_TEXT);
  const items = plan.index.catalogue.items;

  it('offers every item’s heading and section snippet at the start of a heading, missing items first', () => {
    const offered = completeAfterTyping(lineOf(EXAMPLE_PLAN, '## Foreword'), '## ');
    const headings = offered.filter((i) => i.kind === CompletionItemKind.Text);
    const snippets = offered.filter((i) => i.kind === CompletionItemKind.Snippet);
    assert.deepEqual(headings.map((i) => i.label), items.map((i) => i.heading));
    assert.deepEqual(snippets.map((i) => i.label), items.map((i) => `${i.heading} (section with key elements)`));
    const sorted = [...headings].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    const missing = plan.coverage.filter((c) => c.status === 'missing').length;
    assert.ok(missing > 0);
    assert.ok(sorted.slice(0, missing).every((i) => / · missing$/.test(i.detail!)), 'missing items come first');
    const heading = plan.index.catalogue.get('area-estates')!.heading;
    const estates = snippets.find((i) => i.label === `${heading} (section with key elements)`)!;
    assert.equal(estates.insertTextFormat, InsertTextFormat.Snippet);
    assert.ok(newText(estates)!.startsWith(`\${1:${heading}}\n\n<!-- jfp: area-estates -->\n`), newText(estates));
  });

  it('offers no snippets to a client that cannot take them', () => {
    const offered = completeAfterTyping(lineOf(EXAMPLE_PLAN, '## Foreword'), '## ', { snippets: false, markdown: true });
    assert.deepEqual(offered.map((i) => i.kind), items.map(() => CompletionItemKind.Text));
  });

  it('offers every catalogue id inside a jfp comment, replacing what is typed of it', () => {
    const line = lineOf(EXAMPLE_PLAN, '## Foreword') + 1;
    const offered = completeAfterTyping(line, '<!-- jfp: duty-cl');
    assert.deepEqual(offered.map((i) => i.label), items.map((i) => i.id));
    const climate = offered.find((i) => i.label === 'duty-climate-change')!;
    assert.deepEqual(climate.textEdit, { range: { start: { line, character: '<!-- jfp: '.length }, end: { line, character: '<!-- jfp: duty-cl'.length } }, newText: 'duty-climate-change' });
  });

  it('offers exactly the missing key elements of the item a section maps to', () => {
    const line = lineOf(EXAMPLE_PLAN, '<!-- jfp: area-workforce') + 1;
    const offered = completeAfterTyping(line, '- ');
    const workforce = plan.byId.get('area-workforce')!;
    assert.ok(workforce.elements.missing.length > 0);
    assert.deepEqual(offered.map((i) => i.label), workforce.elements.missing);
    assert.ok(offered.every((i) => i.detail === 'Key element not yet covered · Workforce'));
  });

  it('offers nothing in ordinary prose', () => {
    assert.deepEqual(completeAfterTyping(lineOf(EXAMPLE_PLAN, '## Foreword') + 1, 'We will'), []);
  });
});
