/**
 * Exam mode: a timed set of performance tasks over the one workspace, as the CKA/CKAD/CKS run
 * (pedagogy.md §1.2): each question has its own cluster and context line, checks stay hidden
 * and no hints or solutions are offered until the exam ends, the learner may move between
 * questions while the clock keeps running, and the end state is graded per check by the engine.
 * The exam itself is the store's (src/learn's examReducer, saved by the store); this tab
 * dispatches its actions, builds question clusters and grades.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  composeExam,
  EXAM_PRESETS,
  examPreset,
  gradeExam,
  isRunning,
  questionStart,
  type ExamPresetId,
  type ExamQuestion,
  type ExamReport,
  type ExamSession,
} from '../../../learn/index.ts';
import { examClock } from '../../../store/index.ts';
import { useLab, useLabStore } from '../../shell/store-context.tsx';
import { Markdown } from '../markdown.tsx';
import { clockText, ExamReportView, pct } from './ExamReport.tsx';
import type { ModeProps } from './mode-props.ts';

/** A question's starting cluster, or undefined when it cannot be built (it then scores 0). */
function startOf(q: ExamQuestion) {
  const st = questionStart(q);
  return st.ok ? st.state : undefined;
}

export function ExamMode({ lessons, cluster }: ModeProps) {
  const store = useLabStore();
  const state = useLab((s) => s.exam);
  const saveFailed = useLab((s) => s.unsaved.includes('exam'));
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [presetId, setPresetId] = useState<ExamPresetId>('lightning');
  const [seedText, setSeedText] = useState(() => String(Math.floor(examClock.now()) % 100000));
  const { dispatchExam: dispatch } = store.getState();
  const live = () => store.getState().cluster;

  // Opening the tab brings back a saved exam and the current question's work; once the tab
  // is left, the cluster is no longer the exam's (a lesson loaded elsewhere is not exam work).
  useEffect(() => {
    store.getState().resumeExam(lessons);
    return () => store.getState().dispatchExam({ type: 'detach' });
  }, [store, lessons]);

  // Every change to the cluster is the current question's work. The live cluster, not the
  // rendered one: resuming may just have replaced it.
  useEffect(() => {
    store.getState().dispatchExam({ type: 'save-work', cluster: store.getState().cluster });
  }, [cluster, store]);

  const running = isRunning(state);
  useEffect(() => {
    if (!running) return;
    const tick = () => store.getState().dispatchExam({ type: 'tick', now: examClock.now() });
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [running, store]);

  // Only the end state is graded, once the exam has ended (by the learner, the clock or a reload).
  const { session, work } = state;
  const report = useMemo<ExamReport | null>(
    () => (session && session.endedAt !== undefined ? gradeExam(session.exam, work) : null),
    [session, work],
  );
  useEffect(() => {
    if (report) store.getState().creditExam(report);
  }, [report, store]);

  const start = () => {
    const seed = Number.parseInt(seedText, 10);
    const exam = composeExam(lessons, { preset: presetId, seed: Number.isFinite(seed) ? seed : 0 });
    if (!exam.questions.length) {
      setNotice('There are no tasks to draw an exam from.');
      return;
    }
    setNotice('');
    dispatch({ type: 'start', exam, now: examClock.now(), first: startOf(exam.questions[0]!) });
  };

  const goTo = (k: number) => {
    const q = session?.exam.questions[k];
    if (!q) return;
    dispatch({ type: 'goto', question: k, live: live(), start: () => startOf(q) });
    setConfirming(false);
  };

  const toggleFlag = () => dispatch({ type: 'flag' });

  const end = () => {
    dispatch({ type: 'end', now: examClock.now(), live: live() });
    setConfirming(false);
  };

  const newExam = () => dispatch({ type: 'discard' });

  const now = state.now;
  const announcement = (
    <p className="visually-hidden" role="status">
      {state.announcement}
    </p>
  );
  const saveWarning = saveFailed && (
    <p className="exam__warning" role="alert">
      The exam could not be saved in this browser (storage is full or blocked); it goes on, but a
      reload would lose it.
    </p>
  );

  if (!session) return renderStart();
  if (session.endedAt !== undefined && report)
    return (
      <div className="exam">
        {announcement}
        <ExamReportView session={session} report={report} />
        <button type="button" className="btn" onClick={newExam}>
          Start a new exam
        </button>
      </div>
    );
  return renderRunning(session);

  // Rendered as plain calls, not components: an inner component would remount (and lose
  // the focus of its inputs) on every render.
  function renderStart() {
    const preset = examPreset(presetId);
    return (
      <div className="exam">
        {notice && (
          <p className="exam__warning" role="alert">
            {notice}
          </p>
        )}
        <fieldset className="exam__presets">
          <legend>Exam type</legend>
          {EXAM_PRESETS.map((p) => (
            <label key={p.id} className="exam__preset">
              <input
                type="radio"
                name="exam-preset"
                value={p.id}
                checked={p.id === presetId}
                onChange={() => setPresetId(p.id)}
              />{' '}
              <strong>{p.label}</strong>: {p.summary}
            </label>
          ))}
        </fieldset>
        <label className="exam__seed">
          Exam number{' '}
          <input
            type="text"
            inputMode="numeric"
            value={seedText}
            onChange={(e) => setSeedText(e.target.value.replace(/\D/g, '').slice(0, 9))}
            aria-describedby="exam-seed-help"
          />
        </label>
        <p id="exam-seed-help" className="muted">
          The same number draws the same questions (share it to sit the same exam).
        </p>
        <section className="exam__rules" aria-labelledby="exam-rules">
          <h3 id="exam-rules">Rules</h3>
          <ul>
            <li>
              {preset.minutes} minutes; pass mark {preset.passMark}%. The clock keeps running
              whatever you do, even across a reload.
            </li>
            <li>Each question has its own cluster and says which namespaces it is about.</li>
            <li>No hints and no solutions; the checks stay hidden until you end the exam.</li>
            <li>
              You may move between questions and flag them for review; your work on each is kept.
            </li>
            <li>
              Only the end state is graded, check by check: each check earns part of the
              question&apos;s points, and a check that was already true at the start (something you
              must not break) counts only once you have done some of the work.
            </li>
          </ul>
        </section>
        <p className="muted">
          Starting replaces the cluster with question 1&apos;s (Undo brings yours back).
        </p>
        <button type="button" className="btn" onClick={start}>
          Start exam
        </button>
      </div>
    );
  }

  function renderRunning(session: ExamSession) {
    const { exam, current } = session;
    const q = exam.questions[current]!;
    const total = exam.questions.reduce((s, x) => s + x.weight, 0);
    const left = session.deadline - now;
    const unopened = session.visited.filter((v) => !v).length;
    const flagged = session.flagged.filter(Boolean).length;
    const scenario = q.lesson.kind === 'challenge' || q.lesson.kind === 'project';
    return (
      <div className="exam">
        {announcement}
        {saveWarning}
        <div className="exam__bar">
          <h2 className="exam__title">{examPreset(exam.preset).label}</h2>
          <p className="exam__clock">
            Time left:{' '}
            <span role="timer" aria-label="Time left" data-low={left < 5 * 60_000}>
              {clockText(left)}
            </span>
          </p>
        </div>
        <nav aria-label="Questions" className="exam__nav">
          <ol className="exam__nav-list">
            {exam.questions.map((_, i) => {
              const state = [
                session.flagged[i] ? 'flagged' : '',
                session.visited[i] ? '' : 'not opened',
              ]
                .filter(Boolean)
                .join(', ');
              return (
                <li key={i}>
                  <button
                    type="button"
                    className="exam__nav-btn"
                    aria-current={i === current ? 'step' : undefined}
                    aria-label={`Question ${i + 1}${state ? ` (${state})` : ''}`}
                    onClick={() => goTo(i)}
                  >
                    {i + 1}
                    {session.flagged[i] && <span aria-hidden="true"> ⚑</span>}
                    {!session.visited[i] && <span aria-hidden="true"> ○</span>}
                  </button>
                </li>
              );
            })}
          </ol>
          <p className="exam__legend muted" aria-hidden="true">
            ⚑ flagged · ○ not opened · underlined: this question
          </p>
        </nav>
        <section className="exam__question" aria-labelledby="exam-q-title">
          <h3 id="exam-q-title">
            Question {current + 1} of {exam.questions.length}: {q.task.title}
          </h3>
          <p className="exam__meta">
            Weight {pct((100 * q.weight) / total)} of the exam
            {session.flagged[current] && ' · flagged for review'}
          </p>
          <p className="exam__context">{q.context}</p>
          {scenario && <Markdown text={q.lesson.prose} />}
          <Markdown text={q.task.description} />
        </section>
        <div className="exam__actions">
          <button
            type="button"
            className="btn btn--small"
            aria-pressed={session.flagged[current]}
            onClick={toggleFlag}
          >
            Flag for review
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={current === 0}
            onClick={() => goTo(current - 1)}
          >
            Previous question
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={current === exam.questions.length - 1}
            onClick={() => goTo(current + 1)}
          >
            Next question
          </button>
        </div>
        {confirming ? (
          <div className="confirm exam__confirm" role="group" aria-label="Confirm ending the exam">
            <p>
              End the exam now? {unopened ? `${unopened} question(s) not opened. ` : ''}
              {flagged ? `${flagged} flagged for review. ` : ''}You cannot change anything after
              this.
            </p>
            <button type="button" className="btn btn--small" onClick={end}>
              End exam now
            </button>{' '}
            <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>
              Keep working
            </button>
          </div>
        ) : (
          <button type="button" className="btn" onClick={() => setConfirming(true)}>
            End exam
          </button>
        )}
      </div>
    );
  }
}
