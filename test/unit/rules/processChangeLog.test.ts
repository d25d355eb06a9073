import * as assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/analysis/types.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.process.change-log';
const run = (text: string): Finding<typeof CODE>[] => findingsOf(analyseMini(text), CODE);

const LOG = md('## Changes in this version', '', '| Version | Change | Significant? |', '|---|---|---|', '| 2.0 | New targets | No |');

describe('rule jfp.process.change-log', () => {
  it('is silent for a plan that is not a revision', () => {
    assert.deepEqual(run(md('# Joint Forward Plan', '', 'We will refresh this plan every spring.')), []);
  });

  const triggers: [string, string, RegExp][] = [
    ['front matter', md('---', 'refresh: true', '---', '# Plan', '', 'Text.'), /front matter says `refresh: true`/],
    ['the title', md('# Joint Forward Plan: 2026 refresh', '', 'Text.'), /title says "refresh"/],
    ['the front matter title', md('---', 'title: Updated Joint Forward Plan', '---', 'Text.'), /title says "Updated"/],
    ['the text', md('# Plan', '', 'This update keeps our priorities.'), /it says "This update"/],
  ];
  for (const [where, text, why] of triggers) {
    it(`reports a revision named in ${where} without a change log`, () => {
      const [f, ...rest] = run(text);
      assert.ok(f);
      assert.deepEqual(rest, []);
      assert.equal(f.severity, 'warning');
      assert.equal(f.data?.missing, 'change-log');
      assert.match(f.message, why);
      assert.match(f.message, /NHS Act 2006 s\.14Z53/);
    });
  }

  it('is satisfied by a change log that says whether the revision is significant', () => {
    assert.deepEqual(run(md('# Joint Forward Plan: 2026 refresh', '', 'Text.', '', LOG)), []);
  });

  it('asks, as information, whether the revision is significant', () => {
    const text = md('# Joint Forward Plan: 2026 refresh', '', 'Text.', '', '## Summary of changes', '', '- New targets.');
    const [f, ...rest] = run(text);
    assert.ok(f);
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'information');
    assert.equal(f.data?.missing, 'significance');
    assert.equal(f.range.start.line, 4, 'on the change log heading');
    assert.match(f.message, /significant/);
  });

  it('does not take "significant" elsewhere in the plan as the statement', () => {
    const text = md('# Plan refresh', '', '## Finance', 'Significant savings are needed.', '', '## What has changed', '- New targets.');
    assert.equal(run(text)[0]?.data?.missing, 'significance');
  });

  it('lets front matter `refresh: false` override the wording', () => {
    assert.deepEqual(run(md('---', 'refresh: false', '---', '# Revised plan', '', 'This update is our first plan.')), []);
  });
});
