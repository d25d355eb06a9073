import * as assert from 'node:assert/strict';
import { schemaChecker } from '../../server/src/analysis/schemaCheck.js';

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
