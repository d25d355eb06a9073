import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits } from './fixtures.js';
import { NO_DEBOUNCE, serverForSuite } from './lspClient.js';
import { testPlan } from '../helpers.js';

const HARD = 'Integrated organisational accountability necessitates collaborative commissioning arrangements.';
const EASY = 'We will see you at home.';
const repeat = (s: string, n: number) => Array.from({ length: n }, () => s).join(' ');

const PLAN = testPlan(
  '## Care at home',
  '',
  repeat(EASY, 10),
  '',
  '#### Governance',
  '',
  repeat(HARD, 10),
  '',
  'To read the strategy [click here](https://example.org/strategy).',
  '',
  '![](chart.png)',
  '',
  `We ${Array.from({ length: 39 }, () => 'word').join(' ')}.`,
  '',
);

const line = (start: string) => PLAN.split('\n').findIndex((l) => l.startsWith(start));

describe('LSP plain-English rules (jfp.style.*)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-style-'));
  const file = path.join(dir, 'plan.md');
  const client = serverForSuite({ settings: NO_DEBOUNCE });
  let uri: string;

  before(async () => {
    fs.writeFileSync(file, PLAN);
    uri = await client.open(file);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function styleDiagnostics(): Promise<Diagnostic[]> {
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('jfp.style.')));
    return diagnostics.filter((d) => String(d.code).startsWith('jfp.style.'));
  }

  it('publishes a diagnostic for each problem, with its code and place', async () => {
    const found = (await styleDiagnostics()).map((d) => [d.code, d.range.start.line, d.severity]);
    assert.deepEqual(
      found.sort((a, b) => (a[1] as number) - (b[1] as number) || String(a[0]).localeCompare(String(b[0]))),
      [
        ['jfp.style.heading-increment', line('#### Governance'), 2],
        ['jfp.style.readability', line('#### Governance'), 4],
        ['jfp.style.link-text', line('To read the strategy'), 2],
        ['jfp.style.image-alt', line('![](chart.png)'), 2],
        ['jfp.style.sentence-length', line('We word'), 4],
      ],
    );
  });

  it('offers the heading fix as a quick fix', async () => {
    const heading = (await styleDiagnostics()).find((d) => d.code === 'jfp.style.heading-increment')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: heading.range, context: { diagnostics: [heading] } });
    const fix = actions.find((a) => a.title === 'Change to a level-3 heading');
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.kind, 'quickfix');
    const edited = applyEdits(PLAN, fix.edit!.changes![uri]!);
    assert.equal(edited.split('\n')[line('#### Governance')], '### Governance');
  });

  it('shows the readability of each section with enough text in a code lens', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const readability = lenses.filter((l) => l.command?.title.startsWith('Readability:'));
    assert.deepEqual(
      readability.map((l) => l.range.start.line),
      [line('## Care at home'), line('#### Governance')],
    );
    assert.equal(readability[0]!.command!.title, 'Readability: SMOG 3.1 (nearly all UK adults)');
    assert.match(readability[1]!.command!.title, /^Readability: SMOG 1[5-9]\.\d \(fewer than 1 in 5 UK adults\)$/);
    assert.equal(readability[0]!.command!.command, '', 'a label, not a link');
    assert.equal(lenses.filter((l) => l.range.start.line === line('# Test')).length, 0, 'no lens where there is too little text');
  });
});
