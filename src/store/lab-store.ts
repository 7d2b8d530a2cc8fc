/**
 * The one store: the cluster's undo history (every change is a new ClusterState made by the
 * engine's interpreter), the terminal's transcript, connection tests, the selection and view
 * toggles. Actions are thin: they call the engine and record what it returns.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClusterState, CommandResult, NetworkPolicyMode } from '../engine/index.ts';
// Deep imports on purpose: the first screen needs only the cluster model, not the interpreter.
import { createCluster } from '../engine/cluster/defaults.ts';
import { listObjects } from '../engine/cluster/state.ts';
import { connectionTestsFrom, type ConnectionTestSpec } from './connection-tests.ts';
import { getRuntime, loadRuntime, onRuntimeLoaded } from './runtime-loader.ts';
import {
  deserializeSession,
  serializeSession,
  STORAGE_KEY,
  type HistoryEntry,
  type Session,
} from './persist.ts';

/** One line block of the terminal transcript. */
export interface TerminalLine {
  id: number;
  kind: 'command' | 'stdout' | 'stderr' | 'info';
  text: string;
}

/** What the inspector shows: an object by kind, namespace and name. */
export interface Selection {
  kind: string;
  namespace?: string;
  name: string;
}

/** A message for the learner outside the terminal (a corrupt save set aside, an import). */
export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export interface LabState {
  entries: HistoryEntry[];
  index: number;
  /** The current entry's cluster and tests (kept as fields so selectors stay narrow). */
  cluster: ClusterState;
  tests: readonly ConnectionTestSpec[];
  rooms: string[];
  terminal: TerminalLine[];
  commandHistory: string[];
  selection: Selection | null;
  /** Bumped when `kubectl edit` asks for the selected object in the YAML editor. */
  editRequest: number;
  listView: boolean;
  showLabels: boolean;
  /** Reachability mode: the port and protocol asked about, or null when off. */
  reach: { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' } | null;
  /** The connection test the inspector explains. */
  focusedTest: string | null;
  notices: Notice[];
  /** True once the interpreter (the engine's heavy half) has loaded. */
  runtimeReady: boolean;

  /** Runs a typed line; undefined when the interpreter is still loading (the line then runs once it has). */
  run: (text: string) => CommandResult | undefined;
  applyManifest: (text: string, label?: string) => CommandResult | undefined;
  undo: () => void;
  redo: () => void;
  jumpTo: (index: number) => void;
  reset: () => void;
  /**
   * Replaces the cluster with one built elsewhere (a lesson task's start, an exam question's
   * saved work) as one undoable step, clearing connection tests and the selection.
   */
  restore: (cluster: ClusterState, label: string, note?: string) => void;
  setNetworkPolicyMode: (mode: NetworkPolicyMode) => void;
  addTest: (from: string, url: string) => void;
  removeTest: (id: string) => void;
  importYaml: (text: string, file: string) => Promise<boolean>;
  exportYaml: () => Promise<string>;
  select: (sel: Selection | null) => void;
  focusTest: (id: string | null) => void;
  setListView: (on: boolean) => void;
  setShowLabels: (on: boolean) => void;
  setReach: (reach: LabState['reach']) => void;
  clearTerminal: () => void;
  dismissNotice: (id: number) => void;
}

export interface LabStoreOptions {
  /** Where autosave goes; null turns autosave off (tests). */
  storage?: Storage | null;
  /** Delay before an autosave (ms). */
  saveDelay?: number;
  /** A cluster to start from instead of the saved session or a new cluster. */
  initial?: ClusterState;
}

export type LabStore = StoreApi<LabState>;

const MAX_TERMINAL_LINES = 1000;
const WELCOME =
  'Namespace Lab — a simulated Kubernetes cluster. Type kubectl commands, e.g.\n' +
  '  kubectl create namespace team-x\n' +
  '  kubectl get pods -A\n' +
  'Tab completes, ↑/↓ recall history, `clear` empties this log.';

let lineSeq = 0;
let noticeSeq = 0;
let testSeq = 0;

/** Room slots: existing order kept, new namespaces appended (so nothing already placed moves). */
export function updateRooms(rooms: readonly string[], cluster: ClusterState): string[] {
  const names = listObjects(cluster, 'Namespace')
    .slice()
    .sort(
      (a, b) =>
        String(a.metadata.creationTimestamp ?? '').localeCompare(
          String(b.metadata.creationTimestamp ?? ''),
        ) || a.metadata.name.localeCompare(b.metadata.name),
    )
    .map((n) => n.metadata.name);
  const missing = names.filter((n) => !rooms.includes(n));
  return missing.length === 0 ? (rooms as string[]) : [...rooms, ...missing];
}

function loadSession(storage: Storage | null): { session?: Session; notice?: string } {
  if (!storage) return {};
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    return { notice: 'Autosave is unavailable in this browser (storage is blocked).' };
  }
  if (text === null) return {};
  const restored = deserializeSession(text);
  if (restored.ok) return { session: restored.session };
  const aside = `${STORAGE_KEY}.set-aside.${Date.now()}`;
  try {
    storage.setItem(aside, text);
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full: the bad save simply stays unread; a fresh session starts either way.
  }
  return {
    notice: `Your saved session could not be restored (${restored.reason}). It was set aside as "${aside}" and a new cluster was started.`,
  };
}

export function createLabStore(options: LabStoreOptions = {}): LabStore {
  const storage =
    options.storage !== undefined
      ? options.storage
      : typeof localStorage !== 'undefined'
        ? localStorage
        : null;
  const loaded = options.initial ? {} : loadSession(storage);
  const first: HistoryEntry = {
    cluster: options.initial ?? createCluster(),
    tests: [],
    label: 'New cluster',
    at: Date.now(),
  };
  const entries = loaded.session?.entries ?? [first];
  const index = loaded.session?.index ?? 0;
  const current = entries[index]!;

  const store = createStore<LabState>()((set, get) => {
    const line = (kind: TerminalLine['kind'], text: string): TerminalLine => ({
      id: ++lineSeq,
      kind,
      text,
    });
    const appendLines = (lines: TerminalLine[]) => {
      const all = [...get().terminal, ...lines];
      return all.length > MAX_TERMINAL_LINES ? all.slice(-MAX_TERMINAL_LINES) : all;
    };
    /** Records a new state after the current one (dropping any redo tail). */
    const commit = (
      cluster: ClusterState,
      tests: readonly ConnectionTestSpec[],
      label: string,
      extra: Partial<LabState> = {},
    ) => {
      const s = get();
      const entry: HistoryEntry = { cluster, tests, label, at: Date.now() };
      const kept = s.entries.slice(0, s.index + 1);
      set({
        entries: [...kept, entry],
        index: kept.length,
        cluster,
        tests,
        rooms: updateRooms(s.rooms, cluster),
        ...extra,
      });
    };
    const goTo = (i: number) => {
      const s = get();
      if (i < 0 || i >= s.entries.length || i === s.index) return;
      const e = s.entries[i]!;
      set({ index: i, cluster: e.cluster, tests: e.tests, rooms: updateRooms(s.rooms, e.cluster) });
    };
    const output = (r: CommandResult): TerminalLine[] => [
      ...(r.stdout ? [line('stdout', r.stdout.replace(/\n$/, ''))] : []),
      ...(r.stderr ? [line('stderr', r.stderr.replace(/\n$/, ''))] : []),
    ];

    return {
      entries,
      index,
      cluster: current.cluster,
      tests: current.tests,
      rooms: updateRooms(loaded.session?.rooms ?? [], current.cluster),
      terminal: [line('info', WELCOME)],
      commandHistory: loaded.session?.commandHistory ?? [],
      selection: null,
      editRequest: 0,
      listView: false,
      showLabels: false,
      reach: null,
      focusedTest: null,
      notices: loaded.notice ? [{ id: ++noticeSeq, tone: 'warning', text: loaded.notice }] : [],
      runtimeReady: getRuntime() !== undefined,

      run(text) {
        const s = get();
        const trimmed = text.trim();
        const commandHistory =
          trimmed && s.commandHistory[s.commandHistory.length - 1] !== text
            ? [...s.commandHistory, text].slice(-500)
            : s.commandHistory;
        const echo = line('command', text);
        if (trimmed === 'clear') {
          set({ terminal: [], commandHistory });
          return { state: s.cluster, stdout: '', stderr: '', exitCode: 0 };
        }
        if (trimmed === '') {
          set({ terminal: appendLines([echo]) });
          return { state: s.cluster, stdout: '', stderr: '', exitCode: 0 };
        }
        const rt = getRuntime();
        if (!rt) {
          void loadRuntime().then(() => get().run(text));
          return undefined;
        }
        const r = rt.runCommandLine(s.cluster, text);
        // The interpreter says which requests the command made; each one from a pod that is
        // still there becomes a connection test (the latest one focused).
        let tests = s.tests;
        let focusedTest = s.focusedTest;
        for (const probe of connectionTestsFrom(r.requests ?? [])) {
          if (
            !listObjects(r.state, 'Pod').some(
              (p) => `${p.metadata.namespace}/${p.metadata.name}` === probe.from,
            )
          )
            continue;
          const spec = { id: `t${++testSeq}-${Date.now().toString(36)}`, ...probe };
          tests = [...tests.filter((t) => !(t.from === spec.from && t.url === spec.url)), spec];
          focusedTest = spec.id;
        }
        if (r.edit) {
          // The app's editor stands in for $EDITOR: open the object there instead of failing.
          const { kind, namespace, name } = r.edit;
          const what = `${kind.toLowerCase()}/${name}${namespace ? ` in namespace ${namespace}` : ''}`;
          set({
            terminal: appendLines([
              echo,
              line('info', `Opened ${what} in the YAML editor: change it there and press Apply.`),
            ]),
            commandHistory,
            selection: { kind, ...(namespace !== undefined ? { namespace } : {}), name },
            editRequest: s.editRequest + 1,
          });
          return { ...r, stderr: '', exitCode: 0 };
        }
        const terminal = appendLines([echo, ...output(r)]);
        if (r.state !== s.cluster || tests !== s.tests) {
          commit(r.state, tests, trimmed.split('\n')[0]!, {
            terminal,
            commandHistory,
            focusedTest,
          });
        } else {
          set({ terminal, commandHistory });
        }
        return r;
      },

      applyManifest(text, label = 'kubectl apply -f - (editor)') {
        const s = get();
        const rt = getRuntime();
        if (!rt) {
          void loadRuntime().then(() => get().applyManifest(text, label));
          return undefined;
        }
        const r = rt.runKubectl(s.cluster, ['apply', '-f', '-'], { stdin: text });
        const terminal = appendLines([line('command', label), ...output(r)]);
        if (r.state !== s.cluster) commit(r.state, s.tests, label, { terminal });
        else set({ terminal });
        return r;
      },

      undo: () => goTo(get().index - 1),
      redo: () => goTo(get().index + 1),
      jumpTo: (i) => goTo(i),

      reset() {
        const s = get();
        commit(
          createCluster({ settings: { networkPolicy: s.cluster.settings.networkPolicy } }),
          [],
          'Reset cluster',
          {
            selection: null,
            focusedTest: null,
            rooms: [],
            terminal: appendLines([
              line('info', 'Cluster reset to a fresh cluster (Undo brings the old one back).'),
            ]),
          },
        );
        set({ rooms: updateRooms([], get().cluster) });
      },

      restore(cluster, label, note) {
        commit(cluster, [], label, {
          selection: null,
          focusedTest: null,
          rooms: [],
          ...(note ? { terminal: appendLines([line('info', note)]) } : {}),
        });
        set({ rooms: updateRooms([], get().cluster) });
      },

      setNetworkPolicyMode(mode) {
        const s = get();
        if (s.cluster.settings.networkPolicy === mode) return;
        const cluster: ClusterState = {
          ...s.cluster,
          settings: { ...s.cluster.settings, networkPolicy: mode },
        };
        const text =
          mode === 'enforcing'
            ? 'Network plugin: enforcing NetworkPolicy (as Calico or Cilium).'
            : 'Network plugin: not enforcing NetworkPolicy (as Flannel): policies are stored but change nothing.';
        commit(cluster, s.tests, `Network plugin: ${mode}`, {
          terminal: appendLines([line('info', text)]),
        });
      },

      addTest(from, url) {
        const s = get();
        const spec: ConnectionTestSpec = {
          id: `t${++testSeq}-${Date.now().toString(36)}`,
          from,
          url,
        };
        const tests = [...s.tests.filter((t) => !(t.from === from && t.url === url)), spec];
        commit(s.cluster, tests, `Test ${from} → ${url}`, { focusedTest: spec.id });
      },

      removeTest(id) {
        const s = get();
        const t = s.tests.find((x) => x.id === id);
        if (!t) return;
        commit(
          s.cluster,
          s.tests.filter((x) => x.id !== id),
          `Remove test ${t.from} → ${t.url}`,
        );
      },

      async importYaml(text, file) {
        const r = (await loadRuntime()).importClusterYaml(text, file);
        const s = get();
        if (!r.ok) {
          set({
            notices: [
              ...s.notices,
              { id: ++noticeSeq, tone: 'error', text: `Import failed: ${r.error}` },
            ],
          });
          return false;
        }
        commit(r.state, [], `Import ${file}`, {
          selection: null,
          terminal: appendLines([
            line('command', `kubectl apply -f ${file}`),
            line(r.failures ? 'stderr' : 'stdout', r.output.replace(/\n$/, '')),
          ]),
          notices: [
            ...s.notices,
            {
              id: ++noticeSeq,
              tone: r.failures ? 'warning' : 'info',
              text: r.failures
                ? `Imported ${file} into a new cluster; ${r.failures} object(s) were refused (see the terminal).`
                : `Imported ${file} into a new cluster.`,
            },
          ],
        });
        return true;
      },

      exportYaml: async () => (await loadRuntime()).exportClusterYaml(get().cluster),
      select: (selection) => set({ selection }),
      focusTest: (focusedTest) => set({ focusedTest }),
      setListView: (listView) => set({ listView }),
      setShowLabels: (showLabels) => set({ showLabels }),
      setReach: (reach) => set({ reach }),
      clearTerminal: () => set({ terminal: [] }),
      dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    };
  });

  if (!store.getState().runtimeReady) {
    // The app starts the load after its first render; actions start it on demand.
    onRuntimeLoaded(() => store.setState({ runtimeReady: true }));
  }

  if (storage) {
    const delay = options.saveDelay ?? 400;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last:
      | { entries: HistoryEntry[]; index: number; rooms: string[]; commandHistory: string[] }
      | undefined;
    const save = () => {
      timer = undefined;
      const s = store.getState();
      const session: Session = {
        entries: s.entries,
        index: s.index,
        rooms: s.rooms,
        commandHistory: s.commandHistory,
      };
      try {
        storage.setItem(STORAGE_KEY, serializeSession(session));
      } catch {
        try {
          // Over quota: keep at least the current state.
          storage.setItem(
            STORAGE_KEY,
            serializeSession({ ...session, entries: s.entries.slice(0, s.index + 1) }, 1),
          );
        } catch {
          store.setState({
            notices: [
              ...s.notices,
              {
                id: ++noticeSeq,
                tone: 'warning',
                text: 'Autosave failed: the browser storage is full.',
              },
            ],
          });
        }
      }
    };
    store.subscribe((s) => {
      if (
        last &&
        last.entries === s.entries &&
        last.index === s.index &&
        last.rooms === s.rooms &&
        last.commandHistory === s.commandHistory
      )
        return;
      last = {
        entries: s.entries,
        index: s.index,
        rooms: s.rooms,
        commandHistory: s.commandHistory,
      };
      if (timer) clearTimeout(timer);
      // Saving a big cluster costs a few ms of JSON: do it when the browser is idle.
      timer = setTimeout(() => {
        const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: object) => void })
          .requestIdleCallback;
        if (idle) idle(save, { timeout: 2000 });
        else save();
      }, delay);
    });
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', () => {
        if (timer) {
          clearTimeout(timer);
          save();
        }
      });
    }
  }
  return store;
}
