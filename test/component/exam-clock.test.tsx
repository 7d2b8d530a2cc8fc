// @vitest-environment jsdom
/**
 * The exam clock in the top bar: shown only while an exam runs, counting down to the stored
 * deadline (so a reload does not give time back), from a saved exam before the Exam tab has
 * read it against the lessons.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLabStore, examClock } from '../../src/store/index.ts';
import { ExamClock } from '../../src/ui/shell/ExamClock.tsx';
import './setup.ts';
import { LabProvider } from '../../src/ui/shell/store-context.tsx';

const realNow = examClock.now;
afterEach(() => {
  examClock.now = realNow;
  vi.useRealTimers();
});

function mount(session: unknown) {
  const store = createLabStore({ storage: null });
  store.setState({ savedExam: { session, work: new Map(), credited: false } });
  render(
    <LabProvider store={store}>
      <ExamClock />
    </LabProvider>,
  );
  return store;
}

describe('the exam clock', () => {
  it('shows the time left to the saved deadline and keeps counting', () => {
    vi.useFakeTimers();
    let now = 1_000_000;
    examClock.now = () => now;
    mount({ startedAt: now - 60_000, deadline: now + 10 * 60_000 });
    const timer = screen.getByRole('timer', { name: 'Exam time left' });
    expect(timer).toHaveTextContent('Exam 10:00');
    now += 61_000;
    act(() => vi.advanceTimersByTime(1000));
    expect(timer).toHaveTextContent('Exam 08:59');
    now += 10 * 60_000;
    act(() => vi.advanceTimersByTime(1000));
    expect(timer).toHaveTextContent('Exam 00:00 — time is up');
  });

  it('is absent with no exam', () => {
    mount(null);
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('is absent for an exam that has ended', () => {
    mount({ startedAt: 0, deadline: 600_000, endedAt: 300_000 });
    expect(screen.queryByRole('timer')).toBeNull();
  });
});
