/**
 * Connection tests the learner has run (from the terminal's `exec … -- curl URL` or the
 * diagram's test form). A test is its question — which pod asks for which URL — and is
 * re-asked of every cluster state, so applying a policy recolours the answer at once.
 */
import type { ConnectResult, PathDecision } from '../engine/routing/index.ts';

/** One connection test: `from` is `namespace/pod`, `url` what curl was given. */
export interface ConnectionTestSpec {
  id: string;
  from: string;
  url: string;
  timeoutSeconds?: number;
}

/** A test's answer in one cluster state. */
export interface ConnectionTestResult {
  spec: ConnectionTestSpec;
  /** False when the source pod no longer exists. */
  present: boolean;
  result?: ConnectResult;
  /** The engine's deciding hop (and the request's stage it belongs to). */
  deciding?: PathDecision;
}

export function splitRef(ref: string): { namespace: string; name: string } {
  const i = ref.indexOf('/');
  return { namespace: ref.slice(0, i), name: ref.slice(i + 1) };
}

const CURL_FLAGS_WITH_VALUE = new Set([
  '-m',
  '--max-time',
  '--connect-timeout',
  '-o',
  '-H',
  '-X',
  '-d',
  '-T',
  '-w',
  '-u',
  '-A',
  '-e',
  '-x',
]);

/**
 * Recognises a connection test in a kubectl command line: `exec [-n NS] POD -- curl|wget URL`.
 * Returns the source pod (as `ns/name`) and URL, or undefined when the line is something else.
 */
export function connectionTestFromArgv(
  argv: readonly string[],
  defaultNamespace: string,
): Omit<ConnectionTestSpec, 'id'> | undefined {
  const words = argv[0] === 'kubectl' ? argv.slice(1) : [...argv];
  const dash = words.indexOf('--');
  if (dash < 0) return undefined;
  const before = words.slice(0, dash);
  const after = words.slice(dash + 1);
  let namespace = defaultNamespace;
  const positional: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const w = before[i]!;
    if (w === '-n' || w === '--namespace') namespace = before[++i] ?? namespace;
    else if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
    else if (w.startsWith('-n') && w.length > 2) namespace = w.slice(2);
    else if (w === '-c' || w === '--container') i++;
    else if (!w.startsWith('-')) positional.push(w);
  }
  if (positional[0] !== 'exec' || positional.length !== 2) return undefined;
  let pod = positional[1]!;
  if (pod.includes('/')) {
    const [type, name] = pod.split('/', 2) as [string, string];
    if (!['pod', 'pods', 'po'].includes(type)) return undefined;
    pod = name;
  }
  const tool = after[0];
  if (tool !== 'curl' && tool !== 'wget') return undefined;
  let url: string | undefined;
  let timeoutSeconds: number | undefined;
  for (let i = 1; i < after.length; i++) {
    const w = after[i]!;
    if (w === '-m' || w === '--max-time' || (w === '-T' && tool === 'wget')) {
      const n = Number(after[i + 1]);
      if (Number.isFinite(n)) timeoutSeconds = n;
      i++;
    } else if (tool === 'curl' && CURL_FLAGS_WITH_VALUE.has(w)) i++;
    else if (!w.startsWith('-')) url = w;
  }
  if (!url) return undefined;
  return timeoutSeconds === undefined
    ? { from: `${namespace}/${pod}`, url }
    : { from: `${namespace}/${pod}`, url, timeoutSeconds };
}
