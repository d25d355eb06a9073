// A smoke test of the benchmark's verdicts (bench/targets.mjs): no timings are measured here.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../helpers.js';

interface Verdict {
  status: string;
  text: string;
}
interface TargetsModule {
  verdict(actual: number, limit: number, unit: string): Verdict;
  checkTargets(run: { results: object[]; cli?: object; memory?: object }): (Verdict & { target: string })[];
}

const load = async () => (await import(pathToFileURL(path.join(ROOT, 'bench', 'targets.mjs')).href)) as TargetsModule;

describe('bench targets', () => {
  it('says MET within the limit and by how much a target is MISSED', async () => {
    const { verdict } = await load();
    assert.equal(verdict(0.2, 0.25, '×').status, 'MET');
    const missed = verdict(0.5, 0.25, '×');
    assert.equal(missed.status, 'MISSED');
    assert.match(missed.text, /by 2 times the target/);
    assert.match(verdict(450, 300, 'MB').text, /MISSED by 150 MB/);
    assert.equal(verdict(NaN, 1, '×').status, 'NOT MEASURED');
  });

  it('checks every target of the issue, on the footnoted plans, and marks what a run did not measure', async () => {
    const { checkTargets } = await load();
    const row = (kind: string, size: number, f95: number) => ({ kind, size, a: 100, c: 50, d: 40, f95, t95: 10, hoverIdle50: 1, hoverTyping50: 3, g: 250 });
    const targets = checkTargets({ results: [row('plain', 200_000, 1), row('notes', 200_000, 20), row('notes', 2_000_000, 5)] });
    const by = (s: string) => targets.find((t) => t.target.startsWith(s))!;
    assert.equal(by('edit → diagnostics p95 at 200 KB ≤ 0.25').status, 'MET');
    assert.equal(by('edit → diagnostics p95 at 200 KB ≤ 3').status, 'MET');
    assert.equal(by('edit → diagnostics p95 at 2 MB').status, 'MET');
    assert.equal(by('hover while typing').status, 'MISSED');
    assert.equal(by('cold analysis ≤ markdownlint at 200 KB').status, 'MET');
    assert.equal(by('server peak RSS').status, 'MET');
    assert.equal(by('CLI').status, 'NOT MEASURED');
    assert.equal(by('no memory growth').status, 'NOT MEASURED');
    assert.equal(targets.length, 9);
  });
});
