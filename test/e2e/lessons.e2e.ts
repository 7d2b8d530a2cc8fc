/**
 * Lesson 3 in real Chromium, solved with the terminal alone: open the lessons dock, start the
 * lesson, commit a prediction, see the short name fail in the terminal, type the fix, and watch
 * the task tick and the takeaway appear — then the progress survives a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations, shot, typeCommand } from './app-helpers.ts';
import { type AppSession, hasBrowser, openApp } from './harness.ts';

describe.skipIf(!hasBrowser)('lesson 3 in Chromium', () => {
  let app: AppSession;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    app = await openApp();
    ({ page, errors } = app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const dock = () => page.getByRole('region', { name: 'Lessons panel' });
  const log = () => page.getByRole('log', { name: 'Terminal output' });

  it('opens the lesson list and starts lesson 3', async () => {
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await dock().getByRole('tab', { name: 'Deep' }).click();
    await dock().getByRole('button', { name: 'Reaching a Service in another namespace' }).click();
    await dock().getByRole('button', { name: 'Start lesson (replaces the cluster)' }).click();
    await page.getByRole('group', { name: 'Namespace shop', exact: true }).waitFor();
    await dock()
      .getByRole('radio', { name: /does not resolve from another namespace/ })
      .check();
    await dock().getByRole('button', { name: 'Commit to my answer' }).click();
    await dock().getByText('Your prediction was right.').waitFor();
    await shot(page, 'lesson-03-started');
  });

  it('shows the failing short name in the terminal and the unmet goal with its reason', async () => {
    await typeCommand(page, 'kubectl exec -n shop client -- nslookup db');
    await expect.poll(() => log().innerText()).toContain("can't find db: NXDOMAIN");
    const goals = dock().getByRole('list', { name: 'Goals of task 1' });
    await expect(goals.innerText()).resolves.toContain('but it fails-dns');
  });

  it('completes the task from the terminal alone', async () => {
    await typeCommand(
      page,
      'kubectl create service externalname db -n shop --external-name=db.data.svc.cluster.local',
    );
    await dock()
      .getByRole('heading', { name: /Task 1.*\(done\)/ })
      .waitFor();
    await dock().getByRole('region', { name: 'Takeaway' }).waitFor();
    await typeCommand(page, 'kubectl exec -n shop client -- curl -sS http://db:5432');
    await expect.poll(() => log().innerText()).toContain('Hello from data/db-0');
    await shot(page, 'lesson-03-done');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the progress across a reload', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const item = dock()
      .getByRole('region', { name: 'Build-up lessons' })
      .getByRole('listitem')
      .filter({ hasText: 'Reaching a Service in another namespace' });
    await expect(item.innerText()).resolves.toContain('1 of 1 tasks');
    expect(errors).toEqual([]);
  });
});
