/**
 * The learning panel wired to the app's store: loading a lesson resets the cluster (Undo brings
 * the old one back), applies its manifests and runs its setup commands in the terminal's own
 * history; solutions and demonstrations run as typed commands.
 */
import { useMemo } from 'react';
import { loadLessons } from '../../content/index.ts';
import type { Lesson } from '../../learn/index.ts';
import { useLab, useLabStore, useRuntime } from '../shell/store-context.tsx';
import { LearnPanel } from './LearnPanel.tsx';
import type { LessonBridge } from './modes/mode-props.ts';

export function ConnectedLessonPanel() {
  const store = useLabStore();
  const cluster = useLab((s) => s.cluster);
  const runtime = useRuntime();
  const catalog = loadLessons();
  const bridge = useMemo<LessonBridge>(
    () => ({
      getCluster: () => store.getState().cluster,
      run: (command) => void store.getState().run(command),
      restore: (state, label, note) => store.getState().restore(state, label, note),
      showConnection: (from, url) => store.getState().addTest(from, url),
      load: (lesson: Lesson) => {
        if (!runtime)
          return { ok: false, error: 'The simulator is still loading; try again in a moment.' };
        const s = store.getState();
        s.reset();
        s.setNetworkPolicyMode(lesson.cluster.networkPolicy);
        if (lesson.cluster.manifests.trim()) {
          const r = store
            .getState()
            .applyManifest(lesson.cluster.manifests, `Lesson: ${lesson.title}`);
          if (!r || r.exitCode !== 0)
            return { ok: false, error: r?.stderr || 'the lesson cluster could not be loaded' };
        }
        for (const cmd of lesson.cluster.setup) {
          const r = store.getState().run(cmd);
          if (!r || r.exitCode !== 0)
            return { ok: false, error: r?.stderr || `setup failed: ${cmd}` };
        }
        return { ok: true };
      },
    }),
    [store, runtime],
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
