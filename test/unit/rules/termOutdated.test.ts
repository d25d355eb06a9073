import * as assert from 'node:assert/strict';
import { matchCase } from '../../../server/src/analysis/rules/termOutdated.js';
import type { Finding } from '../../../server/src/analysis/types.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.term.outdated';

function findings(text: string): Finding[] {
  return findingsOf(analyseMini(text), CODE);
}

const newTexts = (fs: Finding[]) => fs.map((f) => f.data?.fix?.edits[0]?.newText);

describe('rule jfp.term.outdated', () => {
  it('reports every occurrence of an outdated term and its abbreviation, saying what replaced it and when', () => {
    const fs = findings(md('# P', '', 'Our clinical commissioning group (CCG) worked with two CCGs.'));
    assert.equal(fs.length, 3);
    for (const f of fs) {
      assert.equal(f.severity, 'warning');
      assert.equal(f.message, 'Clinical commissioning groups (CCGs) were replaced by integrated care boards (ICBs) on 1 July 2022 (Health and Care Act 2022).');
    }
    assert.deepEqual(fs[0]!.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 32 } });
    assert.deepEqual(newTexts(fs), ['integrated care board', 'ICB', 'ICBs']);
    assert.deepEqual(fs[0]!.data?.fix, { title: 'Replace with "integrated care board"', edits: [{ range: fs[0]!.range, newText: 'integrated care board' }] });
  });

  it('keeps plurals and the case of the text it replaces', () => {
    assert.deepEqual(newTexts(findings(md('# P', '', 'Clinical commissioning groups closed.'))), ['Integrated care boards']);
    assert.deepEqual(newTexts(findings(md('# P', '', 'NHS Vale Clinical Commissioning Group closed.'))), ['Integrated Care Board']);
    assert.deepEqual(newTexts(findings(md('# P', '', 'The academic health science networks help.'))), ['Health Innovation Networks']);
    assert.deepEqual(newTexts(findings(md('# P', '', 'The sustainability and transformation plan (STP).'))), ['integrated care system', 'ICS']);
  });

  it('replaces an abbreviation by the replacement name when there is no replacement abbreviation', () => {
    const fs = findings(md('# P', '', 'Health Education England (HEE) funds training.'));
    assert.deepEqual(newTexts(fs), ['NHS England', 'NHS England']);
    assert.match(fs[0]!.message, /1 April 2023/);
  });

  it('gives no fix when there is no single replacement, and says so', () => {
    const fs = findings(md('# P', '', 'Public Health England (PHE) data.'));
    assert.equal(fs.length, 2);
    for (const f of fs) {
      assert.equal(f.data?.fix, undefined);
      assert.match(f.message, /UK Health Security Agency/);
      assert.match(f.message, /There is no single replacement: name the body you mean\.$/);
    }
  });

  it('says when a change is unconfirmed', () => {
    const [f] = findings(md('# P', '', 'Our AHSN helps.'));
    assert.equal(f!.data?.fix?.edits[0]!.newText, 'HIN');
    assert.match(f!.message, /unconfirmed/);
    const [ccg] = findings(md('# P', '', 'Our CCG.'));
    assert.doesNotMatch(ccg!.message, /unconfirmed/);
  });

  it('ignores code, comments and link targets, and current names', () => {
    const text = md('# P', '', '`CCG` <!-- clinical commissioning group --> [board](https://example.org/ccg/CCG)', '', 'The integrated care board and the system quality group.');
    assert.deepEqual(findings(text), []);
  });

  it('needs the capitals of a name, but not of a common noun', () => {
    assert.deepEqual(findings(md('# P', '', 'NHS digital services and NHS improvement work.')), []);
    assert.equal(findings(md('# P', '', 'NHS Digital data and NHS Improvement.')).length, 2);
    assert.equal(findings(md('# P', '', 'CLINICAL COMMISSIONING GROUP')).length, 1);
  });

  it('is silenced by a disable-next-line comment', () => {
    const fs = findings(md('# P', '', '<!-- jfp-disable-next-line jfp.term.outdated -->', 'Before 2022 the CCG planned care.', 'The CCG planned care.'));
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.range.start.line, 4);
  });

  it('matches case sensibly', () => {
    assert.equal(matchCase('clinical commissioning group', 'integrated care board'), 'integrated care board');
    assert.equal(matchCase('Clinical commissioning group', 'integrated care board'), 'Integrated care board');
    assert.equal(matchCase('Clinical Commissioning Group', 'integrated care board'), 'Integrated Care Board');
    assert.equal(matchCase('Sustainability and Transformation Partnership', 'integrated care system'), 'Integrated Care System');
    assert.equal(matchCase('health education england', 'NHS England'), 'NHS England');
  });
});
