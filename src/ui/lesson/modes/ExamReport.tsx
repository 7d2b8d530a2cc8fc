/**
 * The exam's report: the score against the pass mark, and per question every check with the
 * engine's account of it and the reference solution, shown only once the exam has ended.
 */
import type { ExamReport, ExamSession } from '../../../learn/index.ts';
import { clockText } from '../../shell/ExamClock.tsx';

/** Time as the exam clock shows it: m:ss under an hour, h:mm:ss above. */
export { clockText };

export const pct = (n: number) => `${Math.round(n * 10) / 10}%`;
export const pts = (n: number) => String(Math.round(n * 100) / 100);

export function ExamReportView({ session, report }: { session: ExamSession; report: ExamReport }) {
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
