/**
 * Exam mode: a timed set of performance tasks over the one workspace, as the CKA/CKAD/CKS run
 * (pedagogy.md §1.2): each question has its own cluster and context line, checks stay hidden
 * and no hints or solutions are offered until the exam ends, the learner may move between
 * questions while the clock keeps running, and the end state is graded per check by the engine.
 */
import { useEffect, useReducer, useRef, useState } from 'react';
import type { ClusterState } from '../../../engine/cluster/index.ts';
import {
  EXAM_PRESETS,
  composeExam,
  examPreset,
  gradeExam,
  questionStart,
  startExam,
  type ExamPresetId,
  type ExamReport,
  type ExamSession,
} from '../../../learn/exam.ts';
import { recordSolved } from '../../../learn/index.ts';
import { Markdown } from '../markdown.tsx';
import {
  clearExam,
  examClock,
  loadExam,
  saveExam,
  sameWork,
  type StoredExam,
} from './exam-storage.ts';
import type { ModeProps } from './mode-props.ts';

function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

const pct = (n: number) => `${Math.round(n * 10) / 10}%`;
const pts = (n: number) => String(Math.round(n * 100) / 100);

export function ExamMode({ lessons, bridge, cluster, updateProgress, storage }: ModeProps) {
  const [loaded] = useState(() => loadExam(storage, lessons));
  const ref = useRef<StoredExam | null>(loaded.ok ? loaded.exam : null);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const [notice, setNotice] = useState(
    loaded.ok
      ? ''
      : `Your saved exam could not be read (${loaded.reason}), so it was discarded; start a new one.`,
  );
  const [report, setReport] = useState<ExamReport | null>(() => {
    const s = ref.current?.session;
    return s && s.endedAt !== undefined ? gradeExam(s.exam, ref.current!.clusters) : null;
  });
  const [now, setNow] = useState(() => examClock.now());
  const [announce, setAnnounce] = useState('');
  const [saveFailed, setSaveFailed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [presetId, setPresetId] = useState<ExamPresetId>('lightning');
  const [seedText, setSeedText] = useState(() => String(Math.floor(examClock.now()) % 100000));
  const lastLeft = useRef<number | null>(null);
  // Saving follows the live cluster only once it holds the current question's work.
  const synced = useRef(false);

  const persist = () => {
    if (!ref.current) return;
    setSaveFailed(!saveExam(storage, ref.current) && storage !== null);
  };

  const running = !!ref.current && ref.current.session.endedAt === undefined;

  // Corrupt saved data: a message and a fresh start, never a crash.
  useEffect(() => {
    if (!loaded.ok) clearExam(storage);
  }, [loaded, storage]);

  // Resuming (a reload, or coming back to this tab): bring back the current question's work.
  useEffect(() => {
    const ex = ref.current;
    if (!ex || ex.session.endedAt !== undefined || synced.current) return;
    // Past the deadline (a reload after time ran out): grade the saved work as it stood.
    if (examClock.now() >= ex.session.deadline) return;
    const k = ex.session.current;
    const saved = ex.clusters[k];
    if (saved && !sameWork(saved, bridge.getCluster()))
      bridge.restore(
        saved,
        `Exam: question ${k + 1}`,
        `Exam resumed at question ${k + 1}: its cluster is back (Undo brings back the cluster you had).`,
      );
    else if (!saved) {
      const st = questionStart(ex.session.exam.questions[k]!);
      if (st.ok) bridge.restore(st.state, `Exam: question ${k + 1}`, `Exam: question ${k + 1}.`);
    }
    lastLeft.current = ex.session.deadline - examClock.now();
    synced.current = true;
  }, [bridge]);

  // Every change to the cluster is the current question's work: keep it.
  useEffect(() => {
    const ex = ref.current;
    if (!ex || ex.session.endedAt !== undefined || !synced.current) return;
    ex.clusters[ex.session.current] = bridge.getCluster();
    setSaveFailed(!saveExam(storage, ex) && storage !== null);
  }, [cluster, bridge, storage]);

  const end = (by: 'learner' | 'time') => {
    const ex = ref.current;
    if (!ex || ex.session.endedAt !== undefined) return;
    if (synced.current) ex.clusters[ex.session.current] = bridge.getCluster();
    const at = by === 'time' ? ex.session.deadline : examClock.now();
    ex.session = { ...ex.session, endedAt: at, endedBy: by };
    const r = gradeExam(ex.session.exam, ex.clusters);
    // A question fully solved under exam conditions is a mixed review of its lesson's skills.
    for (const g of r.questions)
      if (g.solved)
        updateProgress((p) =>
          recordSolved(p, {
            lessonId: g.question.lesson.id,
            taskId: g.question.task.id,
            skills: g.question.lesson.skills,
            hintsUsed: 0,
            at,
            review: true,
          }),
        );
    setReport(r);
    setConfirming(false);
    setAnnounce(
      by === 'time' ? 'Time is up: the exam has ended. Your report is below.' : 'Exam ended.',
    );
    persist();
    bump();
  };

  const tick = useRef<() => void>(() => {});
  tick.current = () => {
    const ex = ref.current;
    if (!ex || ex.session.endedAt !== undefined) return;
    const t = examClock.now();
    setNow(t);
    const left = ex.session.deadline - t;
    if (left <= 0) return end('time');
    const prev = lastLeft.current ?? left;
    for (const m of examPreset(ex.session.exam.preset).alerts)
      if (prev > m * 60_000 && left <= m * 60_000)
        setAnnounce(`${m} minute${m === 1 ? '' : 's'} left.`);
    lastLeft.current = left;
  };
  useEffect(() => {
    if (!running) return;
    tick.current();
    const id = setInterval(() => tick.current(), 1000);
    return () => clearInterval(id);
  }, [running]);

  const start = () => {
    const seed = Number.parseInt(seedText, 10);
    const exam = composeExam(lessons, { preset: presetId, seed: Number.isFinite(seed) ? seed : 0 });
    if (!exam.questions.length) {
      setNotice('There are no tasks to draw an exam from.');
      return;
    }
    const first = questionStart(exam.questions[0]!);
    const t = examClock.now();
    const session = startExam(exam, t);
    ref.current = {
      session,
      clusters: exam.questions.map((_, i) => (i === 0 && first.ok ? first.state : undefined)),
    };
    synced.current = true;
    lastLeft.current = session.deadline - t;
    setNotice('');
    setReport(null);
    setNow(t);
    if (first.ok)
      bridge.restore(
        first.state,
        'Exam: question 1',
        'Exam started: question 1 (Undo brings back the cluster you had).',
      );
    persist();
    bump();
  };

  const goTo = (k: number) => {
    const ex = ref.current;
    if (!ex || k === ex.session.current) return;
    const from = ex.session.current;
    ex.clusters[from] = bridge.getCluster();
    let next: ClusterState | undefined = ex.clusters[k];
    if (!next) {
      const st = questionStart(ex.session.exam.questions[k]!);
      next = st.ok ? st.state : undefined;
      ex.clusters[k] = next;
    }
    const visited = ex.session.visited.map((v, i) => v || i === k);
    // The position moves before the cluster does, so the saved work lands on the right question.
    ex.session = { ...ex.session, current: k, visited };
    if (next)
      bridge.restore(
        next,
        `Exam: question ${k + 1}`,
        `Exam: question ${k + 1} (your work on question ${from + 1} is kept).`,
      );
    setConfirming(false);
    persist();
    bump();
  };

  const toggleFlag = () => {
    const ex = ref.current;
    if (!ex) return;
    const k = ex.session.current;
    ex.session = { ...ex.session, flagged: ex.session.flagged.map((f, i) => (i === k ? !f : f)) };
    persist();
    bump();
  };

  const newExam = () => {
    clearExam(storage);
    ref.current = null;
    synced.current = false;
    setReport(null);
    setAnnounce('');
    bump();
  };

  const live = (
    <p className="visually-hidden" role="status">
      {announce}
    </p>
  );
  const saveWarning = saveFailed && (
    <p className="exam__warning" role="alert">
      The exam could not be saved in this browser (storage is full or blocked); it goes on, but a
      reload would lose it.
    </p>
  );

  const ex = ref.current;
  if (!ex) return renderStart();
  if (ex.session.endedAt !== undefined && report)
    return (
      <div className="exam">
        {live}
        <ExamReportView session={ex.session} report={report} />
        <button type="button" className="btn" onClick={newExam}>
          Start a new exam
        </button>
      </div>
    );
  return renderRunning(ex.session);

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
        {live}
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
            <button type="button" className="btn btn--small" onClick={() => end('learner')}>
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

function ExamReportView({ session, report }: { session: ExamSession; report: ExamReport }) {
  const solved = report.questions.filter((q) => q.solved).length;
  return (
    <section className="exam__report" aria-labelledby="exam-report-title">
      <h2 id="exam-report-title">Exam report</h2>
      {session.endedBy === 'time' ? (
        <p>Time ran out: the exam ended at its deadline.</p>
      ) : (
        <p>
          Ended after {clockText(session.endedAt! - session.startedAt)} of{' '}
          {clockText(session.deadline - session.startedAt)}.
        </p>
      )}
      <p className="exam__score" data-passed={report.passed}>
        Score: <strong>{pct(report.percent)}</strong> ({pts(report.points)} of{' '}
        {pts(report.maxPoints)} points) — <strong>{report.passed ? 'Passed' : 'Not passed'}</strong>{' '}
        (pass mark {report.passMark}%)
      </p>
      <p className="muted">
        {solved} of {report.questions.length} questions fully solved
        {solved ? '; each counts as a mixed review of its skills' : ''}.
      </p>
      {report.questions.map((g, i) => (
        <section
          key={i}
          className="exam__result"
          aria-labelledby={`exam-r-${i}`}
          data-solved={g.solved}
        >
          <h3 id={`exam-r-${i}`}>
            <span aria-hidden="true">{g.solved ? '✔ ' : '✘ '}</span>
            Question {i + 1}: {g.question.task.title} — {pts(g.points)} of {pts(g.maxPoints)} points
            {g.solved ? ' (solved)' : ''}
          </h3>
          <p className="exam__context">{g.question.context}</p>
          {g.error && <p className="exam__warning">Could not build this question: {g.error}</p>}
          <ul className="exam__checks" aria-label={`Checks of question ${i + 1}`}>
            {g.checks.map((c, j) => (
              <li key={j} className={c.pass ? 'goal goal--met' : 'goal goal--unmet'}>
                <span aria-hidden="true">{c.pass ? '✔' : '✘'} </span>
                <span className="visually-hidden">{c.pass ? 'Passed: ' : 'Failed: '}</span>
                {c.title}
                {c.role === 'guard' && <span className="muted"> (must not break)</span>}
                <span className="exam__points">
                  {' '}
                  — {pts(c.points)} of {pts(c.maxPoints)}
                </span>
                <div className="goal__diff">
                  <div>{c.detail}</div>
                  {c.decidedBy && (
                    <div>
                      Decided by: {c.decidedBy.summary}
                      {c.decidedBy.object && (
                        <>
                          {' '}
                          (<code>{c.decidedBy.object}</code>)
                        </>
                      )}
                    </div>
                  )}
                  {c.pass && c.role === 'guard' && !c.points && (
                    <div>No credit: it was already true and none of the work was done.</div>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <details className="exam__solution">
            <summary>Reference solution for question {i + 1}</summary>
            <pre tabIndex={0}>
              <code>{g.question.task.solution.join('\n')}</code>
            </pre>
          </details>
        </section>
      ))}
    </section>
  );
}
