import type { CodeLens } from 'vscode-languageserver';
import type { PlanAnalysis } from '../analysis/analyse.js';
import type { DocumentAnalysis } from '../analysis/document.js';
import { Commands } from '../protocol.js';

/** A lens above each mapped heading: "Duty to promote integration · 4/7 key elements". */
export function codeLenses(doc: DocumentAnalysis, plan: PlanAnalysis): CodeLens[] {
  const { plan: model } = doc;
  const lenses: CodeLens[] = [];
  for (const { section: index, itemId } of doc.mappings) {
    const section = model.sections[index]!;
    const item = plan.index.catalogue.get(itemId);
    const c = plan.byId.get(itemId);
    if (!item || !c || section.depth === 0) continue;
    lenses.push({
      range: model.lines.rangeOf(section.headingStart, section.headingStart),
      command: {
        title: `${item.title} · ${c.elements.covered}/${c.elements.total} key elements`,
        command: Commands.showGuidance,
        arguments: [itemId, doc.uri],
      },
    });
  }
  return lenses;
}
