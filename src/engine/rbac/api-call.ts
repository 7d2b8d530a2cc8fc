/**
 * An API call from inside a pod, as client-go's in-cluster configuration makes it: a TLS
 * connection to KUBERNETES_SERVICE_HOST:KUBERNETES_SERVICE_PORT (the `kubernetes` Service's
 * ClusterIP — no DNS lookup), subject to the pod's egress policy like any packet; then the
 * API server authenticates the mounted ServiceAccount token (anonymous without one) and RBAC
 * decides. Network access and permission are two separate gates, and the answer names which
 * one stopped the call, as typed hops.
 */
import { resolveResourceType, type ObjectRef } from '../api/index.ts';
import {
  KUBERNETES_SERVICE_IP,
  type ClusterState,
  type Pod,
  type Stored,
} from '../cluster/index.ts';
import { connect, type ConnectResult, type Hop } from '../routing/index.ts';
import { authorize, describeSource, type Decision } from './authorizer.ts';
import { forbiddenMessage } from './forbidden.ts';
import { podIdentity, type PodIdentity } from './pod-identity.ts';
import type { AuthzAttributes } from './rules.ts';

/** Where in-cluster clients send API requests (the `kubernetes` Service's ClusterIP and port). */
export const IN_CLUSTER_API_URL = `https://${KUBERNETES_SERVICE_IP}:443/`;

/** What the call asks of the API server. */
export interface ApiRequest {
  verb: string;
  /** Plural resource (`pods`). */
  resource: string;
  /** API group, '' for core. */
  apiGroup?: string;
  subresource?: string;
  name?: string;
  /** '' or absent: cluster-wide. */
  namespace?: string;
}

/** The API server authenticated the request's token (or took it as anonymous). */
export interface AuthnHop {
  kind: 'authn';
  ok: true;
  summary: string;
  identity: PodIdentity;
  /** The ServiceAccount whose token the request carries. */
  object: ObjectRef;
  detail?: string[];
}

/** The RBAC authorizer's decision. */
export interface RbacHop {
  kind: 'rbac';
  ok: boolean;
  summary: string;
  detail?: string[];
  decision: Decision;
  attributes: AuthzAttributes;
  /** The binding that granted the request, when one did. */
  object?: ObjectRef;
  /** Index of the rule in the bound role that matched. */
  rule?: number;
}

/** A hop of an API call: the network path to the API server, then authentication and RBAC. */
export type ApiCallHop = Hop | AuthnHop | RbacHop;

/** How the call ended, with kubectl's exit code and message. */
export interface ApiCallResult {
  outcome: 'ok' | 'forbidden' | 'unreachable';
  ok: boolean;
  exitCode: number;
  /** kubectl's message: a dial error, `Error from server (Forbidden): …`, or what was allowed. */
  message: string;
  network: ConnectResult;
  identity: PodIdentity;
  decision?: Decision;
  hops: ApiCallHop[];
}

/** The binding that granted a decision, as a reference. */
export function grantingBinding(d: Decision): ObjectRef | undefined {
  const g = d.grant;
  if (!g) return undefined;
  return g.bindingKind === 'RoleBinding'
    ? { kind: 'RoleBinding', namespace: g.namespace ?? '', name: g.binding }
    : { kind: 'ClusterRoleBinding', name: g.binding };
}

/** The decision in one line: the binding that allowed it, or why nothing did. */
export function decisionSummary(d: Decision): string {
  if (d.grant) return `allowed by ${describeSource(d.grant)}`;
  return d.reason || (d.allowed ? 'allowed' : 'no RBAC rule allows it');
}

/** The RBAC hop for a decision. */
export function rbacHop(d: Decision, attributes: AuthzAttributes): RbacHop {
  const object = grantingBinding(d);
  return {
    kind: 'rbac',
    ok: d.allowed,
    summary: decisionSummary(d),
    detail: [d.reason, ...d.errors],
    decision: d,
    attributes,
    ...(object ? { object } : {}),
    ...(d.grant ? { rule: d.grant.ruleIndex } : {}),
  };
}

function authnHop(identity: PodIdentity): AuthnHop {
  const u = identity.user;
  return {
    kind: 'authn',
    ok: true,
    summary: identity.tokenMounted
      ? `the ServiceAccount token authenticates the request as ${u.username} (groups ${u.groups.join(', ')})`
      : `no ServiceAccount token is mounted: the request is anonymous (${u.username})`,
    identity,
    object: identity.serviceAccount,
  };
}

/**
 * kubectl's error when the API server cannot be reached at `server` (a URL), or undefined
 * when the connection got through.
 */
export function dialError(result: ConnectResult, server: string): string | undefined {
  const hostPort = server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const target = /:\d+$/.test(hostPort) ? hostPort : `${hostPort}:443`;
  switch (result.outcome) {
    case 'ok':
      return undefined;
    case 'timeout':
    case 'dns-timeout':
      return `Unable to connect to the server: dial tcp ${target}: i/o timeout`;
    case 'refused':
      return `The connection to the server ${target} was refused - did you specify the right host or port?`;
    case 'nxdomain':
      return `Unable to connect to the server: dial tcp: lookup ${target.replace(/:\d+$/, '')}: no such host`;
  }
}

/**
 * The request for a resource as typed (`pods`, `deploy`, `deployments.apps`): a served kind
 * is resolved as kubectl resolves it; any other word is taken as `resource[.group]`, since
 * RBAC authorizes resource names whether or not they are served.
 */
export function apiRequestFor(verb: string, resourceArg: string, namespace?: string): ApiRequest {
  const info = resolveResourceType(resourceArg);
  const dot = resourceArg.indexOf('.');
  const resource = info?.resource ?? (dot < 0 ? resourceArg : resourceArg.slice(0, dot));
  const apiGroup = info?.group ?? (dot < 0 ? '' : resourceArg.slice(dot + 1));
  return { verb, resource, apiGroup, ...(namespace ? { namespace } : {}) };
}

/** `list pods in namespace data`, `get nodes cluster-wide`. */
export function describeApiRequest(r: ApiRequest): string {
  const what = r.apiGroup ? `${r.resource}.${r.apiGroup}` : r.resource;
  return `${r.verb} ${what}${r.name ? ` ${r.name}` : ''} ${r.namespace ? `in namespace ${r.namespace}` : 'cluster-wide'}`;
}

/** Makes the call from `pod` with its own identity, to the in-cluster API server address. */
export function apiCall(state: ClusterState, pod: Stored<Pod>, request: ApiRequest): ApiCallResult {
  const identity = podIdentity(state, pod);
  const network = connect(state, pod, IN_CLUSTER_API_URL);
  const unreachable = dialError(network, IN_CLUSTER_API_URL);
  if (unreachable)
    return {
      outcome: 'unreachable',
      ok: false,
      exitCode: 1,
      message: unreachable,
      network,
      identity,
      hops: network.hops,
    };
  const attributes: AuthzAttributes = {
    verb: request.verb,
    resourceRequest: true,
    apiGroup: request.apiGroup ?? '',
    resource: request.resource,
    subresource: request.subresource ?? '',
    name: request.name ?? '',
    namespace: request.namespace ?? '',
  };
  const decision = authorize(state, identity.user, attributes);
  const hops: ApiCallHop[] = [...network.hops, authnHop(identity), rbacHop(decision, attributes)];
  return decision.allowed
    ? {
        outcome: 'ok',
        ok: true,
        exitCode: 0,
        message: `200 OK: ${identity.user.username} may ${describeApiRequest(request)}`,
        network,
        identity,
        decision,
        hops,
      }
    : {
        outcome: 'forbidden',
        ok: false,
        exitCode: 1,
        message: `Error from server (Forbidden): ${forbiddenMessage(identity.user, attributes, decision.apiReason)}`,
        network,
        identity,
        decision,
        hops,
      };
}
