import * as assert from 'node:assert/strict';
import { ANNEX_START } from '../../../server/src/formats/annex.js';
import { annexEdit } from '../../../server/src/lsp/features/reports.js';
import { applyEdits } from '../../lsp/fixtures.js';
import { analyseFiles, DRAFT_PLAN, PLACE_CHAPTER } from '../../helpers.js';

/** The two-file draft with the draft's text as given, and its annex edit applied. */
function withAnnex(text?: string): { before: ReturnType<typeof analyseFiles>; text: string } {
  const before = analyseFiles([DRAFT_PLAN, PLACE_CHAPTER], { texts: text === undefined ? {} : { [DRAFT_PLAN]: text } });
  const edit = annexEdit(before.doc, before.plan);
  assert.deepEqual(Object.keys(edit.changes!), [before.doc.uri]);
  return { before, text: applyEdits(before.doc.plan.text, edit.changes![before.doc.uri]!) };
}

const annexCount = (text: string) => text.split(ANNEX_START).length - 1;

// HTML report and comparison go through the workspace: test/lsp/reports.test.ts.
describe('coverage annex edit (in process)', () => {
  it('appends one annex that is not evidence for itself', () => {
    const { before, text } = withAnnex();
    assert.ok(text.startsWith(before.doc.plan.text.trimEnd()), 'the plan above is kept as it was');
    assert.equal(annexCount(text), 1);
    assert.match(text, /\| Duty to promote integration \|[^|]*\| Met \| \[Joining up care\]\(#joining-up-care\) \|/);
    const after = analyseFiles([DRAFT_PLAN, PLACE_CHAPTER], { texts: { [DRAFT_PLAN]: text } });
    assert.deepEqual(after.plan.summary, before.plan.summary);
  });

  it('replaces the annex in place after the plan changes', () => {
    const first = withAnnex().text;
    const at = first.indexOf(ANNEX_START);
    const edited = `${first.slice(0, at)}## Research\n\nWe will support clinical research and trials with the National Institute for Health and Care Research and local universities. Every trust will offer patients the chance to take part in a study, and we will report how many did each year. Research findings will shape the services we commission, and our staff will have time set aside for research.\n\n${first.slice(at)}`;
    const { before, text } = withAnnex(edited);
    const [replace] = annexEdit(before.doc, before.plan).changes![before.doc.uri]!;
    assert.notDeepEqual(replace!.range.start, replace!.range.end, 'the existing annex is replaced, not added to');
    assert.equal(annexCount(text), 1);
    assert.match(text, /\| Duty in respect of research \|[^|]*\| Met \| \[Research\]\(#research\) \|/);
    assert.equal(text.slice(0, text.indexOf(ANNEX_START)), edited.slice(0, edited.indexOf(ANNEX_START)));
  });
});
