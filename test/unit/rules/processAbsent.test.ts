import * as assert from 'node:assert/strict';
import { getProcessRules, loadProcessRules } from '../../../server/src/analysis/data/processRules.js';
import { absentPhraseRule } from '../../../server/src/analysis/rules/processAbsent.js';
import { ruleContext } from '../../../server/src/analysis/rules/rule.js';
import type { Finding } from '../../../server/src/analysis/rules/findings.js';
import { DEFAULT_RULE_OPTIONS, type PlanMode } from '../../../server/src/analysis/types.js';
import { analyseMini, md, readFixture } from '../../helpers.js';

/** Runs one "phrase absent" rule of the given data on a one-document plan. */
function runRule(data: unknown, code: string, text: string, mode: PlanMode = 'full'): Finding[] {
  const rule = loadProcessRules(data).rule(code);
  const plan = analyseMini(text);
  const absent = absentPhraseRule(rule, rule.absent!);
  const out: Finding[] = [];
  absent.run(ruleContext({ doc: plan.documents[0]!, documents: plan.documents, index: plan.index, coverage: plan.byId, isPrimary: true, mode, options: DEFAULT_RULE_OPTIONS, identity: plan.identity }, absent, out));
  return out;
}

const shipped = (): { rules: Record<string, unknown> } => JSON.parse(readFixture('..', '..', 'schemas', 'process-rules.json')) as { rules: Record<string, unknown> };

describe('"phrase absent" process rules (declared in schemas/process-rules.json)', () => {
  it('are the shipped entries with an "absent" block', () => {
    assert.deepEqual(
      getProcessRules().absentRules.map((r) => r.code),
      ['jfp.process.partner-trusts', 'jfp.process.capital-plan', 'jfp.process.strategy-references'],
    );
  });

  it('word their messages as before, with the legal basis filled in', () => {
    const messages = analyseMini(md('# Plan', '', 'Text.'))
      .findings.get('file:///plan.md')!
      .filter((f) => getProcessRules().absentRules.some((r) => r.code === f.code))
      .map((f) => [f.code, f.message]);
    assert.deepEqual(messages, [
      [
        'jfp.process.partner-trusts',
        'The plan does not name its partner trusts. A Joint Forward Plan is prepared jointly by the ICB and its partner NHS trusts and NHS foundation trusts (NHS Act 2006 s.14Z52(1)): say which trusts they are, for example in a section on who the plan belongs to.',
      ],
      [
        'jfp.process.capital-plan',
        'The plan does not mention the joint capital resource use plan. The ICB and its partner trusts must also prepare that capital plan before each financial year (NHS Act 2006 s.14Z56), and readers expect the two plans to agree: say how this plan relates to it.',
      ],
      [
        'jfp.process.strategy-references',
        'The plan does not mention the integrated care strategy, the strategy of the integrated care partnership. The ICB must have regard to it when preparing the plan (Local Government and Public Involvement in Health Act 2007 s.116B(1)): say how the plan builds on it.',
      ],
      [
        'jfp.process.strategy-references',
        'The plan does not mention the joint strategic needs assessment (JSNA), the assessment of local needs by each council and the NHS. The ICB must have regard to it when preparing the plan (Local Government and Public Involvement in Health Act 2007 s.116B(1)): say how the plan builds on it.',
      ],
    ]);
  });

  it('let a new rule of this kind be added as data only', () => {
    const data = shipped();
    data.rules['jfp.process.workforce-plan'] = {
      legalBasis: 'a test provision',
      phrases: { workforce: ['workforce plan'] },
      absent: { description: 'No workforce plan.', level: 'hint', modes: ['full'], messages: { workforce: 'No workforce plan ({legalBasis}).' } },
    };
    const [f, ...rest] = runRule(data, 'jfp.process.workforce-plan', md('# Plan', '', 'Text.'));
    assert.deepEqual(rest, []);
    assert.ok(f);
    // A code the types do not list: compared as a plain string.
    const code: string = f.code;
    assert.equal(code, 'jfp.process.workforce-plan');
    assert.equal(f.severity, 'hint');
    assert.equal(f.message, 'No workforce plan (a test provision).');
    assert.deepEqual(f.data, { group: 'workforce' });
    assert.deepEqual(f.range.start, { line: 0, character: 0 });
    assert.deepEqual(runRule(data, 'jfp.process.workforce-plan', md('# Plan', '', 'Our workforce plan.')), []);
    assert.deepEqual(runRule(data, 'jfp.process.workforce-plan', md('# Plan', '', 'Text.'), 'summary'), []);
  });

  it('reject a message for a phrase group the entry does not have', () => {
    const data = shipped() as { rules: Record<string, { absent: { messages: Record<string, string> } }> };
    data.rules['jfp.process.capital-plan']!.absent.messages.estates = 'No estates plan.';
    assert.throws(() => loadProcessRules(data), /\/rules\/jfp\.process\.capital-plan\/absent\/messages\/estates: there is no phrase group "estates"/);
  });
});
