import { describe, expect, it } from 'vitest';
import { room, sharedChromium, terminalLog } from './app-helpers.ts';
import { hasBrowser } from './harness.ts';

describe.skipIf(!hasBrowser)('the app in Chromium', () => {
  const chromium = sharedChromium();

  it('loads and shows the default cluster namespaces as rooms', async () => {
    const { page } = await chromium.freshApp();
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      await room(page, ns).waitFor();
    }
    await expect(terminalLog(page).count()).resolves.toBe(1);
  });
});
