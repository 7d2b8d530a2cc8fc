/**
 * The nine learning modes in real Chromium: each tab shows working content (not a label), the
 * learning column sits beside the building without covering it, and each mode passes axe. Learn
 * loads the example building; Visual steps a request to its DNS failure; Recall rates a card;
 * Exam starts, ends and reports per check. Each test opens the app afresh with the column open.
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
  toggleHistory,
} from './app-helpers.ts';
import { hasBrowser } from './harness.ts';

describe.skipIf(!hasBrowser)('the learning modes in Chromium', () => {
  const chromium = sharedChromium();
  const tab = (page: Page, name: string) =>
    lessonsDock(page).getByRole('tab', { name, exact: true });

  /** A first visit with the learning column open. */
  async function freshDock(): Promise<Page> {
    const { page } = await chromium.freshApp();
    await openLessonsDock(page);
    return page;
  }

  /** Learn's example building (shop, data, guest) loaded into the simulator. */
  async function withExampleBuilding(page: Page): Promise<void> {
    await tab(page, 'Learn').click();
    await lessonsDock(page)
      .getByRole('button', { name: 'Load its cluster (replaces the cluster)' })
      .click();
    for (const ns of ['shop', 'data', 'guest'])
      await page.getByRole('group', { name: `Namespace ${ns}`, exact: true }).waitFor();
  }

  it('puts the learning column beside the diagram and the side panel, overlapping neither', async () => {
    const page = await freshDock();
    const dock = lessonsDock(page);
    await tab(page, 'Learn').waitFor();
    const box = async (role: Parameters<Page['getByRole']>[0], name: string) =>
      (await page.getByRole(role, { name, exact: true }).boundingBox())!;
    const column = (await dock.boundingBox())!;
    const diagram = await box('region', 'Cluster diagram');
    const side = await box('complementary', 'Details');
    expect(column.x + column.width).toBeLessThanOrEqual(diagram.x + 1);
    expect(diagram.x + diagram.width).toBeLessThanOrEqual(side.x + 1);
    expect(await dock.getByRole('tablist', { name: 'Learning modes' }).isVisible()).toBe(true);
    expect(await dock.getByText('Suggested path:').isVisible()).toBe(true);
  });

  it('Learn: the overview, and its example building loads into the simulator', async () => {
    const page = await freshDock();
    await tab(page, 'Learn').click();
    await lessonsDock(page).getByRole('heading', { level: 2 }).first().waitFor();
    await withExampleBuilding(page);
    await shot(page, 'mode-learn');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Why and Deep list their files; Challenge and Project too', async () => {
    const page = await freshDock();
    for (const [mode, region] of [
      ['Why', 'Why it is designed so'],
      ['Deep', 'Myth-busters'],
      ['Challenge', 'Fix the broken cluster'],
      ['Project', 'Projects'],
    ] as const) {
      await tab(page, mode).click();
      const list = lessonsDock(page).getByRole('region', { name: region, exact: true });
      await list.waitFor();
      expect(await list.getByRole('listitem').count()).toBeGreaterThan(0);
      await shot(page, `mode-${mode.toLowerCase()}`);
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  it('Visual: steps a short name across namespaces to its DNS failure', async () => {
    const page = await freshDock();
    await withExampleBuilding(page);
    const dock = lessonsDock(page);
    await tab(page, 'Visual').click();
    await dock.getByLabel('From pod').selectOption('shop/client');
    const url = dock.getByRole('combobox', { name: 'URL' });
    await url.fill('http://db:5432');
    await url.press('Enter');
    const forward = dock.getByRole('button', { name: 'Step forward' });
    for (let i = 0; i < 8 && (await forward.isEnabled()); i++) await forward.click();
    await expect.poll(() => dock.innerText()).toContain('Could not resolve host: db');
    await shot(page, 'mode-visual');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Try: an experiment runs in the terminal', async () => {
    const page = await freshDock();
    await withExampleBuilding(page);
    await tab(page, 'Try').click();
    await lessonsDock(page)
      .getByRole('button', { name: 'Run kubectl resolve --from shop/client db.data' })
      .click();
    await expect.poll(() => terminalLog(page).innerText()).toContain('db.data.svc.cluster.local');
    await shot(page, 'mode-try');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Recall: try, reveal and rate a card; the due count drops', async () => {
    const page = await freshDock();
    const dock = lessonsDock(page);
    await tab(page, 'Recall').click();
    const heading = dock.getByRole('heading', { name: /^Flashcards/ });
    await heading.waitFor();
    const due = async () => Number(/(\d+) due/.exec(await heading.innerText())?.[1] ?? NaN);
    const before = await due();
    expect(before).toBeGreaterThan(0);
    const card = dock.getByRole('group', { name: /^Flashcard:/ });
    await card.getByRole('button', { name: 'Show answer' }).click();
    await shot(page, 'mode-recall');
    await card.getByRole('button', { name: /^Good · / }).click();
    await expect.poll(due).toBe(before - 1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Exam: starts a timed set, ends it and reports per check', async () => {
    const page = await freshDock();
    const dock = lessonsDock(page);
    await tab(page, 'Exam').click();
    await dock.getByRole('radio', { name: /Lightning lab/ }).check();
    await dock.getByRole('button', { name: 'Start exam' }).click();
    await dock.getByRole('timer', { name: 'Time left', exact: true }).waitFor();
    const first = dock.getByRole('heading', { name: /^Question 1 of 5/ });
    await first.waitFor();
    const title = (await first.innerText()).replace(/^Question 1 of 5: /, '');
    await shot(page, 'mode-exam');
    expect(await seriousViolations(page)).toEqual([]);
    await dock.getByRole('button', { name: 'End exam' }).click();
    await dock
      .getByRole('group', { name: 'Confirm ending the exam' })
      .getByRole('button', { name: 'End exam now' })
      .click();
    const report = dock.getByRole('region', { name: 'Exam report' });
    await report.waitFor();
    expect(await report.innerText()).toContain('Score: 0%');
    // The report grades the questions that were asked, in the order they were asked.
    expect(await report.getByRole('heading', { name: /^Question 1: / }).innerText()).toContain(
      `Question 1: ${title} — `,
    );
    await shot(page, 'mode-exam-report');
  });

  it('Exam: the clock stays in the top bar with the panel closed, another panel open, and after a reload', async () => {
    const page = await freshDock();
    await page.setViewportSize({ width: 1280, height: 720 });
    const dock = lessonsDock(page);
    await tab(page, 'Exam').click();
    await dock.getByRole('radio', { name: /Lightning lab/ }).check();
    await dock.getByRole('button', { name: 'Start exam' }).click();
    const clock = page.getByRole('banner').getByRole('timer', { name: 'Exam time left' });
    await clock.waitFor();
    await shot(page, 'exam-clock-1280x720');
    // One row with the clock in it (the brand keeps its mark, its words go to screen readers).
    expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(64);
    const seconds = async () => {
      const [m, s] = (await clock.locator('time').innerText()).split(':').map(Number);
      return m! * 60 + s!;
    };
    // The lessons panel closed and the history panel open: the clock is still there.
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await expect(dock.count()).resolves.toBe(0);
    await toggleHistory(page);
    expect(await clock.isVisible()).toBe(true);
    const before = await seconds();
    await page.reload();
    await clock.waitFor();
    // It counts to the saved deadline: a reload gives no time back.
    expect(await seconds()).toBeLessThanOrEqual(before);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openLessonsDock(page);
    // Reopened, the Exam tab resumes the exam in progress.
    await dock.getByRole('timer', { name: 'Time left', exact: true }).waitFor();
    await shot(page, 'exam-clock-1920x1080');
    await page.setViewportSize({ width: 1600, height: 900 });
  });
});
