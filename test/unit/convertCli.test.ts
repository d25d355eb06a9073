import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setConvertWorkerScript } from '../../server/src/convert/run.js';
import { pdfFromMarkdown, wordFromMarkdown } from '../convertFixtures.js';
import { cli, EXAMPLE_PLAN, ROOT } from '../helpers.js';

/** jfp-check on Word files: converted in a worker thread (the compiled worker.js here; dist/convert.cjs when bundled). */
describe('jfp-check on Word and PDF plans', function () {
  this.timeout(180000);
  let dir: string;
  let docx: string;
  let pdf: string;
  before(async () => {
    setConvertWorkerScript(path.join(ROOT, 'out', 'server', 'src', 'convert', 'worker.js'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-convert-cli-'));
    docx = path.join(dir, 'wessex-vale-joint-forward-plan.docx');
    fs.writeFileSync(docx, await wordFromMarkdown(fs.readFileSync(EXAMPLE_PLAN, 'utf8')));
    pdf = path.join(dir, 'published', 'wessex-vale-joint-forward-plan.pdf');
    fs.mkdirSync(path.dirname(pdf));
    fs.writeFileSync(pdf, pdfFromMarkdown(fs.readFileSync(EXAMPLE_PLAN, 'utf8'), { header: 'Wessex Vale Joint Forward Plan' }));
    fs.writeFileSync(path.join(dir, 'minutes.docx'), await wordFromMarkdown('# Board minutes\n\nNothing to see.'));
  });
  after(() => {
    setConvertWorkerScript(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports the same statutory gaps on the .docx and the .pdf as on the Markdown they came from', () => {
    const fromMd = cli(['--format', 'json', '--quiet', EXAMPLE_PLAN]);
    const fromWord = cli(['--format', 'json', '--quiet', docx]);
    const fromPdf = cli(['--format', 'json', '--quiet', pdf]);
    assert.equal(fromWord.err, '');
    assert.equal(fromPdf.err, '');
    const statutoryMissing = (out: string) =>
      (JSON.parse(out) as { coverage: { id: string; kind: string; status: string }[] }).coverage
        .filter((c) => c.kind.startsWith('statutory') && c.status === 'missing')
        .map((c) => c.id);
    // The example waives one statutory item with a jfp comment, which Word cannot hold: it is the only difference.
    assert.deepEqual(statutoryMissing(fromWord.out).filter((id) => id !== 'need-victims-of-abuse'), statutoryMissing(fromMd.out));
    assert.deepEqual(statutoryMissing(fromPdf.out).filter((id) => id !== 'need-victims-of-abuse'), statutoryMissing(fromMd.out));
    assert.match(cli([pdf]).out, /wessex-vale-joint-forward-plan\.pdf \(page \d+, heading "[^"]+"/);
  });

  it('gives positions in Word terms (heading and paragraph), in text and JSON', () => {
    const text = cli([docx]).out;
    assert.match(text, /wessex-vale-joint-forward-plan\.docx \(heading "[^"]+"(, paragraph \d+)?\) (warning|information|hint|error) jfp\./);
    assert.doesNotMatch(text, /\.docx:\d+/);
    const json = JSON.parse(cli(['--format', 'json', docx]).out) as { coverage: { id: string; evidence: { where?: string; heading: string }[] }[] };
    const e = json.coverage.find((c) => c.id === 'duty-integration')!.evidence[0]!;
    assert.equal(e.where, `heading "${e.heading}"`);
  });

  it('finds Word plans in a folder by the plan globs, and in a glob', () => {
    // The Word and the PDF copy each name themselves a plan in their title: two plans, never merged.
    const folder = JSON.parse(cli(['--format', 'json', '--quiet', dir]).out) as { plans: { files: string[]; coverage: { id: string; evidence: { where?: string }[] }[] }[] };
    // Positions in Word and PDF terms in each plan of the report.
    for (const p of folder.plans) assert.match(p.coverage.find((c) => c.id === 'duty-integration')!.evidence[0]!.where ?? '', /heading "/);
    assert.deepEqual(folder.plans.flatMap((p) => p.files.map((f) => path.basename(f))).sort(), ['wessex-vale-joint-forward-plan.docx', 'wessex-vale-joint-forward-plan.pdf']);
    assert.equal(folder.plans.length, 2);
    const glob = JSON.parse(cli(['--format', 'json', '--quiet', path.join(dir, '*.docx')]).out) as { files: string[] };
    assert.deepEqual(glob.files.map((f) => path.basename(f)).sort(), ['minutes.docx', 'wessex-vale-joint-forward-plan.docx']);
  });

  it('exits 2 with one clear line for a damaged or password-protected file, and leaves it unchanged', () => {
    const bad = path.join(dir, 'locked.docx');
    const locked = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
    fs.writeFileSync(bad, locked);
    const run = cli([bad]);
    assert.equal(run.code, 2);
    assert.match(run.err, /^jfp-check: locked\.docx is password-protected or is an older Word file \(\.doc\)\./);
    assert.deepEqual(fs.readFileSync(bad), locked);
    fs.rmSync(bad);
  });
});
