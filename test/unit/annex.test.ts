import * as assert from 'node:assert/strict';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { ANNEX_END, ANNEX_START, annexReplacement, annexRows, buildAnnex, findAnnex, sectionLink } from '../../server/src/formats/annex.js';
import { fixturePath, readFixture } from '../helpers.js';
import { pathToUri } from '../../server/src/host/uri.js';

const URI = pathToUri(fixturePath('workspace', 'draft-forward-plan.md'));

function apply(text: string, annexFor: (t: string) => string): string {
  const r = annexReplacement(text, annexFor(text));
  return text.slice(0, r.start) + r.newText + text.slice(r.end);
}
const annexOf = (t: string) => buildAnnex(analyseText(URI, t), URI);
const count = (text: string, s: string) => text.split(s).length - 1;

describe('coverage annex', () => {
  const draft = readFixture('workspace', 'draft-forward-plan.md');

  it('has one row per counted statutory item, with links to the sections that meet it', () => {
    const plan = analyseText(URI, draft);
    const annex = buildAnnex(plan, URI);
    assert.ok(annex.startsWith(`${ANNEX_START}\n## How this plan meets its statutory requirements\n`));
    assert.ok(annex.trimEnd().endsWith(ANNEX_END));
    const rows = annex.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Requirement'));
    const statutory = plan.coverage.filter((c) => c.counted && (c.kind === 'statutory-duty' || c.kind === 'statutory-requirement'));
    assert.equal(rows.length, statutory.length);
    assert.match(annex, /\| Duty to promote integration \| NHS Act 2006 s\.14Z42[^|]*\| Met \| \[Joining up care\]\(#joining-up-care\) \|/);
    assert.match(annex, /\| Duty in respect of research \|[^|]*\| Not yet met \| — \|/);
  });

  it('shows a waived statutory item as not met, with the reason', () => {
    const text = `${draft}\n<!-- jfp-waive duty-research: the ICB | has no "research" budget -->\n`;
    const row = annexRows(analyseText(URI, text), URI).find((r) => r.id === 'duty-research');
    assert.equal(row?.status, 'missing');
    assert.equal(row?.notMet, true);
    assert.match(annexOf(text), /\| Not yet met \| Waived \(not met\): the ICB \\\| has no "research" budget \|/);
  });

  it('links to sections of other files by relative path', () => {
    assert.equal(sectionLink(analyseText(URI, draft), 'file:///a/b/main.md', 'file:///a/c/my%20chapter.md', 0), '../c/my%20chapter.md');
  });

  it('round-trips: insert, edit the plan, insert again gives one updated annex', () => {
    const once = apply(draft, annexOf);
    assert.equal(count(once, ANNEX_START), 1);
    assert.ok(once.startsWith(draft.trimEnd()), 'the plan text is kept; the annex is appended');
    assert.equal(apply(once, annexOf), once, 'inserting again with no change changes nothing');
    // Edit the plan: add a research section before the annex, then insert again.
    const at = findAnnex(once)!.start;
    const edited = once.slice(0, at) + '## Research\n\nWe will support clinical research and trials with the local universities and the National Institute for Health and Care Research. Every trust will offer patients the chance to take part in a study, and we will report how many did each year. Research findings will shape the services we commission, and our staff will have time set aside for research.\n\n' + once.slice(at);
    const twice = apply(edited, annexOf);
    assert.equal(count(twice, ANNEX_START), 1);
    assert.equal(count(twice, ANNEX_END), 1);
    assert.match(twice, /\| Duty in respect of research \|[^|]*\| Met \| \[Research\]\(#research\) \|/);
    assert.ok(twice.indexOf('## Research') < twice.indexOf(ANNEX_START), 'replaced in place');
  });

  it('is not evidence for itself', () => {
    const before = analyseText(URI, draft);
    // An annex that names every duty and its legal basis must not change coverage.
    const fake = `${ANNEX_START}\n## How this plan meets its statutory requirements\n\n| Duty in respect of research | clinical research and trials, NIHR, universities | Met |\n|---|---|---|\n\n${ANNEX_END}\n`;
    const after = analyseText(URI, `${draft}\n${fake}`);
    assert.deepEqual(
      after.coverage.map((c) => [c.id, c.status]),
      before.coverage.map((c) => [c.id, c.status]),
    );
    const withAnnex = analyseText(URI, apply(draft, annexOf));
    assert.deepEqual(withAnnex.summary, before.summary);
  });

  it('keeps Windows line endings', () => {
    const crlf = draft.replace(/\n/g, '\r\n');
    const once = apply(crlf, annexOf);
    assert.doesNotMatch(once.replace(/\r\n/g, ''), /\n/);
    assert.equal(apply(once, annexOf), once);
  });

  it('ignores annex markers quoted in fenced code or inside a line, and replaces only the real annex', () => {
    const quoted = `# Plan\n\n\`\`\`markdown\n${ANNEX_START}\nexample\n${ANNEX_END}\n\`\`\`\n\nSee ${ANNEX_START} in prose.\n`;
    assert.equal(findAnnex(quoted), undefined);
    const once = apply(quoted, () => `${ANNEX_START}\nreal\n${ANNEX_END}\n`);
    assert.ok(once.startsWith(quoted), 'the quoted example is kept byte for byte');
    const twice = apply(once, () => `${ANNEX_START}\nnew\n${ANNEX_END}\n`);
    assert.ok(twice.startsWith(quoted));
    assert.equal(count(twice, ANNEX_START), 3);
    assert.match(twice, /new/);
    assert.doesNotMatch(twice, /real/);
  });
});
