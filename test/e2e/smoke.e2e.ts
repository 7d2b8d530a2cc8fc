import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasBrowser, launchBrowser, serveDist } from './harness.ts';

describe.skipIf(!hasBrowser)('the app in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads and shows the default cluster namespaces', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      await expect(page.getByText(`Namespace ${ns}`, { exact: true }).count()).resolves.toBe(1);
    }
    await page.close();
  });
});
