import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, DRAFT, WORKSPACE } from './fixtures.js';
import { TestClient } from './lspClient.js';
import { diagnosticData } from '../../server/src/analysis/rules/findings.js';

describe('LSP code actions', () => {
  let client: TestClient;
  let uri: string;
  let text: string;
  let version = 1;

  before(async () => {
    client = new TestClient({ workspaceFolder: WORKSPACE, settings: { analysis: { debounceMs: 0 } } });
    await client.initialize();
    text = fs.readFileSync(DRAFT, 'utf8');
    uri = await client.open(DRAFT, text);
  });

  after(async () => {
    await client.stop();
  });

  async function actionsFor(d: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  }

  async function applyAndWait(action: CodeAction): Promise<Diagnostic[]> {
    const edits = action.edit!.changes![uri]!;
    text = applyEdits(text, edits);
    version = await client.change(uri, [{ text }]);
    return client.diagnosticsAt(uri, version);
  }

  it('inserts a section for a missing duty, with the edit inline, and the diagnostic goes', async () => {
    const diagnostics = await client.diagnosticsAt(uri, version);
    const research = diagnostics.find((d) => diagnosticData(d, 'jfp.duty.missing')?.itemId === 'duty-research')!;
    const actions = await actionsFor(research);
    const insert = actions.find((a) => a.title.startsWith('Insert a section'))!;
    assert.ok(insert.isPreferred);
    assert.equal(insert.kind, 'quickfix');
    const before = text;
    const after = await applyAndWait(insert);
    assert.ok(text.includes('<!-- jfp: duty-research -->'));
    assert.ok(text.startsWith(before.trimEnd()), 'the existing text is kept as it was');
    // The new section is where research will be discussed; until it says something, the duty is not covered.
    const started = after.find((d) => diagnosticData(d, 'jfp.duty.missing')?.itemId === 'duty-research')!;
    assert.match(String(started.message), /is started but has no content yet/);
    assert.ok(!(await actionsFor(started)).some((a) => a.title.startsWith('Insert a section')), 'no second section is offered');
  });

  it('offers no waiver for a statutory duty, and waives a missing content area with a reason to complete', async () => {
    const diagnostics = await client.diagnosticsAt(uri, version);
    const advice = diagnostics.find((d) => diagnosticData(d, 'jfp.duty.missing')?.itemId === 'duty-advice')!;
    assert.ok(!(await actionsFor(advice)).some((a) => a.title.startsWith('Waive')));
    const procurement = diagnostics.find((d) => diagnosticData(d, 'jfp.duty.missing')?.itemId === 'area-procurement')!;
    const waive = (await actionsFor(procurement)).find((a) => a.title.startsWith('Waive'))!;
    const after = await applyAndWait(waive);
    assert.ok(text.includes('<!-- jfp-waive area-procurement: say why this plan does not cover it -->'));
    assert.ok(!after.some((d) => diagnosticData(d, 'jfp.duty.missing')?.itemId === 'area-procurement'));
  });

  it('replaces an unknown id with the closest known one', async () => {
    const diagnostics = await client.diagnosticsAt(uri, version);
    const unknown = diagnostics.find((d) => d.code === 'jfp.tag.unknown')!;
    const fix = (await actionsFor(unknown)).find((a) => a.title === 'Change to "duty-integration"')!;
    const after = await applyAndWait(fix);
    assert.ok(text.includes('<!-- jfp: duty-integration -->'));
    assert.ok(!after.some((d) => d.code === 'jfp.tag.unknown'));
  });

  it('does not offer to map a section that only mentions an item in passing', async () => {
    const diagnostics = await client.diagnosticsAt(uri, version);
    const partial = diagnostics.find((d) => diagnosticData(d, 'jfp.duty.partial')?.itemId === 'duty-climate-change')!;
    assert.ok(!(await actionsFor(partial)).some((a) => a.title.startsWith('Map this section')));
  });

  it('offers nothing for diagnostics from other tools', async () => {
    const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'markdownlint', code: 'MD001' };
    assert.deepEqual(await actionsFor(foreign), []);
  });
});
