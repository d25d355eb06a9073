import * as assert from 'node:assert/strict';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { DRAFT, WORKSPACE } from './fixtures.js';
import { NO_DEBOUNCE, serverForSuite } from './lspClient.js';

describe('LSP workspace/executeCommand', () => {
  const client = serverForSuite({ workspaceFolder: WORKSPACE, settings: NO_DEBOUNCE });
  let uri: string;
  const run = <T>(command: string, args: unknown[]) => client.request<T>('workspace/executeCommand', { command, arguments: args });

  before(async () => {
    uri = await client.open(DRAFT);
  });

  it('returns the edit that inserts a section for an item', async () => {
    const edit = await run<WorkspaceEdit>('jfp.server.sectionEdit', [uri, 'duty-research']);
    assert.match(edit.changes![uri]![0]!.newText, /<!-- jfp: duty-research -->/);
  });

  it('returns one edit for every missing item', async () => {
    const edit = await run<WorkspaceEdit>('jfp.server.missingSectionsEdit', [uri]);
    const text = edit.changes![uri]![0]!.newText;
    assert.match(text, /duty-research/);
    assert.match(text, /req-hwb-opinion/);
    assert.doesNotMatch(text, /jfp: duty-quality -->/, 'covered items are not inserted again');
  });

  it('explains an item with this plan’s status', async () => {
    const text = await run<string>('jfp.server.guidance', ['duty-research', uri]);
    assert.match(text, /Duty in respect of research/);
    assert.match(text, /In this plan: not covered/);
  });

  it('writes a new plan from the template, and says where the configuration comes from', async () => {
    const template = await run<string>('jfp.server.template', ['NHS Test ICB', '2027/28 to 2031/32']);
    assert.match(template, /^---\nplan: joint-forward-plan\n/);
    const effective = await run<{ sources: Record<string, string> }>('jfp.server.effectiveConfig', [uri]);
    assert.equal(effective.sources.analysis, 'settings');
  });

  it('answers null to an unknown command or a document that is not open', async () => {
    assert.equal(await run('jfp.server.nope', []), null);
    assert.equal(await run('jfp.server.sectionEdit', ['file:///not/open.md', 'duty-research']), null);
  });
});
