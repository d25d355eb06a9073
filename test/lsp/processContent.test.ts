import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DRAFT, EXAMPLE } from './fixtures.js';
import { TestClient } from './lspClient.js';

/** The statutory-content rules through the real server: each fires on a plan that lacks the content, and not on one that has it. */
describe('LSP statutory content of the published plan', () => {
  const CONTENT_CODES = ['jfp.process.consultation-summary', 'jfp.process.capital-plan', 'jfp.process.strategy-references', 'jfp.process.hwb-opinion'];

  async function codesFor(text: string, config?: object): Promise<string[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-lsp-content-'));
    fs.writeFileSync(path.join(dir, 'plan-forward-plan.md'), text);
    if (config) fs.writeFileSync(path.join(dir, '.jfp.json'), JSON.stringify(config));
    const client = new TestClient({ workspaceFolder: dir, settings: { analysis: { debounceMs: 0 }, rules: { 'jfp.plan.summary': 'off' } } }); // each process finding on its own, not summed up on the title
    try {
      await client.initialize();
      const uri = await client.open(path.join(dir, 'plan-forward-plan.md'));
      return (await client.diagnosticsAt(uri, 1)).map((d) => String(d.code));
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true });
    }
  }

  it('reports the missing consultation summary, capital plan, strategy references and board opinion in the draft', async () => {
    const codes = await codesFor(fs.readFileSync(DRAFT, 'utf8'));
    for (const code of CONTENT_CODES) assert.ok(codes.includes(code), code);
  });

  it('is silent on the example plan, which has them all, also with its two boards configured', async () => {
    const codes = await codesFor(fs.readFileSync(EXAMPLE, 'utf8'), { healthAndWellbeingBoards: ['Vale County Health and Wellbeing Board', 'Kingsbridge Health and Wellbeing Board'] });
    for (const code of [...CONTENT_CODES, 'jfp.process.change-log', 'jfp.process.partner-trusts']) assert.ok(!codes.includes(code), code);
  });

  it('names a configured board whose statement is missing', async () => {
    const codes = await codesFor(fs.readFileSync(EXAMPLE, 'utf8'), { healthAndWellbeingBoards: ['Vale County Health and Wellbeing Board', 'Northmoor Health and Wellbeing Board'] });
    assert.equal(codes.filter((c) => c === 'jfp.process.hwb-opinion').length, 1);
  });

  it('asks a refreshed plan for its summary of changes', async () => {
    const refresh = fs.readFileSync(EXAMPLE, 'utf8').replace(/^# (.*)$/m, '# $1: 2027 refresh').replace(/^## Appendix C: Changes in this version[\s\S]*?(?=^## Appendix D)/m, '');
    assert.ok(!refresh.includes('Changes in this version'));
    const codes = await codesFor(refresh);
    assert.ok(codes.includes('jfp.process.change-log'));
  });
});
