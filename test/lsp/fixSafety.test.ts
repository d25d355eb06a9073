import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-protocol';
import { analyseText } from '../../server/src/analysis/analyse.js';
import { ROOT } from '../helpers.js';
import { assertInside, check, lspLines, markdown, recordFigures } from '../fuzz.js';
import { EXAMPLE, NOTES, WORKSPACE } from './fixtures.js';
import { TestClient } from './lspClient.js';
import { diagnosticFix, diagnosticItemId } from '../../server/src/analysis/rules/findings.js';

const figures = { documents: 0, actions: 0, fixAllRounds: 0, editsApplied: 0 };

/** What identifies a finding across edits: its code, catalogue item and message. */
const key = (d: Diagnostic) => `${String(d.code)}|${diagnosticItemId(d) ?? ''}|${d.message}`;
const count = (ds: Diagnostic[], k: string) => ds.filter((d) => key(d) === k).length;
const offsetKey = (r: Range) => [r.start.line * 1e7 + r.start.character, r.end.line * 1e7 + r.end.character] as const;

/** Lines no edit touches keep their bytes and order: the text before the first and after the last edit is identical, and the untouched lines in between survive in order. */
function assertOnlyTargetsChange(before: string, after: string, edits: TextEdit[]): Set<number> {
  const sorted = [...edits].sort((a, b) => offsetKey(a.range)[0] - offsetKey(b.range)[0]);
  for (let i = 1; i < sorted.length; i++) assert.ok(offsetKey(sorted[i - 1]!.range)[1] <= offsetKey(sorted[i]!.range)[0], 'edits overlap');
  const doc = TextDocument.create('file:///x', 'markdown', 1, before);
  const first = doc.offsetAt(sorted[0]!.range.start);
  const last = doc.offsetAt(sorted[sorted.length - 1]!.range.end);
  assert.equal(after.slice(0, first), before.slice(0, first), 'text before the first edit is unchanged');
  assert.equal(after.slice(after.length - (before.length - last)), before.slice(last), 'text after the last edit is unchanged');
  const touched = new Set(sorted.flatMap((e) => Array.from({ length: e.range.end.line - e.range.start.line + 1 }, (_, i) => e.range.start.line + i)));
  const afterLines = lspLines(after);
  let at = 0;
  lspLines(before).forEach((line, i) => {
    if (touched.has(i)) return;
    while (at < afterLines.length && afterLines[at] !== line) at++;
    assert.ok(at < afterLines.length, `untouched line ${i} is kept: ${JSON.stringify(line.slice(0, 80))}`);
    at++;
  });
  return touched;
}

/** The result still parses as Markdown with the same front matter and every original heading. */
function assertStillValid(before: string, after: string, touched: Set<number>): void {
  const a = analyseText('file:///before.md', before).documents[0]!.plan;
  const b = analyseText('file:///after.md', after).documents[0]!.plan;
  assert.deepEqual(b.frontMatter?.data, a.frontMatter?.data, 'front matter unchanged');
  // Headings on lines no edit touches keep their text.
  const headings = b.sections.map((s) => s.heading);
  for (const s of a.sections.slice(1)) {
    if (touched.has(a.lines.positionAt(s.headingStart).line)) continue;
    const i = headings.indexOf(s.heading);
    assert.ok(i >= 0, `heading kept: ${s.heading}`);
    headings.splice(i, 1);
  }
}

class Session {
  version = 1;
  constructor(
    readonly client: TestClient,
    readonly uri: string,
    public text: string,
  ) {}

  static async open(client: TestClient, file: string, text: string): Promise<Session> {
    const uri = pathToFileURL(file).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return new Session(client, uri, text);
  }

  async set(text: string): Promise<Diagnostic[]> {
    this.text = text;
    this.version++;
    await this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: [{ text }] });
    return this.client.diagnosticsAt(this.uri, this.version);
  }

  actions(diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: this.uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  editsOf(action: CodeAction): TextEdit[] {
    const changes = action.edit?.changes ?? {};
    assert.deepEqual(Object.keys(changes), [this.uri], `${action.title}: edits only the document asked about`);
    return changes[this.uri]!;
  }

  /** Checks every quick fix and source.fixAll.jfp on the current text; the text is restored afterwards. */
  async checkAll(maxActions = Infinity, perKind = 2): Promise<void> {
    const original = this.text;
    const diagnostics = await this.set(original);
    for (const d of diagnostics) assert.notEqual(d.code, 'jfp.internal', String(d.message));
    figures.documents++;
    let tried = 0;
    // Every kind of action is tried (up to perKind times each, to keep the run short).
    const kinds = new Map<string, number>();
    for (const d of diagnostics) {
      for (const action of await this.actions([d])) {
        const kind = `${String(d.code)}|${action.title.split(' ').slice(0, 2).join(' ')}`;
        if (!action.edit) continue; // a command only (e.g. "Show plan coverage"): nothing to apply
        if ((kinds.get(kind) ?? 0) >= perKind) continue;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        if (tried++ >= maxActions) break;
        const edits = this.editsOf(action);
        for (const e of edits) assertInside(original, e.range, action.title);
        const result = TextDocument.applyEdits(TextDocument.create(this.uri, 'markdown', 1, original), edits);
        assertStillValid(original, result, assertOnlyTargetsChange(original, result, edits));
        const after = await this.set(result);
        if (action.title === 'Insert all missing sections') {
          // Honest verdicts: inserted sections are only started, so the items stay uncovered until they have text.
          const tags = (t: string) => t.split('<!-- jfp:').length;
          assert.ok(tags(result) > tags(original), `"${action.title}" inserts mapped sections`);
          assert.ok(after.some((a) => a.code === d.code && a.severity === d.severity), `"${action.title}" does not turn an item green without text`);
        } else assert.ok(count(after, key(d)) < count(diagnostics, key(d)), `"${action.title}" removes ${key(d)}`);
        const again = (await this.actions(after)).filter((a) => a.title === action.title && JSON.stringify(this.editsOf(a)) === JSON.stringify(edits));
        assert.deepEqual(again, [], `"${action.title}" is not offered again with the same edit`);
        figures.actions++;
        figures.editsApplied += edits.length;
        await this.set(original);
      }
    }
    await this.checkFixAll(diagnostics);
    await this.set(original);
  }

  /** source.fixAll.jfp: safe edits only, its fixed diagnostics go, and repeating it reaches a fixed point without duplicating. */
  async checkFixAll(diagnostics: Diagnostic[]): Promise<void> {
    let current = diagnostics;
    for (let round = 0; round < 4; round++) {
      const [all] = await this.actions([], ['source.fixAll']);
      if (!all) return;
      assert.equal(all.kind, 'source.fixAll.jfp');
      const edits = this.editsOf(all);
      const before = this.text;
      const result = TextDocument.applyEdits(TextDocument.create(this.uri, 'markdown', 1, before), edits);
      assertStillValid(before, result, assertOnlyTargetsChange(before, result, edits));
      const fixable = current.filter((d) => diagnosticFix(d));
      const after = await this.set(result);
      assert.ok(after.filter((d) => diagnosticFix(d)).length < fixable.length, 'fix-all leaves fewer fixable findings');
      for (const e of edits) if (e.newText.trim().length > 3) assert.ok(!before.includes(e.newText) || countOf(result, e.newText) <= countOf(before, e.newText) + 1, `fix-all does not duplicate ${JSON.stringify(e.newText)}`);
      figures.fixAllRounds++;
      figures.editsApplied += edits.length;
      current = after;
    }
    assert.fail('source.fixAll.jfp did not reach a fixed point in 4 rounds');
  }
}

const countOf = (text: string, part: string) => text.split(part).length - 1;

describe('fix safety: every code action on every fixture and on fuzzed documents', function () {
  this.timeout(240_000);
  after(() => recordFigures('fixes', figures));

  const fixtures = [
    ...fs.readdirSync(WORKSPACE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => path.join(WORKSPACE, f)),
    ...fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'examples', f)),
  ];
  assert.ok(fixtures.includes(EXAMPLE));

  for (const file of fixtures) {
    it(`${path.relative(ROOT, file)}: each fix changes only its target, keeps the Markdown valid, removes its diagnostic and is not repeated`, async () => {
      const client = new TestClient({ workspaceFolder: path.dirname(file) === WORKSPACE || file.startsWith(WORKSPACE) ? WORKSPACE : path.dirname(file), settings: { analysis: { debounceMs: 0 } } });
      await client.initialize();
      const session = await Session.open(client, file, fs.readFileSync(file, 'utf8'));
      if (file === NOTES) {
        // Not a plan: no diagnostics are published and no action is offered.
        await client.request('textDocument/codeLens', { textDocument: { uri: session.uri } });
        assert.deepEqual(await session.actions([], ['source.fixAll']), []);
        assert.equal(client.published.filter((p) => p.uri === session.uri).length, 0);
      } else {
        await session.checkAll();
      }
      assert.equal(await client.stop(), 0);
    });
  }

  it('fuzzed plans: the same holds for every fix offered', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-fixes-'));
    const client = new TestClient({ workspaceFolder: folder, settings: { analysis: { debounceMs: 0 } } });
    await client.initialize();
    let n = 0;
    try {
      await check(markdown, 10, async (text) => {
        const session = await Session.open(client, path.join(folder, `fuzz-${n++}-forward-plan.md`), text);
        await session.checkAll(6, 1);
        await client.close(session.uri);
      });
    } finally {
      assert.equal(await client.stop(), 0);
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
