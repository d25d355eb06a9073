import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { ConvertError, DEFAULT_LIMITS } from '../../server/src/convert/convert.js';
import { describeLine } from '../../server/src/convert/locate.js';
import { convertPdf } from '../../server/src/convert/pdf.js';
import { dropRunningText, layoutBlocks, pageLines, type TextItem } from '../../server/src/convert/pdfLayout.js';
import { pdfFromMarkdown } from '../convertFixtures.js';
import { EXAMPLE_PLAN } from '../helpers.js';

const example = fs.readFileSync(EXAMPLE_PLAN, 'utf8');
const at = (str: string, y: number, fontSize = 10, x = 72): TextItem => ({ str, x, y, fontSize });

describe('PDF layout (convert/pdfLayout)', () => {
  it('rebuilds lines from items on the same baseline, left to right', () => {
    assert.deepEqual(pageLines([at('world', 700, 10, 120), at('Hello', 700.5), at('Next', 680)], 1).map((l) => l.text), ['Hello world', 'Next']);
  });

  it('drops running headers, footers and page numbers', () => {
    const body = ['Opening words.', 'Middle of the plan.', 'Closing words.'];
    const page = (n: number) => pageLines([at('NHS Vale Joint Forward Plan 2026', 800, 8), at(body[n - 1]!, 700), at(`Page ${n} of 3`, 30, 8)], n);
    const kept = dropRunningText([page(1), page(2), page(3)]);
    assert.deepEqual(kept.flat().map((l) => l.text), body);
  });

  it('finds headings by font size, joins wrapped lines and undoes split words', () => {
    const blocks = layoutBlocks([[at('Our plan', 760, 20), at('Workforce and', 720, 14), at('training', 704, 14), at('We will grow the work-', 680), at('force and train staff.', 668), at('• Nurses', 640), at('A new paragraph.', 610)]]);
    assert.deepEqual(blocks, [
      { type: 'heading', depth: 1, text: 'Our plan', page: 1 },
      { type: 'heading', depth: 2, text: 'Workforce and training', page: 1 },
      { type: 'paragraph', text: 'We will grow the workforce and train staff.', page: 1 },
      { type: 'item', text: 'Nurses', page: 1 },
      { type: 'paragraph', text: 'A new paragraph.', page: 1 },
    ]);
  });

  it('takes headings from the outline when there is one (levels from its nesting)', () => {
    const blocks = layoutBlocks([[at('Plan', 760, 12), at('Big text that is not a heading', 730, 20), at('Joining up care', 700, 12), at('Body.', 680, 10)]], [
      { title: 'Plan', depth: 0 },
      { title: 'Joining up care', depth: 1 },
    ]);
    assert.deepEqual(blocks.filter((b) => b.type === 'heading').map((b) => [b.text, b.type === 'heading' && b.depth]), [['Plan', 1], ['Joining up care', 2]]);
  });
});

describe('PDF in (convert/pdf)', function () {
  this.timeout(120000);

  for (const outline of [true, false]) {
    it(`gives the same coverage as the Markdown it was printed from (${outline ? 'with bookmarks' : 'headings from font size'}), except items found only by jfp comments`, async () => {
      const result = await convertPdf('example.pdf', pdfFromMarkdown(example, { outline, header: 'NHS Wessex Vale Joint Forward Plan' }), DEFAULT_LIMITS);
      assert.equal(result.period, '2026/27 to 2030/31');
      assert.doesNotMatch(result.markdown, /^NHS Wessex Vale Joint Forward Plan$/m, 'the running header is gone');
      const fromMd = analyseText('file:///example.md', example);
      const fromPdf = analyseText('file:///example.pdf', result.markdown);
      const explained = (id: string) => fromMd.byId.get(id)!.status === 'waived' || fromMd.byId.get(id)!.evidence.every((e) => e.how === 'tag');
      const differ = fromMd.coverage.filter((c) => fromPdf.byId.get(c.id)!.status !== c.status && !explained(c.id));
      assert.deepEqual(differ.map((c) => `${c.id}: ${c.status} -> ${fromPdf.byId.get(c.id)!.status}`), []);
      const e = fromPdf.byId.get('duty-integration')!.evidence[0]!;
      assert.match(describeLine(result.blocks, e.line), new RegExp(`^page \\d+, heading "${e.heading}"$`));
    });
  }

  it('says clearly when a PDF has no text layer, is password-protected or is damaged', async () => {
    await assert.rejects(convertPdf('scan.pdf', pdfFromMarkdown(example, { textless: true }), DEFAULT_LIMITS), (e: unknown) => e instanceof ConvertError && e.reason === 'no-text' && /scan\.pdf has no text to check: it looks like scanned pages/.test(e.message));
    await assert.rejects(convertPdf('locked.pdf', pdfFromMarkdown(example, { encrypted: true }), DEFAULT_LIMITS), (e: unknown) => e instanceof ConvertError && e.reason === 'password' && /locked\.pdf is password-protected/.test(e.message));
    await assert.rejects(convertPdf('broken.pdf', Buffer.from('%PDF-1.4\nnot really'), DEFAULT_LIMITS), (e: unknown) => e instanceof ConvertError && e.reason === 'corrupt' && /broken\.pdf could not be read as a PDF/.test(e.message));
  });
});
