import { CONFIDENCE_LABELS } from '../data/catalogue.js';
import type { CatalogueItem } from '../types.js';

/** "NHS Act 2006 s.14Z42", with a warning when the basis is unconfirmed. */
export function citation(item: CatalogueItem): string {
  const c = item.legalBasis;
  return c.confidence === 'memory' || c.confidence === 'unconfirmed' ? `${c.citation}; ${CONFIDENCE_LABELS[c.confidence]}` : c.citation;
}

/** Edit distance, used to suggest the closest known id. */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The known id closest to an unknown one, if any is close enough to be a likely typo. */
export function closestId(unknown: string, ids: readonly string[]): string | undefined {
  // A pure function of its arguments, remembered per id list: a plan repeats its unknown ids on every edit.
  const list = ids.join('\n');
  let memo = closestMemo.get(list);
  if (!memo) {
    if (closestMemo.size >= 16) closestMemo.clear();
    closestMemo.set(list, (memo = new Map()));
  }
  if (memo.has(unknown)) return memo.get(unknown);
  if (memo.size >= 10_000) memo.clear();
  const best = closest(unknown, ids);
  memo.set(unknown, best);
  return best;
}

const closestMemo = new Map<string, Map<string, string | undefined>>();

function closest(unknown: string, ids: readonly string[]): string | undefined {
  const u = unknown.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const id of ids) {
    let score = levenshtein(u, id);
    // A truncated id ("duty-climate") is a likely slip for the full one.
    if (id.startsWith(u) || u.startsWith(id)) score = Math.min(score, 1.5);
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(u.length / 3)) ? best : undefined;
}
