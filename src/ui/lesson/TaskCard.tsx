/**
 * One task: its goals ticking live against the cluster, for an unmet goal what differs and what
 * decided it, the hint ladder one rung at a time, and "Show solution" behind a confirmation.
 */
import { useState } from 'react';
import type { TaskStatus } from '../../learn/index.ts';
import { Markdown } from './markdown.tsx';

export interface TaskCardProps {
  status: TaskStatus;
  /** Index in the lesson (for headings). */
  index: number;
  /** The hint ladder and "Show solution" are offered (false in modes without help). */
  help?: boolean;
  /** Hint rungs already open. */
  hintsOpen: number;
  onOpenHint: () => void;
  /** Applies the solution (the runner records the task as seen, not solved). */
  onApplySolution: () => void;
  /** The record: solved, seen (solution shown) or neither. */
  record?: 'solved' | 'seen' | 'attempted';
}

export function TaskCard({
  status,
  index,
  help = true,
  hintsOpen,
  onOpenHint,
  onApplySolution,
  record,
}: TaskCardProps) {
  const { task, goals, done } = status;
  const [confirming, setConfirming] = useState(false);
  const headingId = `task-${task.id}-title`;
  const rungs = task.hints.length;
  return (
    <section className="task" aria-labelledby={headingId} data-done={done}>
      <h3 id={headingId}>
        <span aria-hidden="true">{done ? '✔ ' : '○ '}</span>
        Task {index + 1}: {task.title}
        {done && <span className="visually-hidden"> (done)</span>}
        {record === 'seen' && <span className="task__badge"> — solution seen</span>}
      </h3>
      <Markdown text={task.description} />
      <ul className="goals" aria-label={`Goals of task ${index + 1}`}>
        {goals.map((g, i) => (
          <li key={i} className={g.result.pass ? 'goal goal--met' : 'goal goal--unmet'}>
            <span aria-hidden="true">{g.result.pass ? '✔' : '✘'} </span>
            <span className="visually-hidden">{g.result.pass ? 'Met: ' : 'Not met: '}</span>
            {g.goal.title}
            {g.goal.given && (
              <div className="goal__given">
                <small>
                  checked after: <code>{g.goal.given.join('; ')}</code>
                </small>
              </div>
            )}
            {!g.result.pass && (
              <div className="goal__diff">
                <div>{g.result.detail}</div>
                {g.result.decidedBy && (
                  <div>
                    Decided by: {g.result.decidedBy.summary}
                    {g.result.decidedBy.object && (
                      <>
                        {' '}
                        (<code>{g.result.decidedBy.object}</code>)
                      </>
                    )}
                  </div>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {!done && help && (
        <div className="hints">
          {task.hints.slice(0, hintsOpen).map((h, i) => (
            <div key={i} className="hint" role="note" aria-label={`Hint ${i + 1} of ${rungs}`}>
              <Markdown text={h} />
            </div>
          ))}
          {hintsOpen < rungs ? (
            <button type="button" className="btn btn--small" onClick={onOpenHint}>
              {hintsOpen === 0 ? 'Show a hint' : 'Show the next hint'} ({hintsOpen + 1} of {rungs})
            </button>
          ) : confirming ? (
            <div className="confirm" role="group" aria-label="Confirm showing the solution">
              <p>
                Apply the solution to the cluster? The task will be recorded as seen, not solved.
              </p>
              <pre tabIndex={0}>
                <code>{task.solution.join('\n')}</code>
              </pre>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => {
                  setConfirming(false);
                  onApplySolution();
                }}
              >
                Apply the solution
              </button>{' '}
              <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" className="btn btn--small" onClick={() => setConfirming(true)}>
              Show solution
            </button>
          )}
        </div>
      )}
    </section>
  );
}
