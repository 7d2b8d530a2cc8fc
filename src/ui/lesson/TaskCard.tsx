/**
 * One task: its goals ticking live against the cluster, the hint ladder one rung at a time,
 * "Check my work", and "Show solution" behind a confirmation. An unmet goal says what the
 * cluster does now and what decided it; what the goal expects (the fix) appears only once the
 * learner has checked the task or asked for a hint. A task once credited shows as done even if
 * a later change to the cluster undoes its goals.
 */
import { useEffect, useRef, useState } from 'react';
import type { CheckedGoal, TaskStatus } from '../../learn/index.ts';
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
  /** The learner has checked this task (its unmet goals then say what they expect). */
  checked?: boolean;
  onCheck?: () => void;
  /** Applies the solution (the runner records the task as seen, not solved). */
  onApplySolution: () => void;
  /** The record: solved, seen (solution shown) or neither. */
  record?: 'solved' | 'seen' | 'attempted';
}

function GoalDiff({ result, revealed }: { result: CheckedGoal['result']; revealed: boolean }) {
  return (
    <div className="goal__diff">
      <div>{revealed ? result.detail : result.observed}</div>
      {result.decidedBy && (
        <div>
          Decided by: {result.decidedBy.summary}
          {result.decidedBy.object && (
            <>
              {' '}
              (<code>{result.decidedBy.object}</code>)
            </>
          )}
        </div>
      )}
    </div>
  );
}

export function TaskCard({
  status,
  index,
  help = true,
  hintsOpen,
  onOpenHint,
  checked = false,
  onCheck = () => {},
  onApplySolution,
  record,
}: TaskCardProps) {
  const { task, goals } = status;
  // Credit stays earned: a task solved once is done, whatever the cluster does since.
  const earned = record === 'solved';
  const done = status.done || earned;
  const [confirming, setConfirming] = useState(false);
  const [checks, setChecks] = useState(0);
  const headingId = `task-${task.id}-title`;
  const resultId = `task-${task.id}-result`;
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLHeadingElement>(null);
  const [applied, setApplied] = useState(0);
  // Focus follows the learner's action: to the result after a check, to the task after the
  // solution was applied (the confirmation it was in is gone).
  useEffect(() => {
    if (checks > 0) result.current?.focus();
  }, [checks]);
  useEffect(() => {
    if (applied > 0) heading.current?.focus();
  }, [applied]);
  const rungs = task.hints.length;
  const revealed = checked || hintsOpen > 0;
  const met = goals.filter((g) => g.result.pass).length;
  return (
    <section className="task" aria-labelledby={headingId} data-done={done}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        <span aria-hidden="true">{done ? '✔ ' : '○ '}</span>
        Task {index + 1}: {task.title}
        {done && <span className="visually-hidden"> (done)</span>}
        {record === 'seen' && <span className="task__badge"> — solution seen</span>}
      </h3>
      {earned && !status.done && (
        <p className="task__kept small muted">
          Done earlier: later changes to the cluster undo some of its goals now, and the credit
          stays.
        </p>
      )}
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
            {!g.result.pass && <GoalDiff result={g.result} revealed={revealed} />}
          </li>
        ))}
      </ul>
      {!status.done && (
        <div className="task__check">
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              onCheck();
              setChecks((n) => n + 1);
            }}
          >
            Check my work
          </button>
          {checked && (
            <h4
              id={resultId}
              ref={result}
              tabIndex={-1}
              className="task__result"
              aria-live="polite"
            >
              Checked: {met} of {goals.length} goal{goals.length === 1 ? '' : 's'} met
              {met < goals.length ? ' — each unmet goal now says what it expects.' : '.'}
            </h4>
          )}
        </div>
      )}
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
                  setApplied((n) => n + 1);
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
