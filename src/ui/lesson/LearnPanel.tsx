/**
 * The learning panel: the nine modes over one workspace, as tabs, with the path suggested to
 * newcomers (Learn → Deep → Challenge → Recall → Exam). Every mode shares the live cluster,
 * the bridge to the simulator and the learner's progress; only disclosure and help differ.
 */
import type { ClusterState } from '../../engine/index.ts';
import { modePreset, MODES, SUGGESTED_PATH, type Lesson } from '../../learn/index.ts';
import { useLab, useLabStore } from '../shell/store-context.tsx';
import { LessonPanel } from './LessonPanel.tsx';
import type { LessonBridge, ModeProps } from './modes/mode-props.ts';
import { ExamMode } from './modes/ExamMode.tsx';
import { RecallMode } from './modes/RecallMode.tsx';
import { TryMode } from './modes/TryMode.tsx';
import { VisualMode } from './modes/VisualMode.tsx';
import './lesson.css';

export interface LearnPanelProps {
  lessons: readonly Lesson[];
  errors?: readonly string[];
  cluster: ClusterState;
  bridge: LessonBridge;
}

export function LearnPanel({ lessons, errors = [], cluster, bridge }: LearnPanelProps) {
  // The mode and the progress are the store's (and saved by it), shared by every mode.
  const store = useLabStore();
  const mode = useLab((s) => s.mode);
  const progress = useLab((s) => s.progress);
  const activeLesson = useLab((s) => s.activeLesson);
  const { setMode, updateProgress } = store.getState();
  const preset = modePreset(mode);
  const props: ModeProps = { lessons, cluster, bridge, progress, updateProgress, preset };
  const step = SUGGESTED_PATH.indexOf(mode);

  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (i + 1) % MODES.length
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (i - 1 + MODES.length) % MODES.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? MODES.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setMode(MODES[next]!.id);
    document.getElementById(`mode-tab-${MODES[next]!.id}`)?.focus();
  };

  return (
    <div className="learn">
      <div className="learn__modes" role="tablist" aria-label="Learning modes">
        {MODES.map((m, i) => (
          <button
            key={m.id}
            type="button"
            role="tab"
            id={`mode-tab-${m.id}`}
            aria-controls="mode-panel"
            aria-selected={m.id === mode}
            tabIndex={m.id === mode ? 0 : -1}
            title={m.summary}
            className="learn__mode"
            onClick={() => setMode(m.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {m.label}
          </button>
        ))}
      </div>
      <p className="learn__path">
        Suggested path:{' '}
        {SUGGESTED_PATH.map((id, i) => (
          <span key={id}>
            {i > 0 && <span aria-hidden="true"> → </span>}
            <button
              type="button"
              className="learn__path-step"
              aria-current={id === mode ? 'step' : undefined}
              onClick={() => setMode(id)}
            >
              {modePreset(id).label}
            </button>
          </span>
        ))}
        {step >= 0 && step < SUGGESTED_PATH.length - 1 && (
          <span className="muted"> (then {modePreset(SUGGESTED_PATH[step + 1]!).label})</span>
        )}
      </p>
      <div
        className="learn__panel"
        role="tabpanel"
        id="mode-panel"
        aria-labelledby={`mode-tab-${mode}`}
      >
        <p className="learn__summary">{preset.summary}</p>
        {mode === 'visual' ? (
          <VisualMode {...props} />
        ) : mode === 'try' ? (
          <TryMode {...props} />
        ) : mode === 'recall' ? (
          <RecallMode {...props} />
        ) : mode === 'exam' ? (
          <ExamMode {...props} />
        ) : (
          <LessonPanel
            key={mode}
            {...props}
            errors={errors}
            activeLesson={activeLesson}
            onOpenHint={(taskId) => store.getState().openHint(taskId)}
            onCheck={(taskId) => store.getState().markChecked(taskId)}
          />
        )}
      </div>
    </div>
  );
}
