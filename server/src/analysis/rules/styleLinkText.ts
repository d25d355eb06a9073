import { endOffset, plainText, startOffset, visit } from '../model/markdown.js';
import { inBlocks, type BlockMemory, type Place } from './blocks.js';
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
    const found = inBlocks(memory, doc.plan.root, (block) => {
      const links: VagueLink[] = [];
      visit(block, (node) => {
        if (node.type !== 'link' && node.type !== 'linkReference') return;
        const raw = plainText(node);
        const text = normaliseLinkText(raw);
        // A linked image is announced by its alt text, which jfp.style.image-alt checks.
        if (text === '' && node.children.some((c) => c.type === 'image' || c.type === 'imageReference')) return;
        if (text === '' || vagueLinkTexts.has(text)) links.push({ start: startOffset(node), end: endOffset(node), raw, empty: text === '' });
      });
      return links;
    });
    for (const { start, end, raw, empty } of found) {
      const message = empty
        ? l10n.t('This link has no text, so screen readers announce the web address or nothing at all. Write link text that says where the link goes.')
        : l10n.t("The link text \"{0}\" does not say where the link goes. Many people scan a page for its links, and screen reader users often hear them as a list, out of context. Describe the destination instead, for example \"read the integrated care strategy\". See the NHS digital service manual's content style guide on links.", raw.trim());
      report(start, end, message, { text: raw.trim() });
    }
  },
};

/** A link with no text or vague text, as found in a block. */
interface VagueLink extends Place {
  raw: string;
  empty: boolean;
}

const memory: BlockMemory<VagueLink> = new WeakMap();
