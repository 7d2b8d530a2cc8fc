// @vitest-environment jsdom
/**
 * Exam mode over the real store, terminal and runtime: a seeded Lightning lab, a question solved
 * by typing its reference solution, work kept across questions, the report graded by the
 * engine, the deadline ending the exam (an injected clock), a reload resuming it, corrupt saved
 * data replaced by a fresh start, and no axe violations.
 */
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderLearnPanel, savedProgress, storage } from './panel-harness.tsx';
import { getObject } from '../../../src/engine/index.ts';
import { loadLessons } from '../../../src/content/index.ts';
import { skillMastery } from '../../../src/learn/index.ts';
import {
  composeExam,
  gradeQuestion,
  type Exam,
  type ExamQuestion,
} from '../../../src/learn/exam.ts';
import {
  createLabStore,
  examClock,
  STORAGE_KEYS,
  type LabStore,
} from '../../../src/store/index.ts';
import type { UserEvent } from '@testing-library/user-event';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
let clock = T0;
examClock.now = () => clock;
afterEach(() => {
  clock = T0;
});

const SEED = 1;
const exam: Exam = composeExam(loadLessons().lessons, { preset: 'lightning', seed: SEED });

/** A question whose solution can be typed as single lines (no here-documents). */
function typeable(e: Exam): number {
  const k = e.questions.findIndex((q) =>
    q.task.solution.every((c) => !c.includes('\n') && !/[{[]/.test(c)),
  );
  if (k < 0) throw new Error('no question with a one-line solution in this exam');
  return k;
}

/** Mounts the panel over what storage holds now (a reload keeps the saved exam). */
const mount = (store?: LabStore) => renderLearnPanel({ keep: true, ...(store ? { store } : {}) });

const fresh = () => renderLearnPanel({ mode: 'exam' });

async function startLightning(user: UserEvent) {
  const seed = screen.getByRole('textbox', { name: 'Exam number' });
  await user.clear(seed);
  await user.type(seed, String(SEED));
  await user.click(screen.getByRole('radio', { name: /Lightning lab/ }));
  await user.click(screen.getByRole('button', { name: 'Start exam' }));
}

const questionButton = (k: number) =>
  within(screen.getByRole('navigation', { name: 'Questions' })).getByRole('button', {
    name: new RegExp(`^Question ${k + 1}\\b`),
  });

const solvedOn = (q: ExamQuestion, store: LabStore) =>
  gradeQuestion(q, store.getState().cluster).solved;

describe('exam mode', () => {
  it('solves a question from the terminal, keeps it across questions, and grades it with the engine', async () => {
    const { user, box, store } = fresh();
    await startLightning(user);
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('30:00');
    const k = typeable(exam);
    const q = exam.questions[k]!;
    await user.click(questionButton(k));
    expect(questionButton(k)).toHaveAttribute('aria-current', 'step');
    expect(
      screen.getByRole('heading', { name: `Question ${k + 1} of 5: ${q.task.title}` }),
    ).toBeInTheDocument();
    expect(screen.getByText(q.context)).toBeInTheDocument();
    // No checks, hints or solutions while the exam runs.
    expect(screen.queryByRole('list', { name: /Checks of question/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /hint|solution/i })).toBeNull();
    expect(solvedOn(q, store)).toBe(false);
    for (const line of q.task.solution) await user.type(box, `${line}{Enter}`);
    expect(solvedOn(q, store)).toBe(true);

    const j = k === 0 ? 1 : 0;
    await user.click(questionButton(j));
    expect(screen.getByRole('heading', { name: new RegExp(`^Question ${j + 1} of 5`) }));
    expect(solvedOn(q, store)).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    expect(questionButton(j)).toHaveAccessibleName(`Question ${j + 1} (flagged)`);
    await user.click(questionButton(k));
    expect(solvedOn(q, store)).toBe(true);

    await user.click(screen.getByRole('button', { name: 'End exam' }));
    const confirm = screen.getByRole('group', { name: 'Confirm ending the exam' });
    expect(confirm).toHaveTextContent('flagged for review');
    clock = T0 + 4 * 60_000 + 30_000;
    await user.click(within(confirm).getByRole('button', { name: 'End exam now' }));

    const report = screen.getByRole('region', { name: 'Exam report' });
    const total = exam.questions.reduce((s, x) => s + x.weight, 0);
    const percent = Math.round(((100 * q.weight) / total) * 10) / 10;
    expect(report).toHaveTextContent('Ended after 04:30 of 30:00.');
    expect(report).toHaveTextContent(`Score: ${percent}%`);
    expect(report).toHaveTextContent(percent >= 80 ? 'Passed' : 'Not passed');
    const mine = within(report).getByRole('region', {
      name: new RegExp(`Question ${k + 1}: .*\\(solved\\)`),
    });
    const checks = within(mine).getAllByRole('listitem');
    expect(checks).toHaveLength(q.task.goals.length);
    for (const c of checks) expect(c).toHaveTextContent(/^✔ Passed: /);
    expect(mine).toHaveTextContent(q.task.solution[0]!);
    // An untouched question: its must-change checks failed, with the engine's reason.
    const other = within(report).getByRole('region', {
      name: new RegExp(`Question ${j + 1}: .* 0 of`),
    });
    expect(within(other).getAllByText(/Failed:/).length).toBeGreaterThan(0);
    expect(other).toHaveTextContent('Decided by:');

    const saved = savedProgress();
    expect(saved.tasks[`${q.lesson.id}/${q.task.id}`]?.status).toBe('solved');
    for (const s of q.lesson.skills) expect(skillMastery(saved, s)).toBe('proficient');
  });

  it('announces the last minutes and ends the exam at the deadline', async () => {
    const { user } = fresh();
    await startLightning(user);
    clock = T0 + 20 * 60_000 + 1_000;
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('10 minutes left.'), {
      timeout: 3000,
    });
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('09:59');
    clock = T0 + 30 * 60_000 + 1_000;
    expect(await screen.findByRole('region', { name: 'Exam report' }, { timeout: 3000 }));
    expect(screen.getByText('Time ran out: the exam ended at its deadline.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Time is up');
    expect(screen.getByRole('region', { name: 'Exam report' })).toHaveTextContent('Score: 0%');
  });

  it('resumes after a reload with the work, the question and the clock', async () => {
    const { user, box } = fresh();
    await startLightning(user);
    await user.click(questionButton(2));
    await user.type(box, 'kubectl create namespace exam-scratch{Enter}');
    clock = T0 + 5 * 60_000;
    cleanup();
    // A reload: a new store with a fresh cluster, the same localStorage.
    const { store } = mount();
    expect(await screen.findByRole('heading', { name: /^Question 3 of 5/ })).toBeInTheDocument();
    expect(
      getObject(store.getState().cluster, 'Namespace', undefined, 'exam-scratch'),
    ).toBeDefined();
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('25:00');
    expect(questionButton(2)).toHaveAttribute('aria-current', 'step');
    expect(questionButton(4)).toHaveAccessibleName('Question 5 (not opened)');
  });

  it('a reload after the deadline ends the exam and grades the work saved before it', async () => {
    const { user, box } = fresh();
    await startLightning(user);
    const k = typeable(exam);
    const q = exam.questions[k]!;
    if (k !== 0) await user.click(questionButton(k));
    for (const line of q.task.solution) await user.type(box, `${line}{Enter}`);
    cleanup();
    clock = T0 + 31 * 60_000;
    const { store } = mount();
    const report = await screen.findByRole('region', { name: 'Exam report' });
    expect(report).toHaveTextContent('Time ran out');
    expect(
      within(report).getByRole('region', { name: new RegExp(`Question ${k + 1}: .*\\(solved\\)`) }),
    ).toBeInTheDocument();
    // The saved work was graded without being put back into the (fresh) live cluster.
    expect(solvedOn(q, store)).toBe(false);
  });

  it('sets corrupt saved data aside with a message and starts afresh', async () => {
    const corrupt = '{"schema": 2, "session": {"version": 1, "preset": "lightning"';
    const { user } = renderLearnPanel({ mode: 'exam', saved: { [STORAGE_KEYS.exam]: corrupt } });
    expect(screen.getByText(/^Your saved exam could not be read/)).toHaveTextContent(
      'you can start a new one',
    );
    expect(storage.getItem(STORAGE_KEYS.exam)).toBeNull();
    const aside = storage.keys().find((k) => k.startsWith(`${STORAGE_KEYS.exam}.set-aside.`));
    expect(aside && storage.getItem(aside)).toBe(corrupt);
    await startLightning(user);
    expect(screen.getByRole('heading', { name: /^Question 1 of 5/ })).toBeInTheDocument();
    expect(storage.getItem(STORAGE_KEYS.exam)).not.toBeNull();
  });

  it('a saved exam whose question no longer exists is set aside when the Exam tab opens', async () => {
    const { user } = fresh();
    await startLightning(user);
    cleanup();
    const record = JSON.parse(storage.getItem(STORAGE_KEYS.exam)!);
    record.session.questions[0].lesson = 'a-lesson-since-removed';
    storage.setItem(STORAGE_KEYS.exam, JSON.stringify(record));
    mount();
    expect(screen.getByText(/^Your saved exam could not be read/)).toHaveTextContent(
      'a-lesson-since-removed',
    );
    expect(screen.getByRole('button', { name: 'Start exam' })).toBeInTheDocument();
    expect(storage.getItem(STORAGE_KEYS.exam)).toBeNull();
  });
});

describe('accessibility', () => {
  it('the start page, a running exam and the report have no axe violations', async () => {
    const axe = (await import('axe-core')).default;
    const rules = { 'color-contrast': { enabled: false }, region: { enabled: false } };
    const check = async () => {
      const r = await act(() => axe.run(document.body, { rules }));
      expect(r.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    };
    const { user } = fresh();
    await check();
    await startLightning(user);
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    await check();
    await user.click(screen.getByRole('button', { name: 'End exam' }));
    await user.click(screen.getByRole('button', { name: 'End exam now' }));
    await check();
  });
});

describe('an exam without storage', () => {
  it('is kept in memory for the page, so leaving the Exam tab loses nothing', async () => {
    const { user, box, store } = renderLearnPanel({
      mode: 'exam',
      store: createLabStore({ storage: null }),
    });
    await startLightning(user);
    await user.click(questionButton(1));
    await user.type(box, 'kubectl create namespace kept-in-memory{Enter}');
    await user.click(screen.getByRole('tab', { name: 'Learn' }));
    // Away from the exam, the cluster is the learner's own again.
    await user.type(box, 'kubectl create namespace not-exam-work{Enter}');
    await user.click(screen.getByRole('tab', { name: 'Exam' }));
    expect(screen.getByRole('heading', { name: /^Question 2 of 5/ })).toBeInTheDocument();
    const cluster = store.getState().cluster;
    expect(getObject(cluster, 'Namespace', undefined, 'kept-in-memory')).toBeDefined();
    expect(getObject(cluster, 'Namespace', undefined, 'not-exam-work')).toBeUndefined();
    expect(store.getState().unsaved).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
