/**
 * The lesson runner: the lesson list with progress, and one lesson beside the live simulator —
 * prose, predict-then-reveal, tasks that tick as soon as the cluster meets them, hints, the
 * solution behind a confirmation, reset and next. It talks to the cluster only through a
 * bridge, so it mounts in the app shell or in a test alike.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClusterState } from '../../engine/cluster/index.ts';
import {
  checkTask,
  emptyProgress,
  lessonProgress,
  parseProgress,
  recordPrediction,
  recordSolutionShown,
  recordSolved,
  type Lesson,
  type Progress,
} from '../../learn/index.ts';
import { Markdown } from './markdown.tsx';
import { PredictCard } from './PredictCard.tsx';
import { TaskCard } from './TaskCard.tsx';
import './lesson.css';

/** How the runner reaches the simulator. */
export interface LessonBridge {
  /** The cluster now (read right after `load` to keep the lesson's starting point). */
  getCluster: () => ClusterState;
  /** Replaces the cluster with the lesson's starting cluster; false (with a reason) if it failed. */
  load: (lesson: Lesson) => { ok: true } | { ok: false; error: string };
  /** Runs one command line in the terminal. */
  run: (command: string) => void;
}

export interface LessonPanelProps {
  lessons: readonly Lesson[];
  /** The current cluster (the panel re-checks goals whenever it changes). */
  cluster: ClusterState;
  bridge: LessonBridge;
  /** Where progress is kept; null keeps it in memory only. */
  storage?: Storage | null;
  /** Problems of lesson files that could not be read. */
  errors?: readonly string[];
}

export const PROGRESS_KEY = 'nslab.lessons.progress';

const KIND_LABEL: Record<Lesson['kind'], string> = {
  lesson: 'Build-up lessons',
  myth: 'Myth-busters',
  challenge: 'Fix the broken cluster',
  expert: 'Expert zone',
  card: 'Cards: when not to, patterns, connections',
};

function useProgress(storage: Storage | null) {
  const [progress, setProgress] = useState<Progress>(() => {
    try {
      return parseProgress(storage?.getItem(PROGRESS_KEY)).progress;
    } catch {
      return emptyProgress();
    }
  });
  const update = useCallback(
    (f: (p: Progress) => Progress) =>
      setProgress((p) => {
        const next = f(p);
        try {
          storage?.setItem(PROGRESS_KEY, JSON.stringify(next));
        } catch {
          // Storage full or blocked: progress stays in memory for this visit.
        }
        return next;
      }),
    [storage],
  );
  return [progress, update] as const;
}

export function LessonPanel({
  lessons,
  cluster,
  bridge,
  storage = null,
  errors = [],
}: LessonPanelProps) {
  const [progress, updateProgress] = useProgress(storage);
  const [openId, setOpenId] = useState<string | null>(null);
  const [start, setStart] = useState<ClusterState | null>(null);
  const [hints, setHints] = useState<Record<string, number>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const lesson = lessons.find((l) => l.id === openId);

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
    setStart(null);
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
    setStart(bridge.getCluster());
    setLoadError(null);
    setAnnouncement(`Lesson cluster loaded: ${l.title}`);
  };

  if (!lesson) {
    const kinds = [...new Set(lessons.map((l) => l.kind))];
    return (
      <nav className="lessons" aria-label="Lessons">
        <h2>Lessons</h2>
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
      </nav>
    );
  }

  const index = lessons.indexOf(lesson);
  const next = lessons.slice(index + 1).find((l) => l.status === 'ready');
  const committed = progress.predictions[lesson.id]?.choice;
  const gated = lesson.predict !== undefined && committed === undefined;

  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <button type="button" className="btn btn--small" onClick={() => setOpenId(null)}>
        ← All lessons
      </button>
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
          {lesson.tasks.length > 0 && (
            <div className="lesson__controls">
              <button type="button" className="btn btn--small" onClick={() => begin(lesson)}>
                {start ? 'Reset lesson' : 'Start lesson (replaces the cluster)'}
              </button>
              {loadError && <p role="alert">{loadError}</p>}
            </div>
          )}
          {lesson.predict && (
            <PredictCard
              key={lesson.id}
              predict={lesson.predict}
              {...(committed !== undefined ? { committed } : {})}
              onCommit={(choice) =>
                updateProgress((p) =>
                  recordPrediction(
                    p,
                    lesson.id,
                    choice,
                    !!lesson.predict?.options[choice]?.correct,
                  ),
                )
              }
              {...(start || lesson.tasks.length === 0 ? { onRunDemo: bridge.run } : {})}
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
