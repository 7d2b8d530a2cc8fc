/**
 * The cluster slice: the undo history of ClusterStates (every change is a new state made by
 * the engine's interpreter, with the connection tests asked of it), the commands that make
 * them, and what moves through them (undo, redo, jump, reset, restore, import). Actions are
 * thin: they call the engine and record what it returns.
 */
import { whenIdle } from './idle.ts';
import type { StateCreator } from 'zustand/vanilla';
import {
  createCluster,
  listObjects,
  type ClusterState,
  type NetworkPolicyMode,
} from '../engine/model.ts';
import type { CommandResult } from '../engine/index.ts';
// Deep imports on purpose: the first screen needs only the cluster model, not the interpreter.
import { connectionTestsFrom, type ConnectionTestSpec } from './connection-tests.ts';
import type { LabState } from './lab-store.ts';
import { updateRooms, withNotice } from './layout-slice.ts';
import type { HistoryEntry } from './persist.ts';
import { getRuntime, loadRuntime } from './runtime-loader.ts';
import { appended, printed, terminalLine, type TerminalLine } from './terminal-slice.ts';

export interface ClusterSlice {
  entries: HistoryEntry[];
  index: number;
  /** The current entry's cluster and tests (kept as fields so selectors stay narrow). */
  cluster: ClusterState;
  tests: readonly ConnectionTestSpec[];
  /** True once the interpreter (the engine's heavy half) has loaded. */
  runtimeReady: boolean;
  /**
   * The kubectl commands the terminal offers, when a lesson limits them (its allowedCommands);
   * null: all of kubectl. Loading another cluster (reset, restore, import) lifts it.
   */
  commandLimit: { lesson: string; commands: readonly string[] } | null;

  /** Runs a typed line; undefined when the interpreter is still loading (the line then runs once it has). */
  run: (text: string) => CommandResult | undefined;
  applyManifest: (text: string, label?: string) => CommandResult | undefined;
  undo: () => void;
  redo: () => void;
  jumpTo: (index: number) => void;
  reset: () => void;
  /**
   * Replaces the cluster with one built elsewhere (a lesson's or task's start, an exam
   * question's saved work) as one undoable step, clearing connection tests and the selection.
   */
  restore: (cluster: ClusterState, label: string, note?: string) => void;
  setNetworkPolicyMode: (mode: NetworkPolicyMode) => void;
  addTest: (from: string, url: string) => void;
  removeTest: (id: string) => void;
  importYaml: (text: string, file: string) => Promise<boolean>;
  exportYaml: () => Promise<string>;
}

let testSeq = 0;

export function createClusterSlice(init: {
  entries: HistoryEntry[];
  index: number;
}): StateCreator<LabState, [], [], ClusterSlice> {
  const current = init.entries[init.index]!;
  return (set, get) => {
    const line = terminalLine;
    const appendLines = (lines: TerminalLine[]) => appended(get().terminal, lines);
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

    const output = printed;

    return {
      entries: init.entries,
      index: init.index,
      cluster: current.cluster,
      tests: current.tests,
      runtimeReady: getRuntime() !== undefined,
      commandLimit: null,

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
        const r = rt
          .interpreterFor(s.commandLimit?.commands)
          .runCommandLine(s.cluster, text, s.aliases ? { aliases: s.aliases } : {});
        if (r.needs) {
          // A verb whose implementation loads on demand: fetch the whole table, then run the line.
          void rt.loadWholeKubectl().then(() => get().run(text));
          return undefined;
        }
        // Once a command has answered, the rest of kubectl can come while the learner reads.
        whenIdle(() => void rt.loadWholeKubectl());
        // The interpreter says which requests the command made; each one from a pod that is
        // still there becomes a connection test (the latest one focused).
        let tests = s.tests;
        let focusedTest = s.focusedTest;
        const pods = new Set(
          listObjects(r.state, 'Pod').map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
        );
        for (const probe of connectionTestsFrom(r.requests ?? [])) {
          if (!pods.has(probe.from)) continue;
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
        if (r.aliases) {
          set({ terminal, commandHistory, aliases: r.aliases });
          return r;
        }
        if (r.state !== s.cluster || tests !== s.tests) {
          commit(r.state, tests, trimmed.split('\n')[0]!, {
            terminal,
            commandHistory,
            focusedTest,
          });
        } else {
          set({ terminal, commandHistory });
        }
        get().observeGuide(r.requests ?? []);
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
            commandLimit: null,
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
          commandLimit: null,
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
          set({ notices: withNotice(s.notices, 'error', `Import failed: ${r.error}`) });
          return false;
        }
        commit(r.state, [], `Import ${file}`, {
          commandLimit: null,
          selection: null,
          terminal: appendLines([
            line('command', `kubectl apply -f ${file}`),
            line(r.failures ? 'stderr' : 'stdout', r.output.replace(/\n$/, '')),
          ]),
          notices: withNotice(
            s.notices,
            r.failures ? 'warning' : 'info',
            r.failures
              ? `Imported ${file} into a new cluster; ${r.failures} object(s) were refused (see the terminal).`
              : `Imported ${file} into a new cluster.`,
          ),
        });
        return true;
      },

      exportYaml: async () => (await loadRuntime()).exportClusterYaml(get().cluster),
    };
  };
}
