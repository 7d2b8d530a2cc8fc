/**
 * The app in real Chromium: terminal → diagram, a blocked connection test with its reason,
 * undo, reload, keyboard-only use, axe-core, and screenshots of the main screens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_DENY, SCENARIO, seriousViolations, shot, typeCommand } from './app-helpers.ts';
import { type AppSession, hasBrowser, openApp } from './harness.ts';

describe.skipIf(!hasBrowser)('Namespace Lab in Chromium', () => {
  let app: AppSession;
  let context: BrowserContext;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    app = await openApp();
    ({ context, page, errors } = app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const diagram = () => page.getByRole('region', { name: 'Cluster diagram' });
  const room = (ns: string) =>
    diagram().getByRole('group', { name: `Namespace ${ns}`, exact: true });
  const blockedEdge = () => page.locator('.verdict-label.is-blocked');

  it('loads with the default rooms, the terminal and the toolbar', async () => {
    await room('default').waitFor();
    await room('kube-system').waitFor();
    for (const name of ['Undo', 'Redo', 'Reset cluster', 'Show as list']) {
      await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
    }
    await shot(page, '01-first-screen');
  });

  it('kubectl create namespace team-x makes room "Namespace team-x" appear', async () => {
    await typeCommand(page, 'kubectl create namespace team-x');
    await room('team-x').waitFor();
    await expect(page.getByRole('log', { name: 'Terminal output' }).innerText()).resolves.toContain(
      'namespace/team-x created',
    );
  });

  it('shows a connection test blocked by a default-deny policy, with its reason', async () => {
    await typeCommand(page, SCENARIO);
    await room('team-b').waitFor();
    await typeCommand(page, DEFAULT_DENY);
    await page.getByText('1 policy').waitFor();
    await typeCommand(page, 'kubectl exec -n team-a client -- curl -m 2 http://web.team-b');
    await blockedEdge().waitFor();
    const label = await blockedEdge().innerText();
    expect(label).toMatch(/Blocked/);
    expect(label).toContain('team-b/default-deny');
    // The inspector explains it hop by hop.
    await expect(page.locator('.test-explain.is-blocked').innerText()).resolves.toMatch(/ingress/i);
    await shot(page, '02-blocked-connection');
  });

  it('undo removes the connection test; redo brings it back', async () => {
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await blockedEdge().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await blockedEdge().waitFor();
  });

  it('a reload keeps the state', async () => {
    await page.waitForTimeout(700); // autosave is debounced
    await page.reload();
    await room('team-x').waitFor();
    await room('team-b').waitFor();
    await blockedEdge().waitFor();
  });

  it('a network plugin that does not enforce NetworkPolicy lets the blocked test through', async () => {
    await page.getByRole('combobox', { name: /Network plugin/ }).selectOption('not-enforcing');
    await page.locator('.verdict-label.is-allowed').waitFor();
    await page
      .getByText(/ignores NetworkPolicy/)
      .first()
      .waitFor();
    await shot(page, '07-not-enforcing');
    await page.getByRole('combobox', { name: /Network plugin/ }).selectOption('enforcing');
    await blockedEdge().waitFor();
  });

  it('the history timeline shows what changed between two states', async () => {
    await page.getByRole('button', { name: 'History' }).click();
    const timeline = page.getByRole('region', { name: 'History timeline' });
    await timeline.waitFor();
    // Entry 3 is the scenario, just before the default-deny policy.
    await page.getByRole('combobox', { name: 'Compare from' }).selectOption({ index: 2 });
    await timeline
      .getByText(/now blocked/)
      .first()
      .waitFor();
    await shot(page, '08-history-diff');
    await page.getByRole('button', { name: 'History' }).click();
  });

  it('the inspector explains a selected pod and the list view holds the same facts', async () => {
    await page.getByRole('group', { name: 'Pod team-b/web' }).click();
    await page.getByRole('heading', { name: /web/ }).first().waitFor();
    await expect(page.locator('.inspector').innerText()).resolves.toContain('default-deny');
    await shot(page, '03-inspector-pod');
    await room('team-b')
      .getByRole('button', { name: /1 policy/ })
      .click();
    await page
      .locator('.inspector')
      .getByText(/What it allows/)
      .waitFor();
    await shot(page, '03b-inspector-policy');
    await page.getByRole('button', { name: 'Show as list' }).click();
    const outline = page.getByRole('region', { name: 'Cluster outline' });
    await outline.waitFor();
    const text = await outline.innerText();
    expect(text).toContain('Namespace team-x');
    expect(text).toContain('isolated by team-b/default-deny');
    expect(text).toMatch(/blocked/);
    await shot(page, '04-list-view');
    await page.getByRole('button', { name: 'Show as list' }).click();
    await room('team-b').waitFor();
  });

  it('reachability mode marks what the selected pod can reach', async () => {
    await page.getByRole('group', { name: 'Pod team-a/client' }).click();
    await page.getByRole('button', { name: 'Reachability' }).click();
    await page.locator('.pod-card.is-source').waitFor();
    await page.locator('.pod-card.is-unreachable').first().waitFor();
    await shot(page, '05-reachability');
    await page.getByRole('button', { name: 'Reachability' }).click();
  });

  it('the YAML editor loads on demand and marks validation errors before applying', async () => {
    await page.getByRole('tab', { name: 'YAML editor' }).click();
    const editor = page.locator('.cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\n  namespace: team-x\nspec:\n  containers: [{name: c, image: nginx}]\n',
    );
    await page
      .locator('.cm-lint-marker-error, .cm-lintRange-error')
      .first()
      .waitFor({ timeout: 10000 });
    await shot(page, '06-editor');
    await page.getByRole('tab', { name: 'Inspector' }).click();
  });

  it('`kubectl edit` in the terminal opens the object in the YAML editor', async () => {
    await typeCommand(page, 'kubectl edit svc kubernetes -n default');
    await expect
      .poll(() => page.getByRole('tab', { name: 'YAML editor' }).getAttribute('aria-selected'))
      .toBe('true');
    const editor = page.locator('.cm-content');
    await expect.poll(() => editor.innerText()).toContain('name: kubernetes');
    expect(await editor.innerText()).toContain('kind: Service');
    await shot(page, '07-kubectl-edit');
    await page.getByRole('tab', { name: 'Inspector' }).click();
  });

  it('reaches every control with the keyboard alone', async () => {
    await page.goto(app.url);
    await room('default').waitFor();
    const wanted = [
      'Undo',
      'Reset cluster',
      'Show as list',
      'kubectl command',
      'Network plugin',
      'Inspector',
      'History',
      'Reachability',
    ];
    const seen = new Set<string>();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 250 && wanted.some((w) => !seen.has(w)); i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const label =
          el.getAttribute('aria-label') ?? el.closest('label')?.innerText ?? el.innerText ?? '';
        return label.trim();
      });
      for (const w of wanted) if (name.includes(w)) seen.add(w);
    }
    expect([...wanted].filter((w) => !seen.has(w))).toEqual([]);
    // A pod in the diagram is selected with the keyboard too.
    await page.getByRole('group', { name: 'Pod team-b/web' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#inspector-title').getByText('web').waitFor();
    // Ctrl+Z undoes the cluster when focus is not in a text field.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const before = await room('team-x').count();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Shift+z');
    await expect(room('team-x').count()).resolves.toBe(before);
  });

  it('axe-core finds no serious or critical violation', async () => {
    const v = await seriousViolations(page);
    expect(JSON.stringify(v, null, 1)).toBe('[]');
    await page.getByRole('button', { name: 'Show as list' }).click();
    expect(JSON.stringify(await seriousViolations(page), null, 1)).toBe('[]');
    await page.getByRole('button', { name: 'Show as list' }).click();
  });

  it('Reset cluster starts over, and a corrupt save is reported, not a crash', async () => {
    await page.getByRole('button', { name: 'Reset cluster' }).click();
    await room('team-x').waitFor({ state: 'detached' });
    // Corrupt the save as the next page loads (after this page's own last autosave).
    await context.addInitScript(() => {
      if (sessionStorage.getItem('corrupt-once')) {
        sessionStorage.removeItem('corrupt-once');
        localStorage.setItem('namespace-lab.session', '{"schema": 0}');
      }
    });
    await page.evaluate(() => sessionStorage.setItem('corrupt-once', '1'));
    await page.reload();
    await room('default').waitFor();
    await expect(page.getByRole('status').first().innerText()).resolves.toMatch(
      /could not be restored/,
    );
    expect(errors).toEqual([]);
  });
});
