/**
 * Connection tests the learner has run (the requests the interpreter reports for a terminal
 * command, or the diagram's test form). A test is its question — which pod asks for which URL — and is
 * re-asked of every cluster state, so applying a policy recolours the answer at once.
 */
import type { ConnectResult, PathDecision, RequestRecord } from '../engine/index.ts';

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

/**
 * The connection tests a command's requests make: each curl or wget, and each dial of the API
 * server by kubectl inside a pod, from the pod it left.
 */
export function connectionTestsFrom(
  requests: readonly RequestRecord[],
): Array<Omit<ConnectionTestSpec, 'id'>> {
  const out: Array<Omit<ConnectionTestSpec, 'id'>> = [];
  for (const r of requests) {
    if (r.kind === 'connect')
      out.push({
        from: r.from,
        url: r.url,
        ...(r.timeoutSeconds !== undefined ? { timeoutSeconds: r.timeoutSeconds } : {}),
      });
    else if (r.kind === 'apiCall') out.push({ from: r.from, url: r.server });
  }
  return out;
}
