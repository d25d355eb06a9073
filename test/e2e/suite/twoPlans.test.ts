import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateApi, codeOf, coverageOf, revertAllAndClose, show, waitForDiagnostics, workspaceDir, type JfpApi } from './helpers.js';

const md = (...lines: string[]) => lines.join('\n') + '\n';
const plan = (title: string, body: string) => md('---', 'plan: joint-forward-plan', `title: ${title}`, '---', '', `# ${title}`, '', body);
const INTEGRATION = 'We will integrate services with social care and join up care for people, with joint teams in every neighbourhood.';
const RESEARCH = md('# Place chapter', '', '## Research', '', 'We take part in research with the university and host research studies in every practice, and we report research activity to the board each year.');

/**
 * Two plans in one folder, in VS Code (issue 15): each plan has its own coverage in the sidebar,
 * which follows the active editor, and a chapter either plan could claim is counted in neither
 * and gets one warning saying how to assign it. The files are written into the workspace copy
 * for this suite and removed after it.
 */
describe('Two plans in one folder', () => {
  let api: JfpApi;
  let dir: string;
  let alpha: vscode.Uri;
  let beta: vscode.Uri;
  let chapter: vscode.Uri;

  before(async () => {
    api = await activateApi();
    dir = path.join(workspaceDir(), 'two-plans');
    fs.mkdirSync(dir, { recursive: true });
    alpha = vscode.Uri.file(path.join(dir, 'alpha-forward-plan.md'));
    beta = vscode.Uri.file(path.join(dir, 'beta-forward-plan.md'));
    chapter = vscode.Uri.file(path.join(dir, 'place-forward-plan.md'));
    fs.writeFileSync(alpha.fsPath, plan('Alpha Joint Forward Plan', INTEGRATION));
    fs.writeFileSync(beta.fsPath, plan('Beta Joint Forward Plan', 'Some text.'));
    fs.writeFileSync(chapter.fsPath, RESEARCH);
  });

  after(async () => {
    await revertAllAndClose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the sidebar shows the active editor\'s plan: its own title, file and coverage, never the other\'s', async () => {
    const a = await coverageOf(api, alpha);
    assert.deepEqual(a.plan, { title: 'Alpha Joint Forward Plan', uri: alpha.toString() });
    assert.notEqual(a.items.find((i) => i.id === 'duty-integration')?.status, 'missing');
    const b = await coverageOf(api, beta);
    assert.deepEqual(b.plan, { title: 'Beta Joint Forward Plan', uri: beta.toString() });
    assert.equal(b.items.find((i) => i.id === 'duty-integration')?.status, 'missing', "Alpha's text is not in Beta's plan");
    for (const c of [a, b]) {
      assert.equal(c.items.find((i) => i.id === 'duty-research')?.status, 'missing', 'the chapter is counted in neither plan');
      assert.ok(c.items.every((i) => i.evidence.every((e) => !e.file.endsWith('place-forward-plan.md'))));
    }
    assert.equal(api.coverageTree.getCurrent()?.plan?.title, 'Beta Joint Forward Plan');
  });

  it('the chapter gets one warning naming both plans and saying how to assign it', async () => {
    await show(chapter);
    const ds = await waitForDiagnostics(chapter, (all) => all.some((d) => codeOf(d) === 'jfp.plan.ambiguous-file'), 'the ambiguous-file warning');
    const ambiguous = ds.filter((d) => codeOf(d) === 'jfp.plan.ambiguous-file');
    assert.equal(ambiguous.length, 1);
    assert.equal(ambiguous[0]!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(ambiguous[0]!.message, /"Alpha Joint Forward Plan" \(alpha-forward-plan\.md\) or "Beta Joint Forward Plan" \(beta-forward-plan\.md\)/);
    assert.match(ambiguous[0]!.message, /files:/);
    assert.ok(!ds.some((d) => codeOf(d) === 'jfp.duty.missing' || codeOf(d) === 'jfp.plan.summary'), 'no plan-wide findings on a file in no plan');
  });
});
