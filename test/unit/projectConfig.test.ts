import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getDefaultCatalogue } from '../../server/src/analysis/data/catalogue.js';
import { RULE_CODES } from '../../server/src/analysis/rules/index.js';
import { pathToUri } from '../../server/src/host/uri.js';
import { buildCatalogue, readCatalogues, readProjectConfig, type FileProblems, type ProjectConfig } from '../../server/src/host/projectConfig.js';
import { nodeFiles } from '../../server/src/host/nodeFiles.js';
import { readFixture } from '../helpers.js';

describe('projectConfig', () => {
  let dir: string;
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  const mini = () => JSON.parse(readFixture('mini-catalogue.json')) as { items: { id: string }[] };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfp-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true }));
  const read = (problems: FileProblems) => readProjectConfig(nodeFiles, pathToUri(dir), RULE_CODES, problems);
  const build = async (configs: ProjectConfig[], problems: FileProblems) => buildCatalogue(getDefaultCatalogue(), configs, problems, await readCatalogues(nodeFiles, configs));

  it('has no layer and no problem when there is no .jfp.json', async () => {
    const problems: FileProblems = new Map();
    assert.equal((await read(problems)).layer, undefined);
    assert.equal(problems.size, 0);
  });

  it('reports problems on the .jfp.json file itself', async () => {
    write('.jfp.json', '{ "mode": 3 }');
    const problems: FileProblems = new Map();
    const config = await read(problems);
    const { layer } = config;
    assert.deepEqual(layer, {});
    assert.equal(problems.get(pathToUri(path.join(dir, '.jfp.json')))!.length, 1);
  });

  it('adds the items of an extra catalogue, skipping ids already in use', async () => {
    const extra = mini();
    extra.items = extra.items.map((i) => ({ ...i, id: `local-${i.id}` }));
    extra.items.push({ ...mini().items[0]!, id: 'duty-quality' });
    write('green.json', JSON.stringify(extra));
    const problems: FileProblems = new Map();
    const catalogue = await build([{ folder: pathToUri(dir), layer: { catalogues: [{ path: 'green.json' }] } }], problems);
    assert.ok(catalogue.has('local-duty-integration'));
    assert.equal(catalogue.items.length, getDefaultCatalogue().items.length + 4);
    const clash = problems.get(pathToUri(path.join(dir, 'green.json')))!;
    assert.match(clash[0]!.message, /"duty-quality" is already in use/);
  });

  it('replaces the built-in catalogue when asked', async () => {
    write('mine.json', JSON.stringify(mini()));
    const catalogue = await build([{ folder: pathToUri(dir), layer: { catalogues: [{ path: 'mine.json', replace: true }] } }], new Map());
    assert.deepEqual(catalogue.ids, mini().items.map((i) => i.id));
  });

  it('leaves out a missing, unreadable or invalid catalogue, with diagnostics at the right places, and keeps the built-in one', async () => {
    write('.jfp.json', '{\n  "catalogues": [\n    { "path": "missing.json" },\n    { "path": "bad.json" }\n  ]\n}');
    const bad = mini() as { items: Record<string, unknown>[] };
    bad.items[1]!.kind = 'nonsense';
    write('bad.json', JSON.stringify(bad, null, 2));
    const problems: FileProblems = new Map();
    const config = await read(problems);
    const catalogue = await build([config], problems);
    assert.equal(catalogue, getDefaultCatalogue());
    const onConfig = problems.get(pathToUri(path.join(dir, '.jfp.json')))!;
    assert.ok(onConfig.some((p) => /Cannot read the catalogue "missing.json": ENOENT/.test(p.message) && p.range.start.line === 2));
    assert.ok(onConfig.some((p) => /"bad.json" has \d+ problem/.test(p.message) && p.range.start.line === 3));
    const onCatalogue = problems.get(pathToUri(path.join(dir, 'bad.json')))!;
    assert.match(onCatalogue[0]!.message, /\/items\/1\/kind/);
    assert.ok(onCatalogue[0]!.range.start.line > 0);
  });
});
