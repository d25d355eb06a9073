import { endOffset, plainText, startOffset, visit } from '../model/markdown.js';
import type { Rule } from './rule.js';
import { reportByRun, type RunMemory } from './runFindings.js';
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
  run(ctx) {
    const { report } = ctx;
    const { vagueLinkTexts } = styleData();
    // Per run of blocks: an edit looks again only at the runs it changed.
    reportByRun(ctx, memory, '', ({ run }) => {
      for (const block of run.blocks) {
        visit(block, (node) => {
          if (node.type !== 'link' && node.type !== 'linkReference') return;
          const raw = plainText(node);
          const text = normaliseLinkText(raw);
          // A linked image is announced by its alt text, which jfp.style.image-alt checks.
          if (text === '' && node.children.some((c) => c.type === 'image' || c.type === 'imageReference')) return;
          if (text !== '' && !vagueLinkTexts.has(text)) return;
          const message =
            text === ''
              ? l10n.t('This link has no text, so screen readers announce the web address or nothing at all. Write link text that says where the link goes.')
              : l10n.t("The link text \"{0}\" does not say where the link goes. Many people scan a page for its links, and screen reader users often hear them as a list, out of context. Describe the destination instead, for example \"read the integrated care strategy\". See the NHS digital service manual's content style guide on links.", raw.trim());
          report(startOffset(node), endOffset(node), message, { text: raw.trim() });
        });
      }
    });
  },
};

const memory: RunMemory = new WeakMap();
