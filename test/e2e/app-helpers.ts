/**
 * Shared steps for the app's end-to-end tests: a fresh app per test (emptied storage, new
 * document), the scenario the tests build on, typing into the terminal, screenshots, axe.
 * Every test sets up what it checks; none reads what another test left behind.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { GUIDE_STORAGE_KEY, SCHEMA_VERSION, STORAGE_KEY } from '../../src/store/index.ts';
import { BLANK_PATH, launchBrowser, serveDist } from './harness.ts';

/** The built app in the shared Chromium page, with the uncaught errors it reports during the test. */
export interface AppSession {
  url: string;
  page: Page;
  errors: string[];
}

export interface FreshAppOptions {
  /** Projector-sized unless given. */
  viewport?: { width: number; height: number };
  /** localStorage entries in place before the app's first script runs. */
  storage?: Record<string, string>;
  /**
   * A true first visit, with the guided start showing. By default the guide counts as seen, so
   * a test starts in the sandbox as a returning learner would.
   */
  firstVisit?: boolean;
}

/** The saved flag that marks the guided start as seen. */
export const GUIDE_SEEN = {
  [GUIDE_STORAGE_KEY]: JSON.stringify({ schema: SCHEMA_VERSION, seen: true }),
};

/** One Chromium page and one served dist/, shared by the tests of a describe block. */
export interface SharedChromium {
  /**
   * Loads the app afresh, as on a first visit: its storage emptied (then seeded with
   * `storage`), a new document, nothing from another test. The test fails if the page throws.
   */
  freshApp(options?: FreshAppOptions): Promise<AppSession>;
}

const VIEWPORT = { width: 1600, height: 900 };

/**
 * Registers a describe block's hooks: Chromium is launched and dist/ served once (beforeAll), and
 * after each test the app is unloaded and its page errors checked (afterEach).
 *
 * The tests share one page rather than opening a context each: a new context costs a renderer
 * process and a cold HTTP and code cache, about a second per test on this machine, where a reload
 * costs a third of that. What the app keeps across a reload is its localStorage (the session,
 * lesson progress, flashcards, an exam in progress), and `freshApp()` empties it — from a blank
 * page on the app's origin, after the app has unloaded, so the app's save-on-pagehide cannot
 * write the last test's session back.
 */
export function sharedChromium(): SharedChromium {
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let opened: AppSession[] = [];
  const blank = () => new URL(BLANK_PATH, server!.url).href;
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveDist(), launchBrowser()]);
  });
  afterEach(async () => {
    const ended = opened;
    opened = [];
    // Unload the app here, so what it does on pagehide counts against this test.
    if (page && !page.isClosed()) await page.goto(blank());
    for (const s of ended) expect(s.errors, 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    async freshApp({ viewport = VIEWPORT, storage = {}, firstVisit = false } = {}) {
      if (!browser || !server) throw new Error('freshApp() is for the tests of its describe block');
      if (!page || page.isClosed()) {
        page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
        page.on('pageerror', (e) => opened.at(-1)?.errors.push(e.message));
      }
      if (page.url() !== blank()) await page.goto(blank());
      await page.evaluate(
        (entries) => {
          localStorage.clear();
          sessionStorage.clear();
          for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
        },
        firstVisit ? storage : { ...GUIDE_SEEN, ...storage },
      );
      const size = page.viewportSize();
      if (size?.width !== viewport.width || size.height !== viewport.height)
        await page.setViewportSize(viewport);
      const session: AppSession = { url: server.url, page, errors: [] };
      opened.push(session);
      await page.goto(server.url);
      await room(page, 'default').waitFor();
      return session;
    },
  };
}

export const diagram = (page: Page) => page.getByRole('region', { name: 'Cluster diagram' });
export const room = (page: Page, ns: string) =>
  diagram(page).getByRole('group', { name: `Namespace ${ns}`, exact: true });
export const terminalLog = (page: Page) => page.getByRole('log', { name: 'Terminal output' });
/** The verdict label on a connection test's edge that NetworkPolicy (or anything) stopped. */
export const blockedEdge = (page: Page) => page.locator('.verdict-label.is-blocked');
export const lessonsDock = (page: Page) => page.getByRole('region', { name: 'Lessons panel' });

export const SHOTS = 'test-results/screenshots';

/** Types one command line (multi-line heredocs included) into the terminal and runs it. */
export async function typeCommand(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'kubectl command' });
  await box.fill(text);
  await box.press('Enter');
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 160) })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The scenario most tests build on: two team rooms, a client pod, and a web pod behind a Service. */
export const SCENARIO = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels: {team: a}
---
apiVersion: v1
kind: Namespace
metadata:
  name: team-b
  labels: {team: b}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: team-a, labels: {app: client}}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: team-b, labels: {app: web}}
spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: team-b}
spec: {selector: {app: web}, ports: [{port: 80}]}
EOF`;

export const DEFAULT_DENY = `kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: team-b}
spec: {podSelector: {}, policyTypes: [Ingress]}
EOF`;

/** Creates a namespace from the terminal and waits for its room. */
export async function createNamespace(page: Page, name: string): Promise<void> {
  await typeCommand(page, `kubectl create namespace ${name}`);
  await room(page, name).waitFor();
}

/** Applies SCENARIO (one history entry) and waits for its pods. */
export async function withScenario(page: Page): Promise<void> {
  await typeCommand(page, SCENARIO);
  await page.getByRole('group', { name: 'Pod team-b/web' }).waitFor();
  await page.getByRole('group', { name: 'Pod team-a/client' }).waitFor();
}

/** SCENARIO, then DEFAULT_DENY isolating team-b: two history entries. */
export async function withDefaultDeny(page: Page): Promise<void> {
  await withScenario(page);
  await typeCommand(page, DEFAULT_DENY);
  await room(page, 'team-b').getByText('1 policy').waitFor();
}

/**
 * SCENARIO, DEFAULT_DENY, then a connection test from team-a/client to http://web.team-b that
 * the policy blocks: three history entries, the test last.
 */
export async function withBlockedTest(page: Page): Promise<void> {
  await withDefaultDeny(page);
  await typeCommand(page, 'kubectl exec -n team-a client -- curl -m 2 http://web.team-b');
  await blockedEdge(page).waitFor();
}

/** The autosaved session as stored (null before the first save); only what tests read of it. */
export async function savedSession(
  page: Page,
): Promise<{ index: number; entries: { label: string; tests: { url: string }[] }[] } | null> {
  const text = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  return text === null ? null : JSON.parse(text);
}

/** Opens the lessons dock beside the diagram. */
export async function openLessonsDock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await lessonsDock(page).waitFor();
}

/**
 * Toggles the history timeline from the toolbar: its own button on a wide bar, or the entry in
 * "More" where the bar is narrower than 1600 px.
 */
export async function toggleHistory(page: Page): Promise<void> {
  const bar = page.getByRole('toolbar', { name: 'Cluster tools' });
  const inline = bar.getByRole('button', { name: 'History', exact: true });
  if (await inline.isVisible()) return inline.click();
  await bar.getByRole('button', { name: 'More' }).click();
  await bar.getByRole('list', { name: 'More' }).getByRole('button', { name: 'History' }).click();
}
