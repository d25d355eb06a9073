import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { codeActions, fixAllAction, missingSectionsEdit } from '../../../server/src/lsp/features/codeActions.js';
import { diagnosticData } from '../../../server/src/analysis/rules/findings.js';
import { toDiagnostic } from '../../../server/src/lsp/features/diagnostics.js';
import { applyEdits } from '../../lsp/fixtures.js';
import { analyseFiles, analyseTextAt, DRAFT_PLAN, md, PLACE_CHAPTER } from '../../helpers.js';

/** The two-file draft plan as the server sees it with the draft open (its text edited, if given), and the draft's diagnostics. */
function draft(text?: string) {
  const { plan, doc } = analyseFiles([DRAFT_PLAN, PLACE_CHAPTER], { texts: text === undefined ? {} : { [DRAFT_PLAN]: text } });
  const diagnostics = (plan.findings.get(doc.uri) ?? []).map(toDiagnostic);
  const find = (code: 'jfp.duty.missing' | 'jfp.duty.partial' | 'jfp.tag.unknown', itemId?: string) =>
    diagnostics.find((d) => {
      const data = diagnosticData(d, code);
      return data !== undefined && (itemId === undefined || ('itemId' in data && data.itemId === itemId));
    })!;
  return { plan, doc, diagnostics, find };
}

describe('code actions (in process)', () => {
  const { plan, doc, find } = draft();
  const apply = (edit: { changes?: Record<string, { range: Diagnostic['range']; newText: string }[]> }) => applyEdits(doc.plan.text, edit.changes![doc.uri]!);

  it('inserts a section for a missing duty (preferred), never a waiver for a statutory item', () => {
    const missing = find('jfp.duty.missing', 'duty-research');
    const actions = codeActions(doc, plan, [missing]);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred, a.diagnostics]), [['Insert a section for "Duty in respect of research"', 'quickfix', true, [missing]]]);
    const inserted = apply(actions[0]!.edit!);
    assert.ok(inserted.startsWith(doc.plan.text.trimEnd()), 'the existing text is kept as it was');
    assert.equal(inserted.split('<!-- jfp: duty-research -->').length, 2);
    // The new section says where research will be discussed; until it says something, the duty is not covered.
    const after = draft(inserted);
    assert.equal(after.plan.byId.get('duty-research')!.started, true);
    const started = after.find('jfp.duty.missing', 'duty-research');
    assert.match(String(started!.message), /is started but has no content yet/);
    assert.deepEqual(codeActions(after.doc, after.plan, [started!]), [], 'no second section is offered');
  });

  it('waives a missing content area, with a reason to complete', () => {
    const missing = find('jfp.duty.missing', 'area-procurement');
    const actions = codeActions(doc, plan, [missing]);
    assert.deepEqual(actions.map((a) => a.title), ['Insert a section for "Procurement / supply chain"', 'Waive "Procurement / supply chain" (give a reason)']);
    assert.match(apply(actions[1]!.edit!), /<!-- jfp-waive area-procurement: say why this plan does not cover it -->/);
  });

  it('replaces an unknown id with the closest known one', () => {
    const unknown = find('jfp.tag.unknown');
    const [fix, ...rest] = codeActions(doc, plan, [unknown]);
    assert.equal(fix!.title, 'Change to "duty-integration"');
    assert.deepEqual(rest, []);
    const text = apply(fix!.edit!);
    assert.match(text, /<!-- jfp: duty-integration -->/);
    assert.deepEqual(draft(text).diagnostics.filter((d) => d.code === 'jfp.tag.unknown'), []);
  });

  it('does not offer to map a section that only mentions an item in passing', () => {
    const partial = find('jfp.duty.partial', 'duty-climate-change');
    assert.deepEqual(codeActions(doc, plan, [partial]), []);
  });

  it('offers nothing for diagnostics from other tools', () => {
    const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'markdownlint', code: 'MD001' };
    assert.deepEqual(codeActions(doc, plan, [foreign]), []);
  });

  it('inserts every missing counted item at once, and nothing when none is missing', () => {
    const missing = plan.coverage.filter((c) => c.counted && c.status === 'missing').map((c) => c.id);
    const text = apply(missingSectionsEdit(doc, plan)!);
    const after = draft(text);
    // Each inserted section is started: not covered until it says something, and never inserted twice.
    assert.deepEqual(missing.filter((id) => !after.plan.byId.get(id)!.started), []);
    assert.equal(missingSectionsEdit(after.doc, after.plan), null);
  });

  it('fixes all with exactly the safe fixes the findings carry', () => {
    const { plan: p, doc: d } = analyseTextAt(DRAFT_PLAN, md('---', 'plan: joint-forward-plan', '---', '# Plan', '', 'The CCG will talk to the STP.', ''));
    const fixed = (p.findings.get(d.uri) ?? []).filter((f) => f.data?.fix);
    assert.deepEqual(fixed.map((f) => f.code), ['jfp.term.outdated', 'jfp.term.outdated'], 'CCG and STP have replacements');
    const fixes = fixed.map((f) => f.data!.fix!);
    const action = fixAllAction(d, p)!;
    assert.equal(action.kind, 'source.fixAll.jfp');
    // One edit over the changed span: the renames, then the first use of the new abbreviation spelled out (fixAll.ts).
    const [only, ...rest] = action.edit!.changes![d.uri]!;
    assert.deepEqual(rest, []);
    assert.equal(fixes.length, 2);
    assert.equal(only!.newText, 'integrated care board (ICB) will talk to the integrated care system (ICS)');
    assert.equal(fixAllAction(doc, plan) === undefined, !(plan.findings.get(doc.uri) ?? []).some((f) => f.data?.fix));
  });
});
