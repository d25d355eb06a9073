import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { loadTranslations } from '../../server/src/lsp/l10nSetup.js';

describe('l10nSetup', () => {
  after(() => {
    l10n.config({ contents: {} });
  });

  it('ignores a missing or malformed bundle, so messages stay in English', () => {
    assert.equal(loadTranslations(undefined), false);
    assert.equal(loadTranslations('not a bundle'), false);
    assert.equal(loadTranslations(['a']), false);
    assert.equal(loadTranslations({ 'Hello {0}': 42 }), false);
    assert.equal(l10n.t('Hello {0}', 'plan'), 'Hello plan');
  });

  it('translates server messages with the bundle the client passes', () => {
    assert.equal(loadTranslations({ 'Hello {0}': 'Shwmae {0}', Other: { message: 'Arall', comment: ['a note'] } }), true);
    assert.equal(l10n.t('Hello {0}', 'plan'), 'Shwmae plan');
    assert.equal(l10n.t('Other'), 'Arall');
  });
});
