/**
 * The first minute in Chromium: the guided start on a first visit, run to the end with the
 * keyboard alone and remembered; replayed from the help menu; offered in a fresh cluster when
 * the learner's own holds work. The toolbar's labels at 1280, 1440 and 1920 px (Online Boutique
 * loaded), and axe-core over every main screen, on a desktop and on a phone.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  GUIDE_QUALIFIED_COMMAND,
  GUIDE_SHORT_COMMAND,
  GUIDE_STORAGE_KEY,
} from '../../src/store/index.ts';
import {
  createNamespace,
  lessonsDock,
  openLessonsDock,
  room,
  seriousViolations,
  sharedChromium,
  shot,
  toggleHistory,
  typeCommand,
  withBlockedTest,
} from './app-helpers.ts';
import { hasBrowser } from './harness.ts';

const guide = (page: Page) => page.getByRole('dialog', { name: 'Your first cross-namespace call' });
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (el?.getAttribute('aria-label') ?? el?.innerText ?? '').trim();
  });

/** Presses Tab until the focused element is named `name` (fails after `max` presses). */
async function tabTo(page: Page, name: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  expect(await focusedName(page)).toBe(name);
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const PHONE = { width: 390, height: 844 };

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const v = await seriousViolations(page);
  expect(JSON.stringify(v, null, 1), screen).toBe('[]');
}

describe.skipIf(!hasBrowser)('The first minute in Chromium', () => {
  const chromium = sharedChromium();

  it('runs the guided start to the end with the keyboard alone, and remembers it', async () => {
    const { page } = await chromium.freshApp({ firstVisit: true, viewport: SIZES[0] });
    await guide(page).waitFor();
    // The guide takes focus on a first visit; nothing else is blocked (it is not modal).
    expect(await focusedName(page)).toBe('Your first cross-namespace call');
    await shot(page, 'guide-1-welcome-1280');
    await tabTo(page, 'Load the two rooms');
    await page.keyboard.press('Enter');
    await room(page, 'team-b').waitFor();
    await guide(page).getByText('Step 2 of 4', { exact: true }).waitFor();
    await tabTo(page, 'Type it for me');
    await page.keyboard.press('Enter');
    const box = page.getByRole('textbox', { name: 'kubectl command' });
    await expect.poll(() => box.inputValue()).toBe(GUIDE_SHORT_COMMAND);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('terminal-input');
    await page.keyboard.press('Enter');
    // The engine's answer (curl exit 6) moves the guide on; the step is announced.
    await guide(page).getByText('Step 3 of 4', { exact: true }).waitFor();
    await expect(guide(page).getByRole('status').innerText()).resolves.toContain('exited 6');
    await shot(page, 'guide-3-qualified-1280');
    await page.keyboard.type(GUIDE_QUALIFIED_COMMAND);
    await page.keyboard.press('Enter');
    await guide(page).getByText('Step 4 of 4', { exact: true }).waitFor();
    // Why: the names the engine tried, from its typed DNS answer.
    const tried = guide(page).getByRole('list', { name: 'Names tried for web', exact: true });
    await expect(tried.innerText()).resolves.toContain('web.team-a.svc.cluster.local');
    const found = guide(page).getByRole('list', {
      name: 'Names tried for web.team-b',
      exact: true,
    });
    await expect(found.innerText()).resolves.toMatch(/web\.team-b\.svc\.cluster\.local found/);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shot(page, `guide-4-why-${size.width}`);
    }
    await tabTo(page, 'Show the failed call in the inspector');
    await page.keyboard.press('Enter');
    await page.locator('.test-explain').first().waitFor();
    await tabTo(page, 'Finish');
    await page.keyboard.press('Enter');
    await guide(page).waitFor({ state: 'detached' });
    expect(await page.evaluate((k) => localStorage.getItem(k), GUIDE_STORAGE_KEY)).toContain(
      '"seen":true',
    );
    // A second visit starts in the sandbox.
    await page.reload();
    await room(page, 'team-b').waitFor();
    await expect(guide(page).count()).resolves.toBe(0);
  });

  it('Escape skips it; the help menu replays it', async () => {
    const { page } = await chromium.freshApp({ firstVisit: true });
    await guide(page).waitFor();
    await page.keyboard.press('Escape');
    await guide(page).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Help' }).click();
    await page
      .getByRole('button', { name: 'Guided start: your first cross-namespace call' })
      .click();
    await guide(page).waitFor();
    expect(await focusedName(page)).toBe('Your first cross-namespace call');
    await guide(page).getByRole('button', { name: 'Skip', exact: true }).click();
    await guide(page).waitFor({ state: 'detached' });
  });

  it("offers a fresh cluster when the learner's own holds work, and Undo brings it back", async () => {
    const { page } = await chromium.freshApp();
    await createNamespace(page, 'team-x');
    await page.getByRole('button', { name: 'Help' }).click();
    await page.getByRole('button', { name: /Guided start/ }).click();
    await guide(page)
      .getByText(/Undo \(or History\) brings yours back/)
      .waitFor();
    await guide(page).getByRole('button', { name: 'Start in a fresh cluster' }).click();
    await room(page, 'team-a').waitFor();
    await room(page, 'team-x').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await room(page, 'team-x').waitFor();
  });

  it('shows every toolbar label on one row at 1280, 1440 and 1920 px (Online Boutique)', async () => {
    const boutique = readFileSync('test/fixtures/realworld/online-boutique.yaml', 'utf8');
    const { page } = await chromium.freshApp({ viewport: SIZES[0] });
    await typeCommand(page, `kubectl apply -f - <<EOF\n${boutique}\nEOF`);
    await room(page, 'default').waitFor();
    await page
      .getByRole('group', { name: /Pod default\/frontend/ })
      .first()
      .waitFor();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const bar = page.getByRole('toolbar', { name: 'Cluster tools' });
      const layout = await bar.evaluate((el) => {
        // Tools moved into "More" on a narrower bar are not rendered in the bar itself.
        const buttons = [...el.querySelectorAll<HTMLElement>(':scope .btn')].filter(
          (b) => b.getClientRects().length > 0,
        );
        return {
          tops: [...new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)))],
          hidden: buttons
            .filter((b) => {
              const t = b.querySelector<HTMLElement>('.btn__text');
              return !t || t.offsetWidth === 0 || t.scrollWidth > t.offsetWidth;
            })
            .map((b) => b.getAttribute('aria-label')),
          topbar: el.closest('header')!.getBoundingClientRect().height,
        };
      });
      await shot(page, `toolbar-boutique-${size.width}`);
      expect(layout.hidden, `labels at ${size.width}`).toEqual([]);
      expect(layout.tops.length, `rows at ${size.width}`).toBe(1);
      expect(layout.topbar, `top bar height at ${size.width}`).toBeLessThan(64);
      // Whatever the bar cannot hold is in "More", named in words.
      await bar.getByRole('button', { name: 'More' }).click();
      const more = bar.getByRole('list', { name: 'More' });
      const items = await more.getByRole('button').allInnerTexts();
      expect(items.map((t) => t.trim())).toEqual(
        size.width < 1600
          ? ['History', 'Pod labels', 'Import YAML…', 'Export YAML']
          : ['Import YAML…', 'Export YAML'],
      );
      await page.keyboard.press('Escape');
      await expect(more.isHidden()).resolves.toBe(true);
    }
  });

  it.each([
    ['a desktop', { width: 1920, height: 1080 }],
    ['a phone', PHONE],
  ])(
    'axe-core finds no serious or critical violation on any main screen, on %s',
    { timeout: 150_000 },
    async (_, viewport) => {
      {
        const tag = viewport.width;
        const { page } = await chromium.freshApp({ firstVisit: true, viewport });
        await guide(page).waitFor();
        await expectNoSeriousViolations(page, `guide ${tag}`);
        await shot(page, `axe-guide-${tag}`);
        await page.keyboard.press('Escape');
        await withBlockedTest(page);
        await expectNoSeriousViolations(page, `diagram and terminal ${tag}`);
        // The phone shows the building as a list; select the pod there the way the diagram would.
        if (viewport === PHONE)
          await page.evaluate(() =>
            (
              window as unknown as { __nslab: { getState: () => { select: (s: object) => void } } }
            ).__nslab
              .getState()
              .select({ kind: 'Pod', namespace: 'team-b', name: 'web' }),
          );
        else await page.getByRole('group', { name: 'Pod team-b/web' }).click();
        await page.locator('#inspector-title').waitFor();
        await expectNoSeriousViolations(page, `inspector ${tag}`);
        await page.getByRole('tab', { name: 'YAML editor' }).click();
        await page.locator('.cm-content').waitFor();
        await expectNoSeriousViolations(page, `editor ${tag}`);
        await shot(page, `axe-editor-${tag}`);
        await page.getByRole('tab', { name: 'Inspector' }).click();
        await toggleHistory(page);
        await page.getByRole('region', { name: 'History timeline' }).waitFor();
        await expectNoSeriousViolations(page, `history ${tag}`);
        await shot(page, `axe-history-${tag}`);
        await toggleHistory(page);
        await page.getByRole('region', { name: 'History timeline' }).waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Show as list' }).click();
        await page.getByRole('region', { name: 'Cluster outline' }).waitFor();
        await expectNoSeriousViolations(page, `list view ${tag}`);
        await page.getByRole('button', { name: 'Show as list' }).click();
        await openLessonsDock(page);
        for (const mode of ['Learn', 'Deep', 'Visual', 'Try', 'Challenge', 'Recall', 'Exam']) {
          await lessonsDock(page).getByRole('tab', { name: mode, exact: true }).click();
          await lessonsDock(page).getByRole('tabpanel').waitFor();
          await expectNoSeriousViolations(page, `lessons: ${mode} ${tag}`);
        }
        await shot(page, `axe-lessons-exam-${tag}`);
        const start = lessonsDock(page).getByRole('button', { name: 'Start exam' });
        if (await start.count()) {
          await start.click();
          await lessonsDock(page)
            .getByText(/Question 1 of/)
            .first()
            .waitFor();
          await expectNoSeriousViolations(page, `exam running ${tag}`);
          await shot(page, `axe-exam-running-${tag}`);
        }
      }
    },
  );
});
