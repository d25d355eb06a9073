import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { catalogueForEdition, getEditionAdditions } from '../../server/src/analysis/data/editions.js';
import { InvalidDataError } from '../../server/src/analysis/data/loadData.js';
import { bodyNotes, getOrganisations, loadOrganisations, organisationsOn, validateOrganisations } from '../../server/src/analysis/data/organisations.js';
import { md, ROOT } from '../helpers.js';

const raw = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'organisations.json'), 'utf8')) as { bodies: Record<string, unknown>[] };
const NOW = new Date(2026, 10, 15, 12);

describe('bodies that may change and dated organisations (schemas/organisations.json)', () => {
  it('is valid, and every body names catalogue items that exist', () => {
    assert.deepEqual(validateOrganisations(raw()), []);
    const ids = new Set([...getDefaultCatalogue().ids, ...getEditionAdditions().ids]);
    for (const b of getOrganisations().bodies) for (const id of b.items) assert.ok(ids.has(id), `${b.id}: ${id}`);
    const bad = raw();
    bad.bodies[0]!.fromEdition = '2030';
    assert.throws(() => loadOrganisations(bad), InvalidDataError);
  });

  it('adds the note on the pending Health Bill to the items of the 2026 edition, not to earlier editions', () => {
    assert.deepEqual(bodyNotes('duty-public-involvement', '2023'), []);
    const [note] = bodyNotes('duty-public-involvement', '2026');
    assert.match(note!, /^Healthwatch .*would abolish Healthwatch\. Not in force as far as found/);
    const item = catalogueForEdition(getDefaultCatalogue(), '2026').get('duty-public-involvement')!;
    assert.match(item.legalBasis.note!, /Health Bill \(14 May 2026\) would abolish Healthwatch/);
    assert.match(catalogueForEdition(getDefaultCatalogue(), '2026').get('req-consultation-views')!.legalBasis.note!, /would abolish NHS England/);
    assert.equal(getDefaultCatalogue().get('duty-public-involvement')!.legalBasis.note?.includes('Health Bill'), false);
  });

  it('picks the dated entry in force when the plan starts', () => {
    const entries = [
      { from: '2023-04-01', healthAndWellbeingBoards: ['Norfolk'] },
      { from: '2026-04-01', healthAndWellbeingBoards: ['Norfolk', 'Suffolk'] },
    ];
    assert.equal(organisationsOn(entries, '2025-04-01')?.from, '2023-04-01');
    assert.equal(organisationsOn(entries, '2026-04-01')?.from, '2026-04-01');
    assert.equal(organisationsOn(entries, '2022-04-01'), undefined);
  });

  it('checks a merged ICB\'s plan against the boards and partner trusts of its date', () => {
    const text = md('---', 'plan: joint-forward-plan', 'period: 2026/27 to 2030/31', '---', '', '# NHS East Joint Forward Plan', '', '## Opinions', '', 'Norfolk Health and Wellbeing Board: statement of its final opinion.', '', 'Prepared with Norfolk and Norwich University Hospitals NHS Foundation Trust.');
    const organisations = [
      { from: '2023-04-01', healthAndWellbeingBoards: ['Norfolk'], partnerTrusts: ['Norfolk and Norwich University Hospitals NHS Foundation Trust'] },
      { from: '2026-04-01', healthAndWellbeingBoards: ['Norfolk', 'Suffolk'], partnerTrusts: ['Norfolk and Norwich University Hospitals NHS Foundation Trust', 'East Suffolk and North Essex NHS Foundation Trust'] },
    ];
    const findings = analyseText('file:///w/p.md', text, undefined, { organisations, ruleOptions: { now: NOW } }).findings.get('file:///w/p.md')!;
    const trusts = findings.find((f) => f.code === 'jfp.process.partner-trusts');
    assert.match(trusts!.message, /does not name these partner trusts, listed in \.jfp\.json "organisations" for the date the plan starts: East Suffolk and North Essex NHS Foundation Trust\./);
    assert.ok(findings.some((f) => f.code === 'jfp.process.hwb-opinion' && /Suffolk/.test(f.message)));
    const earlier = md('---', 'plan: joint-forward-plan', 'period: 2025/26 to 2029/30', '---', '', '# NHS Norfolk Joint Forward Plan', '', 'Norfolk Health and Wellbeing Board: statement of its final opinion.', '', 'Prepared with Norfolk and Norwich University Hospitals NHS Foundation Trust.');
    const before = analyseText('file:///w/p.md', earlier, undefined, { organisations, ruleOptions: { now: NOW } }).findings.get('file:///w/p.md')!;
    assert.ok(!before.some((f) => f.code === 'jfp.process.partner-trusts' || f.code === 'jfp.process.hwb-opinion'), before.map((f) => f.code).join());
  });

  it('reports "42 ICBs" only in plans that start after the mergers began', () => {
    const outdated = (period: string) =>
      analyseText('file:///w/p.md', md('---', 'plan: joint-forward-plan', `period: ${period}`, '---', '', '# Plan', '', 'There are 42 ICBs in England.'), undefined, { ruleOptions: { now: NOW } })
        .findings.get('file:///w/p.md')!
        .filter((f) => f.code === 'jfp.term.outdated');
    assert.match(outdated('2026/27 to 2030/31')[0]!.message, /no longer 42 ICBs/);
    assert.deepEqual(outdated('2025/26 to 2029/30'), []);
  });
});
