import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getDefaultCatalogue, loadCatalogue, validateCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { InvalidDataError } from '../../server/src/analysis/data/loadData.js';
import { normaliseTerm } from '../../server/src/analysis/text/terms.js';
import { ROOT } from '../helpers.js';

const REQUIRED_IDS = [
  'req-health-services', 'duty-integration', 'duty-wider-effect', 'duty-financial', 'req-jlhws-implementation', 'duty-quality',
  'duty-inequalities', 'duty-patient-involvement', 'duty-public-involvement', 'duty-patient-choice', 'duty-advice', 'duty-innovation',
  'duty-research', 'duty-education-training', 'duty-climate-change', 'need-children-young-people', 'need-victims-of-abuse',
  'req-consultation-views', 'req-hwb-opinion', 'area-workforce', 'area-performance', 'area-digital-data', 'area-estates',
  'area-procurement', 'area-phm', 'area-system-development', 'area-social-economic',
];

const raw = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'catalogues', 'jfp.json'), 'utf8')) as Record<string, unknown> & { items: Record<string, unknown>[] };

describe('catalogue', () => {
  it('the built-in catalogue is valid against schemas/catalogue.schema.json', () => {
    assert.deepEqual(validateCatalogue(raw()), []);
  });

  it('records its edition and sources', () => {
    const c = getDefaultCatalogue();
    assert.ok(c.edition.length > 0);
    assert.ok(c.data.sources.length >= 3);
  });

  it('contains exactly the counted items of the guidance, with the right kinds', () => {
    const c = getDefaultCatalogue();
    const counted = c.items.filter((i) => !['guidance-framing', 'related-plan'].includes(i.kind)).map((i) => i.id);
    assert.deepEqual([...counted].sort(), [...REQUIRED_IDS].sort());
    for (const item of c.items) {
      if (item.id.startsWith('duty-')) assert.equal(item.kind, 'statutory-duty', item.id);
      if (item.id.startsWith('req-') || item.id.startsWith('need-')) assert.equal(item.kind, 'statutory-requirement', item.id);
      if (item.id.startsWith('frame-')) assert.equal(item.kind, 'guidance-framing', item.id);
    }
  });

  it('gives every item a legal basis, a summary, elements with terms, and specific terms to find it by', () => {
    for (const item of getDefaultCatalogue().items) {
      assert.ok(item.legalBasis.citation.length > 3, item.id);
      assert.ok(item.summary.length > 40, item.id);
      assert.ok(item.keyElements.every((e) => e.terms.length > 0), item.id);
      assert.ok(item.signalTerms.some((t) => t.strength === 'specific'), `${item.id} has no specific term`);
      const keys = item.signalTerms.map((t) => normaliseTerm(t.term));
      assert.equal(new Set(keys).size, keys.length, `${item.id} lists a term twice`);
    }
  });

  it('reports schema violations with a JSON pointer to the offending place', () => {
    const data = raw();
    (data.items[2] as Record<string, unknown>).kind = 'nonsense';
    delete (data.items[4] as Record<string, unknown>).summary;
    const problems = validateCatalogue(data);
    assert.ok(problems.some((p) => p.pointer === '/items/2/kind'), JSON.stringify(problems));
    assert.ok(problems.some((p) => p.pointer === '/items/4'), JSON.stringify(problems));
  });

  it('rejects duplicate ids, naming both places', () => {
    const data = raw();
    (data.items[3] as Record<string, unknown>).id = data.items[1]!.id;
    const problems = validateCatalogue(data);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.pointer, '/items/3/id');
    assert.match(problems[0]!.message, /duplicate/);
  });

  it('loadCatalogue throws an InvalidDataError listing the problems', () => {
    assert.throws(() => loadCatalogue({ id: 'x' }, 'extra catalogue'), (e: unknown) => e instanceof InvalidDataError && e.problems.length > 0 && /extra catalogue/.test(e.message));
    assert.throws(() => loadCatalogue('not an object'), InvalidDataError);
  });
});
