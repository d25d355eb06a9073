import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, DRAFT, WORKSPACE } from './fixtures.js';
import { NO_DEBOUNCE, serverForSuite } from './lspClient.js';

// Each fix is tested in process (test/unit/features/codeActions.test.ts); here, the round trip an
// editor makes: diagnostics, the action for one, its edit applied, and the diagnostic gone.
describe('LSP code actions', () => {
  const client = serverForSuite({ workspaceFolder: WORKSPACE, settings: NO_DEBOUNCE });
  let uri: string;
  let text: string;
  let version = 1;

  before(async () => {
    text = fs.readFileSync(DRAFT, 'utf8');
    uri = await client.open(DRAFT, text);
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

  it('offers two actions on the plan-level summary: insert every missing section, and show the coverage view', async () => {
    const diagnostics = await client.diagnosticsAt(uri, version);
    const titleLine = diagnostics.find((d) => d.code === 'jfp.plan.summary')!.range.start.line;
    const onTitle = diagnostics.filter((d) => d.range.start.line === titleLine);
    assert.ok(onTitle.length <= 2, `at most two diagnostics on the title, got ${onTitle.length}`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: onTitle[0]!.range, context: { diagnostics: onTitle } });
    assert.ok(actions.length <= 5, `a short menu, got ${actions.map((a) => a.title).join(' | ')}`);
    assert.deepEqual(actions.map((a) => a.title), ['Insert all missing sections', 'Show plan coverage']);
    assert.equal(actions[1]!.command?.command, 'workbench.view.extension.jfpCoverage');
    const before = text;
    const after = await applyAndWait(actions[0]!);
    assert.ok(text.includes('<!-- jfp: duty-research -->'));
    assert.ok(text.startsWith(before.trimEnd().split('\n').slice(0, 5).join('\n')), 'the existing text is kept');
    // Inserted sections are only started: until they say something, the items stay uncovered.
    assert.ok(after.some((d) => d.code === 'jfp.plan.summary'), 'the summary stays until the new sections have content');
  });

  it('replaces an unknown id with the closest known one', async () => {
    const diagnostics = await client.diagnosticsAt(uri, version);
    const unknown = diagnostics.find((d) => d.code === 'jfp.tag.unknown')!;
    const fix = (await actionsFor(unknown)).find((a) => a.title === 'Change to "duty-integration"')!;
    const after = await applyAndWait(fix);
    assert.ok(text.includes('<!-- jfp: duty-integration -->'));
    assert.ok(!after.some((d) => d.code === 'jfp.tag.unknown'));
  });

  it('maps a partly covering section to its item from its heading, with no diagnostic needed', async () => {
    const line = text.split('\n').indexOf('## Urgent and emergency care');
    assert.ok(line > 0);
    const range = { start: { line, character: 3 }, end: { line, character: 3 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const fix = actions.find((a) => a.title === 'Map this section to "Duty as to climate change"')!;
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    await applyAndWait(fix);
    assert.ok(text.split('\n').slice(line, line + 3).some((l) => l.includes('duty-climate-change')));
  });

  it('offers nothing for diagnostics from other tools', async () => {
    const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'markdownlint', code: 'MD001' };
    assert.deepEqual(await actionsFor(foreign), []);
  });
});
