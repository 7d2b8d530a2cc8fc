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

  it('loads and shows the default cluster namespaces as rooms', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const diagram = page.getByRole('region', { name: 'Cluster diagram' });
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      await diagram.getByRole('group', { name: `Namespace ${ns}`, exact: true }).waitFor();
    }
    await expect(page.getByRole('log', { name: 'Terminal output' }).count()).resolves.toBe(1);
    await page.close();
  });
});
