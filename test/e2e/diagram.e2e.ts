/**
 * The building at real size, in real Chromium: Online Boutique (12 Services, 13 NetworkPolicies)
 * and Bookinfo loaded as a learner loads them, every Service's whole name readable on screen at
 * 1280×720 and on a projector at 1920×1080, semantic zoom, the overview map beside the plan, a
 * phone and a laptop at 150 % zoom, and the diagram panning to a path when asked. Screenshots go
 * to test-results/screenshots/diagram-*.png.
 */
import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { diagram, room, seriousViolations, sharedChromium, shot } from './app-helpers.ts';
import { hasBrowser } from './harness.ts';
import { generateManifest } from '../fixtures/generate.ts';

const FIXTURES = 'test/fixtures/realworld';
const BOUTIQUE = [
  `${FIXTURES}/online-boutique.yaml`,
  `${FIXTURES}/online-boutique-networkpolicies.yaml`,
];
const BOOKINFO = [`${FIXTURES}/bookinfo.yaml`];
/** The smallest text on screen the diagram promises (src/ui/diagram/zoom.ts READABLE_PX). */
const READABLE = 11;

/** The Services a fixture declares, read from the manifests themselves. */
function serviceNames(files: string[]): string[] {
  return files.flatMap((f) =>
    loadAll(readFileSync(f, 'utf8')).flatMap((d) => {
      const doc = d as { kind?: string; metadata?: { name?: string } } | null;
      return doc?.kind === 'Service' && doc.metadata?.name ? [doc.metadata.name] : [];
    }),
  );
}

/** Loads manifests as the import button does (one apply per file) and waits for the fit. */
async function load(page: Page, files: string[]): Promise<void> {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  await page.evaluate(async (all) => {
    const w = window as unknown as {
      __nslab: { getState: () => { applyManifest: (t: string) => unknown } };
      __nslabRuntime: () => Promise<unknown>;
    };
    await w.__nslabRuntime();
    for (const t of all) w.__nslab.getState().applyManifest(t);
  }, texts);
  const last = serviceNames(files).at(-1)!;
  await diagram(page).locator('.svc-card__name', { hasText: last }).first().waitFor();
  await page.waitForTimeout(700); // the fit animates over 300 ms
}

interface NameCheck {
  name: string;
  found: boolean;
  inView: boolean;
  clipped: boolean;
  covered: boolean;
  screenPx: number;
}

/** For each name, how the diagram shows it: the element whose whole visible text is the name. */
function checkNames(page: Page, names: string[]): Promise<NameCheck[]> {
  return page.evaluate((all) => {
    const region = document.querySelector('[aria-label="Cluster diagram"]')!;
    const pane = region.querySelector('.react-flow')!.getBoundingClientRect();
    const els = [...region.querySelectorAll<HTMLElement>('.svc-card__name')];
    return all.map((name) => {
      const el = els.find((e) => e.innerText.replace(/\s+/g, '') === name);
      if (!el)
        return { name, found: false, inView: false, clipped: true, covered: true, screenPx: 0 };
      const r = el.getBoundingClientRect();
      const css = getComputedStyle(el);
      // The viewport's scale (offsetWidth is rounded to whole pixels; the transform is exact).
      const scale = new DOMMatrix(
        getComputedStyle(region.querySelector('.react-flow__viewport')!).transform,
      ).a;
      const clippedBy = (e: HTMLElement) =>
        e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
      const card = el.closest<HTMLElement>('.svc-card')!;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {
        name,
        found: true,
        inView:
          r.left >= pane.left &&
          r.right <= pane.right &&
          r.top >= pane.top &&
          r.bottom <= pane.bottom &&
          css.visibility === 'visible' &&
          css.display !== 'none',
        clipped:
          clippedBy(el) ||
          clippedBy(card) ||
          css.webkitLineClamp !== 'none' ||
          (css.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth),
        covered: !hit || !card.contains(hit),
        screenPx: parseFloat(css.fontSize) * scale,
      };
    });
  }, names);
}

async function expectNamesReadable(page: Page, names: string[]): Promise<void> {
  const checks = await checkNames(page, names);
  for (const c of checks) {
    expect(c, `Service ${c.name}`).toMatchObject({
      found: true,
      inView: true,
      clipped: false,
      covered: false,
    });
    expect(c.screenPx, `Service ${c.name}: font size on screen`).toBeGreaterThanOrEqual(READABLE);
  }
}

const zoomOf = (page: Page) =>
  page.evaluate(() => {
    const t = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? 'NaN');
  });

describe.skipIf(!hasBrowser)('the building at real size', () => {
  const chromium = sharedChromium();

  for (const [label, files] of [
    ['boutique', BOUTIQUE],
    ['bookinfo', BOOKINFO],
  ] as const) {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      it(`${label} at ${viewport.width}×${viewport.height}: every Service's whole name readable`, async () => {
        const { page } = await chromium.freshApp({ viewport });
        await load(page, files);
        await shot(page, `diagram-${label}-${viewport.width}`);
        const names = serviceNames(files);
        expect(names.length).toBeGreaterThanOrEqual(label === 'boutique' ? 12 : 4);
        await expectNamesReadable(page, names);
        // No Service name anywhere in the diagram is cut.
        const cut = await diagram(page)
          .locator('.svc-card__name')
          .evaluateAll((els) =>
            els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
          );
        expect(cut).toEqual([]);
      });
    }
  }

  it('zooming out collapses rooms to their counts, at a readable size; zooming in shows details', async () => {
    const { page } = await chromium.freshApp({ viewport: { width: 1280, height: 720 } });
    await load(page, BOUTIQUE);
    const out = page.getByRole('button', { name: 'Zoom Out' });
    for (let i = 0; i < 8 && (await zoomOf(page)) >= 0.5; i++) await out.click();
    await page.waitForTimeout(400);
    await expect(page.locator('.diagram').getAttribute('data-zoom')).resolves.toBe('plan');
    const counts = room(page, 'default').getByRole('img', {
      name: /^\d+ pods, 13 Services, 13 NetworkPolicies$/,
    });
    await counts.waitFor();
    const px = await room(page, 'default')
      .locator('.room-card__summary-name')
      .evaluate(
        (e) =>
          parseFloat(getComputedStyle(e).fontSize) *
          new DOMMatrix(
            getComputedStyle(document.querySelector('.react-flow__viewport')!).transform,
          ).a,
      );
    expect(px).toBeGreaterThanOrEqual(READABLE);
    await shot(page, 'diagram-boutique-plan-level');
    await expect(diagram(page).locator('.svc-card').first().isVisible()).resolves.toBe(false);
    const zoomIn = page.getByRole('button', { name: 'Zoom In' });
    for (let i = 0; i < 12 && (await zoomOf(page)) < 0.95; i++) await zoomIn.click();
    await page.waitForTimeout(400);
    await expect(page.locator('.diagram').getAttribute('data-zoom')).resolves.toBe('details');
    await expect(diagram(page).locator('.svc-card__dns').first().isVisible()).resolves.toBe(true);
  });

  it('the overview map is off below 1600 px, toggles from the keyboard, and stands beside the plan', async () => {
    const { page } = await chromium.freshApp({ viewport: { width: 1280, height: 720 } });
    await load(page, BOUTIQUE);
    const map = page.getByRole('complementary', { name: 'Floor plan overview' });
    await expect(map.count()).resolves.toBe(0);
    const show = page.getByRole('button', { name: 'Show the floor plan overview' });
    await show.focus();
    await page.keyboard.press('Enter');
    await map.waitFor();
    const [mapBox, paneBox] = await Promise.all([
      map.boundingBox(),
      diagram(page).locator('.react-flow').boundingBox(),
    ]);
    expect(paneBox!.x + paneBox!.width).toBeLessThanOrEqual(mapBox!.x + 1);
    await page.getByRole('button', { name: 'Hide the floor plan overview' }).press('Enter');
    await expect(map.count()).resolves.toBe(0);
  });

  it('the overview map is shown by default on a wide window', async () => {
    const { page } = await chromium.freshApp({ viewport: { width: 1920, height: 1080 } });
    await load(page, BOOKINFO);
    await page.getByRole('complementary', { name: 'Floor plan overview' }).waitFor();
  });

  it('on a phone the diagram shows and the legend does not cover the inspector', async () => {
    const { page } = await chromium.freshApp({ viewport: { width: 390, height: 844 } });
    await load(page, BOOKINFO);
    const d = (await diagram(page).boundingBox())!;
    expect(d.width).toBeGreaterThanOrEqual(380);
    expect(d.height).toBeGreaterThanOrEqual(300);
    const legend = (await page.locator('.legend').boundingBox())!;
    const inspector = (await page.locator('.side').boundingBox())!;
    expect(legend.y + legend.height).toBeLessThanOrEqual(inspector.y + 1);
    await shot(page, 'diagram-phone-390');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a laptop at 150 % zoom (853×480 CSS px) keeps the diagram usable, not a strip', async () => {
    const { page } = await chromium.freshApp({ viewport: { width: 853, height: 480 } });
    await load(page, BOOKINFO);
    const d = (await diagram(page).boundingBox())!;
    expect(d.height).toBeGreaterThanOrEqual(280);
    await shot(page, 'diagram-150-percent');
  });

  it('"Show on the diagram" pans and zooms to the path of the request', async () => {
    const { page } = await chromium.freshApp({ viewport: { width: 1280, height: 720 } });
    await load(page, BOUTIQUE);
    const label = await diagram(page)
      .getByRole('group', { name: /^Pod default\/frontend-/ })
      .getAttribute('aria-label');
    const from = label!.replace('Pod ', '');
    // What the lesson panel's "Show on the diagram" does: draw the request, then focus its path.
    await page.evaluate((source) => {
      const s = (
        window as unknown as {
          __nslab: {
            getState: () => {
              addTest: (from: string, url: string) => void;
              focusedTest: string | null;
              focusNodes: (ids: string[], test?: string) => void;
            };
          };
        }
      ).__nslab.getState;
      s().addTest(source, 'http://shippingservice:50051');
      s().focusNodes([`Pod/${source}`], s().focusedTest ?? undefined);
    }, from);
    await page.waitForTimeout(900);
    const pane = (await diagram(page).locator('.react-flow').boundingBox())!;
    for (const name of [`Pod ${from}`, 'Service default/shippingservice, 1 ready endpoints']) {
      const box = (await diagram(page).getByRole('group', { name, exact: true }).boundingBox())!;
      expect(box.x, name).toBeGreaterThanOrEqual(pane.x);
      expect(box.x + box.width, name).toBeLessThanOrEqual(pane.x + pane.width);
      expect(box.y, name).toBeGreaterThanOrEqual(pane.y);
      expect(box.y + box.height, name).toBeLessThanOrEqual(pane.y + pane.height);
    }
    // Closer than the whole building's fit: the path fills the view.
    expect(await zoomOf(page)).toBeGreaterThan(0.6);
    await shot(page, 'diagram-boutique-path');
  });

  it('a big building furnishes the rooms in view, and a far room when the camera gets there', async () => {
    const { page } = await chromium.freshApp({ viewport: { width: 1280, height: 720 } });
    const text = generateManifest({ namespaces: 40, perNamespace: 15, replicas: 2 });
    await page.evaluate(async (t) => {
      const w = window as unknown as {
        __nslab: { getState: () => { applyManifest: (t: string) => unknown } };
        __nslabRuntime: () => Promise<unknown>;
      };
      await w.__nslabRuntime();
      w.__nslab.getState().applyManifest(t);
    }, text);
    await room(page, 'team-0').waitFor();
    await diagram(page).locator('.react-flow__node[data-id^="Pod/team-0/"]').first().waitFor();
    const far = diagram(page).locator('.react-flow__node[data-id^="Pod/team-39/"]');
    // Far off the screen, none of its desks is drawn.
    expect(await far.count()).toBe(0);
    const pod = await page.evaluate(() => {
      const s = (
        window as unknown as {
          __nslab: {
            getState: () => {
              cluster: { objects: Map<string, Map<string, unknown>> };
              focusNodes: (ids: string[]) => void;
            };
          };
        }
      ).__nslab.getState;
      const key = [...s().cluster.objects.get('Pod')!.keys()].find((k) =>
        k.startsWith('team-39/'),
      )!;
      s().focusNodes([`Pod/${key}`]);
      return key;
    });
    await diagram(page).locator(`.react-flow__node[data-id="Pod/${pod}"]`).waitFor();
    // Arrived: the whole room is furnished, not only the pod asked for.
    await expect.poll(() => far.count()).toBeGreaterThan(1);
  });
});
