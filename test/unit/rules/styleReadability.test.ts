import * as assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../../server/src/analysis/analyse.js';
import { DEFAULT_RULE_OPTIONS } from '../../../server/src/analysis/types.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.style.readability';

function hardSections(text: string, options: AnalysisOptions = {}) {
  return findingsOf(analyseMini(text, options), CODE);
}

const HARD = 'Integrated organisational accountability necessitates collaborative commissioning arrangements.';
const EASY = 'We will see you at home.';
const repeat = (s: string, n: number) => Array.from({ length: n }, () => s).join(' ');

describe('rule jfp.style.readability', () => {
  it('reports a section whose SMOG grade is above 14, on its heading, with what the grade means', () => {
    const text = md('# P', '', '## Governance', '', repeat(HARD, 10), '', '## Care', '', repeat(EASY, 10));
    const [f, ...rest] = hardSections(text);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'hint');
    assert.deepEqual(f.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 13 } });
    // 7 polysyllables a sentence: 1.043 × √210 + 3.1291 = 18.2.
    assert.equal(f.data?.smog, 18.2);
    assert.equal(f.data?.sentences, 10);
    assert.match(f.message, /SMOG readability grade is 18\.2, a level fewer than 1 in 5 UK adults can read/);
    assert.match(f.message, /NHS digital service manual/);
  });

  it('gives no grade, and no finding, to a section with fewer than 10 sentences', () => {
    assert.deepEqual(hardSections(md('# P', '', '## Governance', '', repeat(HARD, 9))), []);
  });

  it("counts only the section's own prose, not its subsections'", () => {
    const text = md('# P', '', '## Governance', '', repeat(EASY, 10), '', '### Detail', '', repeat(HARD, 10));
    assert.deepEqual(
      hardSections(text).map((f) => f.range.start.line),
      [6],
    );
  });

  it('takes the threshold from the options', () => {
    const text = md('# P', '', '## Care', '', repeat(EASY, 10));
    assert.deepEqual(hardSections(text), []);
    const options = { ruleOptions: { readability: { ...DEFAULT_RULE_OPTIONS.readability, smogThreshold: 3 } } };
    const [f] = hardSections(text, options);
    assert.equal(f?.data?.smog, 3.1);
    assert.match(f!.message, /The limit is 3;/);
  });

  it('says nothing about text before the first heading', () => {
    assert.deepEqual(hardSections(repeat(HARD, 12)), []);
  });
});
