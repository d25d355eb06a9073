/**
 * Shared generators and settings for the fuzz and property tests. Seeded and bounded:
 * `npm test` runs a fixed seed and a modest number of runs; set JFP_FUZZ_RUNS (a multiplier,
 * e.g. 20) and JFP_FUZZ_SEED for a longer or different run. The seed is printed on failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ROOT } from './helpers.js';

export const FUZZ_SEED = Number(process.env.JFP_FUZZ_SEED ?? 20261123);
const FACTOR = Math.max(1, Number(process.env.JFP_FUZZ_RUNS ?? 1));
/** Number of runs for a property: its default in `npm test`, times JFP_FUZZ_RUNS. */
export const runs = (base: number): number => Math.round(base * FACTOR);
export const fuzzParams = (base: number): fc.Parameters<unknown> => ({ seed: FUZZ_SEED, numRuns: runs(base), endOnFailure: true });

/** Runs a property with the fixed seed; the error says which seed and path reproduce it. */
export async function check<T>(arb: fc.Arbitrary<T>, base: number, predicate: (value: T) => Promise<void> | void): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arb, async (v) => predicate(v)), fuzzParams(base) as fc.Parameters<[T]>);
  if (details.failed) {
    throw new Error(`Property failed with seed ${details.seed} (path "${details.counterexamplePath}"; rerun with JFP_FUZZ_SEED=${details.seed}):\n${fc.stringify(details.counterexample)}\n${String(details.errorInstance instanceof Error ? details.errorInstance.stack : details.errorInstance)}`);
  }
}

const IDS = ['duty-integration', 'duty-financial', 'duty-quality', 'duty-inequalities', 'area-workforce', 'req-hwb-opinion', 'no-such-item', ''];
const WORDS = ['integration', 'health inequalities', 'workforce', 'ICB', 'Health and Wellbeing Board', 'quality', 'climate change', 'research', 'patients', 'digital', 'estates', 'utilise', 'the', 'plan', 'CCG', 'JSNA', 'click here'];

const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 1, maxLength: 60 }).map((ws) => ws.join(' ') + '.');
const weird = fc.constantFrom('\u0000', '😀', '𝄞', '👩🏽‍⚕️', '\uD800', '\uFFFD', '\t', '\u200B', '\u2028', 'é', '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '---');
const text = fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: weird }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 20 }).map((p) => p.join(' '));

/** One block of Markdown: the kinds of input the issue names, and ordinary plan text. */
export const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([d, t]) => `${'#'.repeat(d)} ${t}`) },
  { weight: 4, arbitrary: sentence },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 40 }), text).map(([n, t]) => `${'> '.repeat(n)}${'- '.repeat(n % 7)}${t}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')) },
  { weight: 1, arbitrary: fc.constantFrom('---', '---\nplan: joint-forward-plan', '---\nplan: joint-forward-plan\nmode: [', '---\nmode: summary\n---', '+++') },
  { weight: 1, arbitrary: fc.constantFrom('```', '```js\nconst x = 1;', '~~~\n<!-- jfp: duty-quality -->\n~~~', '    indented code <!-- jfp: duty-financial -->') },
  { weight: 2, arbitrary: fc.tuple(fc.subarray(IDS), fc.constantFrom('jfp:', 'jfp', 'jfp-waive', 'jfp-disable-next-line', 'jfp-disable', 'JFP:'), fc.boolean()).map(([ids, d, closed]) => `<!-- ${d} ${ids.join(', ')}${d === 'jfp-waive' ? ': not applicable here' : ''} ${closed ? '-->' : ''}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 6 })).map(([cols, rows]) => [`| ${Array(cols).fill('h').join(' | ')} |`, `|${Array(cols).fill('---').join('|')}|`, ...rows.map((n) => `| ${Array(n).fill('cell 😀').join(' | ')}`)].join('\n')) },
  { weight: 1, arbitrary: fc.constantFrom('![](chart.png)', '[click here](https://example.invalid)', '<div>\n<!-- jfp: duty-integration -->', '<!-- unterminated comment', '\u0000\u0000binary\u0000', '| a | b |\n|---|') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => `${'word '.repeat(n * 1000)}😀`.slice(0, n * 5000)) },
);

/** A line ending: mostly LF, sometimes CRLF or a lone CR, so documents have mixed endings. */
const eol = fc.oneof({ weight: 6, arbitrary: fc.constant('\n') }, { weight: 2, arbitrary: fc.constant('\r\n') }, { weight: 1, arbitrary: fc.constant('\r') }, { weight: 1, arbitrary: fc.constant('\n\n') });

/** A random Markdown document, often starting as a plan. */
export const markdown: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(block, eol), { maxLength: 25 }))
  .map(([plan, parts]) => (plan ? '---\nplan: joint-forward-plan\n---\n\n# Our Joint Forward Plan\n\n' : '') + parts.map(([b, e]) => b + e).join(''));

/** A document with one 100 000-character line. */
export const longLine = fc.tuple(markdown, fc.constantFrom('x', 'integration ', '😀', '| a ')).map(([m, unit]) => `${m}\n${unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000)}\n`);

/** An edit, in fractions of the text, so it can be placed in any document. */
export interface RelativeEdit {
  at: number;
  length: number;
  insert: string;
}
export const edit: fc.Arbitrary<RelativeEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
  insert: fc.oneof(fc.constant(''), block, text, eol, fc.constantFrom('\r', '\n', '\uDC00', '😀', '-->', '<!--', '```')),
});

/** Lines as LSP sees them: separated by CRLF, CR or LF. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** LSP position (UTF-16) of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = lspLines(text.slice(0, offset));
  // A CR at the very end of `before` followed by LF belongs to the same line ending.
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** Throws unless the range lies inside the text (positions in UTF-16 code units). */
export function assertInside(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, what: string): void {
  const lines = lspLines(text);
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= lines.length || p.character > lines[p.line]!.length) {
      throw new Error(`${what}: position ${JSON.stringify(p)} is outside the document (${lines.length} lines; line length ${lines[p.line]?.length})`);
    }
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) throw new Error(`${what}: range ends before it starts: ${JSON.stringify(range)}`);
}

/** Adds figures to test-results/reliability.json (read by docs/reliability.md's author). */
export function recordFigures(name: string, figures: Record<string, number | string>): void {
  const file = path.join(ROOT, 'test-results', 'reliability.json');
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    all = {};
  }
  all[name] = { ...figures, seed: FUZZ_SEED, factor: FACTOR };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
}
