import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import mammoth from 'mammoth';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { checkSignature, ConvertError, DEFAULT_LIMITS, findIcb, findPeriod } from '../../server/src/convert/convert.js';
import { convertDocx, wordHtmlToMarkdown } from '../../server/src/convert/docx.js';
import { describeLine } from '../../server/src/convert/locate.js';
import { wordFromMarkdown } from '../convertFixtures.js';
import { EXAMPLE_PLAN, md } from '../helpers.js';

const example = fs.readFileSync(EXAMPLE_PLAN, 'utf8');

describe('Word in (convert/docx)', function () {
  this.timeout(120000);
  let exampleDocx: Buffer;
  before(async () => {
    exampleDocx = await wordFromMarkdown(example, { footnote: 'Figures from the 2025 JSNA.' });
  });

  it('keeps Word headings (Title as the level-1 title, Heading 1 as level 2), lists, tables and footnotes', async () => {
    const doc = await wordFromMarkdown(md('# NHS Test Joint Forward Plan', '## Joining up care', 'We use the Better Care Fund.', '- one', '- two', '### Detail', '| A | B |', '|---|---|', '| 1 | 2 |'), { footnote: 'A note.' });
    const result = await convertDocx('plan.docx', doc, DEFAULT_LIMITS);
    assert.equal(result.title, 'NHS Test Joint Forward Plan');
    assert.match(result.markdown, /^---\nplan: joint-forward-plan\ntitle: "NHS Test Joint Forward Plan"\n/);
    assert.match(result.markdown, /^# NHS Test Joint Forward Plan$/m);
    assert.match(result.markdown, /^## Joining up care$/m);
    assert.match(result.markdown, /^### Detail$/m);
    assert.match(result.markdown, /^We use the Better Care Fund\.\[\^f1\]$/m);
    assert.match(result.markdown, /^\[\^f1\]: A note\.$/m);
    assert.match(result.markdown, /^- one$/m);
    assert.match(result.markdown, /^\| A +\| B +\|$/m, 'the first row is the header row');
    assert.doesNotMatch(result.markdown, /↑/);
  });

  it('without a Title style, keeps heading levels as they are', () => {
    const { body, title } = wordHtmlToMarkdown('<h1>Plan</h1><h2>Workforce</h2><p>Text <a href="https://example.org">link</a></p>');
    assert.equal(title, 'Plan');
    assert.match(body, /^# Plan\n\n## Workforce\n\nText \[link\]\(https:\/\/example\.org\)/);
  });

  it('gives the same coverage as the Markdown it was made from (the example plan), except items found only by jfp comments', async () => {
    const result = await convertDocx('example.docx', exampleDocx, DEFAULT_LIMITS);
    assert.equal(result.period, '2026/27 to 2030/31');
    assert.equal(result.icb, 'NHS Wessex Vale Integrated Care Board');
    const fromMd = analyseText('file:///example.md', example);
    const fromWord = analyseText('file:///example.docx', result.markdown);
    const differ = fromMd.coverage.filter((c) => fromWord.byId.get(c.id)!.status !== c.status);
    // Word has no HTML comments: an item the Markdown maps or waives only with a jfp comment can differ.
    const explained = (id: string) => {
      const c = fromMd.byId.get(id)!;
      return c.status === 'waived' || c.evidence.every((e) => e.how === 'tag');
    };
    assert.deepEqual(differ.filter((c) => !explained(c.id)).map((c) => `${c.id}: ${c.status} -> ${fromWord.byId.get(c.id)!.status}`), []);
    assert.ok(fromWord.summary.addressed >= fromMd.summary.addressed - differ.length);
  });

  it('places evidence under the right Word heading, in Word terms', async () => {
    const result = await convertDocx('example.docx', exampleDocx, DEFAULT_LIMITS);
    const plan = analyseText('file:///example.docx', result.markdown);
    const integration = plan.byId.get('duty-integration')!;
    const e = integration.evidence[0]!;
    assert.equal(describeLine(result.blocks, e.line), `heading "${e.heading}"`);
    const para = result.blocks.find((b) => b.heading === 'Foreword' && b.paragraph === 2)!;
    assert.equal(describeLine(result.blocks, para.line), 'heading "Foreword", paragraph 2');
  });

  it('reads back with mammoth what the fixture wrote (the fixture itself is a real .docx)', async () => {
    const { value } = await mammoth.extractRawText({ buffer: exampleDocx });
    assert.match(value, /Joining up care/);
  });

  it('gives a clear message for a password-protected, damaged or oversized file', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    assert.throws(() => checkSignature('secret.docx', 'docx', ole), (e: unknown) => e instanceof ConvertError && e.reason === 'password' && /password-protected/.test(e.message));
    assert.throws(() => checkSignature('notes.docx', 'docx', Buffer.from('hello')), (e: unknown) => e instanceof ConvertError && e.reason === 'corrupt' && /notes\.docx/.test(e.message));
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]);
    await assert.rejects(convertDocx('broken.docx', broken, DEFAULT_LIMITS), (e: unknown) => e instanceof ConvertError && e.reason === 'corrupt' && /broken\.docx could not be read as a Word document/.test(e.message));
    await assert.rejects(convertDocx('big.docx', exampleDocx, { ...DEFAULT_LIMITS, maxTextMB: 0.001 }), (e: unknown) => e instanceof ConvertError && e.reason === 'too-large' && /big\.docx is too large/.test(e.message));
  });

  it('finds the period and the ICB in the opening text', () => {
    assert.equal(findPeriod('Our plan for 2026/27 – 2030/31.'), '2026/27 to 2030/31');
    assert.equal(findIcb('Agreed by NHS Wessex Vale Integrated Care Board and partners'), 'NHS Wessex Vale Integrated Care Board');
    assert.equal(findPeriod('no dates here'), undefined);
  });

  it('never changes the source file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-docx-'));
    try {
      const file = path.join(dir, 'plan.docx');
      fs.writeFileSync(file, exampleDocx);
      const before = fs.statSync(file).mtimeMs;
      const { convertFileHere } = await import('../../server/src/convert/here.js');
      await convertFileHere(file);
      assert.equal(fs.statSync(file).mtimeMs, before);
      assert.deepEqual(fs.readFileSync(file), exampleDocx);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
