// Regenerates snippets/jfp.code-snippets from the catalogue (run after `tsc -b`).
import { writeFileSync } from 'node:fs';
import { getDefaultCatalogue } from '../out/server/src/analysis/data/catalogue.js';
import { snippetsFile } from '../out/server/src/analysis/snippets.js';

writeFileSync(new URL('../snippets/jfp.code-snippets', import.meta.url), snippetsFile(getDefaultCatalogue()));
console.log('snippets/jfp.code-snippets written');
