import { simplifiedIn } from '../model/markdown.js';
import type { Finding } from '../types.js';
import { findingRange, type Rule } from './rule.js';
import * as l10n from '@vscode/l10n';

/**
 * jfp.file.simplified: part of the document was read as plain text because its structure
 * went past a budget that keeps the analysis fast (model/bound.ts), or its front matter
 * was too large to read (model/frontMatter.ts). One finding per document, at the first place.
 */
export const fileSimplified: Rule = {
  code: 'jfp.file.simplified',
  defaultSeverity: 'information',
  description: 'Part of the document is too deeply nested, or too large, to be read as Markdown structure; it is checked as plain text.',
  run({ doc }) {
    const places = [...simplifiedIn(doc.plan.root).map((s) => ({ offset: s.offset, why: s.kind as string }))];
    const fm = doc.plan.frontMatter;
    if (fm?.tooLarge) places.push({ offset: fm.start, why: 'front-matter' });
    if (places.length === 0) return [];
    places.sort((a, b) => a.offset - b.offset);
    const first = places[0]!;
    const line = doc.plan.lines.positionAt(first.offset).line;
    const reasons = [...new Set(places.map((p) => p.why))].map(reasonText).join(' ');
    const finding: Finding = {
      uri: doc.uri,
      range: findingRange(doc, doc.plan.lines.lineStart(line), doc.plan.lines.lineEnd(line)),
      severity: this.defaultSeverity,
      code: this.code,
      message: l10n.t('Part of this document is checked as plain text, to keep jfp-assist fast: {0} The rest of the plan is checked as usual.', reasons),
    };
    return [finding];
  },
};

function reasonText(why: string): string {
  if (why === 'nesting') return l10n.t('block quotes or lists are nested more deeply than a plan needs (from this line).');
  if (why === 'inline') return l10n.t('a paragraph holds very many links, brackets, emphasis marks or HTML comments.');
  return l10n.t('the front matter is too large to read, so its settings are ignored.');
}
