import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { headline } from '../../../client/src/headline.js';
import { analyseText } from '../../../server/src/analysis/analyse.js';
import { countingNote, coverageFigure } from '../../../server/src/analysis/present/headline.js';
import { hover } from '../../../server/src/lsp/features/hover.js';
import { coverageResult } from '../../../server/src/lsp/features/coverage.js';
import { EXAMPLE_PLAN } from '../../helpers.js';

/** The translation function VS Code gives, without translations: fills {0}, {1}... */
const t = (message: string, ...args: (string | number)[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

/**
 * Wherever the editor shows the coverage percentage, it says how partly covered items count
 * (issue 15): the status bar's tooltip and accessible label, the sidebar's header, the title hover.
 */
describe('the coverage figure in the editor says how it is counted', () => {
  const uri = 'file:///w/wessex-vale-joint-forward-plan.md';
  const plan = analyseText(uri, fs.readFileSync(EXAMPLE_PLAN, 'utf8'));
  const head = headline(coverageResult(plan), t)!;
  const figure = coverageFigure(plan.summary, plan.percent);

  it('the client says it in the same words as the server', () => {
    assert.equal(head.counting, countingNote());
  });

  it('status bar: the figure in its text, and the counting in its tooltip', () => {
    assert.equal(head.status, `JFP ${Math.round(plan.percent)}%`);
    const lines = head.tooltip.split('\n');
    assert.equal(lines[0], 'NHS Wessex Vale Joint Forward Plan 2026/27 to 2030/31 (wessex-vale-joint-forward-plan.md)');
    assert.match(lines[1]!, new RegExp(`^${figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ addressed, \\d+ partly covered, \\d+ missing, \\d+ waived\\.$`));
    assert.equal(lines[2], countingNote());
  });

  it('sidebar header: the plan name, file and figure', () => {
    assert.equal(head.header, `NHS Wessex Vale Joint Forward Plan 2026/27 to 2030/31 (wessex-vale-joint-forward-plan.md) · ${figure}`);
    assert.match(figure, /^\d+\/33 covered · \d+%$/);
  });

  it('title hover: the figure, then the counting', () => {
    const doc = plan.documents[0]!;
    const line = doc.plan.lines.positionAt(doc.plan.title!.start).line;
    const h = hover(doc, plan, { line, character: 3 }, 'markdown')!;
    const text = (h.contents as { value: string }).value;
    assert.ok(text.includes(figure), text);
    assert.ok(text.indexOf(figure) < text.indexOf(countingNote()), text);
  });
});
