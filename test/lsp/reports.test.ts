import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../../shared/protocol.js';
import { applyEdits, DRAFT, EXAMPLE, WORKSPACE } from './fixtures.js';
import { NO_DEBOUNCE, serverForSuite } from './lspClient.js';

const START = '<!-- jfp-annex:start -->';

describe('LSP report commands', () => {
  const client = serverForSuite({ workspaceFolder: WORKSPACE, settings: NO_DEBOUNCE });
  let uri: string;
  const run = <T>(command: string, args: unknown[]) => client.request<T>('workspace/executeCommand', { command, arguments: args });
  const coverage = () => client.request<CoverageResult>('jfp/coverage', { uri });

  before(async () => {
    uri = await client.open(DRAFT);
  });

  it('inserts the coverage annex, then replaces it in place after the plan is edited', async () => {
    const original = fs.readFileSync(DRAFT, 'utf8');
    const before = await coverage();
    const first = await run<WorkspaceEdit>('jfp.server.annexEdit', [uri]);
    let text = applyEdits(original, first.changes![uri]!);
    assert.equal(text.split(START).length - 1, 1);
    assert.match(text, /\| Duty to promote integration \|[^|]*\| Met \| \[Joining up care\]\(#joining-up-care\) \|/);
    await client.change(uri, [{ text }]);
    assert.deepEqual((await coverage()).summary, before.summary, 'the annex is not evidence for itself');

    // Edit the plan above the annex, then insert again: one annex, updated.
    const at = text.indexOf(START);
    text = `${text.slice(0, at)}## Research\n\nWe will support clinical research and trials with the National Institute for Health and Care Research and local universities. Every trust will offer patients the chance to take part in a study, and we will report how many did each year. Research findings will shape the services we commission, and our staff will have time set aside for research.\n\n${text.slice(at)}`;
    await client.change(uri, [{ text }]);
    const second = await run<WorkspaceEdit>('jfp.server.annexEdit', [uri]);
    const edit = second.changes![uri]!;
    assert.equal(edit.length, 1);
    assert.notDeepEqual(edit[0]!.range.start, edit[0]!.range.end, 'the existing annex is replaced, not added to');
    text = applyEdits(text, edit);
    assert.equal(text.split(START).length - 1, 1);
    assert.match(text, /\| Duty in respect of research \|[^|]*\| Met \| \[Research\]\(#research\) \|/);
    await client.change(uri, [{ text: original }]);
  });

  it('returns the HTML report of the plan, and compares with a previous plan on disk', async () => {
    const html = await run<string>('jfp.server.htmlReport', [uri]);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<h1>NHS Wessex Vale Joint Forward Plan: working draft<\/h1>/);
    assert.match(html, /draft-forward-plan\.md · Joining up care/);
    const compared = await run<{ markdown: string }>('jfp.server.compare', [uri, [EXAMPLE]]);
    assert.match(compared.markdown, /^# Changes since the previous plan/);
    assert.match(compared.markdown, /\| \*\*Lost\*\* \| Duty in respect of research \| Yes \| Met \| Not yet met \|/);
    const missing = await run<{ error: string }>('jfp.server.compare', [uri, ['/no/such/plan.md']]);
    assert.match(missing.error, /no such file or folder/);
    assert.equal(await run('jfp.server.annexEdit', ['file:///not/open.md']), null);
  });
});
