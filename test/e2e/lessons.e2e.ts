/**
 * Lesson 3 in real Chromium, solved with the terminal alone: open the lessons dock, start the
 * lesson, commit a prediction, see the short name fail in the terminal, type the fix, and watch
 * the task tick and the takeaway appear — then the progress survives a reload. Each test starts
 * from a first visit and walks the lesson as far as it needs.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  lessonsDock,
  openLessonsDock,
  seriousViolations,
  sharedChromium,
  shot,
  terminalLog,
  typeCommand,
} from './app-helpers.ts';
import { hasBrowser } from './harness.ts';

const LESSON = 'Reaching a Service in another namespace';

/** Opens lesson 3 from the dock, starts it and commits the (right) prediction. */
async function startLesson3(page: Page): Promise<void> {
  const dock = lessonsDock(page);
  await openLessonsDock(page);
  await dock.getByRole('tab', { name: 'Deep' }).click();
  await dock.getByRole('button', { name: LESSON }).click();
  await dock.getByRole('button', { name: 'Start lesson (replaces the cluster)' }).click();
  await page.getByRole('group', { name: 'Namespace shop', exact: true }).waitFor();
  await dock.getByRole('radio', { name: /does not resolve from another namespace/ }).check();
  await dock.getByRole('button', { name: 'Commit to my answer' }).click();
  await dock.getByText('Your prediction was right.').waitFor();
}

/** The fix, typed in the terminal: an ExternalName Service `db` in shop pointing at data's db. */
async function solveTask1(page: Page): Promise<void> {
  await typeCommand(
    page,
    'kubectl create service externalname db -n shop --external-name=db.data.svc.cluster.local',
  );
  await lessonsDock(page)
    .getByRole('heading', { name: /Task 1.*\(done\)/ })
    .waitFor();
}

describe.skipIf(!hasBrowser)('lesson 3 in Chromium', () => {
  const chromium = sharedChromium();

  it('opens the lesson list and starts lesson 3', async () => {
    const { page } = await chromium.freshApp();
    await startLesson3(page);
    await shot(page, 'lesson-03-started');
  });

  it('shows the failing short name in the terminal and the unmet goal with its reason', async () => {
    const { page } = await chromium.freshApp();
    await startLesson3(page);
    await typeCommand(page, 'kubectl exec -n shop client -- nslookup db');
    await expect.poll(() => terminalLog(page).innerText()).toContain("can't find db: NXDOMAIN");
    const goals = lessonsDock(page).getByRole('list', { name: 'Goals of task 1' });
    // Before the learner has tried: what happens, not the fix.
    await expect(goals.innerText()).resolves.toContain('fails-dns (curl exit 6)');
    await expect(goals.innerText()).resolves.not.toContain('expected');
    await goals.scrollIntoViewIfNeeded();
    await shot(page, 'lesson-03-before-check');
    // "Check my work": the goals say what they expect, and focus is on the result.
    await lessonsDock(page).getByRole('button', { name: 'Check my work' }).click();
    await expect(goals.innerText()).resolves.toContain('expected succeeds, but it fails-dns');
    const result = lessonsDock(page).getByRole('heading', { name: /^Checked: \d of 4 goals met/ });
    await expect.poll(() => result.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, 'lesson-03-checked');
  });

  it('completes the task from the terminal alone', async () => {
    const { page } = await chromium.freshApp();
    await startLesson3(page);
    await solveTask1(page);
    await lessonsDock(page).getByRole('region', { name: 'Takeaway' }).waitFor();
    await typeCommand(page, 'kubectl exec -n shop client -- curl -sS http://db:5432');
    await expect.poll(() => terminalLog(page).innerText()).toContain('Hello from data/db-0');
    await shot(page, 'lesson-03-done');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the progress across a reload', async () => {
    const { page, errors } = await chromium.freshApp();
    await startLesson3(page);
    await solveTask1(page);
    await page.reload();
    // The lesson in progress comes back open, with its credit.
    await lessonsDock(page).getByRole('heading', { level: 2, name: LESSON }).waitFor();
    await lessonsDock(page)
      .getByRole('heading', { name: /Task 1.*\(done\)/ })
      .waitFor();
    await lessonsDock(page).getByRole('button', { name: '← All lessons' }).click();
    const item = lessonsDock(page)
      .getByRole('region', { name: 'Build-up lessons' })
      .getByRole('listitem')
      .filter({ hasText: LESSON });
    await expect(item.innerText()).resolves.toContain('1 of 1 tasks');
    expect(errors).toEqual([]);
  });

  it('a reload mid-lesson keeps the lesson open with its credit (1280×720 and 1920×1080)', async () => {
    const { page } = await chromium.freshApp({ viewport: { width: 1280, height: 720 } });
    await page.setViewportSize({ width: 1280, height: 720 });
    await startLesson3(page);
    await solveTask1(page);
    // A later change undoes the goals: the credit stays.
    await typeCommand(page, 'kubectl delete service db -n shop');
    await lessonsDock(page).getByText('the credit stays').waitFor();
    await page.reload();
    const dock = lessonsDock(page);
    await dock.getByRole('heading', { level: 2, name: LESSON }).waitFor();
    await dock.getByRole('heading', { name: /Task 1.*\(done\)/ }).waitFor();
    await dock.getByRole('heading', { name: /Task 1/ }).scrollIntoViewIfNeeded();
    await shot(page, 'lesson-resumed-1280x720');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'lesson-resumed-1920x1080');
    // Start over is separate and confirmed.
    await dock.getByRole('button', { name: 'Start over…' }).click();
    const ask = dock.getByRole('group', { name: /^Start over\?/ });
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask.count()).resolves.toBe(0);
    await page.setViewportSize({ width: 1600, height: 900 });
  });

  it('closing and reopening the panel resumes; work done while it was closed is credited', async () => {
    const { page } = await chromium.freshApp();
    await startLesson3(page);
    const toggle = page.getByRole('button', { name: 'Lessons', exact: true });
    await toggle.click();
    await expect(lessonsDock(page).count()).resolves.toBe(0);
    await typeCommand(
      page,
      'kubectl create service externalname db -n shop --external-name=db.data.svc.cluster.local',
    );
    await expect.poll(() => terminalLog(page).innerText()).toContain('service/db created');
    await toggle.click();
    const dock = lessonsDock(page);
    await dock.getByRole('heading', { level: 2, name: LESSON }).waitFor();
    await dock.getByRole('heading', { name: /Task 1.*\(done\)/ }).waitFor();
    await dock.getByRole('region', { name: 'Takeaway' }).waitFor();
  });
});
