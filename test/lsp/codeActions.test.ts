import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, DRAFT, WORKSPACE } from './fixtures.js';
import { NO_DEBOUNCE, serverForSuite } from './lspClient.js';
import { diagnosticData } from '../../server/src/analysis/rules/findings.js';

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

  it('inserts a section for a missing duty, with the edit inline, and the diagnostic says the section is started', async () => {
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
    // Until the new section says something, the duty is not covered.
    assert.ok(after.some((d) => diagnosticData(d, 'jfp.duty.missing')?.started === true && diagnosticData(d, 'jfp.duty.missing')?.itemId === 'duty-research'));
  });
});
