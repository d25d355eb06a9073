import type { WorkspaceEdit } from 'vscode-languageserver';
import type { PlanAnalysis } from '../../analysis/analyse.js';
import type { DocumentAnalysis } from '../../analysis/model/document.js';
import { annexReplacement, buildAnnex } from '../../formats/annex.js';
import { compareCoverage, formatComparison } from '../../formats/compare.js';
import { formatHtml } from '../../formats/html.js';
import { baseName, relativePath } from '../../host/uri.js';
import type { PlanWorkspace } from '../workspace.js';

/** The edit that writes the current coverage annex into a document, replacing the previous annex in place. */
export function annexEdit(doc: DocumentAnalysis, plan: PlanAnalysis): WorkspaceEdit {
  const text = doc.plan.text;
  const r = annexReplacement(text, buildAnnex(plan, doc.uri));
  const range = { start: doc.plan.lines.positionAt(r.start), end: doc.plan.lines.positionAt(r.end) };
  return { changes: { [doc.uri]: [{ range, newText: r.newText }] } };
}

/** How a document is named in reports made in the editor: its path relative to the workspace folder. */
export function displayName(workspace: PlanWorkspace, uri: string): string {
  for (const folder of workspace.folderUris()) {
    const relative = relativePath(folder, uri);
    if (relative !== undefined) return relative;
  }
  return baseName(uri) || uri;
}

/** "Export coverage report": the HTML report's text (the client writes the file). */
export function htmlReport(plan: PlanAnalysis, workspace: PlanWorkspace, now = new Date()): string {
  return formatHtml(plan, (uri) => displayName(workspace, uri), { now });
}

/**
 * "Compare with previous plan": reads the previous plan from the given paths or URIs (files
 * or folders), with the current plan's configuration, and returns the comparison as
 * Markdown; or { error } when they hold no readable plan.
 */
export async function comparison(plan: PlanAnalysis, uri: string, paths: readonly string[], workspace: PlanWorkspace): Promise<{ markdown: string } | { error: string }> {
  const { config } = workspace.configFor(uri);
  try {
    const previous = await workspace.loadPlan(paths, config, workspace.catalogue);
    return { markdown: formatComparison(compareCoverage(previous, plan), previous, plan, 'markdown') };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
