import * as assert from 'node:assert/strict';
import { dataValidator, duplicates, InvalidDataError, loadData } from '../../server/src/analysis/data/loadData.js';
import { schemaChecker } from '../../server/src/analysis/data/schemaCheck.js';
import { loadStyleData } from '../../server/src/analysis/data/styleData.js';

describe('schemaChecker', () => {
  const check = schemaChecker({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: { enum: ['a', 'b'] } } } });

  it('accepts valid data', () => {
    assert.deepEqual(check({ items: ['a'] }), []);
  });

  it('reports only the deepest failure, with its pointer', () => {
    const problems = check({ items: ['a', 'z'] });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.pointer, '/items/1');
  });

  it('reports problems at the root as "/"', () => {
    assert.equal(check({})[0]!.pointer, '/');
    assert.equal(check('text')[0]!.pointer, '/');
  });
});

describe('loadData', () => {
  const schema = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'string' } } } };
  const validate = dataValidator<{ items: string[] }>(schema, (d) => duplicates(d.items, (x) => [x], (i) => `/items/${i}`, 'item'));

  it('returns data that passes the schema and the extra checks', () => {
    assert.deepEqual(loadData(validate, { items: ['a', 'b'] }, 'list'), { items: ['a', 'b'] });
  });

  it('runs the extra checks only on data the schema accepts', () => {
    assert.deepEqual(validate({ items: ['a', 'a'] }), [{ pointer: '/items/1', message: 'duplicate item "a" (first used by entry 0)' }]);
    assert.deepEqual(
      validate({ items: [1] }).map((p) => p.pointer),
      ['/items/0'],
    );
  });

  it('throws one InvalidDataError, keeping every problem and naming the first three', () => {
    const problems = [1, 2, 3, 4].map((n) => ({ pointer: `/items/${n}`, message: `bad ${n}` }));
    const e = new InvalidDataError('catalogue', problems);
    assert.equal(e.name, 'InvalidDataError');
    assert.equal(e.problems.length, 4);
    assert.equal(e.message, 'The catalogue is not valid (4 problems): /items/1: bad 1; /items/2: bad 2; /items/3: bad 3');
    assert.match(new InvalidDataError('glossary', problems.slice(0, 1)).message, /\(1 problem\)/);
    assert.throws(
      () => loadData(validate, { items: ['a', 'a'] }, 'test list'),
      (err: unknown) => err instanceof InvalidDataError && err.message === 'The test list is not valid (1 problem): /items/1: duplicate item "a" (first used by entry 0)',
    );
  });

  it('is what the style data loader throws, as the others do', () => {
    assert.throws(() => loadStyleData({ vagueLinkTexts: ['Click Here'], abbreviations: [] }, 'test style data'), (err: unknown) => err instanceof InvalidDataError && /^The test style data is not valid/.test(err.message));
  });
});
