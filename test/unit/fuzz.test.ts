import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { assertInside, check, longLine, markdown, recordFigures } from '../fuzz.js';

const URI = 'file:///fuzz/our-forward-plan.md';

/** Analyses a text as a plan and checks every finding; returns the number of findings. */
function analyseAndCheck(text: string): number {
  const plan = analyseText(URI, text);
  const findings = plan.findings.get(URI) ?? [];
  for (const f of findings) {
    assert.notEqual(f.code, 'jfp.internal', `a rule crashed: ${f.message}`);
    assertInside(text, f.range, f.code);
    for (const e of f.data?.fix?.edits ?? []) assertInside(text, e.range, `fix of ${f.code}`);
  }
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const item of plan.coverage) {
    for (const ev of item.evidence) assert.ok(ev.line >= 0 && ev.line <= ev.endLine && ev.endLine < lineCount, `evidence of ${item.id}: lines ${ev.line}-${ev.endLine} of ${lineCount}`);
  }
  return findings.length;
}

describe('fuzz: the analysis never throws and keeps its ranges inside the document', function () {
  this.timeout(120_000);
  const figures = { documents: 0, findings: 0, longLines: 0 };
  after(() => recordFigures('analysis', figures));

  it('random Markdown (nesting, CRLF/CR, unterminated front matter and fences, NUL, astral characters, ragged tables, jfp-like comments)', async () => {
    await check(markdown, 100, (text) => {
      figures.documents++;
      figures.findings += analyseAndCheck(text);
    });
  });

  it('documents with a 100 000-character line', async () => {
    await check(longLine, 4, (text) => {
      figures.longLines++;
      figures.findings += analyseAndCheck(text);
    });
  });

  it('the same text gives the same findings twice (the analysis is deterministic)', async () => {
    await check(markdown, 15, (text) => {
      const a = analyseText(URI, text).findings.get(URI);
      const b = analyseText(URI, text).findings.get(URI);
      assert.deepEqual(a, b);
    });
  });

  it('fast-check reproduces a run from its seed', () => {
    const sample = (seed: number) => fc.sample(markdown, { seed, numRuns: 3 });
    assert.deepEqual(sample(7), sample(7));
  });
});
