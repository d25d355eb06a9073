import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyEdits } from './fixtures.js';
import { NO_DEBOUNCE, serverForSuite } from './lspClient.js';
import { testPlan } from '../helpers.js';

const PLAN = testPlan(
  '## Population health management',
  '',
  'The ICB will work with the clinical commissioning group on net zero.',
  '',
  '`ICB` in code and <!-- CCG --> in a comment are never flagged.',
  '',
);

const LINE = 8;
const ours = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'jfp.acronym.undefined' || d.code === 'jfp.term.outdated');

describe('LSP authoring rules (acronyms, outdated terms, glossary hover)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-lsp-authoring-'));
  const client = serverForSuite({ workspaceFolder: dir, settings: NO_DEBOUNCE });
  let uri: string;
  let text: string;
  let version = 1;

  before(async () => {
    const file = path.join(dir, 'test-forward-plan.md');
    fs.writeFileSync(file, PLAN);
    text = PLAN;
    uri = await client.open(file, text);
  });

  after(() => fs.rmSync(dir, { recursive: true }));

  async function hoverAt(line: number, character: number): Promise<MarkupContent | undefined> {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    return h?.contents as MarkupContent | undefined;
  }

  it('publishes both codes, in prose only, with documentation links', async () => {
    const diagnostics = ours(await client.diagnosticsAt(uri, version));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['jfp.acronym.undefined', 3, LINE, 4, 7],
        ['jfp.term.outdated', 2, LINE, 27, 55],
      ],
    );
    assert.equal(String(diagnostics[0]!.message), '"ICB" is used before it is spelled out. Write "integrated care board (ICB)" the first time.');
    assert.match(String(diagnostics[1]!.message), /replaced by integrated care boards \(ICBs\) on 1 July 2022/);
    for (const d of diagnostics) {
      assert.equal(d.source, 'jfp');
      assert.match(d.codeDescription!.href, new RegExp(`${String(d.code).replace(/\./g, '\\.')}\\.md$`));
      assert.ok(fs.existsSync(fileURLToPath(d.codeDescription!.href)), `the documentation page of ${String(d.code)} exists`);
    }
  });

  it('shows the glossary meaning on hover, and what replaced an outdated term', async () => {
    const icb = await hoverAt(LINE, 5);
    assert.ok(icb);
    assert.equal(icb.kind, 'markdown');
    assert.match(icb.value, /^\*\*Integrated care board \(ICB\)\*\*/);
    assert.match(icb.value, /plans and pays for most local NHS services/);
    const ccg = await hoverAt(LINE, 35);
    assert.match(ccg!.value, /out of date/);
    assert.match(ccg!.value, /Write "integrated care board \(ICB\)" instead/);
    assert.equal(await hoverAt(LINE + 2, 2), undefined, 'nothing in code');
  });

  it('keeps the duty hover on a duty heading', async () => {
    const h = await hoverAt(6, 5);
    assert.match(h!.value, /\*\*Population health management\*\* · Content area/);
    assert.doesNotMatch(h!.value, /Data-led|joined-up data/);
  });

  it('offers each finding’s fix as a quick fix', async () => {
    const [acronym] = ours(await client.diagnosticsAt(uri, version));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: acronym!.range, context: { diagnostics: [acronym] } });
    const fix = actions.find((a) => a.title === 'Spell out "ICB": integrated care board (ICB)');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.edit!.changes![uri], [{ range: acronym!.range, newText: 'integrated care board (ICB)' }]);
  });

  it('fixes both kinds at once with source.fixAll.jfp, and the diagnostics go', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.jfp');
    const edits = actions[0]!.edit!.changes![uri]!;
    text = applyEdits(text, edits);
    assert.equal(text.split('\n')[LINE], 'The integrated care board (ICB) will work with the integrated care board on net zero.');
    version = await client.change(uri, [{ text }]);
    assert.deepEqual(ours(await client.diagnosticsAt(uri, version)), []);
  });
});
