import * as assert from 'node:assert/strict';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { indexCatalogue } from '../../server/src/analysis/data/catalogueIndex.js';
import { analyseDocument } from '../../server/src/analysis/model/document.js';
import { groupPlans, listedFiles, listingMatcher, planFileFacts, type PlanFileFacts } from '../../server/src/analysis/planGroups.js';
import { planJobs } from '../../server/src/analysis/planSet.js';
import { md } from '../helpers.js';

const facts = (uri: string, text: string): PlanFileFacts => planFileFacts(analyseDocument(uri, text, indexCatalogue(getDefaultCatalogue())));
const main = (uri: string, title: string, ...more: string[]) => facts(uri, md('---', 'plan: joint-forward-plan', `title: ${title}`, ...more, '---', '', `# ${title}`));
const chapter = (uri: string, heading = 'A place chapter') => facts(uri, md(`# ${heading}`, '', 'Some text.'));

describe('plan groups (planGroups)', () => {
  it('reads the facts of a document: declared plan, front matter title, a title naming a plan, listed files', () => {
    const f = main('file:///w/a.md', 'Wessex Vale Joint Forward Plan', 'files: [chapters/*.md, annex.md]');
    assert.deepEqual(f, { uri: 'file:///w/a.md', declaresPlan: true, hasFrontMatterTitle: true, titleNamesPlan: true, title: 'Wessex Vale Joint Forward Plan', listed: ['chapters/*.md', 'annex.md'] });
    const c = chapter('file:///w/c.md');
    assert.equal(c.declaresPlan, false);
    assert.equal(c.titleNamesPlan, false);
    assert.deepEqual(c.listed, []);
  });

  it('the front matter that a Word or PDF file gets when it is read (source: name.docx) does not make it a main document', () => {
    const minutes = facts('file:///w/minutes.docx', md('---', 'plan: joint-forward-plan', 'title: Board minutes', 'source: minutes.docx', '---', '', '# Board minutes'));
    assert.equal(minutes.declaresPlan, false);
    const g = groupPlans([minutes, main('file:///w/plan.md', 'Wessex Vale Joint Forward Plan')]);
    assert.deepEqual(g.plans.map((p) => p.files), [['file:///w/plan.md', 'file:///w/minutes.docx']]);
  });

  it('one main document and its chapters (in its folder and below) are one plan', () => {
    const g = groupPlans([chapter('file:///w/jfp/place.md'), main('file:///w/plan.md', 'Wessex Vale Joint Forward Plan'), chapter('file:///w/b-forward-plan.md')]);
    assert.deepEqual(g.plans, [{ main: 'file:///w/plan.md', mainKind: 'front matter', files: ['file:///w/plan.md', 'file:///w/b-forward-plan.md', 'file:///w/jfp/place.md'] }]);
    assert.deepEqual(g.unassigned, []);
  });

  it('files without any main document are one plan, as before', () => {
    const g = groupPlans([chapter('file:///w/b.md'), chapter('file:///w/a.md')]);
    assert.deepEqual(g.plans, [{ main: undefined, files: ['file:///w/a.md', 'file:///w/b.md'] }]);
  });

  it('two main documents in one folder are two plans, and a chapter listed by neither is unassigned', () => {
    const g = groupPlans([main('file:///w/a.md', 'Alpha Joint Forward Plan'), main('file:///w/b.md', 'Beta Joint Forward Plan'), chapter('file:///w/ch.md')]);
    assert.deepEqual(
      g.plans.map((p) => p.files),
      [['file:///w/a.md'], ['file:///w/b.md']],
    );
    assert.deepEqual(g.unassigned, [{ uri: 'file:///w/ch.md', candidates: ['file:///w/a.md', 'file:///w/b.md'], reason: 'folder' }]);
  });

  it('plans whose title names a plan type (no front matter) are plans of their own, like published texts', () => {
    const a = facts('file:///w/alpha.md', md('# Alpha ICB Joint Forward Plan', '', 'Text.'));
    const b = facts('file:///w/beta.md', md('# Beta ICB five-year strategic commissioning plan', '', 'Text.'));
    const g = groupPlans([a, b, main('file:///w/gamma.md', 'Gamma plan')]);
    assert.deepEqual(
      g.plans.map((p) => [p.main, p.mainKind]),
      [
        ['file:///w/alpha.md', 'title'],
        ['file:///w/beta.md', 'title'],
        ['file:///w/gamma.md', 'front matter'],
      ],
    );
  });

  it('a chapter listed in a main document\'s front matter belongs to it, by path or glob, relative to the main document', () => {
    const a = main('file:///w/a.md', 'Alpha Joint Forward Plan', 'files: [chapters/workforce.md]');
    const b = main('file:///w/b.md', 'Beta Joint Forward Plan', 'files: ["./beta/*.md", "../other/x.md"]');
    const g = groupPlans([a, b, chapter('file:///w/chapters/workforce.md'), chapter('file:///w/beta/one.md'), chapter('file:///other/x.md'), chapter('file:///w/loose.md')]);
    assert.deepEqual(g.plans.find((p) => p.main === 'file:///w/a.md')?.files, ['file:///w/a.md', 'file:///w/chapters/workforce.md']);
    assert.deepEqual(g.plans.find((p) => p.main === 'file:///w/b.md')?.files, ['file:///w/b.md', 'file:///other/x.md', 'file:///w/beta/one.md']);
    assert.deepEqual(
      g.unassigned.map((u) => u.uri),
      ['file:///w/loose.md'],
    );
  });

  it('a chapter listed by two main documents is unassigned (reason: listed)', () => {
    const a = main('file:///w/a.md', 'Alpha Joint Forward Plan', 'files: [c.md]');
    const b = main('file:///w/sub/b.md', 'Beta Joint Forward Plan', 'files: [../c.md]');
    const g = groupPlans([a, b, chapter('file:///w/c.md')]);
    assert.deepEqual(g.unassigned, [{ uri: 'file:///w/c.md', candidates: ['file:///w/a.md', 'file:///w/sub/b.md'], reason: 'listed' }]);
  });

  it('.jfp.json "plans" names main documents and their files, relative to its folder', () => {
    const a = facts('file:///w/x/overview.md', md('# Overview', '', 'Text.'));
    const b = main('file:///w/y/b.md', 'Beta Joint Forward Plan');
    const g = groupPlans([a, b, chapter('file:///w/x/one.md'), chapter('file:///w/shared.md')], [{ main: 'x/overview.md', base: 'file:///w', files: ['x/*.md', 'shared.md'] }, { main: 'missing.md', base: 'file:///w' }]);
    assert.deepEqual(g.plans, [
      { main: 'file:///w/x/overview.md', mainKind: 'configured', files: ['file:///w/x/overview.md', 'file:///w/shared.md', 'file:///w/x/one.md'] },
      { main: 'file:///w/y/b.md', mainKind: 'front matter', files: ['file:///w/y/b.md'] },
    ]);
    assert.deepEqual(g.unassigned, []);
  });

  it('a chapter whose title names the plan is not a plan of its own when the main document lists it', () => {
    const a = main('file:///w/a.md', 'Alpha plan', 'files: [workforce.md]');
    const w = facts('file:///w/workforce.md', md('# Joint Forward Plan: workforce chapter', '', 'Text.'));
    const g = groupPlans([a, w]);
    assert.deepEqual(g.plans, [{ main: 'file:///w/a.md', mainKind: 'front matter', files: ['file:///w/a.md', 'file:///w/workforce.md'] }]);
  });

  it('a file in a folder below goes to the main document of the nearest folder that has one', () => {
    const g = groupPlans([main('file:///w/a.md', 'Alpha JFP'), main('file:///w/b.md', 'Beta JFP'), main('file:///w/sub/c.md', 'Gamma JFP'), chapter('file:///w/sub/deep/ch.md')]);
    assert.deepEqual(g.plans.find((p) => p.main === 'file:///w/sub/c.md')?.files, ['file:///w/sub/c.md', 'file:///w/sub/deep/ch.md']);
    assert.deepEqual(g.unassigned, []);
  });

  it('a file with no main document above it, when there are several elsewhere, is unassigned', () => {
    const g = groupPlans([main('file:///w/a/plan.md', 'Alpha JFP'), main('file:///w/b/plan.md', 'Beta JFP'), chapter('file:///w/top.md')]);
    assert.deepEqual(g.unassigned, [{ uri: 'file:///w/top.md', candidates: ['file:///w/a/plan.md', 'file:///w/b/plan.md'], reason: 'folder' }]);
  });

  it('is the same whatever the order of the files', () => {
    const files = [main('file:///w/a.md', 'Alpha JFP'), main('file:///w/b.md', 'Beta JFP'), chapter('file:///w/c.md'), chapter('file:///w/jfp/d.md')];
    const expected = groupPlans(files);
    for (let i = 0; i < 6; i++) {
      const shuffled = [...files].sort(() => ((i * 7 + 3) % 5) - 2);
      assert.deepEqual(groupPlans(shuffled), expected);
      files.push(files.shift()!);
    }
  });

  it('listings match encoded URIs, other schemes never, and ignore case', () => {
    const matches = listingMatcher('file:///w/My%20Plan', ['Chapter One.md', 'annex/*.md']);
    assert.ok(matches('file:///w/My%20Plan/chapter%20one.md'));
    assert.ok(matches('file:///w/My%20Plan/annex/a.md'));
    assert.ok(!matches('file:///w/My%20Plan/annex/deeper/a.md'));
    assert.ok(!matches('untitled:///w/My%20Plan/Chapter%20One.md'));
  });

  it('gives each plan and each unassigned file as a job of plain data (for a worker thread)', () => {
    const index = indexCatalogue(getDefaultCatalogue());
    const docs = [
      analyseDocument('file:///w/a.md', md('---', 'plan: joint-forward-plan', 'title: Alpha JFP', '---', '# Alpha JFP'), index),
      analyseDocument('file:///w/b.md', md('---', 'plan: joint-forward-plan', 'title: Beta JFP', '---', '# Beta JFP'), index),
      analyseDocument('file:///w/c.md', md('# Chapter'), index),
    ];
    const jobs = planJobs(docs);
    assert.deepEqual(jobs.plans, [
      { uris: ['file:///w/a.md'], options: { primary: 'file:///w/a.md' } },
      { uris: ['file:///w/b.md'], options: { primary: 'file:///w/b.md' } },
    ]);
    assert.deepEqual(jobs.unassigned, [
      { uris: ['file:///w/c.md'], options: { unassigned: { reason: 'folder', candidates: [{ uri: 'file:///w/a.md', title: 'Alpha JFP' }, { uri: 'file:///w/b.md', title: 'Beta JFP' }] } } },
    ]);
    assert.deepEqual(structuredClone(jobs.plans), jobs.plans);
  });

  it('finds the other Markdown files that a main document lists (listedFiles), and only those', () => {
    const a = main('file:///w/a.md', 'Alpha JFP', 'files: [chapters/*.md, annex.md]');
    const notMain = facts('file:///w/c.md', md('---', 'files: [notes.md]', '---', '# Chapter'));
    assert.deepEqual(listedFiles([a, notMain], ['file:///w/annex.md', 'file:///w/chapters/one.md', 'file:///w/notes.md', 'file:///w/b.md']), ['file:///w/annex.md', 'file:///w/chapters/one.md']);
    assert.deepEqual(listedFiles([chapter('file:///w/x.md')], ['file:///w/annex.md']), []);
  });
});
