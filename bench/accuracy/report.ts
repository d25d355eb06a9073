/** The benchmark's printed report (Markdown), except its last line. */
import { confusionTable, fixed2, score, scoresBy, summaryLine, type Pair } from './score.js';

export function report(pairs: readonly Pair[], title: string): string[] {
  const all = score(pairs);
  const lines = [`## ${title}`, '', ...confusionTable(all), ''];
  const f1 = (['addressed', 'mentioned', 'absent'] as const).map((v) => `${v} ${all.f1[v] === undefined ? '-' : fixed2(all.f1[v])}`);
  lines.push(`F1 per class: ${f1.join(', ')}`, '');
  const table = (head: string, rows: [string, ReturnType<typeof score>][]) => [
    `| ${head} | labels | binary | 3-class |`,
    '|---|---|---|---|',
    ...rows.map(([k, s]) => `| ${k} | ${s.n} | ${fixed2(s.binary)} | ${fixed2(s.exact)} |`),
  ];
  lines.push('### Per item', '', ...table('item', scoresBy(pairs, (p) => p.id)), '');
  lines.push('### Per file', '', ...table('file', scoresBy(pairs, (p) => p.file)), '');
  const wrong = pairs.filter((p) => p.expected !== p.actual);
  lines.push(`### Disagreements (${wrong.length})`, '');
  for (const p of wrong) {
    lines.push(`- ${p.file} · ${p.id}: label ${p.expected}, engine ${p.actual}${p.quote ? `; label quote «${p.quote}»` : ''}`);
    lines.push(`  engine evidence: ${p.evidence ?? 'none'}`);
  }
  lines.push('', `${title}: ${summaryLine(all)}`);
  return lines;
}
