import * as assert from 'node:assert/strict';
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getDefaultCatalogue } from '../../../server/src/analysis/data/catalogue.js';
import { NO_FILES } from '../../../server/src/host/files.js';
import { EditLog } from '../../../server/src/lsp/editLog.js';
import { mappedCodeActions, mappedCodeLenses, mappedCompletion, mappedHover } from '../../../server/src/lsp/handlers/mapped.js';
import { DocumentPipeline, type PublishParams } from '../../../server/src/lsp/pipeline.js';
import { PlanWorkspace } from '../../../server/src/lsp/workspace.js';
import { md } from '../../helpers.js';

const URI = 'untitled:plan.md';
const PLAN = md('---', 'plan: joint-forward-plan', '---', '# Our plan', '', '## Integration', '', 'We work with the BCF and the CCG on it.', '');
const LINE = 7;

/** A pipeline whose analyses never start on their own (the pause after typing never ends), so the last completed analysis stays behind the text. */
async function typedAhead() {
  const docs = new Map<string, TextDocument>();
  const edits = new EditLog();
  const published: PublishParams[] = [];
  const workspace = new PlanWorkspace(getDefaultCatalogue(), NO_FILES);
  const pipeline = new DocumentPipeline({
    documents: { get: (uri) => docs.get(uri), all: () => [...docs.values()] },
    workspace,
    publish: (p) => published.push(p),
    coverageChanged: () => undefined,
    scheduler: { set: () => 0, clear: () => undefined },
    edits,
  });
  edits.opened(URI, 1);
  const doc = docs.set(URI, TextDocument.create(URI, 'markdown', 1, PLAN)).get(URI)!;
  await pipeline.analyseAndPublish(URI);
  const type = (line: number, from: number, to: number, text: string) => {
    edits.apply(doc, [{ range: { start: { line, character: from }, end: { line, character: to } }, text }], doc.version + 1);
    pipeline.schedule(URI);
  };
  const diagnostics = published.at(-1)!.diagnostics;
  const find = (code: string) => diagnostics.find((d) => d.code === code)!;
  return { pipeline, workspace, doc, type, diagnostics, find };
}

function apply(doc: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(doc, edits);
}

describe('lsp/pipeline: features answered from an older analysis, mapped to the current text', () => {
  it('a quick fix is moved with the text it fixes, and applies to the current text', async () => {
    const t = await typedAhead();
    t.type(LINE, 0, 0, 'Today, ');
    const view = (await t.pipeline.view(URI, true))!;
    assert.equal(view.map.identity, false, 'the analysis is of version 1, the text is version 2');
    const bcf = t.find('jfp.acronym.undefined');
    const ccg = t.find('jfp.term.outdated');
    const actions = mappedCodeActions(view, { range: bcf.range, context: { diagnostics: [bcf, ccg] } });
    const spell = actions.find((a) => a.title.startsWith('Spell out "BCF"'))!;
    assert.deepEqual(spell.diagnostics, [bcf], 'the action names the diagnostic the client sent');
    assert.equal(apply(t.doc, spell.edit!.changes![URI]!).split('\n')[LINE], 'Today, We work with the Better Care Fund (BCF) and the CCG on it.');
    const replace = actions.find((a) => a.title === 'Replace with "ICB"')!;
    assert.equal(apply(t.doc, replace.edit!.changes![URI]!).split('\n')[LINE], 'Today, We work with the BCF and the ICB on it.');
  });

  it('a fix whose text was edited since is not offered; the others still are', async () => {
    const t = await typedAhead();
    t.type(LINE, 18, 19, 'X'); // "BCF" becomes "BXF"
    const view = (await t.pipeline.view(URI, true))!;
    const actions = mappedCodeActions(view, { range: t.find('jfp.term.outdated').range, context: { diagnostics: [t.find('jfp.acronym.undefined'), t.find('jfp.term.outdated')] } });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Replace with "ICB"'],
    );
  });

  it('the edits a client sends back in a diagnostic are never applied: the analysis’s own are', async () => {
    const t = await typedAhead();
    const ccg = t.find('jfp.term.outdated');
    const forged: Diagnostic = { ...ccg, data: { ...(ccg.data as object), fix: { title: 'Replace with "ICB"', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, newText: '' }] } } };
    const view = (await t.pipeline.view(URI, true))!;
    const [action] = mappedCodeActions(view, { range: ccg.range, context: { diagnostics: [forged] } });
    assert.equal(apply(t.doc, action!.edit!.changes![URI]!).split('\n')[LINE], 'We work with the BCF and the ICB on it.');
    const unknown: Diagnostic = { ...ccg, message: 'Not what the server published' };
    assert.deepEqual(mappedCodeActions(view, { range: ccg.range, context: { diagnostics: [unknown] } }), [], 'a diagnostic the analysis did not publish gets nothing');
  });

  it('hovers, completions and code lenses point at the current text, and nothing inside text typed since', async () => {
    const t = await typedAhead();
    t.type(4, 0, 0, 'A new line.\n\nAnother.\n'); // every later line moves down three
    const view = (await t.pipeline.view(URI))!;
    const bcfNow = { line: LINE + 3, character: 19 };
    const hover = mappedHover(view, bcfNow, 'markdown');
    assert.ok(hover?.range, 'the abbreviation is explained');
    assert.equal(t.doc.getText(hover.range), 'BCF');
    assert.equal(mappedHover(view, { line: 4, character: 3 }, 'markdown'), null, 'inside the typed text');
    for (const lens of mappedCodeLenses(view)) assert.match(t.doc.getText({ start: lens.range.start, end: { line: lens.range.start.line, character: 3 } }), /^#/, 'a lens sits on a heading of the current text');
    // Completion reads the line as typed now, not as it was analysed.
    t.type(5, 0, 0, '## ');
    const later = (await t.pipeline.view(URI))!;
    const items = mappedCompletion(later, { line: 5, character: 3 }, { snippets: false, markdown: true });
    assert.ok(items.length > 0);
    for (const item of items) assert.deepEqual(item.textEdit && 'range' in item.textEdit && item.textEdit.range, { start: { line: 5, character: 3 }, end: { line: 5, character: 3 } });
  });

  it('quick fixes wait for a newer version once it is parsed (the syntax tree moved on)', async () => {
    const t = await typedAhead();
    t.type(LINE, 0, 0, 'Today, ');
    await t.pipeline.current(URI); // version 2 analysed and published
    t.type(LINE, 0, 0, 'So ');
    t.workspace.update(URI, 3, t.doc.getText()); // as the analysis of version 3 does first
    const stale = (await t.pipeline.view(URI))!;
    assert.equal(stale.map.identity, false, 'hover and completion read version 2, mapped');
    const forFixes = (await t.pipeline.view(URI, true))!;
    assert.ok(forFixes.map.identity, 'quick fixes read the analysis of the current version');
    assert.equal(forFixes.text.version, 3);
  });
});
