import * as assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/analysis/types.js';
import { atSentenceStart } from '../../../server/src/analysis/rules/acronymUndefined.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.acronym.undefined';

function findings(text: string): Finding[] {
  return findingsOf(analyseMini(text), CODE);
}

describe('rule jfp.acronym.undefined', () => {
  it('reports the first use of an abbreviation that is never spelled out, with an exact fix', () => {
    const [f, ...rest] = findings(md('# P', '', 'We and the ICB will act. Later the ICB reports.'));
    assert.equal(rest.length, 0, 'one finding per abbreviation');
    assert.ok(f);
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 14 } });
    assert.equal(f.message, '"ICB" is used before it is spelled out. Write "integrated care board (ICB)" the first time.');
    assert.deepEqual(f.data?.fix, { title: 'Spell out "ICB": integrated care board (ICB)', edits: [{ range: f.range, newText: 'integrated care board (ICB)' }] });
  });

  it('reports a use that comes before the expansion', () => {
    const [f] = findings(md('# P', '', 'The ICB acts.', '', 'The integrated care board (ICB) agrees.'));
    assert.equal(f!.range.start.line, 2);
  });

  it('accepts an expansion written before the first use', () => {
    assert.deepEqual(findings(md('# P', '', 'Each integrated care board plans care.', '', 'The ICB will act.')), []);
  });

  it('accepts the first use spelled out in either order, in any case', () => {
    assert.deepEqual(findings(md('# P', '', 'The integrated care board (ICB) will act. The ICB agrees.')), []);
    assert.deepEqual(findings(md('# P', '', 'The NHS Vale Integrated Care Board (ICB) will act.')), []);
    assert.deepEqual(findings(md('# P', '', 'The ICB (integrated care board) will act. The ICB agrees.')), []);
    assert.deepEqual(findings(md('# P', '', 'The ICB (Integrated Care Board) will act.')), []);
    assert.deepEqual(findings(md('# P', '', '- **ICB**: integrated care board, the NHS body.')), []);
    assert.deepEqual(findings(md('# P', '', 'Our integrated care boards (ICBs) act.')), []);
  });

  it('keeps a plural, and capitalises the expansion at the start of a sentence or heading', () => {
    const [plural] = findings(md('# P', '', 'All ICBs must act.'));
    assert.equal(plural!.data?.fix?.edits[0]!.newText, 'integrated care boards (ICBs)');
    assert.match(plural!.message, /^"ICBs" is used before it is spelled out\. Write "integrated care boards \(ICBs\)" the first time\.$/);
    const [start] = findings(md('# P', '', 'We plan. ICBs must act.'));
    assert.equal(start!.data?.fix?.edits[0]!.newText, 'Integrated care boards (ICBs)');
    const [heading] = findings(md('# P', '', '## PCN plans'));
    assert.equal(heading!.data?.fix?.edits[0]!.newText, 'Primary care network (PCN)');
    assert.deepEqual(heading!.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 6 } });
    const [irregular] = findings(md('# P', '', 'The two DPHs agree.'));
    assert.equal(irregular!.data?.fix?.edits[0]!.newText, 'directors of public health (DPHs)');
  });

  it('leaves a possessive outside the fix', () => {
    const [f] = findings(md('# P', '', "The ICB's board."));
    assert.deepEqual(f!.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } });
  });

  it('matches abbreviations case-sensitively and on word boundaries', () => {
    assert.deepEqual(findings(md('# P', '', 'An icb, an Icb, ICBX and XICB are not abbreviations here.')), []);
  });

  it('ignores front matter, code, comments and link targets', () => {
    const text = md('---', 'plan: joint-forward-plan', 'icb: ICB', '---', '# P', '', 'Run `ICB` and see [the board](https://example.org/ICB).', '<!-- ICB -->', '', '```', 'ICB', '```', '', 'The integrated care board (ICB) acts.');
    assert.deepEqual(findings(text), []);
    const [f] = findings(md('# P', '', '`ICB` is code, but the ICB here is prose.'));
    assert.equal(f!.range.start.character, 23);
  });

  it('skips well-known abbreviations and outdated ones (jfp.term.outdated reports those)', () => {
    assert.deepEqual(findings(md('# P', '', 'The NHS, GPs, A&E and the UK.', '', 'The CCG and HEE.')), []);
  });

  it('is silenced by a disable comment', () => {
    assert.deepEqual(findings(md('# P', '', '<!-- jfp-disable-next-line jfp.acronym.undefined -->', 'The ICB acts.')), []);
  });

  it('knows where sentences start', () => {
    const at = (s: string) => atSentenceStart(s, s.indexOf('X'));
    assert.equal(at('X'), true);
    assert.equal(at('- **X'), true);
    assert.equal(at('1. X'), true);
    assert.equal(at('| a | X |'), true);
    assert.equal(at('Done. X'), true);
    assert.equal(at('the X'), false);
    assert.equal(at('a: X'), false);
  });
});
