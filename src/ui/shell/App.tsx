/** The app shell: toolbar, the building (diagram or list), the side panel and the terminal. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { loadRuntime } from '../../store/index.ts';
import { Diagram } from '../diagram/Diagram.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { LessonsColumn, LessonsToggle } from '../lesson/LessonsDock.tsx';
import { Terminal } from '../terminal/Terminal.tsx';
import { ExamClock } from './ExamClock.tsx';
import { FirstCallGuide } from './FirstCallGuide.tsx';
import { Notices } from './Notices.tsx';
import { useLab, useLabStore } from './store-context.tsx';
import { Toolbar } from './Toolbar.tsx';

const Editor = lazy(() => import('../editor/Editor.tsx'));
// Neither shows on the first screen: they load when opened.
const HistoryPanel = lazy(() =>
  import('../history/HistoryPanel.tsx').then((m) => ({ default: m.HistoryPanel })),
);
const ListView = lazy(() => import('../list/ListView.tsx').then((m) => ({ default: m.ListView })));

type Tab = 'inspector' | 'editor';

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo the cluster, except while editing text. */
function useHistoryKeys() {
  const store = useLabStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      const t = e.target as HTMLElement | null;
      const editing =
        t?.closest('.cm-editor') ||
        ((t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement) && t.value !== '');
      if (editing) return; // the text box's own undo
      e.preventDefault();
      if (key === 'y' || e.shiftKey) store.getState().redo();
      else store.getState().undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

export function App() {
  useHistoryKeys();
  useEffect(() => {
    performance.mark('nslab:first-render');
    // The interpreter loads after the first paint: the building shows before it arrives.
    const t = setTimeout(() => void loadRuntime(), 0);
    return () => clearTimeout(t);
  }, []);
  const listView = useLab((s) => s.listView);
  const selection = useLab((s) => s.selection);
  const [tab, setTab] = useState<Tab>('inspector');
  const [historyOpen, setHistoryOpen] = useState(false);
  // A lesson in progress reopens with the page: a reload mid-lesson keeps it in view.
  const store = useLabStore();
  const [lessonsOpen, setLessonsOpen] = useState(() => store.getState().activeLesson !== null);
  const [editorSeed, setEditorSeed] = useState(0);
  // `kubectl edit` in the terminal opens the object in the YAML editor.
  const editRequest = useLab((s) => s.editRequest);
  useEffect(() => {
    if (editRequest === 0) return;
    setEditorSeed((n) => n + 1);
    setTab('editor');
  }, [editRequest]);

  return (
    <div className="app">
      <a className="skip-link" href="#terminal-input">
        Skip to terminal
      </a>
      <header className="topbar">
        <div className="brand">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
            <rect x="3" y="6" width="26" height="20" rx="3" fill="#2f5d8a" />
            <rect x="7" y="10" width="8" height="12" rx="1" fill="#e8f0f7" />
            <rect x="17" y="10" width="8" height="12" rx="1" fill="#e8f0f7" />
          </svg>
          <h1>Namespace Lab</h1>
        </div>
        <LessonsToggle open={lessonsOpen} onToggle={() => setLessonsOpen(!lessonsOpen)} />
        <ExamClock />
        <Toolbar historyOpen={historyOpen} onToggleHistory={() => setHistoryOpen(!historyOpen)} />
      </header>
      <Notices />
      {historyOpen && (
        <Suspense fallback={null}>
          <HistoryPanel onClose={() => setHistoryOpen(false)} />
        </Suspense>
      )}
      <main className={lessonsOpen ? 'workspace workspace--learning' : 'workspace'}>
        {lessonsOpen && <LessonsColumn />}
        <div className="stage">
          {listView ? (
            <Suspense fallback={<p className="muted pad">Loading the list…</p>}>
              <ListView />
            </Suspense>
          ) : (
            <section className="stage__diagram" aria-label="Cluster diagram">
              <Diagram />
            </section>
          )}
        </div>
        <aside className="side" aria-label="Details">
          <div className="tabs">
            <div className="tabs__list" role="tablist" aria-label="Side panel">
              <button
                type="button"
                role="tab"
                id="tab-inspector"
                aria-controls="panel-inspector"
                aria-selected={tab === 'inspector'}
                tabIndex={tab === 'inspector' ? 0 : -1}
                onClick={() => setTab('inspector')}
                onKeyDown={(e) =>
                  e.key === 'ArrowRight' &&
                  (setTab('editor'), document.getElementById('tab-editor')?.focus())
                }
              >
                Inspector
              </button>
              <button
                type="button"
                role="tab"
                id="tab-editor"
                aria-controls="panel-editor"
                aria-selected={tab === 'editor'}
                tabIndex={tab === 'editor' ? 0 : -1}
                onClick={() => setTab('editor')}
                onKeyDown={(e) =>
                  e.key === 'ArrowLeft' &&
                  (setTab('inspector'), document.getElementById('tab-inspector')?.focus())
                }
              >
                YAML editor
              </button>
            </div>
            {tab === 'inspector' && selection && selection.kind !== 'Namespace' && (
              <button
                type="button"
                className="btn btn--small tabs__action"
                onClick={() => {
                  setEditorSeed(editorSeed + 1);
                  setTab('editor');
                }}
              >
                Edit YAML
              </button>
            )}
          </div>
          <div
            className="side__panel"
            // Reachable by Tab when what it shows has no control of its own (and scrolls).
            tabIndex={0}
            role="tabpanel"
            id={tab === 'inspector' ? 'panel-inspector' : 'panel-editor'}
            aria-labelledby={tab === 'inspector' ? 'tab-inspector' : 'tab-editor'}
          >
            {tab === 'inspector' ? (
              <Inspector />
            ) : (
              <Suspense fallback={<p className="muted pad">Loading the editor…</p>}>
                <Editor seed={editorSeed} />
              </Suspense>
            )}
          </div>
        </aside>
      </main>
      <Terminal />
      <FirstCallGuide />
    </div>
  );
}
