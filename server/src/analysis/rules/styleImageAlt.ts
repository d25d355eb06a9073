import { endOffset, startOffset, visit } from '../model/markdown.js';
import type { Rule } from './rule.js';
import { reportByRun, type RunMemory } from './runFindings.js';
import * as l10n from '@vscode/l10n';

const IMG = /<img\b[^>]*>/gi;
const ALT = /\salt\s*=/i;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** jfp.style.image-alt: images without alt text (Markdown images with empty alt, HTML <img> with no alt attribute). */
export const styleImageAlt: Rule<'jfp.style.image-alt'> = {
  code: 'jfp.style.image-alt',
  defaultSeverity: 'warning',
  description: 'An image has no alt text.',
  run(ctx) {
    const { doc, report } = ctx;
    const { text } = doc.plan;
    const html = l10n.t('This <img> has no alt attribute, so screen readers may read out its file name instead. Add alt="..." saying what the image shows or the point it makes, or alt="" if it is purely decorative. The NHS digital service manual explains how to write alt text.');
    const markdown = l10n.t('This image has no alt text, so people who use screen readers, or who cannot load images, will miss what it shows. Write the alt text between the square brackets: say what the image shows or the point it makes, for example ![Chart: waiting times have fallen each year since 2024](waits.png). The NHS digital service manual explains how to write alt text.');
    // Per run of blocks: an edit looks again only at the runs it changed.
    reportByRun(ctx, memory, '', ({ run }) => {
      for (const block of run.blocks) {
        visit(block, (node) => {
          if (node.type === 'image' || node.type === 'imageReference') {
            if ((node.alt ?? '').trim() === '') report(startOffset(node), endOffset(node), markdown, {});
            return;
          }
          if (node.type !== 'html') return;
          const start = startOffset(node);
          // Comments are not markup: blank them out, keeping offsets.
          const source = text.slice(start, endOffset(node)).replace(COMMENT, (c) => ' '.repeat(c.length));
          for (const m of source.matchAll(IMG)) if (!ALT.test(m[0])) report(start + m.index, start + m.index + m[0].length, html, {});
        });
      }
    });
  },
};

const memory: RunMemory = new WeakMap();
