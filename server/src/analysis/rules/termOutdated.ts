import { capitalsAgree, getGlossary, isUnconfirmed, pluralise, type OutdatedTerm } from '../data/glossary.js';
import { normaliseTerm } from '../text/terms.js';
import { capitalise } from './acronymUndefined.js';
import type { Rule } from './rule.js';
import { glossaryHits, glossaryParts } from './glossaryParts.js';
import type { TextPart } from '../text/parts.js';
import { reportByPart, type RunMemory } from './runFindings.js';
import * as l10n from '@vscode/l10n';

const SMALL_WORDS = new Set(['a', 'an', 'and', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** The replacement written in the case of the text it replaces ("Clinical Commissioning Group" -> "Integrated Care Board"). */
export function matchCase(written: string, replacement: string): string {
  // A replacement with capitals is a name ("NHS England"): keep it as it is.
  if (replacement !== replacement.toLowerCase()) return replacement;
  const words = written.split(/[\s\u2010-\u2014-]+/).filter((w) => w.length > 0);
  const titleCase = words.length > 1 && words.every((w) => SMALL_WORDS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w));
  if (titleCase) return replacement.replace(/\p{L}+/gu, (w, i: number) => (i > 0 && SMALL_WORDS.has(w) ? w : capitalise(w)));
  return /^\p{Lu}/u.test(written) ? capitalise(replacement) : replacement;
}

/** The message of a finding: what replaced the term, when, and on what authority. */
export function outdatedMessage(o: OutdatedTerm): string {
  const unconfirmed = isUnconfirmed(o.confidence) ? ' ' + l10n.t('This is unconfirmed: check it before relying on it.') : '';
  const noReplacement = o.replacement ? '' : ' ' + l10n.t('There is no single replacement: name the body you mean.');
  return `${o.what} (${o.source}).${noReplacement}${unconfirmed}`;
}

/** jfp.term.outdated: the name of a body that was abolished or renamed. */
export const termOutdated: Rule<'jfp.term.outdated'> = {
  code: 'jfp.term.outdated',
  defaultSeverity: 'warning',
  description: 'The plan names a body or term that has been abolished or renamed.',
  run(ctx) {
    const { doc, report, identity } = ctx;
    const glossary = getGlossary();
    // A term outdated only after the plan's period starts is still current for that plan ("42 ICBs" in a 2025/26 plan).
    const current = (o: OutdatedTerm) => identity.firstYear !== undefined && o.since > `${identity.firstYear}-04-01`;
    const { text } = doc.plan;
    // Part by part (see glossaryParts.ts): an edit looks again only at the parts it changed.
    reportByPart(ctx, memory, String(identity.firstYear), glossaryParts(doc.plan), (p) => p.part, (placed) => {
      const base = placed.start;
      const part = glossaryHits(placed, doc.plan);
      const found: { start: number; end: number; outdated: OutdatedTerm; newText: string | undefined }[] = [];
      for (const hit of part.abbreviations) {
        const outdated = glossary.abbreviation(hit.abbreviation)?.outdated;
        if (!outdated || current(outdated)) continue;
        let newText: string | undefined;
        if (outdated.replacementAbbreviation) newText = outdated.replacementAbbreviation + (hit.plural ? 's' : '');
        else if (outdated.replacement) newText = hit.plural && isKind(outdated) ? pluralise(outdated.replacement) : outdated.replacement;
        found.push({ start: base + hit.start, end: base + hit.end, outdated, newText });
      }
      for (const hit of part.terms) {
        const outdated = glossary.phrase(hit.key)?.outdated;
        if (!outdated || current(outdated)) continue;
        const written = text.slice(base + hit.start, base + hit.end);
        if (!capitalsAgree(written, outdated, hit.key)) continue;
        let newText: string | undefined;
        if (outdated.replacement) {
          const suffix = normaliseTerm(written).slice(hit.key.length);
          let replacement = (suffix === 's' || suffix === 'es') && isKind(outdated) ? pluralise(outdated.replacement) : outdated.replacement;
          // A possessive ("CCG's") keeps its ending.
          if (suffix === "'s") replacement += written.slice(-2);
          newText = matchCase(written, replacement);
        }
        found.push({ start: base + hit.start, end: base + hit.end, outdated, newText });
      }
      found.sort((a, b) => a.start - b.start);
      for (const { start, end, outdated, newText } of found) {
        const range = doc.plan.lines.rangeOf(start, end);
        report(start, end, outdatedMessage(outdated), {
          term: outdated.term,
          ...(newText !== undefined ? { replacement: newText, fix: { title: `Replace with "${newText}"`, edits: [{ range, newText }] } } : {}),
        });
      }
    });
  },
};

const memory: RunMemory<TextPart> = new WeakMap();

/** True for a kind of body there were many of (a common noun: "clinical commissioning group"), not a single named body. */
function isKind(o: OutdatedTerm): boolean {
  return /^\p{Ll}/u.test(o.term);
}
