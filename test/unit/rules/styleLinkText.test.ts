import * as assert from 'node:assert/strict';
import { normaliseLinkText } from '../../../server/src/analysis/rules/styleLinkText.js';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.style.link-text';

function vagueLinks(text: string) {
  return findingsOf(analyseMini(text), CODE);
}

describe('rule jfp.style.link-text', () => {
  it('reports vague link texts, whatever their case and surrounding punctuation, on the whole link', () => {
    const text = md('# P', '', 'To see the strategy [click here](https://example.org/s).', '', '[Read more...](https://example.org/m)', '', 'It is [**here**](x.md) and at [this link][ref].', '', '[ref]: https://example.org/r');
    const findings = vagueLinks(text);
    assert.deepEqual(
      findings.map((f) => f.data?.text),
      ['click here', 'Read more...', 'here', 'this link'],
    );
    assert.equal(findings[0]!.severity, 'warning');
    assert.deepEqual(findings[0]!.range, { start: { line: 2, character: 20 }, end: { line: 2, character: 55 } });
    assert.match(findings[0]!.message, /"click here" does not say where the link goes.*Describe the destination/);
  });

  it('reports a link with no text', () => {
    const [f] = vagueLinks(md('# P', '', 'See [](https://example.org).'));
    assert.match(f!.message, /no text/);
  });

  it('is silent for link text that describes the destination', () => {
    const text = md('# P', '', 'Read the [Wessex Vale integrated care strategy](https://example.org/s), [more about here and now](x.md) and <https://example.org>.');
    assert.deepEqual(vagueLinks(text), []);
  });

  it('leaves linked images to the alt-text rule, and ignores code and comments', () => {
    const text = md('# P', '', '[![Chart of waiting times](chart.png)](chart.md) [![](x.png)](x.md)', '', '```', '[click here](x)', '```', '', '<!-- [here](x) -->', '', '`[here](x)`');
    assert.deepEqual(vagueLinks(text), []);
  });

  it('normalises link text for comparison', () => {
    assert.equal(normaliseLinkText('  “Click   Here”. '), 'click here');
    assert.equal(normaliseLinkText('(more)'), 'more');
  });
});
