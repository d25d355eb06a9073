import { getGlossary, pluralTerm, type AbbreviationHit, type Glossary } from '../data/glossary.js';
import { glossaryHits, glossaryParts } from './glossaryParts.js';
import type { PlacedPart, TextPart } from '../text/parts.js';
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

/** An abbreviation's first use in a part of the document, relative to the part. */
interface FirstUse {
  hit: AbbreviationHit;
  /** Spelled out just after ("ICB (integrated care board)"): never further than the part. */
  spelledOutAfter: boolean;
  /** At the start of a sentence (read on its own line, which the part holds). */
  sentenceStart: boolean;
}

/** What a part contributes: first uses of the abbreviations readers may not know, and where each glossary term is first written. */
interface PartUses {
  firsts: FirstUse[];
  /** The first place of each term that spells out such an abbreviation (key, offset relative to the part). */
  earliest: [string, number][];
}

/** Per part (see glossaryParts.ts): an edit reads again only the parts it changed. */
const usesByPart = new WeakMap<TextPart, PartUses>();

/** True for an abbreviation readers may not know: in the glossary, current, and not well known ("NHS"). */
function mayNotKnow(glossary: Glossary, abbreviation: string): boolean {
  const found = glossary.abbreviation(abbreviation);
  // Outdated abbreviations are jfp.term.outdated's business: their fix is to replace them.
  return !!found && !found.outdated && found.entries.length > 0 && !found.entries.some((e) => e.wellKnown);
}

const spellings = new WeakMap<Glossary, ReadonlySet<string>>();

/** The keys of the terms that spell out an abbreviation readers may not know (only their first places matter). */
function spellingKeys(glossary: Glossary): ReadonlySet<string> {
  let keys = spellings.get(glossary);
  if (!keys) {
    const all = new Set<string>();
    for (const e of glossary.entries) if (e.abbreviation && mayNotKnow(glossary, e.abbreviation)) for (const k of glossary.expansionKeys(glossary.abbreviation(e.abbreviation)!.entries[0]!)) all.add(k);
    spellings.set(glossary, (keys = all));
  }
  return keys;
}

function usesIn(glossary: Glossary, placed: PlacedPart, text: string): PartUses {
  let uses = usesByPart.get(placed.part);
  if (uses) return uses;
  const base = placed.start;
  const part = glossaryHits(placed, { text });
  uses = { firsts: [], earliest: [] };
  // Abbreviations judged once: those every reader knows ("NHS") recur thousands of times.
  const judged = new Set<string>();
  const { terms } = part;
  for (const hit of part.abbreviations) {
    if (judged.has(hit.abbreviation)) continue;
    judged.add(hit.abbreviation);
    if (!mayNotKnow(glossary, hit.abbreviation)) continue;
    const keys = glossary.expansionKeys(glossary.abbreviation(hit.abbreviation)!.entries[0]!);
    let spelledOutAfter = false;
    for (let i = partitionPoint(terms, (t) => t.start < hit.end); i < terms.length && terms[i]!.start - hit.end <= 8 && !spelledOutAfter; i++) {
      const t = terms[i]!;
      spelledOutAfter = keys.includes(t.key) && SPELLED_OUT_AFTER.test(text.slice(base + hit.end, base + t.start));
    }
    uses.firsts.push({ hit, spelledOutAfter, sentenceStart: atSentenceStart(text, base + hit.start) });
  }
  const spelling = spellingKeys(glossary);
  const seen = new Set<string>();
  for (const t of terms) {
    if (!spelling.has(t.key) || seen.has(t.key)) continue;
    seen.add(t.key);
    uses.earliest.push([t.key, t.start]);
  }
  usesByPart.set(placed.part, uses);
  return uses;
}

/** jfp.acronym.undefined: an abbreviation whose first use in a document is not spelled out. */
export const acronymUndefined: Rule<'jfp.acronym.undefined'> = {
  code: 'jfp.acronym.undefined',
  defaultSeverity: 'information',
  description: 'An abbreviation from the glossary is used before it is spelled out.',
  run({ doc, report }) {
    const glossary = getGlossary();
    const { text } = doc.plan;
    // Put together from the parts, in order: the first use of each abbreviation that readers
    // may not know, and where each term is first written (a walk over the parts' few uses).
    const first = new Map<string, { use: FirstUse; base: number }>();
    const earliest = new Map<string, number>();
    for (const placed of glossaryParts(doc.plan)) {
      const base = placed.start;
      const uses = usesIn(glossary, placed, text);
      for (const use of uses.firsts) if (!first.has(use.hit.abbreviation)) first.set(use.hit.abbreviation, { use, base });
      for (let i = 0; i < uses.earliest.length; i++) {
        const [key, at] = uses.earliest[i]!;
        if (!earliest.has(key)) earliest.set(key, base + at);
      }
    }
    for (const { use, base } of first.values()) {
      const { hit } = use;
      const start = base + hit.start;
      const end = base + hit.end;
      const entry = glossary.abbreviation(hit.abbreviation)!.entries[0]!;
      if (use.spelledOutAfter || glossary.expansionKeys(entry).some((k) => (earliest.get(k) ?? Infinity) < start)) continue;
      const written = text.slice(start, end);
      let expansion = hit.plural ? pluralTerm(entry) : entry.term;
      if (use.sentenceStart) expansion = capitalise(expansion);
      const newText = `${expansion} (${written})`;
      const range = doc.plan.lines.rangeOf(start, end);
      report(start, end, l10n.t('"{0}" is used before it is spelled out. Write "{1}" the first time.', written, newText), {
        abbreviation: entry.abbreviation ?? hit.abbreviation,
        expansion: entry.term,
        fix: { title: `Spell out "${written}": ${newText}`, edits: [{ range, newText }] },
      });
    }
  },
};
