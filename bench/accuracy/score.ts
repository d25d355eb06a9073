/**
 * Scoring of the engine's verdicts against a reviewer's labels (issue 13): pure functions, no
 * files. A verdict is one of three classes; "binary" asks only whether the item is there at all.
 */

export type Verdict = 'addressed' | 'mentioned' | 'absent';
export const VERDICTS: readonly Verdict[] = ['addressed', 'mentioned', 'absent'];

/** One label beside the engine's verdict for it. */
export interface Pair {
  file: string;
  /** The group the file belongs to (its ICB), for leave-one-group-out. */
  group: string;
  /** The catalogue id. */
  id: string;
  expected: Verdict;
  actual: Verdict;
  /** The reviewer's quote, if any. */
  quote?: string;
  /** What the engine used, in one line (for disagreements). */
  evidence?: string;
}

export interface Scores {
  n: number;
  /** Share of labels where both say "there" (addressed or mentioned) or both say absent. */
  binary: number;
  /** Share of labels with the same class. */
  exact: number;
  /** Mean over the three classes of F1 (a class nobody used, in labels or verdicts, is left out). */
  macroF1: number;
  /** confusion[expected][actual] = count. */
  confusion: Record<Verdict, Record<Verdict, number>>;
  f1: Record<Verdict, number | undefined>;
}

/** Maps an engine status onto the rubric's classes. */
export function verdictOf(status: string): Verdict {
  if (status === 'addressed') return 'addressed';
  if (status === 'partial') return 'mentioned';
  return 'absent';
}

const LABEL_IDS: Record<string, string> = {
  'duty-expert-advice': 'duty-advice',
  'area-population-health-management': 'area-phm',
  'area-social-economic-development': 'area-social-economic',
};

/** The catalogue id for a label id (the corpus uses the guidance's longer names). */
export function catalogueId(labelId: string): string {
  return LABEL_IDS[labelId] ?? (labelId.startsWith('needs-') ? `need-${labelId.slice('needs-'.length)}` : labelId);
}

export function score(pairs: readonly Pair[]): Scores {
  const confusion = Object.fromEntries(VERDICTS.map((e) => [e, Object.fromEntries(VERDICTS.map((a) => [a, 0]))])) as Scores['confusion'];
  let binary = 0;
  let exact = 0;
  for (const p of pairs) {
    confusion[p.expected][p.actual]++;
    if (p.expected === p.actual) exact++;
    if ((p.expected === 'absent') === (p.actual === 'absent')) binary++;
  }
  const f1 = {} as Scores['f1'];
  const used: number[] = [];
  for (const v of VERDICTS) {
    const tp = confusion[v][v];
    const expected = VERDICTS.reduce((s, a) => s + confusion[v][a], 0);
    const actual = VERDICTS.reduce((s, e) => s + confusion[e][v], 0);
    if (expected + actual === 0) {
      f1[v] = undefined;
      continue;
    }
    f1[v] = (2 * tp) / (expected + actual);
    used.push(f1[v]);
  }
  const n = pairs.length;
  return {
    n,
    binary: n === 0 ? 0 : binary / n,
    exact: n === 0 ? 0 : exact / n,
    macroF1: used.length === 0 ? 0 : used.reduce((a, b) => a + b, 0) / used.length,
    confusion,
    f1,
  };
}

/** Two decimals, as in "0.74". */
export function fixed2(x: number): string {
  return x.toFixed(2);
}

/** The benchmark's last line. */
export function summaryLine(s: Scores): string {
  return `binary ${fixed2(s.binary)} · 3-class ${fixed2(s.exact)} · macro-F1 ${fixed2(s.macroF1)} · ${s.n} labels`;
}

/** The confusion table as Markdown (rows: the labels; columns: the engine). */
export function confusionTable(s: Scores): string[] {
  return [
    '| label \\ engine | addressed | mentioned | absent |',
    '|---|---|---|---|',
    ...VERDICTS.map((e) => `| ${e} | ${VERDICTS.map((a) => s.confusion[e][a]).join(' | ')} |`),
  ];
}

/** Scores of the pairs grouped by a key, in key order. */
export function scoresBy(pairs: readonly Pair[], key: (p: Pair) => string): [string, Scores][] {
  const groups = new Map<string, Pair[]>();
  for (const p of pairs) {
    const k = key(p);
    const list = groups.get(k) ?? [];
    list.push(p);
    groups.set(k, list);
  }
  return [...groups].sort((a, b) => a[0].localeCompare(b[0])).map(([k, list]) => [k, score(list)]);
}
