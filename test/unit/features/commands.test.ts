import * as assert from 'node:assert/strict';
import { getDefaultCatalogue } from '../../../server/src/analysis/data/catalogue.js';
import { executeCommand } from '../../../server/src/lsp/features/commands.js';
import type { PlanWorkspace } from '../../../server/src/lsp/workspace.js';
import { defaultPlanPeriod } from '../../../shared/period.js';
import { ServerCommands } from '../../../shared/protocol.js';

describe('server commands (in process)', () => {
  // The template needs only the catalogue; no document is open.
  const workspace = { catalogue: getDefaultCatalogue() } as Pick<PlanWorkspace, 'catalogue'> as PlanWorkspace;
  const template = async (...args: unknown[]) => (await executeCommand(ServerCommands.template, args, workspace, () => Promise.resolve(undefined))) as string;
  const frontMatter = (text: string) => text.slice(0, text.indexOf('\n---\n', 4) + 5);

  it('writes a new plan for the ICB and period asked for', async () => {
    const text = await template('  NHS Test ICB ', ' 2027/28 to 2031/32 ');
    assert.equal(frontMatter(text), '---\nplan: joint-forward-plan\ntitle: "NHS Test ICB Joint Forward Plan"\nicb: "NHS Test ICB"\nperiod: "2027/28 to 2031/32"\n---\n');
    assert.match(text, /^# NHS Test ICB Joint Forward Plan 2027\/28 to 2031\/32$/m);
  });

  it('gives a plan with no period the five financial years from today, as jfp.plan.period expects', async () => {
    const period = defaultPlanPeriod(new Date());
    for (const text of [await template('NHS Test ICB'), await template('NHS Test ICB', '   ')]) {
      assert.ok(frontMatter(text).endsWith(`\nperiod: "${period}"\n---\n`), frontMatter(text));
      assert.match(text, new RegExp(`^# NHS Test ICB Joint Forward Plan ${period}$`, 'm'));
    }
  });

  it('answers null to an unknown command', async () => {
    assert.equal(await executeCommand('jfp.server.nope', [], workspace, () => Promise.resolve(undefined)), null);
  });
});
