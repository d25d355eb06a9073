import { simplifiedIn } from '../model/markdown.js';
import type { Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

type Reason = 'nesting' | 'inline' | 'front-matter';

/**
 * jfp.file.simplified: part of the document was read as plain text because its structure
 * went past a budget that keeps the analysis fast (model/bound.ts), or its front matter
 * was too large to read (model/frontMatter.ts). One finding per document, on the first line concerned.
 */
export const fileSimplified: Rule<'jfp.file.simplified'> = {
  code: 'jfp.file.simplified',
  defaultSeverity: 'information',
  description: 'Part of the document is too deeply nested, or too large, to be read as Markdown structure; it is checked as plain text.',
  run({ doc, report }) {
    const places: { offset: number; why: Reason }[] = simplifiedIn(doc.plan.root).map((s) => ({ offset: s.offset, why: s.kind }));
    const fm = doc.plan.frontMatter;
    if (fm?.tooLarge) places.push({ offset: fm.start, why: 'front-matter' });
    if (places.length === 0) return;
    places.sort((a, b) => a.offset - b.offset);
    const line = doc.plan.lines.positionAt(places[0]!.offset).line;
    const reasons = [...new Set(places.map((p) => p.why))];
    report(
      doc.plan.lines.lineStart(line),
      doc.plan.lines.lineEnd(line),
      l10n.t('Part of this document is checked as plain text, to keep jfp-assist fast: {0} The rest of the plan is checked as usual.', reasons.map(reasonText).join(' ')),
      { reasons },
    );
  },
};

function reasonText(why: Reason): string {
  if (why === 'nesting') return l10n.t('block quotes or lists are nested more deeply than a plan needs (from this line).');
  if (why === 'inline') return l10n.t('a paragraph holds very many links, brackets, emphasis marks or HTML comments.');
  return l10n.t('the front matter is too large to read, so its settings are ignored.');
}
