/**
 * Style findings that do not nag: repeated findings of one rule in one section become one
 * finding, on the worst example, that says how many there are. Findings that carry a fix are
 * never grouped (each keeps its own quick fix), and findings of different rules never merge.
 */
import type { DocumentAnalysis } from '../model/document.js';
import { sectionAt } from '../model/plan.js';
import type { Finding } from '../types.js';
import * as l10n from '@vscode/l10n';

/** Codes grouped per section; for each, how to pick the worst example. */
const GROUPED: Readonly<Record<string, (f: Finding) => number>> = {
  'jfp.style.sentence-length': (f) => (f.code === 'jfp.style.sentence-length' ? f.data.words : 0),
  'jfp.style.link-text': () => 0,
  'jfp.style.image-alt': () => 0,
  'jfp.term.outdated': () => 0,
  'jfp.acronym.undefined': () => 0,
};

/** Codes grouped per item across the document: one finding per item, on its first section. */
const PER_ITEM = new Set(['jfp.element.missing']);

export function groupRepeated(doc: DocumentAnalysis, findings: readonly Finding[]): Finding[] {
  const { plan } = doc;
  const groups = new Map<string, Finding[]>();
  const keyOf = (f: Finding): string | undefined => {
    if (f.data?.fix) return undefined;
    if (PER_ITEM.has(f.code) && f.data && 'itemId' in f.data) return `${f.code}|item:${f.data.itemId}`;
    if (!(f.code in GROUPED)) return undefined;
    const section = sectionAt(plan.sections, plan.lines.offsetAt(f.range.start));
    return `${f.code}|section:${section}`;
  };
  const keys = findings.map(keyOf);
  findings.forEach((f, i) => {
    const key = keys[i];
    if (key === undefined) return;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  });
  const out: Finding[] = [];
  for (const [i, f] of findings.entries()) {
    const key = keys[i];
    const group = key === undefined ? undefined : groups.get(key);
    if (!group || group.length === 1) {
      out.push(f);
      continue;
    }
    if (group[0] !== f) continue; // the group is emitted once, in the place of its first finding
    if (PER_ITEM.has(f.code)) {
      out.push(f);
      continue;
    }
    const score = GROUPED[f.code]!;
    const worst = group.reduce((a, b) => (score(b) > score(a) ? b : a));
    out.push({
      ...worst,
      message: `${worst.message} ${l10n.t('({0} more like this in this section.)', group.length - 1)}`,
      data: { ...worst.data, grouped: group.length, others: group.filter((g) => g !== worst).map((g) => g.range) },
    } as Finding);
  }
  return out;
}
