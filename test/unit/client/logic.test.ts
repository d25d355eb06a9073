import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../helpers.js';

describe('client/src/logic', () => {
  it('imports neither vscode nor the language client, so it runs under plain mocha', () => {
    const dir = path.join(ROOT, 'client', 'src', 'logic');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.ok(files.includes('restartPolicy.ts') && files.includes('coverageModel.ts'), files.join(', '));
    for (const file of files) {
      const imports = [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);
      assert.deepEqual(imports.filter((i) => !i.startsWith('.')), [], file);
    }
  });
});
