/**
 * The guided start shown on a first visit, "your first cross-namespace call": load two rooms,
 * curl a Service in the other room by its short name (it does not resolve), then by
 * `NAME.NAMESPACE` (it does), and see why. A step advances when the interpreter's typed
 * answer for the learner's own command (CommandResult.requests) is the one the step waits
 * for; the guide never reads what the terminal printed. Whether it was seen is saved under its
 * own key, so a second visit starts in the sandbox.
 */
import type { StateCreator } from 'zustand/vanilla';
import { createCluster, globalKey, listObjects, type ClusterState } from '../engine/model.ts';
import type { RequestRecord } from '../engine/index.ts';
import type { LabState } from './lab-store.ts';
import { getRuntime, loadRuntime } from './runtime-loader.ts';
import { SCHEMA_VERSION } from './persist.ts';

export const GUIDE_STORAGE_KEY = 'namespace-lab.guide';

/** The two rooms: a client pod in team-a, a web Service (and its pod) in team-b. */
export const GUIDE_CLUSTER = `apiVersion: v1
kind: Namespace
metadata: {name: team-a}
---
apiVersion: v1
kind: Namespace
metadata: {name: team-b}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: team-a, labels: {app: client}}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: team-b, labels: {app: web}}
spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: team-b}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;

export const GUIDE_FROM = 'team-a/client';
export const GUIDE_SHORT_COMMAND = 'kubectl exec -n team-a client -- curl -sS http://web';
export const GUIDE_QUALIFIED_COMMAND =
  'kubectl exec -n team-a client -- curl -sS http://web.team-b';

/** The steps, in order. */
export type GuideStep = 'welcome' | 'short' | 'qualified' | 'why';
export const GUIDE_STEPS: readonly GuideStep[] = ['welcome', 'short', 'qualified', 'why'];

/** What the engine answered for one of the learner's curls: the DNS names tried and the end. */
export interface GuideCall {
  host: string;
  exitCode: number;
  outcome: string;
  rcode: string;
  tried: readonly string[];
  fqdn: string | null;
  /** The address the name resolved to, when it did. */
  address?: string;
  answeredBy?: string;
}

export interface GuideState {
  open: boolean;
  step: GuideStep;
  /** Seen to the end or skipped once (saved). */
  seen: boolean;
  short?: GuideCall;
  qualified?: GuideCall;
}

export interface GuideSlice {
  guide: GuideState;
  /** Opens the guide at its first step (the help menu's "replay"). */
  openGuide: () => void;
  /** Closes it and remembers it as seen (Skip, Escape, Finish). */
  closeGuide: () => void;
  /**
   * Loads the two rooms as one undoable step (the learner's cluster stays in the history),
   * then waits for the short-name curl.
   */
  startGuide: () => Promise<void>;
  /** Reads the requests a command made; advances the guide when they are what it waits for. */
  observeGuide: (requests: readonly RequestRecord[]) => void;
}

/** True when the cluster holds only what a new cluster starts with (nothing to lose). */
export function isUntouchedCluster(cluster: ClusterState): boolean {
  let n = 0;
  for (const byKey of cluster.objects.values()) {
    for (const obj of byKey.values()) {
      if (!cluster.builtin.has(globalKey(obj))) return false;
      n++;
    }
  }
  return n === cluster.builtin.size;
}

function callOf(r: Extract<RequestRecord, { kind: 'connect' }>): GuideCall {
  const { result } = r;
  return {
    host: result.host ?? '',
    exitCode: result.exitCode,
    outcome: result.outcome,
    rcode: result.dns?.rcode ?? '',
    tried: result.dns?.tried ?? [],
    fqdn: result.dns?.fqdn ?? null,
    ...(result.address !== undefined ? { address: result.address } : {}),
    ...(result.answeredBy !== undefined ? { answeredBy: result.answeredBy } : {}),
  };
}

/** The first curl from the client to a host that matches, among the requests. */
function connectFrom(
  requests: readonly RequestRecord[],
  wanted: (host: string) => boolean,
): Extract<RequestRecord, { kind: 'connect' }> | undefined {
  for (const r of requests)
    if (r.kind === 'connect' && r.from === GUIDE_FROM && wanted(r.result.host ?? '')) return r;
  return undefined;
}

function readSeen(storage: Storage | null): boolean {
  if (!storage) return true; // memory only: there is no telling a first visit
  try {
    const text = storage.getItem(GUIDE_STORAGE_KEY);
    if (text === null) return false;
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && (v as { seen?: unknown }).seen === true;
  } catch {
    return false;
  }
}

export function createGuideSlice(init: {
  storage: Storage | null;
}): StateCreator<LabState, [], [], GuideSlice> {
  const seen = readSeen(init.storage);
  const remember = () => {
    try {
      init.storage?.setItem(
        GUIDE_STORAGE_KEY,
        JSON.stringify({ schema: SCHEMA_VERSION, seen: true }),
      );
    } catch {
      // Storage refused: the guide shows again next visit, nothing else is lost.
    }
  };
  return (set, get) => ({
    guide: { open: !seen, step: 'welcome', seen },
    openGuide: () => set({ guide: { open: true, step: 'welcome', seen: get().guide.seen } }),
    closeGuide: () => {
      remember();
      set({ guide: { ...get().guide, open: false, seen: true } });
    },
    async startGuide() {
      const rt = getRuntime() ?? (await loadRuntime());
      const r = rt.runKubectl(createCluster(), ['apply', '-f', '-'], { stdin: GUIDE_CLUSTER });
      if (r.exitCode !== 0) return; // the guide's own cluster always applies; keep the learner's otherwise
      get().restore(
        r.state,
        'Guided start: two rooms',
        'Loaded the guided start: pod client in team-a, Service web in team-b (Undo brings your previous cluster back).',
      );
      const { short: _s, qualified: _q, ...rest } = get().guide;
      set({ guide: { ...rest, open: true, step: 'short' } });
    },
    observeGuide(requests) {
      const g = get().guide;
      if (!g.open) return;
      const pods = listObjects(get().cluster, 'Pod');
      if (!pods.some((p) => `${p.metadata.namespace}/${p.metadata.name}` === GUIDE_FROM)) return;
      if (g.step === 'short') {
        // The short name from another room: curl ends before connecting, the name not found.
        const r = connectFrom(requests, (h) => h === 'web');
        if (r && r.result.outcome === 'nxdomain')
          set({ guide: { ...g, step: 'qualified', short: callOf(r) } });
      } else if (g.step === 'qualified') {
        const r = connectFrom(requests, (h) => h.startsWith('web.team-b'));
        if (r && r.result.ok) set({ guide: { ...g, step: 'why', qualified: callOf(r) } });
      }
    },
  });
}
