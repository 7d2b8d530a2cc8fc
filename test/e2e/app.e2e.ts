/**
 * The app in real Chromium: terminal → diagram, a blocked connection test with its reason,
 * undo, reload, keyboard-only use, axe-core, and screenshots of the main screens. Each test
 * opens a fresh app and types its own setup, so any one runs alone and in any order.
 */
import { describe, expect, it } from 'vitest';
import { STORAGE_KEY } from '../../src/store/index.ts';
import {
  blockedEdge,
  createNamespace,
  room,
  savedSession,
  seriousViolations,
  sharedChromium,
  shot,
  terminalLog,
  typeCommand,
  withBlockedTest,
  withDefaultDeny,
  withScenario,
} from './app-helpers.ts';
import { hasBrowser } from './harness.ts';

describe.skipIf(!hasBrowser)('Namespace Lab in Chromium', () => {
  const chromium = sharedChromium();

  it('loads with the default rooms, the terminal and the toolbar', async () => {
    const { page } = await chromium.freshApp();
    await room(page, 'default').waitFor();
    await room(page, 'kube-system').waitFor();
    for (const name of ['Undo', 'Redo', 'Reset cluster', 'Show as list']) {
      await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
    }
    await shot(page, '01-first-screen');
  });

  it('kubectl create namespace team-x makes room "Namespace team-x" appear', async () => {
    const { page } = await chromium.freshApp();
    await typeCommand(page, 'kubectl create namespace team-x');
    await room(page, 'team-x').waitFor();
    await expect(terminalLog(page).innerText()).resolves.toContain('namespace/team-x created');
  });

  it('shows a connection test blocked by a default-deny policy, with its reason', async () => {
    const { page } = await chromium.freshApp();
    await withDefaultDeny(page);
    await typeCommand(page, 'kubectl exec -n team-a client -- curl -m 2 http://web.team-b');
    await blockedEdge(page).waitFor();
    const label = await blockedEdge(page).innerText();
    expect(label).toMatch(/Blocked/);
    expect(label).toContain('team-b/default-deny');
    // The inspector explains it hop by hop.
    await expect(page.locator('.test-explain.is-blocked').innerText()).resolves.toMatch(/ingress/i);
    await shot(page, '02-blocked-connection');
  });

  it('undo removes the connection test; redo brings it back', async () => {
    const { page } = await chromium.freshApp();
    await withBlockedTest(page);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await blockedEdge(page).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await blockedEdge(page).waitFor();
  });

  it('a reload keeps the state', async () => {
    const { page } = await chromium.freshApp();
    await createNamespace(page, 'team-x');
    await withBlockedTest(page);
    // Autosave is debounced: reload once the save holds all five entries, the test last.
    await expect
      .poll(async () => {
        const saved = await savedSession(page);
        return saved && [saved.entries.length, saved.entries.at(-1)?.tests[0]?.url];
      })
      .toEqual([5, 'http://web.team-b']);
    await page.reload();
    await room(page, 'team-x').waitFor();
    await room(page, 'team-b').waitFor();
    await blockedEdge(page).waitFor();
  });

  it('a network plugin that does not enforce NetworkPolicy lets the blocked test through', async () => {
    const { page } = await chromium.freshApp();
    await withBlockedTest(page);
    await page.getByRole('combobox', { name: /Network plugin/ }).selectOption('not-enforcing');
    await page.locator('.verdict-label.is-allowed').waitFor();
    await page
      .getByText(/ignores NetworkPolicy/)
      .first()
      .waitFor();
    await shot(page, '07-not-enforcing');
    await page.getByRole('combobox', { name: /Network plugin/ }).selectOption('enforcing');
    await blockedEdge(page).waitFor();
  });

  it('the history timeline shows what changed between two states', async () => {
    const { page } = await chromium.freshApp();
    await withBlockedTest(page);
    await page.getByRole('button', { name: 'History' }).click();
    const timeline = page.getByRole('region', { name: 'History timeline' });
    await timeline.waitFor();
    // Entry 2 is the scenario, just before the default-deny policy (entry 1 is the new cluster).
    await page.getByRole('combobox', { name: 'Compare from' }).selectOption({ index: 1 });
    await timeline
      .getByText(/now blocked/)
      .first()
      .waitFor();
    await shot(page, '08-history-diff');
  });

  it('the inspector explains a selected pod and the policy that isolates it', async () => {
    const { page } = await chromium.freshApp();
    await withDefaultDeny(page);
    await page.getByRole('group', { name: 'Pod team-b/web' }).click();
    await page.getByRole('heading', { name: /web/ }).first().waitFor();
    await expect(page.locator('.inspector').innerText()).resolves.toContain('default-deny');
    await shot(page, '03-inspector-pod');
    await room(page, 'team-b')
      .getByRole('button', { name: /1 policy/ })
      .click();
    await page
      .locator('.inspector')
      .getByText(/What it allows/)
      .waitFor();
    await shot(page, '03b-inspector-policy');
  });

  it('the list view holds the same facts as the diagram', async () => {
    const { page } = await chromium.freshApp();
    await createNamespace(page, 'team-x');
    await withBlockedTest(page);
    await page.getByRole('button', { name: 'Show as list' }).click();
    const outline = page.getByRole('region', { name: 'Cluster outline' });
    await outline.waitFor();
    const text = await outline.innerText();
    expect(text).toContain('Namespace team-x');
    expect(text).toContain('isolated by team-b/default-deny');
    expect(text).toMatch(/blocked/);
    await shot(page, '04-list-view');
  });

  it('reachability mode marks what the selected pod can reach', async () => {
    const { page } = await chromium.freshApp();
    await withDefaultDeny(page);
    await page.getByRole('group', { name: 'Pod team-a/client' }).click();
    await page.getByRole('button', { name: 'Reachability' }).click();
    await page.locator('.pod-card.is-source').waitFor();
    await page.locator('.pod-card.is-unreachable').first().waitFor();
    await shot(page, '05-reachability');
  });

  it('the YAML editor loads on demand and marks validation errors before applying', async () => {
    const { page } = await chromium.freshApp();
    // The namespace exists, so the error marked is the pod's name alone.
    await createNamespace(page, 'team-x');
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
  });

  it('`kubectl edit` in the terminal opens the object in the YAML editor', async () => {
    const { page } = await chromium.freshApp();
    await typeCommand(page, 'kubectl edit svc kubernetes -n default');
    await expect
      .poll(() => page.getByRole('tab', { name: 'YAML editor' }).getAttribute('aria-selected'))
      .toBe('true');
    const editor = page.locator('.cm-content');
    await expect.poll(() => editor.innerText()).toContain('name: kubernetes');
    expect(await editor.innerText()).toContain('kind: Service');
    await shot(page, '07-kubectl-edit');
  });

  it('reaches every control with the keyboard alone', async () => {
    const { page } = await chromium.freshApp();
    await withScenario(page);
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
  });

  it('selects a pod in the diagram with the keyboard', async () => {
    const { page } = await chromium.freshApp();
    await withScenario(page);
    await page.getByRole('group', { name: 'Pod team-b/web' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#inspector-title').getByText('web').waitFor();
  });

  it('Ctrl+Z and Ctrl+Shift+Z undo and redo when focus is not in a text field', async () => {
    const { page } = await chromium.freshApp();
    await createNamespace(page, 'team-x');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await room(page, 'team-x').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+z');
    await room(page, 'team-x').waitFor();
  });

  it('axe-core finds no serious or critical violation', async () => {
    const { page } = await chromium.freshApp();
    await createNamespace(page, 'team-x');
    await withBlockedTest(page);
    const v = await seriousViolations(page);
    expect(JSON.stringify(v, null, 1)).toBe('[]');
    await page.getByRole('button', { name: 'Show as list' }).click();
    await page.getByRole('region', { name: 'Cluster outline' }).waitFor();
    expect(JSON.stringify(await seriousViolations(page), null, 1)).toBe('[]');
  });

  it('Reset cluster starts over', async () => {
    const { page } = await chromium.freshApp();
    await createNamespace(page, 'team-x');
    await page.getByRole('button', { name: 'Reset cluster' }).click();
    await room(page, 'team-x').waitFor({ state: 'detached' });
    await room(page, 'default').waitFor();
  });

  it('a corrupt save is reported, not a crash', async () => {
    const { page, errors } = await chromium.freshApp({
      storage: { [STORAGE_KEY]: '{"schema": 0}' },
    });
    await room(page, 'default').waitFor();
    await expect(page.getByRole('status').first().innerText()).resolves.toMatch(
      /could not be restored/,
    );
    expect(errors).toEqual([]);
  });
});
