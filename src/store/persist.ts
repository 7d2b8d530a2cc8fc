/**
 * Autosave format: the undo history as a pool of objects plus, per entry, the indexes of the
 * objects it holds. Snapshots share unchanged objects (copy-on-write), so the pool stores each
 * object once however many entries hold it. A save carries a schema version; anything that
 * does not read back as this version is refused with a reason, never thrown.
 */
import {
  objectKey,
  type ClusterState,
  type KubeContext,
  type KubeObject,
  type NamedKubeContext,
  type NetworkPolicyMode,
} from '../engine/model.ts';
// Deep import on purpose: the first screen must not pull in the interpreter (see runtime.ts).
import type { ConnectionTestSpec } from './connection-tests.ts';

/**
 * The version of everything Namespace Lab saves (saved-records.ts): bump it when a saved shape
 * changes and teach migrate.ts the step; a save of any other version is set aside, not misread.
 * 2: one record per part (session, lesson, recall, exam), all owned by the store.
 */
export const SCHEMA_VERSION = 2;
export const STORAGE_KEY = 'namespace-lab.session';
/** History entries kept in a save (the newest ones). */
export const MAX_SAVED_ENTRIES = 100;

/** One point of the undo history. */
export interface HistoryEntry {
  cluster: ClusterState;
  tests: readonly ConnectionTestSpec[];
  /** What made this state: the command line, "Reset cluster", "apply (editor)"… */
  label: string;
  /** Wall-clock time of the change (ms). */
  at: number;
}

/** Everything a session keeps across reloads. */
export interface Session {
  entries: HistoryEntry[];
  index: number;
  /** Room slots in first-seen order: the floor plan's stable layout. */
  rooms: string[];
  commandHistory: string[];
}

interface SavedEntry {
  label: string;
  at: number;
  objects: number[];
  builtin: number;
  settings: ClusterState['settings'];
  context: ClusterState['context'];
  clock: number;
  seq: number;
  ipam: ClusterState['ipam'];
  tests: ConnectionTestSpec[];
}

/** A session as plain JSON data (the exam keeps its questions' clusters in this form too). */
export interface SavedSession {
  schema: number;
  savedAt: number;
  index: number;
  pool: KubeObject[];
  builtins: string[][];
  entries: SavedEntry[];
  rooms: string[];
  commandHistory: string[];
}

/** Serialises a session; only the newest `maxEntries` entries are kept. */
export function serializeSession(session: Session, maxEntries = MAX_SAVED_ENTRIES): string {
  return JSON.stringify(encodeSession(session, maxEntries));
}

/** A session as plain data; only the newest `maxEntries` entries are kept. */
export function encodeSession(session: Session, maxEntries = MAX_SAVED_ENTRIES): SavedSession {
  const first = Math.max(0, session.entries.length - maxEntries);
  const entries = session.entries.slice(first);
  const ids = new Map<KubeObject, number>();
  const pool: KubeObject[] = [];
  const builtinIds = new Map<ReadonlySet<string>, number>();
  const builtins: string[][] = [];
  const saved: SavedEntry[] = entries.map((e) => {
    const objects: number[] = [];
    for (const byKey of e.cluster.objects.values()) {
      for (const obj of byKey.values()) {
        let id = ids.get(obj);
        if (id === undefined) {
          id = pool.length;
          pool.push(obj);
          ids.set(obj, id);
        }
        objects.push(id);
      }
    }
    let builtin = builtinIds.get(e.cluster.builtin);
    if (builtin === undefined) {
      builtin = builtins.length;
      builtins.push([...e.cluster.builtin]);
      builtinIds.set(e.cluster.builtin, builtin);
    }
    return {
      label: e.label,
      at: e.at,
      objects,
      builtin,
      settings: e.cluster.settings,
      context: e.cluster.context,
      clock: e.cluster.clock,
      seq: e.cluster.seq,
      ipam: e.cluster.ipam,
      tests: [...e.tests],
    };
  });
  const body: SavedSession = {
    schema: SCHEMA_VERSION,
    savedAt: Date.now(),
    index: Math.max(0, Math.min(saved.length - 1, session.index - first)),
    pool,
    builtins,
    entries: saved,
    rooms: session.rooms,
    commandHistory: session.commandHistory.slice(-200),
  };
  return body;
}

export type RestoreResult = { ok: true; session: Session } | { ok: false; reason: string };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');
const modes: readonly NetworkPolicyMode[] = ['enforcing', 'not-enforcing'];

function checkObject(o: unknown): o is KubeObject {
  return (
    isObj(o) &&
    typeof o.kind === 'string' &&
    typeof o.apiVersion === 'string' &&
    isObj(o.metadata) &&
    typeof o.metadata.name === 'string'
  );
}

function checkTest(t: unknown): t is ConnectionTestSpec {
  return (
    isObj(t) && typeof t.id === 'string' && typeof t.from === 'string' && typeof t.url === 'string'
  );
}

/** Reads a save back; every structural problem becomes a reason instead of an exception. */
export function deserializeSession(text: string): RestoreResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the saved session is not valid JSON' };
  }
  return decodeSession(raw);
}

/** Reads a session from plain data; every structural problem becomes a reason. */
export function decodeSession(raw: unknown): RestoreResult {
  if (!isObj(raw)) return { ok: false, reason: 'the saved session is not an object' };
  if (raw.schema !== SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `the saved session has schema version ${JSON.stringify(raw.schema ?? null)}; this version of Namespace Lab reads version ${SCHEMA_VERSION}`,
    };
  }
  const { pool, builtins, entries, index, rooms, commandHistory } = raw;
  if (!Array.isArray(pool) || !pool.every(checkObject))
    return { ok: false, reason: 'the saved objects are malformed' };
  if (!Array.isArray(builtins) || !builtins.every(isStrArray))
    return { ok: false, reason: 'the saved built-in object list is malformed' };
  if (!Array.isArray(entries) || entries.length === 0)
    return { ok: false, reason: 'the saved history is empty or malformed' };
  if (!isNum(index) || index < 0 || index >= entries.length)
    return { ok: false, reason: 'the saved history position is out of range' };
  const builtinSets = builtins.map((b) => new Set(b));
  const out: HistoryEntry[] = [];
  for (const [i, e] of entries.entries()) {
    const bad = (what: string): RestoreResult => ({
      ok: false,
      reason: `history entry ${i + 1}: ${what}`,
    });
    if (!isObj(e)) return bad('not an object');
    if (!Array.isArray(e.objects) || !e.objects.every((n) => isNum(n) && n >= 0 && n < pool.length))
      return bad('object references are out of range');
    const builtin = isNum(e.builtin) ? builtinSets[e.builtin] : undefined;
    if (!builtin) return bad('built-in set reference is out of range');
    const s = e.settings;
    if (
      !isObj(s) ||
      !modes.includes(s.networkPolicy as NetworkPolicyMode) ||
      typeof s.clusterDomain !== 'string'
    )
      return bad('settings are malformed');
    const c = e.context;
    if (!isObj(c) || typeof c.namespace !== 'string' || typeof c.user !== 'string')
      return bad('context is malformed');
    const ipam = e.ipam;
    if (!isObj(ipam) || !isNum(ipam.pod) || !isNum(ipam.service))
      return bad('IPAM cursor is malformed');
    if (!isNum(e.clock) || !isNum(e.seq) || !isNum(e.at) || typeof e.label !== 'string')
      return bad('clock, sequence or label is malformed');
    if (!Array.isArray(e.tests) || !e.tests.every(checkTest))
      return bad('connection tests are malformed');
    const objects = new Map<string, Map<string, KubeObject>>();
    for (const id of e.objects as number[]) {
      const obj = pool[id] as KubeObject;
      let byKey = objects.get(obj.kind);
      if (!byKey) objects.set(obj.kind, (byKey = new Map()));
      byKey.set(objectKey(obj.metadata.namespace, obj.metadata.name), obj);
    }
    out.push({
      label: e.label,
      at: e.at,
      tests: e.tests as ConnectionTestSpec[],
      cluster: {
        objects,
        settings: {
          networkPolicy: s.networkPolicy as NetworkPolicyMode,
          clusterDomain: s.clusterDomain,
        },
        context: kubeContextOf(c),
        clock: e.clock,
        seq: e.seq,
        builtin,
        ipam: { pod: ipam.pod, service: ipam.service },
      },
    });
  }
  return {
    ok: true,
    session: {
      entries: out,
      index,
      rooms: isStrArray(rooms) ? rooms : [],
      commandHistory: isStrArray(commandHistory) ? commandHistory : [],
    },
  };
}

/** The saved kubeconfig: namespace and user, and the context names and other contexts when well-formed. */
function kubeContextOf(c: Record<string, unknown>): KubeContext {
  const str = (v: unknown): v is string => typeof v === 'string';
  const others = Array.isArray(c.others)
    ? (c.others as unknown[]).filter(
        (o): o is NamedKubeContext =>
          isObj(o) &&
          str(o.name) &&
          str(o.cluster) &&
          str(o.user) &&
          (o.namespace === undefined || str(o.namespace)),
      )
    : [];
  return {
    namespace: c.namespace as string,
    user: c.user as string,
    ...(str(c.name) ? { name: c.name } : {}),
    ...(str(c.cluster) ? { cluster: c.cluster } : {}),
    ...(others.length ? { others } : {}),
  };
}
