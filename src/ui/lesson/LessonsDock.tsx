/**
 * A self-contained lessons dock for the app shell: a "Lessons" toggle and, when open, the
 * lesson runner beside the simulator. The runner (lesson content, goal checks) loads on
 * demand, so the first screen stays light. Mount it once inside <LabProvider>.
 */
import { lazy, Suspense, useState } from 'react';
import './lesson.css';

const ConnectedLessonPanel = lazy(() => import('./ConnectedLessonPanel.tsx'));

export function LessonsDock({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <>
      <button
        type="button"
        className="btn lessons-dock__toggle"
        aria-expanded={open}
        aria-controls="lessons-dock"
        onClick={() => setOpen(!open)}
      >
        Lessons
      </button>
      {open && (
        <section id="lessons-dock" className="lessons-dock" aria-label="Lessons panel">
          <Suspense fallback={<p className="pad">Loading the lessons…</p>}>
            <ConnectedLessonPanel />
          </Suspense>
        </section>
      )}
    </>
  );
}
