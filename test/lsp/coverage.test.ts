import * as assert from 'node:assert/strict';
import type { CoverageResult } from '../../shared/protocol.js';
import { coverageResult } from '../../server/src/lsp/features/coverage.js';
import { analyseFiles } from '../helpers.js';
import { DRAFT, EXAMPLE, NOTES, WORKSPACE } from './fixtures.js';
import { serverForSuite } from './lspClient.js';

describe('LSP jfp/coverage and jfp/coverageChanged', () => {
  const client = serverForSuite({ workspaceFolder: WORKSPACE });

  it('returns the coverage the analysis gives, and notifies when it changes', async () => {
    const uri = await client.open(EXAMPLE);
    await client.diagnosticsAt(uri, 1);
    assert.ok(client.coverageChanged.includes(uri));
    const result = await client.request<CoverageResult>('jfp/coverage', { uri });
    // The example is outside the workspace folder: a plan of its own (its shape: test/unit/features/coverage.test.ts).
    assert.deepEqual(result, coverageResult(analyseFiles([EXAMPLE]).plan));
    await client.close(uri);
  });

  it('aggregates the files of a multi-file plan', async () => {
    const uri = await client.open(DRAFT);
    const result = await client.request<CoverageResult>('jfp/coverage', { uri });
    const victims = result.items.find((i) => i.id === 'need-victims-of-abuse')!;
    assert.equal(victims.status, 'addressed');
    assert.match(victims.evidence[0]!.file, /jfp\/place-chapter\.md$/);
    await client.close(uri);
  });

  it('says a non-plan file is not a plan', async () => {
    const uri = await client.open(NOTES);
    const result = await client.request<CoverageResult>('jfp/coverage', { uri });
    assert.equal(result.isPlan, false);
    assert.deepEqual(result.items, []);
  });
});
