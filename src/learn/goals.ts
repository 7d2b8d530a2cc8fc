/**
 * Goal checks: each kind asks exactly one engine function and reports pass/fail with the
 * engine's own reason and the hop, policy, binding or field that decided it — so the lesson
 * runner can say *why* a goal is unmet, not only that it is.
 */
import {
  apiCall,
  canI,
  connect,
  decidingHop,
  decisionSummary,
  directionDecider,
  evaluateConnection,
  getObject,
  grantingBinding,
  kindInfo,
  listObjects,
  objectId,
  podIp,
  resolveFromPod,
  serviceAccountUsername,
  storedVersionOf,
  verdictDirection,
  type ApiCallHop,
  type ClusterState,
  type ConnectionVerdict,
  type ConnectOutcome,
  type Decision,
  type KubeObject,
  type ObjectRef,
  type Pod,
  type Service,
  type Stored,
} from '../engine/index.ts';
import { canonical, getPath, show, subsetMatches } from './fields.ts';
import type {
  ApiCallGoal,
  CanIGoal,
  ConnectExpect,
  ConnectGoal,
  Goal,
  ObjectGoal,
  ObjectSelector,
  ProbeGoal,
  ResolveGoal,
  Subject,
  UnchangedGoal,
} from './types.ts';

/** What decided a goal: the engine's sentence, and the object (`Kind/ns/name`) behind it when there is one. */
export interface DecidedBy {
  summary: string;
  object?: string;
  /** The hop of the engine's answer that decided (`ingress`, `rbac`…), when a path decided. */
  hop?: ApiCallHop['kind'];
  /** The rule (NetworkPolicy rule, or rule of the bound role) that matched, by index. */
  rule?: number;
}

/**
 * A goal's verdict: pass or fail, what was observed, the full comparison with what the goal
 * expects, and what decided it. `observed` says only what the cluster does now (the verdict and
 * the object or pair involved), never what it should do: the lesson shows it before the learner
 * has tried; `detail` (which names the expected value, the fix) only after a check or a hint.
 */
export interface GoalResult {
  pass: boolean;
  /** What the cluster does now, without the expectation. */
  observed: string;
  /** What was found against what was expected (naming the pairs or permission that differ). */
  detail: string;
  decidedBy?: DecidedBy;
}

/** What a check may compare against besides the current cluster. */
export interface CheckContext {
  /** The lesson's starting cluster, for `unchanged`. */
  start: ClusterState;
}

function splitRef(ref: string): [string, string] {
  const i = ref.indexOf('/');
  return [ref.slice(0, i), ref.slice(i + 1)];
}

function findPod(state: ClusterState, ref: string): Stored<Pod> | undefined {
  const [ns, name] = splitRef(ref);
  return getObject<Pod>(state, 'Pod', ns, name);
}

function missingPod(ref: string): GoalResult {
  return {
    pass: false,
    observed: `pod ${ref} does not exist`,
    detail: `pod ${ref} does not exist`,
    decidedBy: {
      summary: `Error from server (NotFound): pods "${splitRef(ref)[1]}" not found`,
      object: `Pod/${ref}`,
    },
  };
}

function objectOf(ref: ObjectRef | undefined): { object?: string } {
  return ref ? { object: objectId(ref) } : {};
}

/** What the engine's deciding hop says decided a path. */
function hopDecider(hop: ApiCallHop | undefined): DecidedBy | undefined {
  if (!hop) return undefined;
  const rule = 'rule' in hop && hop.rule !== undefined ? { rule: hop.rule } : {};
  return { summary: hop.summary, ...objectOf(hop.object), hop: hop.kind, ...rule };
}

/**
 * `$NAME` / `${NAME}` in a URL or name, from the pod's container environment (explicit
 * `value`s), as the shell in the pod would expand them: a goal can follow the app's own config.
 */
export function expandEnv(pod: Pod, text: string): string {
  const env = new Map<string, string>();
  for (const c of pod.spec?.containers ?? [])
    for (const e of c.env ?? [])
      if (e.value !== undefined && !env.has(e.name)) env.set(e.name, e.value);
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_m, a?: string, b?: string) => env.get((a ?? b)!) ?? '',
  );
}

const OUTCOME_WORDS: Record<ConnectOutcome, ConnectExpect> = {
  ok: 'succeeds',
  refused: 'refused',
  timeout: 'times-out',
  nxdomain: 'fails-dns',
  'dns-timeout': 'fails-dns',
};

function checkConnect(state: ClusterState, g: ConnectGoal): GoalResult {
  const pod = findPod(state, g.from);
  if (!pod) return missingPod(g.from);
  const url = expandEnv(pod, g.url);
  const r = connect(state, pod, url);
  const got = OUTCOME_WORDS[r.outcome];
  const decided = hopDecider(decidingHop(r.hops, r.ok));
  const pass = g.expect === 'fails' ? got !== 'succeeds' : got === g.expect;
  const target = url === g.url ? url : `${g.url} (${url})`;
  return {
    pass,
    observed: `${g.from} → ${target}: ${got} (curl exit ${r.exitCode})`,
    detail: `${g.from} → ${url === g.url ? url : `${g.url} (${url})`}: expected ${g.expect}, ${pass ? 'and it' : 'but it'} ${got} (curl exit ${r.exitCode})`,
    ...(decided ? { decidedBy: decided } : {}),
  };
}

function checkResolve(state: ClusterState, g: ResolveGoal): GoalResult {
  const pod = findPod(state, g.from);
  if (!pod) return missingPod(g.from);
  const name = expandEnv(pod, g.name);
  const r = resolveFromPod(state, pod, name, g.type ?? 'A');
  const data = r.answers.map((a) => a.data);
  const last = r.attempts[r.attempts.length - 1];
  const answered = r.attempts.find((a) => a.rcode === 'NOERROR' && a.answers.length > 0);
  const decidedBy: DecidedBy = !r.transport.ok
    ? (hopDecider(decidingHop(r.transport.hops, false)) ?? { summary: 'no nameserver answered' })
    : {
        summary: answered
          ? `${answered.name}: ${answered.reason}`
          : last
            ? `${last.name}: ${last.reason}`
            : r.rcode,
      };
  const what = `${g.from} resolves ${name === g.name ? name : `${g.name} (${name})`} (${g.type ?? 'A'})`;
  const got =
    r.rcode === 'NOERROR' && data.length
      ? `${r.fqdn} → ${data.join(', ')}`
      : `${r.rcode} (tried ${r.tried.join(', ') || 'nothing'})`;
  const observed = `${what}: ${got}`;
  const fail = (why: string): GoalResult => ({
    pass: false,
    observed,
    detail: `${what}: ${why}; got ${got}`,
    decidedBy,
  });
  if (g.expect === 'nxdomain')
    return r.rcode === 'NXDOMAIN'
      ? {
          pass: true,
          observed,
          detail: `${what}: NXDOMAIN as expected (tried ${r.tried.join(', ')})`,
          decidedBy,
        }
      : fail('expected NXDOMAIN');
  if (r.rcode !== 'NOERROR' || data.length === 0) return fail('expected an answer');
  if (g.service) {
    const [ns, name] = splitRef(g.service);
    const svc = getObject<Service>(state, 'Service', ns, name);
    const ips = svc?.spec?.clusterIPs ?? (svc?.spec?.clusterIP ? [svc.spec.clusterIP] : []);
    if (!svc) return fail(`expected the address of Service ${g.service}, which does not exist`);
    if (!ips.some((ip) => data.includes(ip)))
      return fail(`expected the ClusterIP of Service ${g.service} (${ips.join(', ') || 'none'})`);
  }
  if (g.pods) {
    const want = g.pods.map((ref) => {
      const p = findPod(state, ref);
      return p ? (podIp(p) ?? `${ref} (no IP)`) : `${ref} (missing)`;
    });
    const a = r.answers.filter((x) => x.type === 'A' || x.type === 'AAAA').map((x) => x.data);
    if (canonical([...a].sort()) !== canonical([...want].sort()))
      return fail(`expected exactly the pod IPs of ${g.pods.join(', ')} (${want.join(', ')})`);
  }
  if (g.data) {
    const missing = g.data.filter((d) => !data.includes(d));
    if (missing.length) return fail(`expected records ${missing.join(', ')}`);
  }
  return { pass: true, observed, detail: `${what}: ${got}`, decidedBy };
}

function subjectUser(s: Subject): string {
  if (s.serviceAccount) {
    const [ns, name] = splitRef(s.serviceAccount);
    return serviceAccountUsername(ns, name);
  }
  return s.user ?? '';
}

/** The binding that decided an RBAC decision, or why nothing granted it. */
export function decisionDecider(d: Decision): DecidedBy {
  return {
    summary: decisionSummary(d),
    ...objectOf(grantingBinding(d)),
    ...(d.grant ? { rule: d.grant.ruleIndex } : {}),
  };
}

function checkCanI(state: ClusterState, g: CanIGoal): GoalResult {
  const as = subjectUser(g.subject);
  const d = canI(state, {
    as,
    groups: g.subject.groups ?? [],
    verb: g.verb,
    resource: g.resource,
    ...(g.apiGroup !== undefined ? { apiGroup: g.apiGroup } : {}),
    ...(g.subresource !== undefined ? { subresource: g.subresource } : {}),
    namespace: g.namespace ?? '',
  });
  const got = d.allowed ? 'yes' : 'no';
  const where = g.namespace ? ` in namespace ${g.namespace}` : ' cluster-wide';
  return {
    pass: got === g.expect,
    observed: `can ${as} ${g.verb} ${g.resource}${where}? ${got}`,
    detail: `can ${as} ${g.verb} ${g.resource}${where}? expected ${g.expect}, got ${got}`,
    decidedBy: decisionDecider(d),
  };
}

function checkApiCall(state: ClusterState, g: ApiCallGoal): GoalResult {
  const pod = findPod(state, g.from);
  if (!pod) return missingPod(g.from);
  const what = `${g.from} ${g.verb} ${g.resource}${g.namespace ? ` in namespace ${g.namespace}` : ''}`;
  const r = apiCall(state, pod, {
    verb: g.verb,
    resource: g.resource,
    apiGroup: g.apiGroup ?? '',
    namespace: g.namespace ?? '',
  });
  const decided = hopDecider(decidingHop(r.network.hops, r.network.ok));
  if (r.outcome === 'unreachable')
    return {
      pass: g.expect === 'unreachable',
      observed: `${what}: the API server is unreachable (${OUTCOME_WORDS[r.network.outcome]})`,
      detail: `${what}: expected ${g.expect}, the API server is unreachable (${OUTCOME_WORDS[r.network.outcome]})`,
      ...(decided ? { decidedBy: decided } : {}),
    };
  const got = r.outcome === 'ok' ? 'ok' : 'forbidden';
  return {
    pass: got === g.expect,
    observed: `${what} as ${r.identity.user.username}: ${r.outcome === 'ok' ? '200 OK' : '403 Forbidden'}`,
    detail: `${what} as ${r.identity.user.username}: expected ${g.expect}, got ${r.outcome === 'ok' ? '200 OK' : '403 Forbidden'} (the network path to the API server is open)`,
    decidedBy: { ...decisionDecider(r.decision!), hop: 'rbac' },
  };
}

/** The direction that settled a verdict, and the policy (and rule) in it that decided. */
export function verdictDecider(v: ConnectionVerdict): DecidedBy {
  const d = verdictDirection(v);
  if (!d) return { summary: v.reason };
  const by = directionDecider(d);
  return {
    summary: `${d.direction} ${d.allowed ? 'allowed' : 'denied'}: ${d.reason}`,
    ...objectOf(by?.policy),
    ...(by?.rule !== undefined ? { rule: by.rule } : {}),
  };
}

function checkProbe(state: ClusterState, g: ProbeGoal): GoalResult {
  const from = findPod(state, g.from);
  if (!from) return missingPod(g.from);
  const wrong: string[] = [];
  const seen: string[] = [];
  let decidedBy: DecidedBy | undefined;
  const cells: Array<[string, boolean]> = [
    ...(g.allowed ?? []).map((p): [string, boolean] => [p, true]),
    ...(g.denied ?? []).map((p): [string, boolean] => [p, false]),
  ];
  for (const [ref, want] of cells) {
    const to = findPod(state, ref);
    const ip = to && podIp(to);
    if (!to || !ip) {
      const why = `${g.from} → ${ref}: pod ${to ? 'has no IP' : 'does not exist'}`;
      wrong.push(why);
      seen.push(why);
      continue;
    }
    const v = evaluateConnection(state, {
      from,
      toIP: ip,
      toPod: to,
      port: g.port,
      protocol: g.protocol ?? 'TCP',
    });
    if (v.allowed !== want) {
      wrong.push(
        `${g.from} → ${ref}:${g.port} should be ${want ? 'allowed' : 'denied'} but is ${v.allowed ? 'allowed' : 'denied'}`,
      );
      seen.push(`${g.from} → ${ref}:${g.port} is ${v.allowed ? 'allowed' : 'denied'}`);
      decidedBy ??= verdictDecider(v);
    }
  }
  const n = cells.length;
  return wrong.length
    ? {
        pass: false,
        observed: seen.join('; '),
        detail: wrong.join('; '),
        ...(decidedBy ? { decidedBy } : {}),
      }
    : {
        pass: true,
        observed: `${g.from}'s row on port ${g.port}: ${n} cell${n === 1 ? '' : 's'} as expected`,
        detail: `all ${n} cell${n === 1 ? '' : 's'} of ${g.from}'s row on port ${g.port} are as expected`,
      };
}

function selected(state: ClusterState, sel: ObjectSelector): Stored<KubeObject>[] {
  // Lesson data: a kind the simulator does not serve has no objects.
  const info = kindInfo(sel.kind);
  if (!info) return [];
  return listObjects(state, info.kind, sel.namespace).filter(
    (o) => sel.name === undefined || o.metadata.name === sel.name,
  );
}

function describeSelector(sel: ObjectSelector): string {
  const kind = sel.kind;
  if (sel.name) return `${kind} ${sel.namespace ? `${sel.namespace}/` : ''}${sel.name}`;
  return `a ${kind}${sel.namespace ? ` in namespace ${sel.namespace}` : ''}`;
}

function objectRef(o: KubeObject): string {
  return `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

function checkObject(state: ClusterState, g: ObjectGoal): GoalResult {
  const fields = Object.entries(g.fields ?? {});
  const what = `${describeSelector(g.object)}${fields.length ? ` with ${fields.map(([k, v]) => `${k}=${show(v)}`).join(', ')}` : ''}`;
  const candidates = selected(state, g.object);
  const matching = candidates.filter((o) =>
    fields.every(([path, v]) => subsetMatches(getPath(o, path), v)),
  );
  if (g.kind === 'matches' || (g.expect ?? 'present') === 'present') {
    if (matching.length)
      return {
        pass: true,
        observed: `found ${objectRef(matching[0]!).replace(/\/\//, '/')}`,
        detail: `found ${what}`,
        decidedBy: { summary: 'matching object', object: objectRef(matching[0]!) },
      };
    if (!candidates.length)
      return {
        pass: false,
        observed: `no such ${g.object.kind} yet`,
        detail: `expected ${what}, but there is none`,
      };
    // Name the fields that differ on the closest candidate.
    const o = candidates[0]!;
    const differing = fields.filter(([path, v]) => !subsetMatches(getPath(o, path), v));
    const diffs = differing.map(
      ([path, v]) => `${path} is ${show(getPath(o, path))}, expected ${show(v)}`,
    );
    const ref = objectRef(o).replace(/\/\//, '/');
    const paths = differing.map(([path]) => path);
    return {
      pass: false,
      observed: `${ref} does not match yet (${paths.join(', ') || 'fields'} differ${paths.length === 1 ? 's' : ''})`,
      detail: `expected ${what}; ${ref}: ${diffs.join('; ')}`,
      decidedBy: {
        summary: paths.length ? `${paths[0]} differs` : 'fields differ',
        object: objectRef(o),
      },
    };
  }
  return matching.length
    ? {
        pass: false,
        observed: `found ${matching.map((o) => objectRef(o)).join(', ')}`,
        detail: `expected no ${what.replace(/^a /, '')}, but found ${matching.map((o) => objectRef(o)).join(', ')}`,
        decidedBy: { summary: 'this object should not exist', object: objectRef(matching[0]!) },
      }
    : {
        pass: true,
        observed: 'none found',
        detail: `no ${what.replace(/^a /, '')}, as expected`,
      };
}

function checkUnchanged(state: ClusterState, g: UnchangedGoal, ctx: CheckContext): GoalResult {
  const paths = g.fields ?? ['metadata.labels', 'spec'];
  const before = selected(ctx.start, g.object);
  const changed: string[] = [];
  let first: DecidedBy | undefined;
  for (const o of before) {
    const now = storedVersionOf(state, o);
    const ref = objectRef(o);
    if (!now) {
      changed.push(`${ref} was deleted`);
      first ??= { summary: `${ref} was deleted`, object: ref };
      continue;
    }
    for (const p of paths) {
      const a = getPath(o, p);
      const b = getPath(now, p);
      if (canonical(a) !== canonical(b)) {
        changed.push(`${ref}: ${p} changed from ${show(a)} to ${show(b)}`);
        first ??= { summary: `${p} changed`, object: ref };
      }
    }
  }
  return changed.length
    ? {
        pass: false,
        observed: changed.join('; '),
        detail: `must stay as it was: ${changed.join('; ')}`,
        ...(first ? { decidedBy: first } : {}),
      }
    : {
        pass: true,
        observed: `${describeSelector(g.object)}: unchanged`,
        detail: `${describeSelector(g.object)}: ${before.length} object${before.length === 1 ? '' : 's'} unchanged`,
      };
}

/** Checks one goal against the cluster. */
export function checkGoal(state: ClusterState, goal: Goal, ctx: CheckContext): GoalResult {
  switch (goal.kind) {
    case 'connect':
      return checkConnect(state, goal);
    case 'resolve':
      return checkResolve(state, goal);
    case 'canI':
      return checkCanI(state, goal);
    case 'apiCall':
      return checkApiCall(state, goal);
    case 'probe':
      return checkProbe(state, goal);
    case 'exists':
    case 'matches':
      return checkObject(state, goal);
    case 'unchanged':
      return checkUnchanged(state, goal, ctx);
  }
}
