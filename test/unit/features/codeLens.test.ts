import * as assert from 'node:assert/strict';
import { codeLenses } from '../../../server/src/lsp/features/codeLens.js';
import { analyseFiles, analyseTextAt, EXAMPLE_PLAN, lineOf, md } from '../../helpers.js';

describe('code lens (in process)', () => {
  const { plan, doc } = analyseFiles([EXAMPLE_PLAN]);
  const lenses = codeLenses(doc, plan);

  it('shows the key-element count above each mapped heading, linked to the guidance', () => {
    const line = lineOf(EXAMPLE_PLAN, '## Climate change and net zero');
    const climate = plan.byId.get('duty-climate-change')!;
    assert.deepEqual(
      lenses.filter((l) => l.range.start.line === line),
      [
        {
          range: { start: { line, character: 0 }, end: { line, character: 0 } },
          command: { title: `Duty as to climate change · ${climate.elements.covered}/${climate.elements.total} key elements`, command: 'jfp.showGuidance', arguments: ['duty-climate-change', doc.uri] },
        },
      ],
    );
  });

  it('gives one lens per mapped item: subsections of a mapped section get none', () => {
    const titles = lenses.map((l) => l.command!.title);
    assert.equal(titles.filter((t) => t.startsWith('Statement of each relevant HWB')).length, 1);
    const mapped = doc.mappings.filter((m) => doc.plan.sections[m.section]!.depth > 0).length;
    assert.equal(lenses.filter((l) => l.command!.command === 'jfp.showGuidance').length, mapped);
  });

  it('puts the readability lens after the duty lens on the same heading', () => {
    const line = lineOf(EXAMPLE_PLAN, '## Joining up care closer to home');
    const here = lenses.filter((l) => l.range.start.line === line).map((l) => l.command!);
    assert.equal(here.length, 2);
    assert.match(here[0]!.title, /^Duty to promote integration · \d+\/\d+ key elements$/);
    assert.match(here[1]!.title, /^Readability: SMOG \d+\.\d \((about [^)]+)\)$/);
    assert.equal(here[1]!.command, '', 'a label, not a link');
  });

  it('shows nothing above short sections of a plan with no mappings', () => {
    const { plan: p, doc: d } = analyseTextAt('/tmp/short-forward-plan.md', md('# Plan', '', '## Care', '', 'We care.'));
    assert.deepEqual(codeLenses(d, p), []);
  });
});
