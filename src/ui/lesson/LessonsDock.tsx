/**
 * The learning column of the app shell: a "Lessons" toggle for the top bar, and, when open, the
 * learning panel as the workspace's first column, beside the building and the side panel (never
 * over them). The panel (lesson content, goal checks) loads on demand, so the first screen
 * stays light. Mount it inside <LabProvider>.
 */
import { lazy, Suspense } from 'react';
import './lesson.css';

const ConnectedLessonPanel = lazy(() => import('./ConnectedLessonPanel.tsx'));

export function LessonsToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="btn lessons-dock__toggle"
      aria-expanded={open}
      aria-controls="lessons-dock"
      onClick={onToggle}
    >
      Lessons
    </button>
  );
}

export function LessonsColumn() {
  return (
    <section id="lessons-dock" className="lessons-dock" aria-label="Lessons panel">
      <Suspense fallback={<p className="pad">Loading the lessons…</p>}>
        <ConnectedLessonPanel />
      </Suspense>
    </section>
  );
}
