import { getGlossary, pluralTerm, type AbbreviationHit } from '../data/glossary.js';
import { partitionPoint } from '../text/partition.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/** Separators allowed between an abbreviation and its expansion written after it: "ICB (integrated care board)", "**ICB**: integrated care board". */
const SPELLED_OUT_AFTER = /^[*_]*\s*[(:=\u2013\u2014-]\s*[*_]*\s*$/;

/** True when the text before an offset on its line starts a sentence (or a heading, list item or table cell). */
export function atSentenceStart(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (/^\s*(?:(?:#{1,6}|>|[-*+]|\d+[.)])\s+)*[*_"'\u201c\u2018([]*$/.test(before)) return true;
  return /(?:[.!?]["'\u201d\u2019)]*[*_]*|\|)\s+[*_"'\u201c\u2018([]*$/.test(before);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** jfp.acronym.undefined: an abbreviation whose first use in a document is not spelled out. */
export const acronymUndefined: Rule<'jfp.acronym.undefined'> = {
  code: 'jfp.acronym.undefined',
  defaultSeverity: 'information',
  description: 'An abbreviation from the glossary is used before it is spelled out.',
  run({ doc, report }) {
    const glossary = getGlossary();
    const { text } = doc.plan;
    // The first use of each abbreviation that readers may not know.
    const first = new Map<string, AbbreviationHit>();
    // Abbreviations judged once: those every reader knows ("NHS") recur thousands of times.
    const known = new Set<string>();
    for (const hit of glossary.abbreviationsIn(doc.plan)) {
      if (first.has(hit.abbreviation) || known.has(hit.abbreviation)) continue;
      const found = glossary.abbreviation(hit.abbreviation);
      // Outdated abbreviations are jfp.term.outdated's business: their fix is to replace them.
      if (!found || found.outdated || found.entries.length === 0 || found.entries.some((e) => e.wellKnown)) known.add(hit.abbreviation);
      else first.set(hit.abbreviation, hit);
    }
    if (first.size === 0) return;
    // Terms in order of their start: where each is first written, and what follows an abbreviation closely.
    const terms = glossary.termsIn(doc.plan);
    const earliest = new Map<string, number>();
    for (const t of terms) if (!earliest.has(t.key)) earliest.set(t.key, t.start);
    for (const hit of first.values()) {
      const entry = glossary.abbreviation(hit.abbreviation)!.entries[0]!;
      const keys = glossary.expansionKeys(entry);
      if (keys.some((k) => (earliest.get(k) ?? Infinity) < hit.start)) continue;
      let spelledOutAfter = false;
      for (let i = partitionPoint(terms, (t) => t.start < hit.end); i < terms.length && terms[i]!.start - hit.end <= 8 && !spelledOutAfter; i++) {
        const t = terms[i]!;
        spelledOutAfter = keys.includes(t.key) && SPELLED_OUT_AFTER.test(text.slice(hit.end, t.start));
      }
      if (spelledOutAfter) continue;
      const written = text.slice(hit.start, hit.end);
      let expansion = hit.plural ? pluralTerm(entry) : entry.term;
      if (atSentenceStart(text, hit.start)) expansion = capitalise(expansion);
      const newText = `${expansion} (${written})`;
      const range = doc.plan.lines.rangeOf(hit.start, hit.end);
      report(hit.start, hit.end, l10n.t('"{0}" is used before it is spelled out. Write "{1}" the first time.', written, newText), {
        abbreviation: entry.abbreviation ?? hit.abbreviation,
        expansion: entry.term,
        fix: { title: `Spell out "${written}": ${newText}`, edits: [{ range, newText }] },
      });
    }
  },
};
