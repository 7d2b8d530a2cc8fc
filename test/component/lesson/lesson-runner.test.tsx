// @vitest-environment jsdom
/**
 * The lesson runner over the real store and terminal: lessons listed with progress, predict
 * gating the tasks, goals ticking as the learner types, the diff for unmet goals, the hint
 * ladder, the confirmed solution recorded as seen, reset and next.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderLearnPanel, savedProgress, storage } from './panel-harness.tsx';
import { getObject } from '../../../src/engine/index.ts';
import { globalKey, type ClusterState } from '../../../src/engine/index.ts';
import { buildStartCluster, skillMastery } from '../../../src/learn/index.ts';
import { loadLessons } from '../../../src/content/index.ts';
import { createLabStore } from '../../../src/store/index.ts';
import { LabProvider } from '../../../src/ui/shell/store-context.tsx';

const setup = () => renderLearnPanel({ mode: 'deep' });

async function openLesson3(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Reaching a Service in another namespace' }));
  await user.click(screen.getByRole('button', { name: 'Start lesson (replaces the cluster)' }));
}

describe('content', () => {
  it('bundles every lesson file and every one validates', () => {
    const { lessons, errors } = loadLessons();
    expect(errors).toEqual([]);
    expect(lessons.length).toBeGreaterThanOrEqual(25);
    expect(lessons.find((l) => l.kind === 'lesson')!.id).toBe('namespaces-as-rooms');
  });
});

describe('the lesson runner', () => {
  it('lists lessons by kind, with the mesh lesson marked coming soon', () => {
    setup();
    const build = screen.getByRole('region', { name: 'Build-up lessons' });
    expect(within(build).getAllByRole('listitem')).toHaveLength(6);
    expect(
      within(build).getByText('Service meshes across namespaces').closest('li'),
    ).toHaveTextContent('coming soon');
    expect(screen.getByRole('region', { name: 'Myth-busters' })).toBeInTheDocument();
  });

  it('loads the lesson cluster that buildStartCluster builds, as one undoable step with a note', async () => {
    const { user, store } = setup();
    const before = store.getState().cluster;
    const steps = store.getState().entries.length;
    await openLesson3(user);
    const lesson = loadLessons().lessons.find((l) => l.id === 'reaching-across-namespaces')!;
    const built = buildStartCluster(lesson);
    if (!built.ok) throw new Error(built.error);
    const keys = (c: ClusterState) =>
      [...c.objects.values()].flatMap((m) => [...m.values()].map(globalKey)).sort();
    const s = store.getState();
    expect(keys(s.cluster)).toEqual(keys(built.state));
    expect(s.cluster.settings).toEqual(built.state.settings);
    expect(s.entries).toHaveLength(steps + 1);
    expect(s.entries.at(-1)!.label).toBe('Lesson: Reaching a Service in another namespace');
    expect(s.terminal.at(-1)).toMatchObject({ kind: 'info' });
    expect(s.terminal.at(-1)!.text).toMatch(
      /^Lesson "Reaching a Service in another namespace": its starting cluster is loaded \(namespaces [a-z, -]*shop[a-z, -]*; \d+ pods\)\. Undo brings back the cluster you had\.$/,
    );
    expect(s.activeLesson?.id).toBe(lesson.id);
    s.undo();
    expect(store.getState().cluster).toBe(before);
  });

  it('asks for a prediction before showing the tasks, then reveals', async () => {
    const { user } = setup();
    await openLesson3(user);
    expect(screen.queryByRole('heading', { name: /Task 1/ })).toBeNull();
    expect(screen.getByText('Commit to a prediction to see the tasks.')).toBeInTheDocument();
    const commit = screen.getByRole('button', { name: 'Commit to my answer' });
    expect(commit).toBeDisabled();
    await user.click(
      screen.getByRole('radio', { name: /does not resolve from another namespace/ }),
    );
    await user.click(screen.getByRole('radio', { name: 'Sure' }));
    await user.click(commit);
    expect(screen.getByText('Your prediction was right.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Task 1/ })).toBeInTheDocument();
    expect(savedProgress().predictions).toEqual({
      'reaching-across-namespaces': { choice: 1, correct: true, confidence: 'sure' },
    });
    // The button is gone once pressed: focus is on the verdict, not lost to <body>.
    expect(screen.getByText('Your prediction was right.')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '← All lessons' }));
    expect(screen.getByRole('region', { name: 'Your predictions' })).toHaveTextContent(
      '1 of 1 right; sure: 1 of 1.',
    );
  });

  it('ticks the task as soon as the cluster meets it from the terminal, and records proficiency', async () => {
    const { user, box } = setup();
    await openLesson3(user);
    await user.click(screen.getByRole('radio', { name: /does not resolve/ }));
    await user.click(screen.getByRole('button', { name: 'Commit to my answer' }));
    const goals = screen.getByRole('list', { name: 'Goals of task 1' });
    // Before the learner has tried, the unmet goal says what happens and what decided it…
    expect(goals).toHaveTextContent(
      'shop/client → http://${DB_HOST}:5432 (http://db:5432): fails-dns (curl exit 6)',
    );
    expect(goals).toHaveTextContent('Decided by:');
    expect(goals).not.toHaveTextContent('expected');
    // …and what it expects only once the learner has checked.
    await user.click(screen.getByRole('button', { name: 'Check my work' }));
    expect(goals).toHaveTextContent('expected succeeds, but it fails-dns');
    expect(
      screen.getByRole('heading', {
        name: /^Checked: \d of 4 goals met — each unmet goal now says what it expects/,
      }),
    ).toHaveFocus();
    await user.type(
      box,
      'kubectl create service externalname db -n shop --external-name=db.data.svc.cluster.local{Enter}',
    );
    expect(await screen.findByRole('heading', { name: /Task 1.*\(done\)/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Takeaway' })).toBeInTheDocument();
    expect(
      await screen.findByText('Task done: Make `db` work without touching the client'),
    ).toBeInTheDocument();
    const saved = savedProgress();
    expect(saved.tasks['reaching-across-namespaces/alias-in-shop']?.status).toBe('solved');
    expect(skillMastery(saved, 'dns.search-list')).toBe('proficient');
    await user.click(screen.getByRole('button', { name: '← All lessons' }));
    const skills = screen.getByRole('region', { name: 'Your skills' });
    expect(skills).toHaveTextContent('dns.search-list: proficient');
    expect(
      screen.getByText('Reaching a Service in another namespace').closest('li'),
    ).toHaveTextContent('1 of 1 tasks');
  });

  it('opens hints one rung at a time; the solution needs confirmation and counts as seen', async () => {
    const { user, store } = setup();
    await openLesson3(user);
    await user.click(screen.getByRole('radio', { name: /does not resolve/ }));
    await user.click(screen.getByRole('button', { name: 'Commit to my answer' }));
    await user.click(screen.getByRole('button', { name: 'Show a hint (1 of 3)' }));
    expect(screen.getAllByRole('note')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Show the next hint (2 of 3)' }));
    await user.click(screen.getByRole('button', { name: 'Show the next hint (3 of 3)' }));
    expect(screen.getAllByRole('note')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Show solution' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(getObject(store.getState().cluster, 'Service', 'shop', 'db')).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Show solution' }));
    await user.click(screen.getByRole('button', { name: 'Apply the solution' }));
    expect(getObject(store.getState().cluster, 'Service', 'shop', 'db')).toBeDefined();
    expect(screen.getByRole('heading', { name: /Task 1/ })).toHaveTextContent('solution seen');
    const saved = savedProgress();
    expect(saved.tasks['reaching-across-namespaces/alias-in-shop']?.status).toBe('seen');
    expect(skillMastery(saved, 'dns.search-list')).toBe('attempted');
  });

  it('resets the lesson to its starting cluster and moves to the next one', async () => {
    const { user, box, store } = setup();
    await openLesson3(user);
    await user.click(screen.getByRole('radio', { name: /does not resolve/ }));
    await user.click(screen.getByRole('button', { name: 'Commit to my answer' }));
    await user.type(box, 'kubectl create namespace scratch{Enter}');
    expect(getObject(store.getState().cluster, 'Namespace', undefined, 'scratch')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Start over…' }));
    // A separate, confirmed action: cancelling keeps the work and gives focus back.
    const ask = screen.getByRole('group', { name: /^Start over\?/ });
    expect(within(ask).getByRole('button', { name: 'Start over' })).toHaveFocus();
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(getObject(store.getState().cluster, 'Namespace', undefined, 'scratch')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Start over…' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Start over…' }));
    await user.keyboard('{Enter}');
    expect(getObject(store.getState().cluster, 'Namespace', undefined, 'scratch')).toBeUndefined();
    expect(getObject(store.getState().cluster, 'Pod', 'shop', 'client')).toBeDefined();
    await user.click(screen.getByRole('button', { name: /Next: NetworkPolicy across namespaces/ }));
    expect(
      screen.getByRole('heading', { level: 2, name: 'NetworkPolicy across namespaces' }),
    ).toBeInTheDocument();
  });
});

describe('the lessons dock', () => {
  it('opens the runner on demand and lists the lessons', async () => {
    const { LessonsColumn, LessonsToggle } = await import('../../../src/ui/lesson/LessonsDock.tsx');
    const store = createLabStore({ storage: null });
    const user = userEvent.setup();
    store.getState().setMode('deep');
    function Shell() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <LessonsToggle open={open} onToggle={() => setOpen(!open)} />
          {open && <LessonsColumn />}
        </>
      );
    }
    render(
      <LabProvider store={store}>
        <Shell />
      </LabProvider>,
    );
    const toggle = screen.getByRole('button', { name: 'Lessons' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Lessons panel' })).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByRole('button', { name: 'Namespaces as rooms' })).toBeInTheDocument();
  });
});

describe('resuming a lesson', () => {
  it('closing and reopening the panel resumes the lesson, its credit, hints and check', async () => {
    const { LessonsColumn, LessonsToggle } = await import('../../../src/ui/lesson/LessonsDock.tsx');
    const { user, box, store } = setup();
    await openLesson3(user);
    await user.click(screen.getByRole('radio', { name: /does not resolve/ }));
    await user.click(screen.getByRole('button', { name: 'Commit to my answer' }));
    await user.click(screen.getByRole('button', { name: 'Show a hint (1 of 3)' }));
    cleanup();
    // Closed: the work done now is still credited (no panel is mounted).
    function Shell() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <LessonsToggle open={open} onToggle={() => setOpen(!open)} />
          {open && <LessonsColumn />}
        </>
      );
    }
    render(
      <LabProvider store={store}>
        <Shell />
      </LabProvider>,
    );
    expect(box).not.toBeInTheDocument();
    store
      .getState()
      .run(
        'kubectl create service externalname db -n shop --external-name=db.data.svc.cluster.local',
      );
    await waitFor(() =>
      expect(savedProgress().tasks['reaching-across-namespaces/alias-in-shop']).toMatchObject({
        status: 'solved',
        hintsUsed: 1,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    // Reopened where the learner was: the lesson, not the list, with its task done.
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Reaching a Service in another namespace',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Task 1.*\(done\)/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start over…' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Start lesson/ })).toBeNull();
  });

  it('a reload resumes the lesson; a task done earlier stays done after the cluster changes', async () => {
    const first = setup();
    await openLesson3(first.user);
    await first.user.click(screen.getByRole('radio', { name: /does not resolve/ }));
    await first.user.click(screen.getByRole('button', { name: 'Commit to my answer' }));
    await first.user.type(
      first.box,
      'kubectl create service externalname db -n shop --external-name=db.data.svc.cluster.local{Enter}',
    );
    await screen.findByRole('heading', { name: /Task 1.*\(done\)/ });
    const cluster = first.store.getState().cluster;
    cleanup();
    // The reload: a new store over the same storage (the session part is the cluster).
    const again = renderLearnPanel({
      keep: true,
      store: createLabStore({ storage, initial: cluster }),
    });
    expect(await screen.findByRole('heading', { name: /Task 1.*\(done\)/ })).toBeInTheDocument();
    await again.user.type(again.box, 'kubectl delete service db -n shop{Enter}');
    const task = screen.getByRole('region', { name: /Task 1/ });
    expect(within(task).getAllByText(/Not met:/).length).toBeGreaterThan(0);
    expect(within(task).getByRole('heading', { name: /Task 1.*\(done\)/ })).toBeInTheDocument();
    expect(task).toHaveTextContent('the credit stays');
    expect(savedProgress().tasks['reaching-across-namespaces/alias-in-shop']?.status).toBe(
      'solved',
    );
  });
});

describe('accessibility', () => {
  it('the list and an open lesson have no axe violations', async () => {
    const axe = (await import('axe-core')).default;
    const { user } = setup();
    const rules = { 'color-contrast': { enabled: false }, region: { enabled: false } };
    let r = await axe.run(document.body, { rules });
    expect(r.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await openLesson3(user);
    await user.click(screen.getByRole('radio', { name: /does not resolve/ }));
    await user.click(screen.getByRole('button', { name: 'Commit to my answer' }));
    await user.click(screen.getByRole('button', { name: 'Show a hint (1 of 3)' }));
    r = await axe.run(document.body, { rules });
    expect(r.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
