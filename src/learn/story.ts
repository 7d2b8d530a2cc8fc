/**
 * The engine's answer to "what happens to this request?" told as a story of steps for Visual
 * mode: each hop of the routing engine's path (and, for an API call, authentication and the
 * RBAC decision) becomes one step with a plain-language narration, the object that decided it
 * and the place on the track where the packet is. Nothing here decides anything: every verdict
 * comes from `connect`, the DNS resolver and the RBAC authorizer.
 */
import { getObject, type ClusterState, type Pod, type Stored } from '../engine/cluster/index.ts';
import type { QueryAttempt, ResolveResult } from '../engine/dns/index.ts';
import {
  canI,
  forbiddenMessage,
  impersonatedUser,
  queryAttributes,
  serviceAccountUsername,
  type AccessQuery,
} from '../engine/rbac/index.ts';
import { connect, type ConnectResult, type Hop } from '../engine/routing/index.ts';
import { API_URL, decisionDecider, podSA, tokenMounted } from './goals.ts';

/** Where on the track a step happens, in the order a request passes them. */
export type TrackStop =
  | 'source'
  | 'dns'
  | 'service'
  | 'endpoint'
  | 'egress'
  | 'ingress'
  | 'mesh'
  | 'port'
  | 'apiserver'
  | 'authn'
  | 'rbac';

/** Short names for the track's nodes. */
export const STOP_LABELS: Record<TrackStop, string> = {
  source: 'Source pod',
  dns: 'DNS',
  service: 'Service VIP',
  endpoint: 'Endpoint',
  egress: 'Egress policy',
  ingress: 'Ingress policy',
  mesh: 'Mesh proxy',
  port: 'Container port',
  apiserver: 'API server',
  authn: 'Identity',
  rbac: 'RBAC',
};

const REQUEST_TRACK: TrackStop[] = [
  'source',
  'dns',
  'service',
  'endpoint',
  'egress',
  'ingress',
  'mesh',
  'port',
];
const API_TRACK: TrackStop[] = [
  'source',
  'dns',
  'service',
  'endpoint',
  'egress',
  'apiserver',
  'authn',
  'rbac',
];

/**
 * How a step went: `ok`; `miss` — it failed but the request went on (a search-list name that
 * does not exist, an address that refused before the next one was tried); `fail` — the request
 * stopped here.
 */
export type StepStatus = 'ok' | 'miss' | 'fail';

/** One step of a story. */
export interface StoryStep {
  id: string;
  kind: Hop['kind'] | 'source' | 'authn' | 'rbac';
  title: string;
  /** One or two plain sentences for the learner. */
  narration: string;
  ok: boolean;
  status: StepStatus;
  /** `Kind/ns/name` of the object that decided the step (cluster-scoped: `Kind//name`). */
  object?: string;
  at: TrackStop;
  /** The engine's own lines (names tried, rules matched) for those who want more. */
  detail?: string[];
}

/** How the request ended, as the client program reports it. */
export interface StoryOutcome {
  ok: boolean;
  /** curl's exit code for a request; kubectl's (0 or 1) for an API call. */
  exitCode: number;
  /** The client's own message (`curl: (6) Could not resolve host: db`, a Forbidden error…). */
  message: string;
}

/** A request's path as steps, the track they run along, and the outcome. */
export interface Story {
  kind: 'request' | 'apiCall';
  /** `ns/pod` the request comes from. */
  from: string;
  /** The URL, or the API call in words (`list pods in namespace data`). */
  target: string;
  /** The stops drawn on the track, in order: those the steps visit, then those not reached. */
  track: TrackStop[];
  steps: StoryStep[];
  /** Index of the step where the request stopped; absent when it got through. */
  stoppedAt?: number;
  outcome: StoryOutcome;
}

/** What an API call asks the API server. */
export interface ApiCallSpec {
  verb: string;
  /** Plural resource, `pods` or `deployments.apps`-style group-qualified. */
  resource: string;
  /** '' or absent: cluster-wide. */
  namespace?: string;
}

type Draft = Omit<StoryStep, 'id' | 'status'>;

function findPod(state: ClusterState, ref: string): Stored<Pod> | undefined {
  const i = ref.indexOf('/');
  if (i < 0) return undefined;
  return getObject<Pod>(state, 'Pod', ref.slice(0, i), ref.slice(i + 1));
}

/** The text after the engine's " — " separator (the verdict's reason), or the whole summary. */
function reasonOf(summary: string): string {
  const i = summary.indexOf(' — ');
  return i < 0 ? summary : summary.slice(i + 3);
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function objectOf(h: { object?: string }): { object?: string } {
  return h.object ? { object: h.object } : {};
}

function missingPodStory(kind: Story['kind'], from: string, target: string): Story {
  const name = from.slice(from.indexOf('/') + 1);
  const message = `Error from server (NotFound): pods "${name}" not found`;
  return {
    kind,
    from,
    target,
    track: kind === 'request' ? REQUEST_TRACK.filter((s) => s !== 'mesh') : API_TRACK,
    steps: [
      {
        id: 'source',
        kind: 'source',
        title: 'No such pod',
        narration: `There is no pod ${from}, so nothing can send this request.`,
        ok: false,
        status: 'fail',
        object: `Pod/${from}`,
        at: 'source',
      },
    ],
    stoppedAt: 0,
    outcome: { ok: false, exitCode: 1, message },
  };
}

function dnsServerName(res: ResolveResult): string {
  return res.transport.answeredBy === 'upstream'
    ? `the node's resolver (${res.transport.server ?? 'upstream'})`
    : `CoreDNS (${res.transport.server ?? 'cluster DNS'})`;
}

function attemptStep(
  from: string,
  res: ResolveResult,
  a: QueryAttempt,
  last: boolean,
  first: boolean,
): Draft {
  const found = a.rcode === 'NOERROR' && a.answers.some((r) => r.type === 'A');
  const addresses = a.answers.filter((r) => r.type === 'A').map((r) => r.data);
  const lead =
    first && res.tried.length > 1
      ? `The search list turns ${res.query} into ${res.tried.length} names to try. `
      : '';
  let narration: string;
  if (found)
    narration = `${lead}${from} asks ${dnsServerName(res)} for ${a.name} — found: ${addresses.join(', ')}.`;
  else
    narration = `${lead}${from} asks ${dnsServerName(res)} for ${a.name} — ${a.rcode}: ${sentence(a.reason)}${
      last
        ? ' No names are left to try, so the name does not resolve.'
        : ' The resolver tries the next name.'
    }`;
  return {
    kind: 'dns',
    title: found ? `DNS: ${a.name}` : `DNS: ${a.name} (${a.rcode})`,
    narration,
    ok: found,
    at: 'dns',
    detail: [a.reason],
  };
}

/** The DNS part of a request: one step per name the resolver asked, or why no server answered. */
function dnsSteps(from: string, r: ConnectResult, hop: Hop): Draft[] {
  const res = r.dns;
  if (!res) {
    // An IP-less parse failure or an /etc/hosts answer: the hop says it all.
    return [
      {
        kind: 'dns',
        title: hop.ok ? 'hosts file' : 'Bad URL',
        narration: sentence(
          hop.ok ? `${hop.summary.replace(' from the pod', ` from ${from}`)}` : hop.summary,
        ),
        ok: hop.ok,
        at: hop.ok ? 'dns' : 'source',
      },
    ];
  }
  if (res.rcode === 'TIMEOUT' || res.rcode === 'REFUSED') {
    const bad = res.transport.hops.find((h) => !h.ok);
    const why = bad ? reasonOf(bad.summary.replace(/^\[DNS\] /, '')) : 'no nameserver answered';
    return [
      {
        kind: 'dns',
        title: res.rcode === 'TIMEOUT' ? 'DNS: no reply' : 'DNS: refused',
        narration: `${from} sends a DNS query for ${res.query} to ${res.resolvConf.nameservers.join(', ') || 'no nameserver'}, but ${
          res.rcode === 'TIMEOUT' ? 'no reply comes back' : 'no server accepts it'
        }: ${sentence(why)}`,
        ok: false,
        ...(bad ? objectOf(bad) : {}),
        at: 'dns',
        detail: hop.detail ?? [],
      },
    ];
  }
  return res.attempts.map((a, i) =>
    attemptStep(from, res, a, i === res.attempts.length - 1, i === 0),
  );
}

function hopStep(from: string, h: Hop): Draft {
  const detail = h.detail ? { detail: h.detail } : {};
  switch (h.kind) {
    case 'service': {
      const svc = h.object?.replace(/^Service\//, '') ?? 'the Service';
      const n = h.detail?.length ?? 0;
      return {
        kind: 'service',
        title: `Service ${svc}`,
        narration: h.ok
          ? `The address belongs to Service ${svc}; kube-proxy has ${n} ready endpoint${n === 1 ? '' : 's'} for it and picks one.`
          : sentence(h.summary.replace(': kube-proxy', ', so kube-proxy')),
        ok: h.ok,
        ...objectOf(h),
        at: 'service',
        ...detail,
      };
    }
    case 'endpoint': {
      const to = h.summary.includes('→ ') ? h.summary.slice(h.summary.indexOf('→ ') + 2) : '';
      return {
        kind: 'endpoint',
        title: 'Endpoint',
        narration: to
          ? `kube-proxy rewrites the destination to the endpoint ${to} (DNAT).`
          : sentence(h.summary),
        ok: h.ok,
        ...objectOf(h),
        at: 'endpoint',
        ...detail,
      };
    }
    case 'egress':
    case 'ingress': {
      const leaving = h.kind === 'egress';
      const dest = /^ingress to (\S+)/.exec(h.summary)?.[1] ?? 'the destination';
      const words = leaving ? `Leaving ${from}` : `Arriving at ${dest}`;
      return {
        kind: h.kind,
        title: `${leaving ? 'Egress' : 'Ingress'} ${h.ok ? 'allowed' : 'denied'}`,
        narration: `${words}: ${h.kind} ${h.ok ? 'allowed' : 'denied'} — ${sentence(reasonOf(h.summary))}${
          h.ok
            ? ''
            : ' The packet is dropped without an answer, so the client waits until it times out.'
        }`,
        ok: h.ok,
        ...objectOf(h),
        at: h.kind,
        ...detail,
      };
    }
    case 'listen':
      return {
        kind: 'listen',
        title: h.ok ? 'Port open' : 'Port closed',
        narration: sentence(h.summary),
        ok: h.ok,
        ...objectOf(h),
        at: 'port',
        ...detail,
      };
    default:
      return {
        kind: h.kind,
        title: h.kind === 'mesh' ? 'Mesh sidecar' : 'DNS',
        narration: sentence(h.summary),
        ok: h.ok,
        ...objectOf(h),
        at: h.kind === 'mesh' ? 'mesh' : 'dns',
        ...detail,
      };
  }
}

function pathSteps(from: string, pod: Stored<Pod>, r: ConnectResult, doing: string): Draft[] {
  const ip = pod.status?.podIP;
  const drafts: Draft[] = [
    {
      kind: 'source',
      title: from,
      narration: `${from}${ip ? ` (${ip})` : ''} ${doing}.`,
      ok: true,
      object: `Pod/${from}`,
      at: 'source',
    },
  ];
  for (const h of r.hops) {
    if (h.kind === 'dns') drafts.push(...dnsSteps(from, r, h));
    else drafts.push(hopStep(from, h));
  }
  return drafts;
}

/**
 * Numbers the steps and sets each one's status: the last failing step is where the request
 * stopped (when it did), every other failing step is a miss it went past.
 */
function finish(drafts: Draft[], failed: boolean): { steps: StoryStep[]; stoppedAt?: number } {
  let stop = -1;
  if (failed) for (let i = drafts.length - 1; i >= 0 && stop < 0; i--) if (!drafts[i]!.ok) stop = i;
  const seen = new Map<string, number>();
  const steps = drafts.map((d, i): StoryStep => {
    const n = (seen.get(d.kind) ?? 0) + 1;
    seen.set(d.kind, n);
    return {
      ...d,
      id: n === 1 ? d.kind : `${d.kind}-${n}`,
      status: d.ok ? 'ok' : i === stop ? 'fail' : 'miss',
    };
  });
  return stop >= 0 ? { steps, stoppedAt: stop } : { steps };
}

/** The stops the steps visit (first visit order), then the kind's later stops not reached. */
function trackFor(
  base: readonly TrackStop[],
  steps: readonly StoryStep[],
  stopped: boolean,
): TrackStop[] {
  const visited: TrackStop[] = [];
  for (const s of steps) if (!visited.includes(s.at)) visited.push(s.at);
  if (!stopped) return visited;
  const lastAt = base.indexOf(steps[steps.length - 1]!.at);
  const rest = base.filter((s, i) => i > lastAt && s !== 'mesh' && !visited.includes(s));
  return [...visited, ...rest];
}

/** curl 8's last line for how the request ended (no -m limit). */
function curlMessage(r: ConnectResult, url: string): string {
  const host = (r.host ?? url).replace(/\.$/, '');
  const port = r.port ?? 80;
  switch (r.outcome) {
    case 'ok':
      return `exit 0: ${r.answeredBy ? `${r.answeredBy} answered` : 'the server answered'}${r.responder ? ` from ${r.responder.ip}:${r.responder.port}` : ''}`;
    case 'nxdomain':
      return r.exitCode === 6
        ? `curl: (6) Could not resolve host: ${host}`
        : `curl: (${r.exitCode}) ${r.hops[0]?.summary.replace(/^.*?: /, '') ?? 'URL rejected'}`;
    case 'dns-timeout':
      return `curl: (6) Could not resolve host: ${host}`;
    case 'refused':
    case 'timeout':
      return `curl: (${r.exitCode}) Failed to connect to ${host} port ${port} after ${r.elapsedMs ?? 0} ms: Couldn't connect to server`;
  }
}

/** The story of `curl URL` run in pod `from` (`ns/pod`). */
export function requestStory(state: ClusterState, from: string, url: string): Story {
  const pod = findPod(state, from);
  if (!pod) return missingPodStory('request', from, url);
  const r = connect(state, pod, url);
  const { steps, stoppedAt } = finish(pathSteps(from, pod, r, `runs curl ${url}`), !r.ok);
  return {
    kind: 'request',
    from,
    target: url,
    track: trackFor(REQUEST_TRACK, steps, stoppedAt !== undefined),
    steps,
    ...(stoppedAt !== undefined ? { stoppedAt } : {}),
    outcome: { ok: r.ok, exitCode: r.exitCode, message: curlMessage(r, url) },
  };
}

/** `list pods in namespace data`, `get nodes cluster-wide`. */
export function describeApiCall(call: ApiCallSpec): string {
  return `${call.verb} ${call.resource} ${call.namespace ? `in namespace ${call.namespace}` : 'cluster-wide'}`;
}

function kubectlUnreachable(r: ConnectResult): string {
  const target = `${r.address ?? r.host ?? 'kubernetes.default.svc'}:${r.port ?? 443}`;
  if (r.outcome === 'refused')
    return `The connection to the server ${target} was refused - did you specify the right host or port?`;
  if (r.outcome === 'nxdomain')
    return `Unable to connect to the server: dial tcp: lookup ${r.host ?? 'kubernetes.default.svc'}: no such host`;
  return `Unable to connect to the server: dial tcp ${target}: i/o timeout`;
}

/**
 * The story of an API call made from pod `from` with its mounted ServiceAccount token: the
 * network path to the API server (`kubernetes.default.svc`), who the token says the caller is,
 * and the RBAC decision — network access and permission are two separate gates.
 */
export function apiCallStory(state: ClusterState, from: string, call: ApiCallSpec): Story {
  const target = describeApiCall(call);
  const pod = findPod(state, from);
  if (!pod) return missingPodStory('apiCall', from, target);
  const r = connect(state, pod, API_URL);
  const drafts = pathSteps(from, pod, r, `calls the API server (${API_URL}) to ${target}`);
  if (!r.ok) {
    const { steps, stoppedAt } = finish(drafts, true);
    return {
      kind: 'apiCall',
      from,
      target,
      track: trackFor(API_TRACK, steps, true),
      steps,
      ...(stoppedAt !== undefined ? { stoppedAt } : {}),
      outcome: { ok: false, exitCode: 1, message: kubectlUnreachable(r) },
    };
  }
  // The node's listening hop is the API server answering.
  const listen = drafts[drafts.length - 1]!;
  if (listen.kind === 'listen') {
    listen.at = 'apiserver';
    listen.title = 'API server';
    listen.narration = `The API server answers on ${r.responder?.ip ?? ''}:${r.responder?.port ?? ''} and reads the request.`;
  }
  const ns = pod.metadata.namespace ?? 'default';
  const sa = podSA(pod);
  const mounted = tokenMounted(state, pod);
  const as = mounted ? serviceAccountUsername(ns, sa) : 'system:anonymous';
  const user = impersonatedUser(as, []);
  drafts.push({
    kind: 'authn',
    title: mounted ? `Authenticated: ${sa}` : 'Anonymous',
    narration: mounted
      ? `The request carries ${from}'s ServiceAccount token, so the API server knows the caller as ${as} (groups ${user.groups.join(', ')}).`
      : `${from} has no ServiceAccount token mounted, so the request is anonymous: ${as}.`,
    ok: true,
    object: `ServiceAccount/${ns}/${sa}`,
    at: 'authn',
  });
  const q: AccessQuery = {
    as,
    verb: call.verb,
    resource: call.resource.split('.')[0]!,
    apiGroup: call.resource.includes('.')
      ? call.resource.slice(call.resource.indexOf('.') + 1)
      : '',
    namespace: call.namespace ?? '',
  };
  const d = canI(state, q);
  const decided = decisionDecider(d);
  const scope = call.namespace ? `in namespace ${call.namespace}` : 'cluster-wide';
  drafts.push({
    kind: 'rbac',
    title: d.allowed ? 'RBAC: allowed' : 'RBAC: 403 Forbidden',
    narration: d.allowed
      ? `RBAC ${sentence(decided.summary)} The API server answers 200 OK.`
      : `No RoleBinding or ClusterRoleBinding grants ${as} ${call.verb} ${call.resource} ${scope}, so the API server answers 403 Forbidden — the network let the request through, RBAC said no.`,
    ok: d.allowed,
    ...(decided.object ? { object: decided.object } : {}),
    at: 'rbac',
    detail: [d.reason, ...d.errors],
  });
  const { steps, stoppedAt } = finish(drafts, !d.allowed);
  return {
    kind: 'apiCall',
    from,
    target,
    track: trackFor(API_TRACK, steps, !d.allowed),
    steps,
    ...(stoppedAt !== undefined ? { stoppedAt } : {}),
    outcome: d.allowed
      ? { ok: true, exitCode: 0, message: `200 OK: ${as} may ${target}` }
      : {
          ok: false,
          exitCode: 1,
          message: `Error from server (Forbidden): ${forbiddenMessage(user, queryAttributes(q), d.apiReason)}`,
        },
  };
}
