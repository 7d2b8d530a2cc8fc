/**
 * The lesson runner: the lesson list with progress, and one lesson beside the live simulator —
 * prose, predict-then-reveal, tasks that tick as soon as the cluster meets them, hints, the
 * solution behind a confirmation, reset and next. It talks to the cluster only through a
 * bridge, so it mounts in the app shell or in a test alike.
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
  recordSolved,
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
}: LessonPanelProps) {
  const lessons = useMemo(() => all.filter((l) => preset.kinds.includes(l.kind)), [all, preset]);
  const [chosenId, setOpenId] = useState<string | null>(null);
  // A mode with one file (Learn's overview) opens it at once.
  const openId = chosenId ?? (lessons.length === 1 ? lessons[0]!.id : null);
  const [hints, setHints] = useState<Record<string, number>>({});
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

  // A task counts as solved the moment the cluster meets all its goals.
  const recorded = useRef(new Set<string>());
  useEffect(() => {
    if (!lesson) return;
    for (const s of statuses) {
      const key = `${lesson.id}/${s.task.id}`;
      if (!s.done || recorded.current.has(key)) continue;
      recorded.current.add(key);
      updateProgress((p) =>
        recordSolved(p, {
          lessonId: lesson.id,
          taskId: s.task.id,
          skills: lesson.skills,
          hintsUsed: hints[key] ?? 0,
          at: Date.now(),
        }),
      );
      setAnnouncement(`Task done: ${s.task.title}`);
    }
  }, [statuses, lesson, hints, updateProgress]);

  const open = (l: Lesson) => {
    setOpenId(l.id);
    setLoadError(null);
    setAnnouncement('');
    recorded.current = new Set();
  };

  const begin = (l: Lesson) => {
    const r = bridge.load(l);
    if (!r.ok) {
      setLoadError(r.error);
      return;
    }
    recorded.current = new Set();
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
              <button type="button" className="btn btn--small" onClick={() => begin(lesson)}>
                {lesson.tasks.length === 0
                  ? start
                    ? 'Reload its cluster'
                    : 'Load its cluster (replaces the cluster)'
                  : start
                    ? 'Reset lesson'
                    : 'Start lesson (replaces the cluster)'}
              </button>
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
                  hintsOpen={hints[key] ?? 0}
                  onOpenHint={() => setHints((h) => ({ ...h, [key]: (h[key] ?? 0) + 1 }))}
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
            (statuses.length > 0 && statuses.every((s) => s.done))) && (
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
