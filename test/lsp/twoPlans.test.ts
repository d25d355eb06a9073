import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CoverageResult } from '../../shared/protocol.js';
import { md } from '../helpers.js';
import { NO_DEBOUNCE, serverForSuite } from './lspClient.js';

const plan = (title: string, body: string, ...front: string[]) => md('---', 'plan: joint-forward-plan', `title: ${title}`, ...front, '---', '', `# ${title}`, '', body);
const WORKFORCE = md('# Our people', '', '## Workforce', '', 'Our workforce plan sets out how we will recruit, train and keep staff across the system, with joint training, shared recruitment and a people plan agreed by every partner. Workforce growth is tied to our financial plan.');
const RESEARCH = md('# Place chapter', '', '## Research', '', 'We take part in research with the university and host research studies in every practice, and we report research activity to the board each year.');

/**
 * Two plans in one workspace folder, over stdio: each has its own coverage (never merged), and
 * a chapter that either could claim is in neither and gets one diagnostic saying how to assign it.
 */
describe('LSP: two plans in one folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-lsp-two-plans-'));
  const alpha = path.join(dir, 'alpha-forward-plan.md');
  const beta = path.join(dir, 'beta-forward-plan.md');
  const chapter = path.join(dir, 'place-forward-plan.md');
  fs.writeFileSync(alpha, plan('Alpha Joint Forward Plan', 'We will integrate services with social care and join up care for people.'));
  fs.writeFileSync(beta, plan('Beta Joint Forward Plan', 'Some text.', 'files: [people/*.md]'));
  // No plan glob matches this name: Beta's front matter makes it part of Beta's plan.
  fs.mkdirSync(path.join(dir, 'people'));
  fs.writeFileSync(path.join(dir, 'people', 'staff.md'), WORKFORCE);
  fs.writeFileSync(chapter, RESEARCH);
  const client = serverForSuite({ workspaceFolder: dir, settings: NO_DEBOUNCE });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives each plan its own coverage, its own title and file, and counts the unassigned chapter in neither', async () => {
    const a = await client.open(alpha);
    const b = await client.open(beta);
    await client.diagnosticsAt(a, 1);
    await client.diagnosticsAt(b, 1);
    const ca = await client.request<CoverageResult>('jfp/coverage', { uri: a });
    const cb = await client.request<CoverageResult>('jfp/coverage', { uri: b });
    assert.deepEqual(ca.plan, { title: 'Alpha Joint Forward Plan', uri: a });
    assert.deepEqual(cb.plan, { title: 'Beta Joint Forward Plan', uri: b });
    assert.notEqual(ca.items.find((i) => i.id === 'duty-integration')!.status, 'missing');
    assert.equal(cb.items.find((i) => i.id === 'duty-integration')!.status, 'missing', 'Alpha\'s text is not in Beta\'s plan');
    // The file Beta lists (not open, named like no plan file) counts for Beta only.
    assert.ok(cb.items.find((i) => i.id === 'area-workforce')!.evidence.some((e) => e.file.endsWith('people/staff.md')));
    assert.ok(ca.items.find((i) => i.id === 'area-workforce')!.evidence.every((e) => !e.file.endsWith('people/staff.md')));
    for (const c of [ca, cb]) {
      assert.equal(c.items.find((i) => i.id === 'duty-research')!.status, 'missing', 'the chapter is counted in neither plan');
      assert.ok(c.items.every((i) => i.evidence.every((e) => !e.file.endsWith('place-forward-plan.md'))));
    }
    await client.close(a);
    await client.close(b);
  });

  it('gives the chapter one diagnostic naming both plans and how to assign it; it has no plan coverage of its own', async () => {
    const uri = await client.open(chapter);
    const diagnostics = await client.diagnosticsAt(uri, 1);
    const ambiguous = diagnostics.filter((d) => d.code === 'jfp.plan.ambiguous-file');
    assert.equal(ambiguous.length, 1);
    assert.equal(ambiguous[0]!.range.start.line, 0);
    assert.match(String(ambiguous[0]!.message), /"Alpha Joint Forward Plan" \(alpha-forward-plan\.md\) or "Beta Joint Forward Plan" \(beta-forward-plan\.md\)/);
    assert.match(String(ambiguous[0]!.message), /files:/);
    assert.ok(!diagnostics.some((d) => d.code === 'jfp.plan.summary' || d.code === 'jfp.duty.missing'), 'no plan-wide findings on a file that is in no plan');
    const coverage = await client.request<CoverageResult>('jfp/coverage', { uri });
    assert.equal(coverage.isPlan, false);
    await client.close(uri);
  });

  it('an open file that Beta lists is part of Beta\'s plan: diagnostics, and the sidebar shows Beta', async () => {
    const uri = await client.open(path.join(dir, 'people', 'staff.md'));
    await client.diagnosticsAt(uri, 1);
    const coverage = await client.request<CoverageResult>('jfp/coverage', { uri });
    assert.equal(coverage.isPlan, true);
    assert.deepEqual(coverage.plan, { title: 'Beta Joint Forward Plan', uri: pathToFileURL(beta).href });
    await client.close(uri);
  });

  it('once Alpha lists the chapter in its front matter, the chapter counts towards Alpha only and its diagnostic goes', async () => {
    const a = await client.open(alpha);
    const c = await client.open(chapter);
    await client.diagnosticsAt(c, 1);
    const version = await client.change(a, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'files: [place-forward-plan.md]\n' }]);
    await client.diagnosticsAt(a, version);
    // The chapter's diagnostics are published again, since the edit changed which plan it is in.
    await client.diagnosticsFor(c, (p) => !p.diagnostics.some((d) => d.code === 'jfp.plan.ambiguous-file'));
    const ca = await client.request<CoverageResult>('jfp/coverage', { uri: a });
    assert.notEqual(ca.items.find((i) => i.id === 'duty-research')!.status, 'missing');
    const cc = await client.request<CoverageResult>('jfp/coverage', { uri: c });
    assert.deepEqual(cc.plan, { title: 'Alpha Joint Forward Plan', uri: a }, 'the chapter shows its plan in the sidebar');
    const b = await client.open(beta);
    assert.equal(b, pathToFileURL(beta).href);
    await client.diagnosticsAt(b, 1);
    const cb = await client.request<CoverageResult>('jfp/coverage', { uri: b });
    assert.equal(cb.items.find((i) => i.id === 'duty-research')!.status, 'missing');
    for (const uri of [a, b, c]) await client.close(uri);
  });
});
