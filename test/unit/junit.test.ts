import * as assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { formatJunit } from '../../server/src/formats/junit.js';
import { escapeXml } from '../../server/src/formats/xml.js';
import { readFixture } from '../helpers.js';

interface Case {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_message': string; '#text': string };
  skipped?: { '@_message': string };
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: Case[];
}

function parse(xml: string): { testsuites: { '@_tests': string; '@_failures': string; testsuite: Suite[] } } {
  assert.equal(XMLValidator.validate(xml), true);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as ReturnType<typeof parse>;
}

describe('JUnit report', () => {
  const draft = readFixture('workspace', 'draft-forward-plan.md');

  it('has one test case per counted item: missing fails, waived is skipped, a waived statutory duty fails', () => {
    const text = `${draft}\n<!-- jfp-waive area-procurement: no <procurement> budget & "no" staff -->\n<!-- jfp-waive duty-research: not ours -->\n`;
    const plan = analyseText('file:///w/draft-forward-plan.md', text);
    const doc = parse(formatJunit(plan, () => 'draft-forward-plan.md'));
    const cases = doc.testsuites.testsuite.flatMap((s) => s.testcase);
    const counted = plan.coverage.filter((c) => c.counted);
    assert.equal(cases.length, counted.length);
    assert.equal(Number(doc.testsuites['@_tests']), counted.length);
    const missing = counted.filter((c) => c.status === 'missing');
    assert.equal(cases.filter((c) => c.failure).length, missing.length);
    assert.equal(Number(doc.testsuites['@_failures']), missing.length);
    const procurement = cases.find((c) => c['@_classname'].endsWith('.area-procurement'))!;
    assert.equal(procurement.skipped?.['@_message'], 'Waived: no <procurement> budget & "no" staff');
    const research = cases.find((c) => c['@_classname'].endsWith('.duty-research'))!;
    assert.match(research.failure!['#text'], /waived \(not met\) · not ours/);
    const integration = cases.find((c) => c['@_classname'].endsWith('.duty-integration'))!;
    assert.equal(integration.failure, undefined);
    assert.match(integration['system-out']!, /draft-forward-plan\.md:\d+ Joining up care/);
    const hwb = cases.find((c) => c['@_classname'].endsWith('.req-hwb-opinion'))!;
    assert.match(hwb.failure!['@_message'], /^Not covered: /);
    for (const s of doc.testsuites.testsuite) assert.equal(Number(s['@_tests']), s.testcase.length);
  });

  it('escapes XML special characters and drops characters XML cannot hold', () => {
    assert.equal(escapeXml(`a<b>&"c'\u0001d`), 'a&lt;b&gt;&amp;&quot;c&#39;d');
  });
});
