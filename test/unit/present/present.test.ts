import * as assert from 'node:assert/strict';
import { analyseText } from '../../../server/src/analysis/analyse.js';
import { isStatutoryKind } from '../../../shared/coverage.js';
import { capPerLine } from '../../../server/src/analysis/present/lineCap.js';
import type { Finding, Severity } from '../../../server/src/analysis/types.js';

/** A finding's data, loosely, for assertions. */
const data = (f: Finding | undefined): Record<string, unknown> => (f?.data ?? {}) as Record<string, unknown>;
import { DRAFT_PLAN, analyseMini, md, readFixture } from '../../helpers.js';
import { pathToFileURL } from 'node:url';

const URI = 'file:///plan.md';

/** Levels that silence the process rules, so that only coverage findings reach the title. */
const ONLY_COVERAGE = Object.fromEntries(
  ['jfp.plan.period', 'jfp.process.partner-trusts', 'jfp.process.consultation-summary', 'jfp.process.hwb-opinion', 'jfp.process.change-log', 'jfp.process.capital-plan', 'jfp.process.strategy-references'].map((c) => [c, 'off' as const]),
);

/** A sentence of n words, ending in a full stop. */
function sentence(n: number): string {
  return `We ${Array.from({ length: n - 1 }, () => 'word').join(' ')}.`;
}

function draft(options = {}) {
  const uri = pathToFileURL(DRAFT_PLAN).href;
  const plan = analyseText(uri, readFixture('workspace', 'draft-forward-plan.md'), undefined, options);
  return { plan, uri, shown: plan.presented.get(uri)!, raw: plan.findings.get(uri)! };
}

describe('presented findings', () => {
  it('sums up plan-level findings on the title: one per level, listing a few items by name', () => {
    const { shown, raw } = draft();
    const titleLine = 7;
    const onTitle = shown.filter((f) => f.range.start.line === titleLine);
    assert.ok(raw.filter((f) => f.range.start.line === titleLine).length > 10, 'the rules report many findings on the title');
    assert.deepEqual(onTitle.map((f) => f.severity).sort(), ['information', 'warning']);
    const warning = onTitle.find((f) => f.severity === 'warning')!;
    assert.equal(warning.code, 'jfp.plan.summary');
    // Every statutory item the coverage has as not met, named in the summary's data.
    const statutoryGaps = draft().plan.coverage.filter((c) => c.counted && isStatutoryKind(c.kind) && c.status === 'missing').map((c) => c.id);
    assert.ok(statutoryGaps.length > 3);
    assert.match(warning.message, new RegExp(`^${statutoryGaps.length} statutory items not covered: [^;]+; [^;]+; .+ and ${statutoryGaps.length - 3} more; `));
    assert.match(warning.message, /no summary of consultation views/);
    assert.deepEqual([...(data(warning).itemIds as string[])].sort(), [...statutoryGaps].sort());
    assert.ok(!shown.some((f) => f.code === 'jfp.duty.missing' || f.code === 'jfp.duty.partial'), 'no item finding is left on its own');
    const info = onTitle.find((f) => f.severity === 'information')!;
    assert.match(info.message, /\d+ items only partly covered: /);
  });

  it('keeps a lone plan-level finding as it is, with its code and item', () => {
    const plan = analyseMini(md('# P', '## Integration', '## A', 'net zero'), { levels: { ...ONLY_COVERAGE, 'jfp.duty.partial': 'off' } });
    const shown = plan.presented.get(URI)!;
    const missing = shown.filter((f) => f.code === 'jfp.duty.missing');
    // One finding per level: the statutory duty (a heading alone is only started) and the content area.
    assert.deepEqual(missing.map((f) => data(f).itemId), ['duty-integration', 'area-estates']);
    assert.deepEqual(missing.map((f) => f.severity), ['warning', 'information']);
    assert.match(missing[0]!.message, /^Not covered yet: .*is started but has no content yet/);
    assert.match(missing[1]!.message, /^Not covered: /);
  });

  it('sums up a level with findings of one code only too', () => {
    const plan = analyseMini(md('# P', 'Nothing here.'), { levels: ONLY_COVERAGE });
    const shown = plan.presented.get(URI)!;
    const warning = shown.filter((f) => f.severity === 'warning' && f.range.start.line === 0);
    assert.equal(warning.length, 1);
    assert.equal(warning[0]!.code, 'jfp.plan.summary');
    assert.match(warning[0]!.message, /^\d+ statutory items not covered: /);
  });

  it('follows the levels of what it sums up, and "off" for jfp.plan.summary shows each on its own', () => {
    const asError = draft({ levels: { 'jfp.duty.missing': 'error' } }).shown.filter((f) => f.range.start.line === 7);
    assert.ok(asError.some((f) => f.severity === 'error' && f.code === 'jfp.plan.summary' && /^\d+ items not covered \(\d+ statutory\): /.test(f.message)));
    assert.equal(asError.length, 2, 'error, warning and information on the title: the information is carried by the warning');
    const { shown, raw } = draft({ levels: { 'jfp.plan.summary': 'off' } });
    assert.equal(shown.filter((f) => f.code === 'jfp.duty.missing').length, raw.filter((f) => f.code === 'jfp.duty.missing').length);
    const forced = draft({ levels: { 'jfp.plan.summary': 'hint' } }).shown.filter((f) => f.code === 'jfp.plan.summary');
    assert.ok(forced.length > 0 && forced.every((f) => f.severity === 'hint'));
  });

  it('groups repeated sentence-length findings of one section into one, on the longest sentence', () => {
    const text = md('# P', '', '## One', '', `${sentence(40)} ${sentence(50)}`, '', sentence(45), '', '## Two', '', sentence(38));
    const plan = analyseMini(text);
    assert.equal(plan.findings.get(URI)!.filter((f) => f.code === 'jfp.style.sentence-length').length, 4);
    const shown = plan.presented.get(URI)!.filter((f) => f.code === 'jfp.style.sentence-length');
    assert.equal(shown.length, 2);
    assert.equal(data(shown[0]!).words, 50);
    assert.equal(data(shown[0]!).grouped, 3);
    assert.match(shown[0]!.message, /50 words.*\(2 more like this in this section\.\)$/);
    assert.equal(data(shown[1]!).words, 38);
    assert.equal(data(shown[1]!).grouped, undefined);
  });

  it('never carries more than two diagnostics on a line, keeping the most severe and the fixes of the others', () => {
    const at = (severity: Severity, code: string, fix = false): Finding =>
      ({
      uri: URI,
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } },
      severity,
      code,
      message: `${code} first. More detail.`,
      ...(fix ? { data: { fix: { title: `fix ${code}`, edits: [] } } } : {}),
    }) as Finding;
    const other: Finding = { ...at('hint', 'jfp.config.invalid'), range: { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } } };
    const out = capPerLine([at('hint', 'jfp.style.image-alt'), at('warning', 'jfp.style.heading-increment'), at('information', 'jfp.internal'), at('information', 'jfp.file.binary', true), other]);
    assert.equal(out.filter((f) => f.range.start.line === 3).length, 2);
    assert.ok(out.includes(other));
    const carrier = out.find((f) => f.code === 'jfp.internal')!;
    assert.match(carrier.message, /Also on this line: jfp\.file\.binary first\. jfp\.style\.image-alt first\.$/);
    const also = data(carrier).also as { code: string; fix?: unknown }[];
    assert.deepEqual(also.map((a) => a.code), ['jfp.file.binary', 'jfp.style.image-alt']);
    assert.ok(also[0]!.fix);
    assert.ok(out.some((f) => f.code === 'jfp.style.heading-increment'), 'a hint never pushes a warning off its line');
  });

  it('leaves the rules’ own findings untouched', () => {
    const { raw } = draft();
    assert.ok(raw.some((f) => f.code === 'jfp.duty.missing' && data(f).itemId === 'duty-research'));
  });
});
