import * as assert from 'node:assert/strict';
import { getDefaultCatalogue } from '../../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../../server/src/analysis/data/catalogueIndex.js';
import { DEFAULT_CONFIG } from '../../../server/src/analysis/data/config.js';
import { analyseDocument } from '../../../server/src/analysis/model/document.js';
import { analysePlanSet } from '../../../server/src/analysis/planSet.js';
import { md } from '../../helpers.js';

const CODE = 'jfp.plan.ambiguous-file';
const catalogue = getDefaultCatalogue();
const doc = (uri: string, text: string) => analyseDocument(uri, text, indexCatalogue(catalogue));
const mainText = (title: string, ...more: string[]) => md('---', 'plan: joint-forward-plan', `title: ${title}`, ...more, '---', '', `# ${title}`, '', 'We will integrate services with social care.');
const chapter = md('# Place chapter', '', 'Our research with the university.');

describe('rule jfp.plan.ambiguous-file', () => {
  it('gives a chapter that two plans in one folder could claim one finding, on its title, naming both plans and how to assign it', () => {
    const set = analysePlanSet([doc('file:///w/a.md', mainText('Alpha Joint Forward Plan')), doc('file:///w/b.md', mainText('Beta Joint Forward Plan')), doc('file:///w/ch.md', chapter)], catalogue, DEFAULT_CONFIG);
    assert.equal(set.plans.length, 2);
    assert.equal(set.unassigned.length, 1);
    const findings = set.unassigned[0]!.presented.get('file:///w/ch.md')!;
    const ambiguous = findings.filter((f) => f.code === CODE);
    assert.equal(ambiguous.length, 1);
    assert.equal(ambiguous[0]!.severity, 'warning');
    assert.equal(ambiguous[0]!.range.start.line, 0);
    assert.match(ambiguous[0]!.message, /"Alpha Joint Forward Plan" \(a\.md\) or "Beta Joint Forward Plan" \(b\.md\)/);
    assert.match(ambiguous[0]!.message, /files:/);
    assert.deepEqual(ambiguous[0]!.data, { candidates: ['file:///w/a.md', 'file:///w/b.md'], reason: 'folder' });
    // Not a plan: no plan-wide findings (missing items and the like) on the chapter.
    assert.deepEqual(
      findings.filter((f) => f.code.startsWith('jfp.duty') || f.code.startsWith('jfp.plan.summary') || f.code.startsWith('jfp.process')),
      [],
    );
    // Counted in neither plan: its research text does not reach either plan's coverage.
    for (const plan of set.plans) assert.ok(!plan.documents.some((d) => d.uri === 'file:///w/ch.md'));
  });

  it('says "listed by more than one plan" when both main documents list it', () => {
    const set = analysePlanSet([doc('file:///w/a.md', mainText('Alpha JFP', 'files: [ch.md]')), doc('file:///w/b.md', mainText('Beta JFP', 'files: [ch.md]')), doc('file:///w/ch.md', chapter)], catalogue, DEFAULT_CONFIG);
    const [finding] = set.unassigned[0]!.presented.get('file:///w/ch.md')!.filter((f) => f.code === CODE);
    assert.match(finding!.message, /listed by more than one plan/);
  });

  it('is silent once the chapter is listed by one plan, and the chapter then counts towards that plan', () => {
    const set = analysePlanSet([doc('file:///w/a.md', mainText('Alpha JFP', 'files: [ch.md]')), doc('file:///w/b.md', mainText('Beta JFP')), doc('file:///w/ch.md', chapter)], catalogue, DEFAULT_CONFIG);
    assert.equal(set.unassigned.length, 0);
    const alpha = set.plans.find((p) => p.primary === 'file:///w/a.md')!;
    assert.ok(alpha.documents.some((d) => d.uri === 'file:///w/ch.md'));
    assert.notEqual(alpha.byId.get('duty-research')!.status, 'missing');
    assert.equal(set.plans.find((p) => p.primary === 'file:///w/b.md')!.byId.get('duty-research')!.status, 'missing');
  });

  it('can be turned off', () => {
    const set = analysePlanSet([doc('file:///w/a.md', mainText('Alpha JFP')), doc('file:///w/b.md', mainText('Beta JFP')), doc('file:///w/ch.md', chapter)], catalogue, { ...DEFAULT_CONFIG, rules: { [CODE]: 'off' } });
    assert.deepEqual(set.unassigned[0]!.presented.get('file:///w/ch.md')!.filter((f) => f.code === CODE), []);
  });
});
