import * as assert from 'node:assert/strict';
import { CoverageNotifier } from '../../server/src/lsp/coverageNotifier.js';

describe('coverageNotifier', () => {
  it('announces a change at once when it is not caused by typing', () => {
    const sent: string[] = [];
    const notifier = new CoverageNotifier((uri) => sent.push(uri));
    notifier.changed('file:///a.md', false);
    assert.deepEqual(sent, ['file:///a.md']);
  });

  it('coalesces the changes made while typing into one notification after a pause', async () => {
    const sent: string[] = [];
    let resolve: () => void = () => undefined;
    const arrived = new Promise<void>((r) => (resolve = r));
    const notifier = new CoverageNotifier((uri) => {
      sent.push(uri);
      resolve();
    }, 10, 60_000);
    notifier.changed('file:///a.md', true);
    notifier.changed('file:///a.md', true);
    notifier.changed('file:///a.md', true);
    assert.deepEqual(sent, []);
    await arrived;
    assert.deepEqual(sent, ['file:///a.md']);
    notifier.dispose();
  });

  it('sends a pending notification when flushed, and only once', () => {
    const sent: string[] = [];
    const notifier = new CoverageNotifier((uri) => sent.push(uri), 60_000);
    notifier.changed('file:///a.md', true);
    notifier.flush('file:///a.md');
    notifier.flush('file:///a.md');
    assert.deepEqual(sent, ['file:///a.md']);
    notifier.dispose();
  });

  it('does not hold a notification back for longer than the maximum wait', () => {
    const sent: string[] = [];
    const notifier = new CoverageNotifier((uri) => sent.push(uri), 60_000, 0);
    notifier.changed('file:///a.md', true);
    notifier.changed('file:///a.md', true);
    assert.deepEqual(sent, ['file:///a.md', 'file:///a.md']);
    notifier.dispose();
  });
});
