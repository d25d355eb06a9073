import type { CodeLens } from 'vscode-languageserver';
import type { PlanAnalysis } from '../../analysis/analyse.js';
import type { DocumentAnalysis } from '../../analysis/model/document.js';
import { documentReadability, readingShare } from '../../analysis/text/readability.js';
import { Commands } from '../../../../shared/protocol.js';
import * as l10n from '@vscode/l10n';

/**
 * Lenses above headings:
 * - above each mapped heading, "Duty to promote integration · 4/7 key elements";
 * - above every heading whose own prose is long enough to score, "Readability: SMOG 12.4 (about half of UK adults)".
 * A heading with both shows the duty lens first.
 */
export function codeLenses(doc: DocumentAnalysis, plan: PlanAnalysis): CodeLens[] {
  const { plan: model } = doc;
  const lenses: { section: number; lens: CodeLens }[] = [];
  for (const { section: index, itemId } of doc.mappings) {
    const section = model.sections[index]!;
    const item = plan.index.catalogue.get(itemId);
    const c = plan.byId.get(itemId);
    if (!item || !c || section.depth === 0) continue;
    lenses.push({
      section: index,
      lens: {
        range: model.lines.rangeOf(section.headingStart, section.headingStart),
        command: {
          title: `${item.title} · ${c.elements.covered}/${c.elements.total} key elements`,
          command: Commands.showGuidance,
          arguments: [itemId, doc.uri],
        },
      },
    });
  }
  const readability = documentReadability(doc);
  for (const section of model.sections) {
    const smog = readability.sections[section.index]?.smog;
    if (section.depth === 0 || smog === undefined) continue;
    lenses.push({
      section: section.index,
      // An empty command id: the lens is a label, not a link.
      lens: { range: model.lines.rangeOf(section.headingStart, section.headingStart), command: { title: l10n.t('Readability: SMOG {0} ({1})', smog.toFixed(1), readingShare(smog).share), command: '' } },
    });
  }
  // Stable: within a heading, duty lenses stay before the readability lens.
  return lenses.sort((a, b) => a.section - b.section).map((l) => l.lens);
}
