import type { PlanAnalysis } from '../../analysis/analyse.js';
import type { DocumentAnalysis } from '../../analysis/model/document.js';
import { explainItem } from '../../analysis/explain.js';
import { planTemplate } from '../../analysis/skeleton.js';
import type { PlanWorkspace } from '../workspace.js';
import { defaultPlanPeriod } from '../../../../shared/period.js';
import { ServerCommands } from '../../../../shared/protocol.js';
import { missingSectionsEdit, sectionEdit } from './codeActions.js';
import { annexEdit, comparison, htmlReport } from './reports.js';
import { WordPdfServerCommands } from '../../../../shared/wordPdf.js';
import { checkWithoutImport, convertForImport, wordReport } from './wordCommands.js';

/**
 * workspace/executeCommand: the server-side commands the client (or any editor) can run.
 * `withPlan` brings a document's analysis up to date and returns it with its plan.
 */
export async function executeCommand(
  command: string,
  args: unknown[],
  workspace: PlanWorkspace,
  withPlan: (uri: unknown) => Promise<{ plan: PlanAnalysis; doc: DocumentAnalysis } | undefined>,
): Promise<unknown> {
  switch (command) {
    case ServerCommands.sectionEdit: {
      const ctx = await withPlan(args[0]);
      return ctx && typeof args[1] === 'string' ? sectionEdit(ctx.doc, ctx.plan, args[1]) : null;
    }
    case ServerCommands.missingSectionsEdit: {
      const ctx = await withPlan(args[0]);
      return ctx ? missingSectionsEdit(ctx.doc, ctx.plan) : null;
    }
    case ServerCommands.guidance: {
      const item = typeof args[0] === 'string' ? workspace.catalogue.get(args[0]) : undefined;
      if (!item) return null;
      const plan = typeof args[1] === 'string' ? (await withPlan(args[1]))?.plan : undefined;
      return explainItem(item, plan?.byId.get(item.id), 'markdown');
    }
    case ServerCommands.effectiveConfig: {
      const uri = typeof args[0] === 'string' ? args[0] : (workspace.folderUris()[0] ?? 'untitled:');
      const { config, sources } = workspace.configFor(uri);
      return { config, sources };
    }
    case ServerCommands.template: {
      const icb = typeof args[0] === 'string' && args[0].trim() ? args[0].trim() : 'NHS Example Integrated Care Board';
      const period = typeof args[1] === 'string' && args[1].trim() ? args[1].trim() : defaultPlanPeriod(new Date());
      const planType = typeof args[2] === 'string' ? args[2] : undefined;
      return planTemplate(workspace.catalogue, icb, period, planType);
    }
    case ServerCommands.annexEdit: {
      const ctx = await withPlan(args[0]);
      return ctx ? annexEdit(ctx.doc, ctx.plan) : null;
    }
    case ServerCommands.htmlReport: {
      const ctx = await withPlan(args[0]);
      return ctx ? htmlReport(ctx.plan, workspace) : null;
    }
    case ServerCommands.compare: {
      const ctx = await withPlan(args[0]);
      const paths = Array.isArray(args[1]) ? args[1].filter((p): p is string => typeof p === 'string') : [];
      return ctx && paths.length > 0 ? comparison(ctx.plan, ctx.doc.uri, paths, workspace) : null;
    }
    case WordPdfServerCommands.convert:
      return convertForImport(args[0], workspace);
    case WordPdfServerCommands.check:
      return checkWithoutImport(args[0], workspace);
    case WordPdfServerCommands.wordReport: {
      const ctx = await withPlan(args[0]);
      return ctx ? wordReport(ctx.plan, args[1], workspace) : null;
    }
    default:
      return null;
  }
}
