import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import mammoth from 'mammoth';
import type { CheckedPlan, ConvertedPlan } from '../../shared/wordPdf.js';
import { pdfFromMarkdown, wordFromMarkdown } from '../convertFixtures.js';
import { EXAMPLE_PLAN } from '../helpers.js';
import { DRAFT, WORKSPACE } from './fixtures.js';
import { TestClient } from './lspClient.js';

/** The Word and PDF server commands, over stdio against dist/server.cjs (which converts in dist/convert.cjs). */
describe('LSP: Word and PDF plans', function () {
  this.timeout(180000);
  let client: TestClient;
  let dir: string;
  let docx: string;
  let pdf: string;
  const run = <T>(command: string, args: unknown[]) => client.request<T>('workspace/executeCommand', { command, arguments: args });

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-lsp-word-'));
    const example = fs.readFileSync(EXAMPLE_PLAN, 'utf8');
    docx = path.join(dir, 'plan.docx');
    pdf = path.join(dir, 'plan.pdf');
    fs.writeFileSync(docx, await wordFromMarkdown(example));
    fs.writeFileSync(pdf, pdfFromMarkdown(example, { outline: true }));
    client = new TestClient({ workspaceFolder: WORKSPACE, settings: { analysis: { debounceMs: 0 } } });
    await client.initialize();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('converts a Word file into a Markdown plan with its title, ICB and period, leaving the file as it was', async () => {
    const before = fs.readFileSync(docx);
    const result = await run<ConvertedPlan>('jfp.server.convertWordPdf', [docx]);
    assert.equal(result.period, '2026/27 to 2030/31');
    assert.equal(result.icb, 'NHS Wessex Vale Integrated Care Board');
    assert.match(result.markdown, /^---\nplan: joint-forward-plan\ntitle: "NHS Wessex Vale Joint Forward Plan 2026\/27 to 2030\/31"\n/);
    assert.deepEqual(fs.readFileSync(docx), before);
  });

  it('checks a PDF without converting it: coverage with places in the document, and the HTML report', async () => {
    const result = await run<CheckedPlan>('jfp.server.checkWordPdf', [pdf]);
    assert.equal(result.coverage.isPlan, true);
    const integration = result.coverage.items.find((i) => i.id === 'duty-integration')!;
    assert.equal(integration.status, 'addressed');
    const e = integration.evidence[0]! as { where?: string; heading: string };
    assert.match(e.where ?? '', new RegExp(`^page \\d+, heading "${e.heading}"$`));
    assert.match(result.html, /<h1>NHS Wessex Vale Joint Forward Plan 2026\/27 to 2030\/31<\/h1>/);
  });

  it('answers a damaged or missing file with one clear message', async () => {
    const bad = path.join(dir, 'bad.pdf');
    fs.writeFileSync(bad, 'not a pdf');
    assert.deepEqual(await run('jfp.server.checkWordPdf', [bad]), { error: 'bad.pdf is not a PDF file, or it is damaged: it does not start like one.' });
    const missing = await run<{ error: string }>('jfp.server.convertWordPdf', [path.join(dir, 'gone.docx')]);
    assert.match(missing.error, /^cannot read .*gone\.docx/);
  });

  it('writes the Word coverage report of an open plan, which reads back with the statutory table', async () => {
    const uri = await client.open(DRAFT);
    const result = await run<{ base64: string }>('jfp.server.wordReport', [uri, 'report']);
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(result.base64, 'base64') });
    assert.match(value, /<h1>How this plan meets its statutory requirements<\/h1>/);
    assert.match(value, /<td><p>Duty to promote integration<\/p><\/td>/);
  });
});
