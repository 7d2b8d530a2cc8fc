/**
 * The exam's clock in the top bar: the time left while an exam runs, whatever panel is open
 * (or none), from the session in play or, after a reload, from the saved one. It counts down
 * to the stored deadline, so a reload does not give time back.
 */
import { useEffect, useState } from 'react';
import { examTimes } from '../../learn/model.ts';
import { examClock } from '../../store/index.ts';
import { useLab } from './store-context.tsx';
import './exam-clock.css';

/** Time as the exam shows it: m:ss under an hour, h:mm:ss above. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function ExamClock() {
  const session = useLab((s) => s.exam.session);
  const saved = useLab((s) => s.savedExam);
  const times = examTimes(session ?? saved?.session);
  const running = times !== null && times.endedAt === undefined;
  const [now, setNow] = useState(() => examClock.now());
  useEffect(() => {
    if (!running) return;
    setNow(examClock.now());
    const id = setInterval(() => setNow(examClock.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  if (!running) return null;
  const left = times.deadline - now;
  const low = left <= 5 * 60_000;
  return (
    <p className="exam-clock" data-low={low} role="timer" aria-label="Exam time left">
      <svg
        aria-hidden="true"
        width="14"
        height="14"
        viewBox="0 0 16 16"
        className="exam-clock__icon"
      >
        <circle cx="8" cy="9" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M8 9V5.5M6 1.5h4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      Exam <time dateTime={`PT${Math.max(0, Math.ceil(left / 1000))}S`}>{clockText(left)}</time>
      {left <= 0 && ' — time is up'}
    </p>
  );
}
