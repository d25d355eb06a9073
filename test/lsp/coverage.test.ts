import * as assert from 'node:assert/strict';
import type { CoverageResult } from '../../shared/protocol.js';
import { DRAFT, EXAMPLE, lineOf, NOTES, WORKSPACE } from './fixtures.js';
import { TestClient } from './lspClient.js';

describe('LSP jfp/coverage and jfp/coverageChanged', () => {
  let client: TestClient;

  before(async () => {
    client = new TestClient({ workspaceFolder: WORKSPACE });
    await client.initialize();
  });

  after(async () => {
    await client.stop();
  });

  it('returns the plan’s coverage in the CLI JSON shape, and notifies when it changes', async () => {
    const uri = await client.open(EXAMPLE);
    await client.diagnosticsAt(uri, 1);
    assert.ok(client.coverageChanged.includes(uri));
    const result = await client.request<CoverageResult>('jfp/coverage', { uri });
    assert.equal(result.isPlan, true);
    assert.equal(result.summary.total, 33, "the 2026 edition: 27 items and six guidance items of the 2026/27 round");
    const climate = result.items.find((i) => i.id === 'duty-climate-change')!;
    assert.equal(climate.status, 'addressed');
    assert.equal(climate.kind, 'statutory-duty');
    assert.equal(climate.evidence[0]!.file, uri);
    assert.equal(climate.evidence[0]!.line, lineOf(EXAMPLE, '## Climate change and net zero') + 1);
    assert.equal(climate.evidence[0]!.how, 'heading');
    assert.ok(climate.elements.total >= climate.elements.covered);
    const victims = result.items.find((i) => i.id === 'need-victims-of-abuse')!;
    assert.equal(victims.status, 'waived');
    assert.match(victims.waiver!.reason, /domestic abuse/);
    assert.ok(result.percent > 50 && result.percent <= 100);
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
