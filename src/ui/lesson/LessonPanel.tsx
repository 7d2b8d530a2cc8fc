/**
 * The lesson runner: the lesson list with progress, and one lesson beside the live simulator —
 * prose, predict-then-reveal, tasks that tick as soon as the cluster meets them, hints, the
 * solution behind a confirmation, "Start over" behind another, and next. The active lesson,
 * its hints and checks are the store's (saved, and credited by it whether this panel is open
 * or not), so reopening the panel or reloading resumes where the learner was. It talks to the
 * cluster only through a bridge, so it mounts in the app shell or in a test alike.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClusterState } from '../../engine/index.ts';
import type { ActiveLesson } from '../../store/index.ts';
import {
  calibration,
  checkTask,
  lessonProgress,
  recordPrediction,
  recordSolutionShown,
  type Lesson,
  type ModePreset,
  type Progress,
} from '../../learn/index.ts';
import type { LessonBridge } from './modes/mode-props.ts';
import { Markdown } from './markdown.tsx';
import { CONFIDENCE_LABELS, PredictCard } from './PredictCard.tsx';
import { TaskCard } from './TaskCard.tsx';
import './lesson.css';

export type { LessonBridge } from './modes/mode-props.ts';

export interface LessonPanelProps {
  lessons: readonly Lesson[];
  /** The current cluster (the panel re-checks goals whenever it changes). */
  cluster: ClusterState;
  bridge: LessonBridge;
  progress: Progress;
  updateProgress: (f: (p: Progress) => Progress) => void;
  /** The mode: which kinds of file it lists, and whether hints and solutions are offered. */
  preset: ModePreset;
  /** Problems of lesson files that could not be read. */
  errors?: readonly string[];
  /** The lesson whose cluster was last loaded, with that starting cluster (goals compare with it). */
  activeLesson: ActiveLesson | null;
  /** Opens the next hint rung of a task of the active lesson. */
  onOpenHint?: (taskId: string) => void;
  /** The learner checked a task of the active lesson. */
  onCheck?: (taskId: string) => void;
}

const KIND_LABEL: Record<Lesson['kind'], string> = {
  overview: 'Overview',
  why: 'Why it is designed so',
  lesson: 'Build-up lessons',
  myth: 'Myth-busters',
  expert: 'Expert zone',
  card: 'Cards: when not to, patterns, connections',
  challenge: 'Fix the broken cluster',
  project: 'Projects',
};

export function LessonPanel({
  lessons: all,
  cluster,
  bridge,
  progress,
  updateProgress,
  preset,
  errors = [],
  activeLesson,
  onOpenHint = () => {},
  onCheck = () => {},
}: LessonPanelProps) {
  const lessons = useMemo(() => all.filter((l) => preset.kinds.includes(l.kind)), [all, preset]);
  // undefined: nothing chosen in this panel yet — resume the active lesson when it is one of
  // this mode's; null: the learner went back to the list.
  const [chosenId, setOpenId] = useState<string | null | undefined>(undefined);
  const resumed =
    activeLesson && lessons.some((l) => l.id === activeLesson.id) ? activeLesson.id : null;
  // A mode with one file (Learn's overview) opens it at once.
  const openId =
    chosenId !== undefined ? chosenId : (resumed ?? (lessons.length === 1 ? lessons[0]!.id : null));
  const [confirmingStartOver, setConfirmingStartOver] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const lesson = lessons.find((l) => l.id === openId);
  // Goals are checked only for the lesson whose cluster was loaded, against its own start.
  const start = lesson && activeLesson?.id === lesson.id ? activeLesson.start : null;
  // Opening a lesson starts reading at its title, not where the list was scrolled to.
  const top = useRef<HTMLElement>(null);
  useEffect(() => {
    const scroller = top.current?.closest('.lessons-dock');
    if (scroller) scroller.scrollTop = 0;
  }, [openId]);

  const statuses = useMemo(
    () => (lesson && start ? lesson.tasks.map((t) => checkTask(cluster, t, start)) : []),
    [lesson, start, cluster],
  );

  // The store credits a task the moment the cluster meets all its goals; say so when it does.
  const earned = (p: Progress) =>
    new Set(
      lesson && start
        ? lesson.tasks
            .filter((t) => p.tasks[`${lesson.id}/${t.id}`]?.status === 'solved')
            .map((t) => t.id)
        : [],
    );
  const credited = useRef<{ lesson: string | undefined; tasks: Set<string> }>({
    lesson: undefined,
    tasks: new Set(),
  });
  useEffect(() => {
    const now = earned(progress);
    const was = credited.current;
    if (was.lesson === lesson?.id && lesson)
      for (const t of lesson.tasks)
        if (now.has(t.id) && !was.tasks.has(t.id)) setAnnouncement(`Task done: ${t.title}`);
    credited.current = { lesson: lesson?.id, tasks: now };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `earned` reads only these
  }, [progress, lesson, start]);

  const open = (l: Lesson) => {
    setOpenId(l.id);
    setLoadError(null);
    setAnnouncement('');
    setConfirmingStartOver(false);
  };

  const begin = (l: Lesson) => {
    setConfirmingStartOver(false);
    const r = bridge.load(l);
    if (!r.ok) {
      setLoadError(r.error);
      return;
    }
    setLoadError(null);
    setAnnouncement(`Lesson cluster loaded: ${l.title}`);
  };

  if (!lesson) {
    const kinds = [...new Set(lessons.map((l) => l.kind))];
    const calib = calibration(progress);
    return (
      <nav className="lessons" aria-label={`${preset.label}: lessons`}>
        {errors.length > 0 && (
          <div role="alert" className="lessons__errors">
            Some lesson files could not be read:
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        {calib.total > 0 && (
          <section aria-label="Your predictions">
            <h3>Your predictions</h3>
            <p>
              {calib.right} of {calib.total} right
              {CONFIDENCE_LABELS.filter(([c]) => calib.byConfidence[c].total > 0).map(
                ([c, label]) => (
                  <span key={c}>
                    ; {label.toLowerCase()}: {calib.byConfidence[c].right} of{' '}
                    {calib.byConfidence[c].total}
                  </span>
                ),
              )}
              .
            </p>
          </section>
        )}
        {Object.keys(progress.skills).length > 0 && (
          <section aria-label="Your skills">
            <h3>Your skills</h3>
            <ul className="lessons__skills">
              {Object.entries(progress.skills)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([skill, rec]) => (
                  <li key={skill}>
                    <code>{skill}</code>: {rec.level}
                  </li>
                ))}
            </ul>
          </section>
        )}
        {kinds.map((k) => (
          <section key={k} aria-label={KIND_LABEL[k]}>
            <h3>{KIND_LABEL[k]}</h3>
            <ol className="lessons__list">
              {lessons
                .filter((l) => l.kind === k)
                .map((l) => {
                  const p = lessonProgress(progress, l);
                  const state =
                    l.status === 'coming-soon'
                      ? 'coming soon'
                      : p.total === 0
                        ? progress.predictions[l.id]
                          ? 'done'
                          : ''
                        : `${p.solved + p.seen} of ${p.total} tasks${p.seen ? ` (${p.seen} seen)` : ''}`;
                  return (
                    <li key={l.id}>
                      <button type="button" className="lessons__item" onClick={() => open(l)}>
                        {l.title}
                      </button>
                      {state && <span className="lessons__state"> — {state}</span>}
                    </li>
                  );
                })}
            </ol>
          </section>
        ))}
        {preset.id === 'deep' && (
          <section aria-label="Key takeaways">
            <h3>Key takeaways</h3>
            <ul className="lessons__takeaways">
              {lessons
                .filter((l) => l.kind === 'lesson' && l.status === 'ready')
                .map((l) => (
                  <li key={l.id}>
                    <strong>{l.title}.</strong> <Markdown text={l.takeaway} />
                  </li>
                ))}
            </ul>
          </section>
        )}
      </nav>
    );
  }

  const index = lessons.indexOf(lesson);
  const next = lessons.slice(index + 1).find((l) => l.status === 'ready');
  const committed = progress.predictions[lesson.id]?.choice;
  const gated = lesson.predict !== undefined && committed === undefined;
  const hasCluster = lesson.cluster.manifests.trim() !== '' || lesson.cluster.setup.length > 0;

  return (
    <article className="lesson" aria-labelledby="lesson-title" ref={top}>
      {lessons.length > 1 && (
        <button type="button" className="btn btn--small" onClick={() => setOpenId(null)}>
          ← All lessons
        </button>
      )}
      <h2 id="lesson-title">{lesson.title}</h2>
      <div className="lesson__concept">
        <Markdown text={lesson.concept} />
      </div>
      {lesson.status === 'coming-soon' ? (
        <>
          <p className="lesson__soon">Coming soon.</p>
          <Markdown text={lesson.prose} />
        </>
      ) : (
        <>
          <Markdown text={lesson.prose} />
          {(lesson.tasks.length > 0 || hasCluster) && (
            <div className="lesson__controls">
              {start ? (
                <StartOver
                  confirming={confirmingStartOver}
                  onAsk={() => setConfirmingStartOver(true)}
                  onCancel={() => setConfirmingStartOver(false)}
                  onConfirm={() => begin(lesson)}
                  withTasks={lesson.tasks.length > 0}
                />
              ) : (
                <button type="button" className="btn btn--small" onClick={() => begin(lesson)}>
                  {lesson.tasks.length === 0
                    ? 'Load its cluster (replaces the cluster)'
                    : 'Start lesson (replaces the cluster)'}
                </button>
              )}
              {loadError && <p role="alert">{loadError}</p>}
            </div>
          )}
          {lesson.predict && (
            <PredictCard
              key={lesson.id}
              predict={lesson.predict}
              {...(committed !== undefined ? { committed } : {})}
              onCommit={(choice, confidence) =>
                updateProgress((p) =>
                  recordPrediction(
                    p,
                    lesson.id,
                    choice,
                    !!lesson.predict?.options[choice]?.correct,
                    confidence,
                  ),
                )
              }
              {...(start || !hasCluster ? { onRunDemo: bridge.run } : {})}
            />
          )}
          {gated && lesson.tasks.length > 0 && (
            <p className="lesson__gate">Commit to a prediction to see the tasks.</p>
          )}
          {!gated &&
            start &&
            statuses.map((s, i) => {
              const key = `${lesson.id}/${s.task.id}`;
              const rec = progress.tasks[key]?.status;
              return (
                <TaskCard
                  key={key}
                  status={s}
                  index={i}
                  help={preset.hints}
                  hintsOpen={activeLesson?.hints[s.task.id] ?? 0}
                  checked={activeLesson?.checked.includes(s.task.id) ?? false}
                  onOpenHint={() => onOpenHint(s.task.id)}
                  onCheck={() => onCheck(s.task.id)}
                  onApplySolution={() => {
                    updateProgress((p) =>
                      recordSolutionShown(p, {
                        lessonId: lesson.id,
                        taskId: s.task.id,
                        skills: lesson.skills,
                        at: Date.now(),
                      }),
                    );
                    for (const cmd of s.task.solution) bridge.run(cmd);
                  }}
                  {...(rec ? { record: rec } : {})}
                />
              );
            })}
          {!gated && !start && lesson.tasks.length > 0 && (
            <p className="lesson__gate">
              Start the lesson to load its cluster and check the tasks.
            </p>
          )}
          {((lesson.tasks.length === 0 && !gated) ||
            (statuses.length > 0 &&
              statuses.every(
                (s) => s.done || progress.tasks[`${lesson.id}/${s.task.id}`]?.status === 'solved',
              ))) && (
            <section className="lesson__takeaway" aria-label="Takeaway">
              <h3>Takeaway</h3>
              <Markdown text={lesson.takeaway} />
            </section>
          )}
        </>
      )}
      {next && (
        <button type="button" className="btn btn--small" onClick={() => open(next)}>
          Next: {next.title} →
        </button>
      )}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </article>
  );
}

/** "Start over": a separate action behind an accessible confirmation (not window.confirm). */
function StartOver({
  confirming,
  onAsk,
  onCancel,
  onConfirm,
  withTasks,
}: {
  confirming: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
  withTasks: boolean;
}) {
  const ask = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Focus follows the question: to its answer when asked, back to the button when cancelled.
    if (confirming) confirm.current?.focus();
    else if (wasConfirming.current) ask.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  if (!confirming)
    return (
      <button type="button" className="btn btn--small" ref={ask} onClick={onAsk}>
        Start over…
      </button>
    );
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby="start-over-question"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <p id="start-over-question">
        Start over? The lesson&apos;s starting cluster replaces the current one (Undo brings it
        back).{withTasks ? ' Tasks you have done stay done.' : ''}
      </p>
      <button type="button" className="btn btn--small" ref={confirm} onClick={onConfirm}>
        Start over
      </button>{' '}
      <button type="button" className="btn btn--small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
