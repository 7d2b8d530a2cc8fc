/**
 * Recall mode: spaced flashcards (FSRS) and the mixed review that turns proficient skills into
 * mastered ones. A card asks first and reveals after the learner has tried; each rating says
 * when the card returns. Every answer on a card is proven by the engine (`lessons verify`), and
 * "Show it in the simulator" loads the cluster that proves it. The mixed review takes tasks on
 * their own, without the lesson's prose, and records them as review solves.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClusterState } from '../../../engine/index.ts';
import {
  cardCluster,
  checkTask,
  deckCards,
  dueQueue,
  formatInterval,
  lessonCards,
  nextDueAt,
  pickReview,
  previewRatings,
  rateCard,
  RATINGS,
  recordSolutionShown,
  recordSolved,
  reviewableSkills,
  skillMastery,
  taskStartState,
  type Flashcard,
  type Lesson,
  type RecallRating,
  type ReviewItem,
} from '../../../learn/index.ts';
import { loadDeck } from '../../../content/index.ts';
import { useLab, useLabStore } from '../../shell/store-context.tsx';
import { Markdown } from '../markdown.tsx';
import { TaskCard } from '../TaskCard.tsx';
import type { ModeProps } from './mode-props.ts';
import '../lesson.css';

const LABEL: Record<RecallRating, string> = {
  again: 'Again',
  hard: 'Hard',
  good: 'Good',
  easy: 'Easy',
};

/** The first line of a card's front, plain, for labels and the terminal note. */
function brief(md: string): string {
  const line = md.trim().split('\n')[0]!.replace(/[`*_]/g, '');
  return line.length > 60 ? line.slice(0, 57) + '…' : line;
}

function Flashcards({ lessons, bridge }: ModeProps) {
  const cards = useMemo<Flashcard[]>(
    () => [...lessonCards(lessons), ...loadDeck().decks.flatMap(deckCards)],
    [lessons],
  );
  // The schedule is the store's, which saves it (and reports a save it could not read back).
  const store = useLabStore();
  const schedule = useLab((s) => s.recall);
  const [now, setNow] = useState(() => Date.now());
  const [revealed, setRevealed] = useState(false);
  const [attempt, setAttempt] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const cardRef = useRef<HTMLDivElement>(null);

  // The clock moves on so a card due in a minute comes back without a reload.
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);

  const queue = useMemo(() => dueQueue(cards, schedule, { now }), [cards, schedule, now]);
  const card = queue[0];
  const preview = useMemo(
    () => (card && revealed ? previewRatings(schedule, card.id, now) : undefined),
    [card, revealed, schedule, now],
  );

  const reveal = () => {
    setRevealed(true);
    setAnnouncement('Answer shown. Rate how well you knew it: 1 Again, 2 Hard, 3 Good, 4 Easy.');
    cardRef.current?.focus();
  };

  const rate = (rating: RecallRating) => {
    if (!card) return;
    const at = Date.now();
    store.getState().updateRecall((r) => rateCard(r, card.id, rating, at));
    const next = store.getState().recall;
    setNow(at);
    setRevealed(false);
    setAttempt('');
    const back = formatInterval(next.cards[card.id]!.due - at);
    const left = dueQueue(cards, next, { now: at }).length;
    setAnnouncement(`${LABEL[rating]}: this card returns in ${back}. ${left} due.`);
    cardRef.current?.focus();
  };

  const showInSimulator = (c: Flashcard) => {
    if (!c.cluster) return;
    const built = cardCluster(c.cluster, lessons);
    if (!built.ok) {
      setAnnouncement(`The card's cluster could not be built: ${built.error}`);
      return;
    }
    const lesson = lessons.find((l) => l.id === c.cluster!.lesson);
    const note =
      `Recall card "${brief(c.front)}": the cluster of lesson "${lesson?.title ?? c.cluster.lesson}"` +
      (c.cluster.setup.length ? ', with the card’s setup applied' : '') +
      (c.demo ? `. Try: ${c.demo}` : '. Check the answer with kubectl.');
    bridge.restore(built.state, `Recall: ${brief(c.front)}`, note);
    setAnnouncement('The simulator now shows the cluster behind this card.');
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const t = e.target as HTMLElement;
    if (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || !card) return;
    if (revealed && ['1', '2', '3', '4'].includes(e.key)) {
      e.preventDefault();
      rate(RATINGS[Number(e.key) - 1]!);
    } else if (!revealed && e.key === ' ' && t.tagName !== 'BUTTON') {
      // On a button, Space already presses it.
      e.preventDefault();
      reveal();
    }
  };

  const next = card ? undefined : nextDueAt(cards, schedule, now);
  const deckErrors = loadDeck().errors;
  return (
    <section className="recall__cards" aria-labelledby="recall-cards-title">
      <h3 id="recall-cards-title">
        Flashcards <span className="recall__count">{queue.length} due</span>
      </h3>
      {deckErrors.length > 0 && (
        <div className="recall__notice">
          Some flashcards could not be read and are left out:
          <ul>
            {deckErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {card ? (
        <div
          ref={cardRef}
          className="recall__card"
          tabIndex={-1}
          role="group"
          aria-label={`Flashcard: ${brief(card.front)}`}
          onKeyDown={onKeyDown}
        >
          <div className="recall__front">
            <Markdown text={card.front} />
          </div>
          {!revealed ? (
            <form
              className="recall__try"
              onSubmit={(e) => {
                e.preventDefault();
                reveal();
              }}
            >
              <label>
                Your answer (try before you look)
                <input
                  type="text"
                  value={attempt}
                  onChange={(e) => setAttempt(e.target.value)}
                  autoComplete="off"
                />
              </label>{' '}
              <button type="submit" className="btn btn--small">
                Show answer
              </button>{' '}
              <span className="muted">(Space)</span>
            </form>
          ) : (
            <>
              {attempt.trim() && (
                <p className="recall__attempt">
                  You answered: <q>{attempt.trim()}</q>
                </p>
              )}
              <div className="recall__back" aria-label="Answer" role="region">
                <Markdown text={card.back} />
              </div>
              {card.cluster && (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => showInSimulator(card)}
                >
                  Show it in the simulator (replaces the cluster)
                </button>
              )}
              <div className="recall__ratings" role="group" aria-label="How well did you know it?">
                {RATINGS.map((r, i) => (
                  <button
                    key={r}
                    type="button"
                    className={`btn btn--small recall__rate recall__rate--${r}`}
                    onClick={() => rate(r)}
                    aria-keyshortcuts={String(i + 1)}
                  >
                    {LABEL[r]} · {formatInterval(preview![r] - now)}
                    <span className="recall__key" aria-hidden="true">
                      {' '}
                      [{i + 1}]
                    </span>
                  </button>
                ))}
              </div>
            </>
          )}
        </div>
      ) : (
        <p className="recall__done">
          All caught up
          {next !== undefined
            ? ` — next card due in ${formatInterval(next - now)}.`
            : ' — no cards scheduled.'}
        </p>
      )}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}

interface Session {
  items: ReviewItem[];
  index: number;
  /** The lesson's starting cluster (what `unchanged` goals compare with). */
  start: ClusterState | null;
  hints: number;
  solved: boolean;
  error?: string;
}

function MixedReview({ lessons, cluster, bridge, progress, updateProgress }: ModeProps) {
  const [now] = useState(() => Date.now());
  const skills = reviewableSkills(progress, now);
  const [session, setSession] = useState<Session | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const item = session?.items[session.index];
  const lesson: Lesson | undefined = item && lessons.find((l) => l.id === item.lessonId);
  const task = lesson && item ? lesson.tasks[item.taskIndex] : undefined;

  const load = (s: Session, index: number) => {
    const it = s.items[index];
    const l = it && lessons.find((x) => x.id === it.lessonId);
    if (!it || !l) {
      setSession({ ...s, index, start: null, hints: 0, solved: false });
      return;
    }
    const built = taskStartState(l, it.taskIndex);
    if (!built.ok) {
      setSession({ ...s, index, start: null, hints: 0, solved: false, error: built.error });
      return;
    }
    const t = l.tasks[it.taskIndex]!;
    bridge.restore(
      built.state,
      `Review: ${t.title}`,
      `Mixed review ${index + 1} of ${s.items.length}: ${t.title}`,
    );
    setSession({ ...s, index, start: built.state, hints: 0, solved: false });
    setAnnouncement(`Review item ${index + 1} of ${s.items.length} loaded: ${t.title}`);
  };

  const begin = () => {
    const items = pickReview(lessons, progress, { now: Date.now(), count: 5, seed: Date.now() });
    load({ items, index: 0, start: null, hints: 0, solved: false }, 0);
  };

  const status = useMemo(
    () => (task && session?.start ? checkTask(cluster, task, session.start) : undefined),
    [task, session?.start, cluster],
  );

  // The moment the cluster meets the item's goals, it counts as a review solve.
  useEffect(() => {
    if (!status?.done || !session || session.solved || !lesson || !task) return;
    setSession({ ...session, solved: true });
    const at = Date.now();
    updateProgress((p) =>
      recordSolved(p, {
        lessonId: lesson.id,
        taskId: task.id,
        skills: lesson.skills,
        hintsUsed: session.hints,
        at,
        review: true,
      }),
    );
    setAnnouncement(
      session.hints
        ? `Solved with hints: ${lesson.skills.join(', ')} stay familiar until an unaided review.`
        : `Solved without hints: review counted towards mastery.`,
    );
  }, [status, session, lesson, task, updateProgress]);

  if (!session)
    return (
      <section className="recall__review" aria-labelledby="recall-review-title">
        <h3 id="recall-review-title">Mixed review</h3>
        {skills.length ? (
          <>
            <p>
              Ready for review (proficient, not yet mastered):{' '}
              {skills.map((s, i) => (
                <span key={s}>
                  {i > 0 && ', '}
                  <code>{s}</code>
                </span>
              ))}
              . Solve each item again without hints to master it; hints drop the skill back to
              familiar.
            </p>
            <button type="button" className="btn btn--small" onClick={begin}>
              Start mixed review (replaces the cluster)
            </button>
          </>
        ) : (
          <p>
            Nothing is ready for review yet. Solve tasks in Deep or Challenge mode without hints
            first: those skills become proficient, and a later mixed review here can master them.
          </p>
        )}
      </section>
    );

  const finished = session.index >= session.items.length;
  return (
    <section className="recall__review" aria-labelledby="recall-review-title">
      <h3 id="recall-review-title">
        Mixed review{' '}
        {!finished && (
          <span className="recall__count">
            item {session.index + 1} of {session.items.length}
          </span>
        )}
      </h3>
      {session.error && <p role="alert">{session.error}</p>}
      {finished ? (
        <>
          <p>Review finished.</p>
          <ul className="recall__skills" aria-label="Skill levels after the review">
            {[
              ...new Set(
                session.items.flatMap(
                  (it) => lessons.find((l) => l.id === it.lessonId)?.skills ?? [],
                ),
              ),
            ]
              .sort()
              .map((s) => (
                <li key={s}>
                  <code>{s}</code>: {skillMastery(progress, s)}
                </li>
              ))}
          </ul>
          <button type="button" className="btn btn--small" onClick={() => setSession(null)}>
            Back to Recall
          </button>
        </>
      ) : (
        status &&
        lesson && (
          <>
            <p className="recall__from muted">From: {lesson.title}</p>
            <TaskCard
              key={`${lesson.id}/${status.task.id}/${session.index}`}
              status={status}
              index={0}
              hintsOpen={session.hints}
              onOpenHint={() => setSession({ ...session, hints: session.hints + 1 })}
              onApplySolution={() => {
                setSession({ ...session, solved: true });
                updateProgress((p) =>
                  recordSolutionShown(p, {
                    lessonId: lesson.id,
                    taskId: status.task.id,
                    skills: lesson.skills,
                    at: Date.now(),
                    review: true,
                  }),
                );
                for (const cmd of status.task.solution) bridge.run(cmd);
              }}
            />
            {(status.done || session.solved) && (
              <button
                type="button"
                className="btn btn--small"
                onClick={() => load(session, session.index + 1)}
              >
                {session.index + 1 < session.items.length ? 'Next item' : 'Finish the review'}
              </button>
            )}
          </>
        )
      )}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}

export function RecallMode(props: ModeProps) {
  return (
    <div className="recall">
      <Flashcards {...props} />
      <MixedReview {...props} />
    </div>
  );
}
