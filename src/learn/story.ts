/**
 * The engine's answer to "what happens to this request?" told as a story of steps for Visual
 * mode: each hop of the routing engine's path (and, for an API call, authentication and the
 * RBAC decision) becomes one step with a plain-language narration, the object that decided it
 * and the place on the track where the packet is. Nothing here decides anything: every verdict
 * comes from `connect`, the DNS resolver and the RBAC authorizer.
 */
import {
  apiCall,
  backendText,
  connect,
  describeApiRequest,
  getObject,
  IN_CLUSTER_API_URL,
  objectId,
  objectKeyOf,
  pathDecision,
  type ApiCallHop,
  type ApiRequest,
  type ClusterState,
  type ConnectResult,
  type Hop,
  type LookupHop,
  type ObjectRef,
  type PathDecision,
  type Pod,
  type QueryAttempt,
  type ResolveResult,
  type Stored,
} from '../engine/index.ts';

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
  kind: ApiCallHop['kind'] | 'source';
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
  /** Index of the step of the engine's deciding hop (where it stopped, or what let it in). */
  decidedAt?: number;
  outcome: StoryOutcome;
}

/** What an API call asks the API server. */
export type ApiCallSpec = ApiRequest;

/** A step being written, with the engine hop it tells (the deciding hop is found by it). */
type Draft = Omit<StoryStep, 'id' | 'status'> & { hop?: ApiCallHop };

function findPod(state: ClusterState, ref: string): Stored<Pod> | undefined {
  const i = ref.indexOf('/');
  if (i < 0) return undefined;
  return getObject<Pod>(state, 'Pod', ref.slice(0, i), ref.slice(i + 1));
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function objectOf(ref: ObjectRef | undefined): { object?: string } {
  return ref ? { object: objectId(ref) } : {};
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
    decidedAt: 0,
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

/** Why a DNS query got no answer: the engine's deciding hop of its traffic. */
function queryFailure(hop: Hop): string {
  if (hop.kind === 'egress' || hop.kind === 'ingress') return sentence(hop.verdict.reason);
  return sentence(hop.summary);
}

/** The DNS part of a request: one step per name the resolver asked, or why no server answered. */
function lookupSteps(from: string, hop: LookupHop, decision: PathDecision | undefined): Draft[] {
  const res = hop.resolution;
  if (res.rcode === 'TIMEOUT' || res.rcode === 'REFUSED') {
    const bad = decision?.stage === hop ? decision.hop : undefined;
    return [
      {
        kind: 'dns',
        title: res.rcode === 'TIMEOUT' ? 'DNS: no reply' : 'DNS: refused',
        narration: `${from} sends a DNS query for ${res.query} to ${res.resolvConf.nameservers.join(', ') || 'no nameserver'}, but ${
          res.rcode === 'TIMEOUT' ? 'no reply comes back' : 'no server accepts it'
        }: ${bad && bad !== hop ? queryFailure(bad) : 'no nameserver answered.'}`,
        ok: false,
        ...(bad ? objectOf(bad.object) : {}),
        at: 'dns',
        detail: hop.detail ?? [],
        hop,
      },
    ];
  }
  return res.attempts.map((a, i) => ({
    ...attemptStep(from, res, a, i === res.attempts.length - 1, i === 0),
    hop,
  }));
}

/** The destination of a policy hop as people read it. */
function destination(h: Extract<Hop, { kind: 'egress' | 'ingress' }>): string {
  return h.to.pod ? objectKeyOf(h.to.pod) : h.to.ip;
}

function hopStep(from: string, h: Hop): Draft {
  const base = {
    ok: h.ok,
    hop: h,
    ...objectOf(h.object),
    ...(h.detail ? { detail: h.detail } : {}),
  };
  switch (h.kind) {
    case 'url':
      return {
        ...base,
        kind: 'url',
        title: 'Bad URL',
        narration: sentence(`${h.url}: ${h.message}`),
        at: 'source',
      };
    case 'dns':
      // A lookup is told by lookupSteps; an /etc/hosts answer is one step.
      return {
        ...base,
        kind: 'dns',
        title: 'hosts file',
        narration: sentence(
          h.step === 'hosts'
            ? `${h.host} → ${h.addresses.join(', ')} from ${from}'s /etc/hosts`
            : h.summary,
        ),
        at: 'dns',
      };
    case 'service': {
      const svc = objectKeyOf(h.object);
      const port = `${h.address.port}/${h.address.protocol}`;
      const n = h.backends.length;
      return {
        ...base,
        kind: 'service',
        title: `Service ${svc}`,
        narration:
          h.result === 'chosen'
            ? `The address belongs to Service ${svc}; kube-proxy has ${n} ready endpoint${n === 1 ? '' : 's'} for it and picks one.`
            : h.result === 'no-endpoints'
              ? `Service ${svc} port ${port} has no ready endpoints, so kube-proxy rejects the connection.`
              : `Service ${svc} has no port ${port}, so kube-proxy has no rule for it and the packet is lost.`,
        at: 'service',
      };
    }
    case 'endpoint':
      return {
        ...base,
        kind: 'endpoint',
        title: 'Endpoint',
        narration: `kube-proxy rewrites the destination to the endpoint ${backendText(h.to)} (DNAT).`,
        at: 'endpoint',
      };
    case 'egress':
    case 'ingress': {
      const leaving = h.kind === 'egress';
      const words = leaving ? `Leaving ${from}` : `Arriving at ${destination(h)}`;
      return {
        ...base,
        kind: h.kind,
        title: `${leaving ? 'Egress' : 'Ingress'} ${h.ok ? 'allowed' : 'denied'}`,
        narration: `${words}: ${h.kind} ${h.ok ? 'allowed' : 'denied'} — ${sentence(h.verdict.reason)}${
          h.ok
            ? ''
            : ' The packet is dropped without an answer, so the client waits until it times out.'
        }`,
        at: h.kind,
      };
    }
    case 'listen':
      return {
        ...base,
        kind: 'listen',
        title: h.ok ? 'Port open' : 'Port closed',
        narration: sentence(h.summary),
        at: 'port',
      };
    case 'mesh':
      return {
        ...base,
        kind: 'mesh',
        title: 'Mesh sidecar',
        narration: sentence(h.summary),
        at: 'mesh',
      };
  }
}

function pathSteps(
  from: string,
  pod: Stored<Pod>,
  hops: readonly Hop[],
  decision: PathDecision | undefined,
  doing: string,
): Draft[] {
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
  for (const h of hops) {
    if (h.kind === 'dns' && h.step === 'lookup') drafts.push(...lookupSteps(from, h, decision));
    else drafts.push(hopStep(from, h));
  }
  return drafts;
}

/**
 * Numbers the steps and sets each one's status. The engine's deciding hop names the step that
 * decided (for a lookup, its last name tried); when the request failed that is where it
 * stopped, and every other failing step is a miss it went past.
 */
function finish(
  drafts: Draft[],
  decided: ApiCallHop | undefined,
  failed: boolean,
): { steps: StoryStep[]; stoppedAt?: number; decidedAt?: number } {
  let at = -1;
  for (let i = drafts.length - 1; i >= 0 && at < 0; i--)
    if (decided && drafts[i]!.hop === decided) at = i;
  const stop = failed ? at : -1;
  const seen = new Map<string, number>();
  const steps = drafts.map(({ hop: _hop, ...d }, i): StoryStep => {
    const n = (seen.get(d.kind) ?? 0) + 1;
    seen.set(d.kind, n);
    return {
      ...d,
      id: n === 1 ? d.kind : `${d.kind}-${n}`,
      status: d.ok ? 'ok' : i === stop ? 'fail' : 'miss',
    };
  });
  return {
    steps,
    ...(stop >= 0 ? { stoppedAt: stop } : {}),
    ...(at >= 0 ? { decidedAt: at } : {}),
  };
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
  const bad = r.hops[0];
  switch (r.outcome) {
    case 'ok':
      return `exit 0: ${r.answeredBy ? `${r.answeredBy} answered` : 'the server answered'}${r.responder ? ` from ${r.responder.ip}:${r.responder.port}` : ''}`;
    case 'nxdomain':
      return bad?.kind === 'url'
        ? `curl: (${bad.exitCode}) ${bad.message}`
        : `curl: (6) Could not resolve host: ${host}`;
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
  const decision = pathDecision(r.hops, r.ok);
  const drafts = pathSteps(from, pod, r.hops, decision, `runs curl ${url}`);
  const { steps, stoppedAt, decidedAt } = finish(drafts, decision?.stage, !r.ok);
  return {
    kind: 'request',
    from,
    target: url,
    track: trackFor(REQUEST_TRACK, steps, stoppedAt !== undefined),
    steps,
    ...(stoppedAt !== undefined ? { stoppedAt } : {}),
    ...(decidedAt !== undefined ? { decidedAt } : {}),
    outcome: { ok: r.ok, exitCode: r.exitCode, message: curlMessage(r, url) },
  };
}

/** `list pods in namespace data`, `get nodes cluster-wide`. */
export function describeApiCall(call: ApiCallSpec): string {
  return describeApiRequest(call);
}

/**
 * The story of an API call made from pod `from` with its mounted ServiceAccount token: the
 * network path to the API server (the `kubernetes` Service's address, as in-cluster clients
 * dial it), who the token says the caller is, and the RBAC decision — network access and
 * permission are two separate gates.
 */
export function apiCallStory(state: ClusterState, from: string, call: ApiCallSpec): Story {
  const target = describeApiRequest(call);
  const pod = findPod(state, from);
  if (!pod) return missingPodStory('apiCall', from, target);
  const r = apiCall(state, pod, call);
  const net = pathDecision(r.network.hops, r.network.ok);
  const drafts = pathSteps(
    from,
    pod,
    r.network.hops,
    net,
    `calls the API server (${IN_CLUSTER_API_URL}) to ${target}`,
  );
  if (r.outcome === 'unreachable') {
    const { steps, stoppedAt, decidedAt } = finish(drafts, net?.stage, true);
    return {
      kind: 'apiCall',
      from,
      target,
      track: trackFor(API_TRACK, steps, true),
      steps,
      ...(stoppedAt !== undefined ? { stoppedAt } : {}),
      ...(decidedAt !== undefined ? { decidedAt } : {}),
      outcome: { ok: false, exitCode: 1, message: r.message },
    };
  }
  // The node's listening hop is the API server answering.
  const listen = drafts[drafts.length - 1]!;
  if (listen.kind === 'listen') {
    listen.at = 'apiserver';
    listen.title = 'API server';
    listen.narration = `The API server answers on ${r.network.responder?.ip ?? ''}:${r.network.responder?.port ?? ''} and reads the request.`;
  }
  const id = r.identity;
  const user = id.user;
  const authn = r.hops.find((h) => h.kind === 'authn');
  const rbac = r.hops.find((h) => h.kind === 'rbac');
  const sa = objectKeyOf(id.serviceAccount);
  drafts.push({
    kind: 'authn',
    title: id.tokenMounted ? `Authenticated: ${id.serviceAccount.name}` : 'Anonymous',
    narration: id.tokenMounted
      ? `The request carries ${from}'s ServiceAccount token, so the API server knows the caller as ${user.username} (groups ${user.groups.join(', ')}).`
      : `${from} has no ServiceAccount token mounted (ServiceAccount ${sa}), so the request is anonymous: ${user.username}.`,
    ok: true,
    object: objectId(id.serviceAccount),
    at: 'authn',
    ...(authn ? { hop: authn } : {}),
  });
  const scope = call.namespace ? `in namespace ${call.namespace}` : 'cluster-wide';
  drafts.push({
    kind: 'rbac',
    title: r.ok ? 'RBAC: allowed' : 'RBAC: 403 Forbidden',
    narration: r.ok
      ? `RBAC ${sentence(rbac?.summary ?? 'allowed')} The API server answers 200 OK.`
      : `No RoleBinding or ClusterRoleBinding grants ${user.username} ${call.verb} ${call.resource} ${scope}, so the API server answers 403 Forbidden — the network let the request through, RBAC said no.`,
    ok: r.ok,
    ...objectOf(rbac?.object),
    at: 'rbac',
    detail: rbac?.detail ?? [],
    ...(rbac ? { hop: rbac } : {}),
  });
  const { steps, stoppedAt, decidedAt } = finish(drafts, rbac, !r.ok);
  return {
    kind: 'apiCall',
    from,
    target,
    track: trackFor(API_TRACK, steps, !r.ok),
    steps,
    ...(stoppedAt !== undefined ? { stoppedAt } : {}),
    ...(decidedAt !== undefined ? { decidedAt } : {}),
    outcome: { ok: r.ok, exitCode: r.exitCode, message: r.message },
  };
}
