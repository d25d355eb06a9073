import * as assert from 'node:assert/strict';
import { analyseMini, findingsOf, md } from '../../helpers.js';

const CODE = 'jfp.style.image-alt';

function missingAlt(text: string) {
  return findingsOf(analyseMini(text), CODE);
}

describe('rule jfp.style.image-alt', () => {
  it('reports a Markdown image with empty or blank alt text, on the image', () => {
    const text = md('# P', '', 'Our results: ![](chart.png)', '', '![  ][logo]', '', '[logo]: logo.png');
    const findings = missingAlt(text);
    assert.equal(findings.length, 2);
    assert.equal(findings[0]!.severity, 'warning');
    assert.deepEqual(findings[0]!.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 27 } });
    assert.match(findings[0]!.message, /no alt text/);
    assert.equal(findings[1]!.range.start.line, 4);
  });

  it('reports an HTML <img> with no alt attribute, and accepts alt="" for decoration', () => {
    const img = '<img src="map.png" width="300">';
    const inline = '<IMG SRC="x.png">';
    const text = md('# P', '', '<p>', `  ${img}`, '  <img src="line.png" alt="">', '  <img alt="Map of the two places" src="m.png">', '</p>', '', `Inline ${inline} too.`);
    const findings = missingAlt(text);
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]),
      [
        [3, 2, 2 + img.length],
        [8, 7, 7 + inline.length],
      ],
    );
    assert.match(findings[0]!.message, /alt=""/);
  });

  it('is silent for images with alt text, and in code and comments', () => {
    const text = md('# P', '', '![Chart: waits fell by a third](chart.png)', '', '```', '![](x.png)', '```', '', '<!-- ![](x.png) <img src="y.png"> -->', '', '`![](x.png)`');
    assert.deepEqual(missingAlt(text), []);
  });
});
