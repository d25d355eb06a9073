/**
 * The packaged extension (jfp-assist.vsix, built by `npm run package`): only what the
 * extension needs at run time is inside, every file the manifest points at is there, and
 * the package stays small. A .vsix is a zip file; `unzip -Z1` lists it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CODES } from '../../server/src/analysis/rules/index.js';
import { ROOT } from '../helpers.js';

const VSIX = path.join(ROOT, 'jfp-assist.vsix');
const MAX_BYTES = 5 * 1024 * 1024;

interface Manifest {
  main: string;
  browser: string;
  icon: string;
  contributes: {
    snippets: { path: string }[];
    jsonValidation: { url: string }[];
    walkthroughs: { steps: { media: { markdown?: string; image?: string } }[] }[];
  };
}

describe('the .vsix package', () => {
  let files: string[] = [];
  let manifest: Manifest;

  before(() => {
    assert.ok(fs.existsSync(VSIX), 'jfp-assist.vsix is missing: run `npm run package` first (npm test does).');
    files = execFileSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('/'));
    manifest = JSON.parse(execFileSync('unzip', ['-p', VSIX, 'extension/package.json'], { encoding: 'utf8' })) as Manifest;
  });

  const has = (file: string) => files.includes(`extension/${file.replace(/^\.\//, '')}`);

  it('is smaller than 5 MB', () => {
    const size = fs.statSync(VSIX).size;
    assert.ok(size < MAX_BYTES, `${size} bytes`);
  });

  it('holds the bundles, the docs and the files the manifest points at', () => {
    const wanted = [
      manifest.main,
      manifest.browser,
      manifest.icon,
      'dist/server.cjs',
      'dist/convert.cjs',
      'dist/cliWorker.cjs',
      'dist/web/server.js',
      'package.json',
      'package.nls.json',
      ...manifest.contributes.snippets.map((s) => s.path),
      ...manifest.contributes.jsonValidation.map((j) => j.url),
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? s.media.image ?? '')),
      ...RULE_CODES.map((code) => `docs/rules/${code}.md`),
    ];
    const missing = wanted.filter((f) => !has(f));
    assert.deepEqual(missing, []);
    // vsce renames these (readme.md, changelog.md, LICENSE.txt).
    assert.ok(files.some((f) => /^extension\/readme\.md$/i.test(f)), 'README');
    assert.ok(files.some((f) => /^extension\/changelog\.md$/i.test(f)), 'CHANGELOG');
    assert.ok(files.some((f) => /^extension\/license(\.txt|\.md)?$/i.test(f)), 'LICENSE');
  });

  it('holds no sources, tests, source maps, dependencies or development files', () => {
    const unwanted = files.filter(
      (f) =>
        /\.(ts|map|mjs|tsbuildinfo)$/.test(f) ||
        /^extension\/(node_modules|server|client|test|out|scripts|examples|bench|test-results|\.e2e|\.ci|\.github)\//.test(f) ||
        /^extension\/(tsconfig.*\.json|eslint\.config\.js|\.mocharc\.json|package-lock\.json|\.vscodeignore|\.gitignore)$/.test(f),
    );
    assert.deepEqual(unwanted, []);
  });
});
