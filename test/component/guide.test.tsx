// @vitest-environment jsdom
/**
 * The guided start over the real store, runtime and terminal: it opens on a first visit only,
 * advances from the interpreter's typed answer to the learner's own commands (not from what was
 * printed), keeps the learner's cluster one Undo away, and moves focus where the learner acts.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createLabStore,
  GUIDE_QUALIFIED_COMMAND,
  GUIDE_SHORT_COMMAND,
  GUIDE_STORAGE_KEY,
  loadRuntime,
} from '../../src/store/index.ts';
import { FirstCallGuide } from '../../src/ui/shell/FirstCallGuide.tsx';
import { LabProvider } from '../../src/ui/shell/store-context.tsx';
import { Terminal } from '../../src/ui/terminal/Terminal.tsx';
import { MemoryStorage } from './setup.ts';

beforeAll(async () => {
  await (await loadRuntime()).loadWholeKubectl();
});

const dialog = () => screen.getByRole('dialog', { name: 'Your first cross-namespace call' });

function renderGuide(storage = new MemoryStorage()) {
  const store = createLabStore({ storage, saveDelay: 0 });
  const user = userEvent.setup();
  render(
    <LabProvider store={store}>
      <Terminal />
      <FirstCallGuide />
    </LabProvider>,
  );
  return { store, user, storage };
}

describe('the guided start', () => {
  it('opens on a first visit with focus on its title, and not once seen', () => {
    const { store, storage } = renderGuide();
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'Your first cross-namespace call' }),
    );
    act(() => store.getState().closeGuide());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(JSON.parse(storage.getItem(GUIDE_STORAGE_KEY)!)).toMatchObject({ seen: true });
    expect(createLabStore({ storage }).getState().guide.open).toBe(false);
    // Memory only (no storage): no telling a first visit, so no guide.
    expect(createLabStore({ storage: null }).getState().guide.open).toBe(false);
  });

  it('advances on the engine’s answer to each curl, whatever the command printed', async () => {
    const { store, user } = renderGuide();
    await user.click(screen.getByRole('button', { name: 'Load the two rooms' }));
    await screen.findByText('Step 2 of 4');
    // Focus follows the button press to the next step's title.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /first cross/ }));
    // A command with no request from team-a/client leaves the step as it was.
    act(() => void store.getState().run('kubectl get pods -A'));
    act(
      () =>
        void store.getState().run('kubectl exec -n team-a client -- curl -sS http://web.team-b'),
    );
    expect(store.getState().guide.step).toBe('short');
    await user.click(screen.getByRole('button', { name: 'Type it for me' }));
    const box = screen.getByRole('textbox', { name: 'kubectl command' });
    expect(box).toHaveValue(GUIDE_SHORT_COMMAND);
    expect(document.activeElement).toBe(box);
    await user.keyboard('{Enter}');
    expect(store.getState().guide.step).toBe('qualified');
    expect(store.getState().guide.short).toMatchObject({ exitCode: 6, outcome: 'nxdomain' });
    // The terminal keeps focus when the terminal completed the step; the status says so.
    expect(document.activeElement).toBe(box);
    expect(screen.getByRole('status', { name: '' }).textContent).toMatch(/exited 6/);
    act(() => void store.getState().run(GUIDE_QUALIFIED_COMMAND));
    expect(store.getState().guide.step).toBe('why');
    const found = screen.getByRole('list', { name: 'Names tried for web.team-b' });
    expect(found.textContent).toMatch(/web\.team-b\.svc\.cluster\.local found/);
    expect(dialog().textContent).toContain('completed by the svc.cluster.local search entry');
  });

  it('offers a fresh cluster when there is work to keep, one Undo away', async () => {
    const { store, user } = renderGuide();
    act(() => void store.getState().run('kubectl create namespace mine'));
    expect(dialog().textContent).toMatch(/Undo \(or History\) brings yours back/);
    await user.click(screen.getByRole('button', { name: 'Start in a fresh cluster' }));
    await screen.findByText('Step 2 of 4');
    const has = () => store.getState().cluster.objects.get('Namespace')?.has('mine') ?? false;
    expect(has()).toBe(false);
    act(() => store.getState().undo());
    expect(has()).toBe(true);
  });

  it('Escape inside it skips it', async () => {
    const { user } = renderGuide();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
