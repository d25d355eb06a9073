import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readCorpus, readmeGroups, stripComments } from '../../bench/accuracy/corpus.js';
import { leaveOneGroupOut } from '../../bench/accuracy/fit.js';
import { analyseCorpus, judge } from '../../bench/accuracy/judge.js';
import { catalogueId, score, summaryLine, verdictOf, type Pair } from '../../bench/accuracy/score.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/accuracy');

const pair = (expected: Pair['expected'], actual: Pair['actual']): Pair => ({ file: 'f', group: 'g', id: 'x', expected, actual });

describe('accuracy benchmark', () => {
  it('maps label ids and statuses onto the catalogue and the rubric', () => {
    assert.equal(catalogueId('duty-expert-advice'), 'duty-advice');
    assert.equal(catalogueId('needs-children-young-people'), 'need-children-young-people');
    assert.equal(catalogueId('area-population-health-management'), 'area-phm');
    assert.equal(catalogueId('area-social-economic-development'), 'area-social-economic');
    assert.equal(catalogueId('duty-quality'), 'duty-quality');
    assert.deepEqual(['addressed', 'partial', 'missing', 'waived'].map(verdictOf), ['addressed', 'mentioned', 'absent', 'absent']);
  });

  it('scores binary, 3-class and macro-F1 agreement', () => {
    const s = score([pair('addressed', 'addressed'), pair('addressed', 'mentioned'), pair('mentioned', 'absent'), pair('absent', 'absent')]);
    assert.equal(s.n, 4);
    assert.equal(s.binary, 3 / 4);
    assert.equal(s.exact, 2 / 4);
    // F1: addressed 2·1/(2+1) = 0.667, mentioned 0/(1+1) = 0, absent 2·1/(1+2) = 0.667.
    assert.equal(s.macroF1.toFixed(4), ((2 / 3 + 0 + 2 / 3) / 3).toFixed(4));
    assert.equal(s.confusion.mentioned.absent, 1);
    assert.equal(summaryLine(s), 'binary 0.75 · 3-class 0.50 · macro-F1 0.44 · 4 labels');
  });

  it('leaves out of macro-F1 a class that neither side used', () => {
    const s = score([pair('absent', 'absent'), pair('mentioned', 'mentioned')]);
    assert.equal(s.f1.addressed, undefined);
    assert.equal(s.macroF1, 1);
  });

  it('strips HTML comments, closed or not', () => {
    assert.equal(stripComments('a<!-- x -->b<!-- y'), 'ab');
  });

  it('groups files by the ICB named in the README table', () => {
    const groups = readmeGroups('| `a.md` | NHS X (north place) | t |\n| `b.md` | NHS X | t |\n| file | ICB |');
    assert.deepEqual([...groups], [['a.md', 'NHS X'], ['b.md', 'NHS X']]);
  });

  it('reads a labelled folder and judges every label', () => {
    const files = readCorpus(FIXTURE);
    assert.deepEqual(files.map((f) => f.group), ['NHS Example Vale', 'NHS Example Vale', 'NHS Example Downs']);
    assert.ok(!files[0]!.text.includes('source:'), 'comments are stripped');
    const pairs = judge(analyseCorpus(files));
    assert.equal(pairs.length, 5);
    assert.deepEqual(pairs.find((p) => p.id === 'need-victims-of-abuse')?.actual, 'absent');
    assert.equal(pairs.find((p) => p.id === 'duty-climate-change')?.actual, 'addressed');
    assert.equal(pairs.find((p) => p.id === 'area-workforce')?.actual, 'absent', 'a word in a stripped comment is not evidence');
    assert.equal(pairs.find((p) => p.id === 'duty-advice')?.expected, 'absent');
  });

  it('judges each group with thresholds fitted on the others', () => {
    const logo = leaveOneGroupOut(analyseCorpus(readCorpus(FIXTURE)));
    assert.deepEqual(logo.chosen.map(([g]) => g), ['NHS Example Downs', 'NHS Example Vale']);
    assert.equal(logo.pairs.length, 5);
  });

  it('reports a clear error for a folder without labels', () => {
    assert.throws(() => readCorpus(path.join(FIXTURE, 'missing')), /labels\.json not found/);
  });
});
