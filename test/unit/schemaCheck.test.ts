import * as assert from 'node:assert/strict';
import { InvalidDataError, schemaChecker } from '../../server/src/analysis/data/schemaCheck.js';

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

  it('InvalidDataError keeps every problem and names the first three in its message', () => {
    const problems = [1, 2, 3, 4].map((n) => ({ pointer: `/items/${n}`, message: `bad ${n}` }));
    const e = new InvalidDataError('CatalogueError', 'catalogue', problems);
    assert.equal(e.name, 'CatalogueError');
    assert.equal(e.problems.length, 4);
    assert.equal(e.message, 'The catalogue is not valid (4 problems): /items/1: bad 1; /items/2: bad 2; /items/3: bad 3');
    assert.match(new InvalidDataError('GlossaryError', 'glossary', problems.slice(0, 1)).message, /\(1 problem\)/);
  });
});
