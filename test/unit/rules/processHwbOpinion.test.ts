import * as assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../../server/src/analysis/analyse.js';
import { boardCoreName } from '../../../server/src/analysis/rules/processHwbOpinion.js';
import type { Finding } from '../../../server/src/analysis/types.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.process.hwb-opinion';
const run = (text: string, boards: string[] = [], options: AnalysisOptions = {}): Finding<typeof CODE>[] =>
  findingsOf(analyseMini(text, { ...options, ruleOptions: { healthAndWellbeingBoards: boards } }), CODE);

const APPENDIX = md(
  '# Plan',
  '',
  '## Our partners',
  'Vale County Council and its Health and Wellbeing Board.',
  '',
  '## Appendix B: Statements of opinion from our Health and Wellbeing Boards',
  '',
  '### Vale County Health and Wellbeing Board',
  'The Board considered the plan and supports it.',
  '',
  '### Kingsbridge HWB',
  'The Board is content with the plan.',
);

describe('rule jfp.process.hwb-opinion', () => {
  describe('with no boards configured', () => {
    it('reports a plan with no opinion statement, and says how to make the check exact', () => {
      const [f, ...rest] = run(md('# Plan', '', 'We worked with the Health and Wellbeing Board.'));
      assert.ok(f);
      assert.deepEqual(rest, []);
      assert.equal(f.severity, 'warning');
      assert.match(f.message, /NHS Act 2006 s\.14Z54\(8\)\(c\)/);
      assert.match(f.message, /"healthAndWellbeingBoards" in \.jfp\.json/);
      assert.equal(f.data?.boardsConfigured, false);
    });

    it('is satisfied by a board and an opinion in one section', () => {
      assert.deepEqual(run(md('# Plan', '', '## Health and Wellbeing Board', 'The Board\u2019s opinion is that the plan takes account of its strategy.')), []);
    });

    it('is satisfied by an opinion heading over a section naming the board', () => {
      assert.deepEqual(run(APPENDIX), []);
    });

    it('does not pair a board and an opinion in unrelated sections', () => {
      assert.equal(run(md('# Plan', '', '## Partners', 'The Health and Wellbeing Board.', '', '## Finance', 'In our opinion the budget is tight.')).length, 1);
    });
  });

  describe('with boards configured', () => {
    it('is satisfied when every board has a statement (full or short names)', () => {
      assert.deepEqual(run(APPENDIX, ['Vale County Health and Wellbeing Board', 'Kingsbridge Health and Wellbeing Board']), []);
      assert.deepEqual(run(APPENDIX, ['Vale County', 'Kingsbridge']), []);
    });

    it('reports each missing board by name', () => {
      const findings = run(APPENDIX, ['Vale County Health and Wellbeing Board', 'Somerset Health and Wellbeing Board', 'Dorset HWB']);
      assert.deepEqual(
        findings.map((f) => f.data?.board),
        ['Somerset Health and Wellbeing Board', 'Dorset HWB'],
      );
      assert.match(findings[0]!.message, /final opinion of Somerset Health and Wellbeing Board/);
      assert.ok(findings.every((f) => f.severity === 'warning' && f.data?.boardsConfigured === true));
      assert.ok(findings.every((f) => !/\.jfp\.json/.test(f.message)));
    });

    it('does not count a board mentioned where there is no opinion', () => {
      // "Our partners" names Vale County's board, but says nothing of its opinion.
      const text = md('# Plan', '', '## Our partners', 'Vale County Council and its Health and Wellbeing Board.', '', '## Opinions', '### Kingsbridge Health and Wellbeing Board', 'We endorse the plan.');
      assert.deepEqual(
        run(text, ['Vale County Health and Wellbeing Board', 'Kingsbridge Health and Wellbeing Board']).map((f) => f.data?.board),
        ['Vale County Health and Wellbeing Board'],
      );
    });

    it('strips the board part of a configured name', () => {
      assert.equal(boardCoreName('The Vale County Health and Wellbeing Board', ['Health and Wellbeing Board', 'HWB']), 'vale county');
      assert.equal(boardCoreName('Kingsbridge HWB', ['Health and Wellbeing Board', 'HWB']), 'kingsbridge');
      assert.equal(boardCoreName('Kingsbridge', ['Health and Wellbeing Board', 'HWB']), 'kingsbridge');
    });
  });

  it('is silent for a public summary', () => {
    assert.deepEqual(run('# Plan', [], { mode: 'summary' }), []);
    assert.deepEqual(run('# Plan', ['Vale County Health and Wellbeing Board'], { mode: 'summary' }), []);
  });
});
