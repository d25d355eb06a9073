import { endOffset, plainText, startOffset, visit } from '../model/markdown.js';
import type { Rule } from './rule.js';
import { styleData } from '../data/styleData.js';
import * as l10n from '@vscode/l10n';

/** Link text as compared with the list: lower case, single spaces, no surrounding punctuation. */
export function normaliseLinkText(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“‘([]+|[\s"'”’)\].,:;!?…]+$/g, '');
}

/** jfp.style.link-text: links whose text does not say where they go ("click here", "read more"). */
export const styleLinkText: Rule<'jfp.style.link-text'> = {
  code: 'jfp.style.link-text',
  defaultSeverity: 'warning',
  description: 'A link has vague text, such as "click here" or "read more", or none at all.',
  run({ doc, report }) {
    const { vagueLinkTexts } = styleData();
    visit(doc.plan.root, (node) => {
      if (node.type !== 'link' && node.type !== 'linkReference') return;
      const raw = plainText(node);
      const text = normaliseLinkText(raw);
      let message: string;
      if (text === '') {
        // A linked image is announced by its alt text, which jfp.style.image-alt checks.
        if (node.children.some((c) => c.type === 'image' || c.type === 'imageReference')) return;
        message = l10n.t('This link has no text, so screen readers announce the web address or nothing at all. Write link text that says where the link goes.');
      } else if (vagueLinkTexts.has(text)) {
        message = l10n.t("The link text \"{0}\" does not say where the link goes. Many people scan a page for its links, and screen reader users often hear them as a list, out of context. Describe the destination instead, for example \"read the integrated care strategy\". See the NHS digital service manual's content style guide on links.", raw.trim());
      } else {
        return;
      }
      report(startOffset(node), endOffset(node), message, { text: raw.trim() });
    });
  },
};
