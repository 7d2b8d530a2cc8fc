/**
 * "Predict before you look": the learner picks an answer and commits; only then the reveal,
 * the reason behind each option, and the demonstration to run in the simulator appear.
 */
import { useEffect, useRef, useState } from 'react';
import type { Confidence, Predict } from '../../learn/index.ts';
import { Markdown, MarkdownInline } from './markdown.tsx';

export interface PredictCardProps {
  predict: Predict;
  /** The committed answer, if any (kept in progress). */
  committed?: number;
  /** How sure the learner said they were (optional; for calibration, never graded). */
  onCommit: (choice: number, confidence?: Confidence) => void;
  /** Runs the demonstration command in the terminal; absent before the lesson has started. */
  onRunDemo?: (command: string) => void;
}

export const CONFIDENCE_LABELS: readonly [Confidence, string][] = [
  ['sure', 'Sure'],
  ['think', 'I think so'],
  ['guess', 'Guessing'],
];

export function PredictCard({ predict, committed, onCommit, onRunDemo }: PredictCardProps) {
  const [choice, setChoice] = useState<number | undefined>(committed);
  const [confidence, setConfidence] = useState<Confidence | undefined>();
  const done = committed !== undefined;
  // "Commit to my answer" goes away once pressed: focus moves to the verdict, not to <body>.
  const verdict = useRef<HTMLParagraphElement>(null);
  const pressed = useRef(false);
  useEffect(() => {
    if (done && pressed.current) {
      pressed.current = false;
      verdict.current?.focus();
    }
  }, [done]);
  return (
    <section className="predict" aria-labelledby="predict-title">
      <h3 id="predict-title">Predict before you look</h3>
      <fieldset disabled={done}>
        <legend>
          <Markdown text={predict.question} />
        </legend>
        {predict.options.map((o, i) => (
          <label key={i} className="predict__option">
            <input
              type="radio"
              name="predict"
              checked={choice === i}
              onChange={() => setChoice(i)}
            />{' '}
            <MarkdownInline text={o.text} />
            {done && (
              <span className={o.correct ? 'predict__right' : 'predict__wrong'}>
                {' '}
                — {o.correct ? 'right' : 'wrong'}
                {o.why && (
                  <>
                    : <MarkdownInline text={o.why} />
                  </>
                )}
              </span>
            )}
          </label>
        ))}
      </fieldset>
      {!done && (
        <>
          <fieldset className="predict__confidence">
            <legend>How sure are you? (optional)</legend>
            {CONFIDENCE_LABELS.map(([c, label]) => (
              <label key={c}>
                <input
                  type="radio"
                  name="predict-confidence"
                  checked={confidence === c}
                  onChange={() => setConfidence(c)}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="btn btn--small"
            disabled={choice === undefined}
            onClick={() => {
              if (choice === undefined) return;
              pressed.current = true;
              onCommit(choice, confidence);
            }}
          >
            Commit to my answer
          </button>
        </>
      )}
      {done && (
        <div className="predict__reveal" aria-live="polite">
          <p ref={verdict} tabIndex={-1} className="predict__verdict">
            {predict.options[committed]?.correct
              ? 'Your prediction was right.'
              : 'Your prediction was wrong — that is how this sticks.'}
          </p>
          {predict.demo && (
            <p>
              See it in the simulator: <code>{predict.demo}</code>{' '}
              {onRunDemo && (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => onRunDemo(predict.demo!)}
                >
                  Run it
                </button>
              )}
            </p>
          )}
          <Markdown text={predict.reveal} />
        </div>
      )}
    </section>
  );
}
