/**
 * The `extensionTestsPath` module: VS Code's extension host `require`s it and awaits `run()`.
 * Runs as the CommonJS bundle out/e2e-suite/index.cjs (see scripts/bundle-e2e.mjs), next to
 * the bundled `*.test.cjs` files, which mocha loads with `require` in name order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type MochaType from 'mocha';
import * as mochaModule from 'mocha';

/**
 * The Mocha class, however `require('mocha')` presents it. Mocha 12 is an ES module, which
 * Node >= 20.19 lets CommonJS `require` (giving its namespace, whose `default` is the class);
 * and since this package is "type": "module", esbuild wraps that namespace once more in Node
 * interop mode, so a plain `import Mocha from 'mocha'` would get the namespace, not the class.
 */
function mochaClass(): typeof MochaType {
  const m = mochaModule as unknown as Record<string, unknown> & { default?: Record<string, unknown> };
  const candidates = [m.default, m.Mocha, m.default?.default, m.default?.Mocha, m];
  const found = candidates.find((c): c is typeof MochaType => typeof c === 'function' && typeof (c as { prototype?: { run?: unknown } }).prototype?.run === 'function');
  if (!found) throw new Error(`require('mocha') gave no Mocha class (keys: ${Object.keys(m).join(', ')})`);
  return found;
}

export function run(): Promise<void> {
  const Mocha = mochaClass();
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
  if (process.env.JFP_E2E_GREP) mocha.grep(process.env.JFP_E2E_GREP);
  // This module only runs as CommonJS, where __dirname is the bundle's folder.
  const dir = __dirname;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.cjs'))
    .sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.cjs files next to ${__filename}`));
  for (const f of files) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension host test(s) failed.`)) : resolve()));
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
