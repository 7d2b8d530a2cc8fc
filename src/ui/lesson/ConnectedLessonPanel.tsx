/**
 * The learning panel wired to the app's store: loading a lesson builds its starting cluster
 * with `buildStartCluster` (the one path the lesson tests prove) and puts it in place as one
 * undoable step; solutions and demonstrations run as typed commands.
 */
import { useEffect, useMemo } from 'react';
import { loadLessons } from '../../content/index.ts';
import { buildStartCluster, type Lesson } from '../../learn/index.ts';
import { loadRuntime } from '../../store/index.ts';
import { useLab, useLabStore } from '../shell/store-context.tsx';
import { LearnPanel } from './LearnPanel.tsx';
import type { LessonBridge } from './modes/mode-props.ts';

export function ConnectedLessonPanel() {
  const store = useLabStore();
  const cluster = useLab((s) => s.cluster);
  const catalog = loadLessons();
  // The lessons run every kubectl verb (their checks need the whole table, already in this
  // chunk): the terminal gets the whole table too, so a lesson's commands answer at once.
  useEffect(() => {
    void loadRuntime().then((rt) => rt.loadWholeKubectl());
  }, []);
  const bridge = useMemo<LessonBridge>(
    () => ({
      getCluster: () => store.getState().cluster,
      run: (command) => void store.getState().run(command),
      restore: (state, label, note) => store.getState().restore(state, label, note),
      showConnection: (from, url) => {
        // Draw the request, then pan and zoom the diagram to its path.
        store.getState().addTest(from, url);
        const test = store.getState().focusedTest;
        store.getState().focusNodes([`Pod/${from}`], test ?? undefined);
      },
      load: (lesson: Lesson) => {
        const built = buildStartCluster(lesson);
        if (!built.ok) return { ok: false, error: built.error };
        store.getState().startLesson(lesson, built.state);
        return { ok: true };
      },
    }),
    [store],
  );
  return (
    <LearnPanel
      lessons={catalog.lessons}
      errors={catalog.errors}
      cluster={cluster}
      bridge={bridge}
    />
  );
}

export default ConnectedLessonPanel;
