/**
 * Defaulting as the API server applies it on create and update, for the fields the simulator
 * models: what `kubectl get -o yaml` shows beyond what the manifest said.
 */
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Deployment, KubeObject, NetworkPolicy, Pod, Service, Stored } from './types.ts';

function defaultPodSpec(spec: PodSpec | undefined): PodSpec {
  const s: PodSpec = { ...(spec ?? { containers: [] }) };
  const withPorts = (c: PodSpec['containers'][number]) => ({
    ...c,
    ...(c.ports ? { ports: c.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' })) } : {}),
    imagePullPolicy:
      c.imagePullPolicy ??
      (!c.image || c.image.endsWith(':latest') || !/:[^/]+$/.test(c.image)
        ? 'Always'
        : 'IfNotPresent'),
    resources: c.resources ?? {},
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
  });
  s.containers = (s.containers ?? []).map(withPorts);
  if (s.initContainers) s.initContainers = s.initContainers.map(withPorts);
  s.dnsPolicy ??= 'ClusterFirst';
  s.restartPolicy ??= 'Always';
  s.schedulerName ??= 'default-scheduler';
  s.securityContext ??= {};
  s.terminationGracePeriodSeconds ??= 30;
  return s;
}

/** Defaults for a pod template inside a workload. */
export function defaultPodTemplate(t: PodTemplateSpec | undefined): PodTemplateSpec {
  return { ...(t ?? {}), spec: defaultPodSpec(t?.spec) };
}

/**
 * SetDefaults_Pod: on the host network every container port's hostPort defaults to its
 * containerPort (only in Pods since v1.28, not in the pod templates of workloads).
 */
function defaultHostNetworkPorts(containers: PodSpec['containers'] | undefined) {
  return containers?.map((c) =>
    c.ports
      ? { ...c, ports: c.ports.map((p) => (p.hostPort ? p : { ...p, hostPort: p.containerPort })) }
      : c,
  );
}

/** Pod defaults: the spec defaults above plus the ServiceAccount and service links. */
export function defaultPod(pod: Stored<Pod>): Stored<Pod> {
  const spec = defaultPodSpec(pod.spec);
  if (spec.hostNetwork) {
    spec.containers = defaultHostNetworkPorts(spec.containers)!;
    if (spec.initContainers) spec.initContainers = defaultHostNetworkPorts(spec.initContainers);
  }
  const sa = spec.serviceAccountName ?? spec.serviceAccount ?? 'default';
  spec.serviceAccountName = sa;
  spec.serviceAccount = sa;
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  return { ...pod, spec };
}

/** Service defaults: type ClusterIP, TCP ports, targetPort = port, single-stack IPv4. */
export function defaultService(svc: Stored<Service>): Stored<Service> {
  const spec = { ...(svc.spec ?? {}) };
  spec.type ??= 'ClusterIP';
  if (spec.type !== 'ExternalName') {
    spec.ports = (spec.ports ?? []).map((p) => ({
      ...p,
      protocol: p.protocol ?? 'TCP',
      targetPort: p.targetPort ?? p.port,
    }));
    spec.sessionAffinity ??= 'None';
    spec.internalTrafficPolicy ??= 'Cluster';
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer')
      spec.externalTrafficPolicy ??= 'Cluster';
  } else {
    spec.sessionAffinity ??= 'None';
  }
  return { ...svc, spec };
}

/** Deployment defaults (apps/v1). */
export function defaultDeployment(d: Stored<Deployment>): Stored<Deployment> {
  const spec = { ...(d.spec ?? ({} as NonNullable<Deployment['spec']>)) };
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  // SetDefaults_Deployment: an absent or empty strategy is RollingUpdate 25%/25%.
  const strategy = { ...(spec.strategy ?? {}) };
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate = {
      maxSurge: '25%',
      maxUnavailable: '25%',
      ...(strategy.rollingUpdate ?? {}),
    };
  }
  spec.strategy = strategy;
  spec.template = defaultPodTemplate(spec.template);
  return { ...d, spec };
}

/** A workload's spec with its pod template defaulted, after the kind's own scalar defaults. */
function withPodTemplate<T extends KubeObject>(
  o: T,
  scalars: (spec: Record<string, unknown>) => void,
): T {
  const spec = { ...((o.spec as Record<string, unknown>) ?? {}) };
  scalars(spec);
  spec.template = defaultPodTemplate(spec.template as never);
  return { ...o, spec };
}

/** ReplicaSet and StatefulSet defaults (apps/v1): one replica. */
export function defaultReplicated<T extends KubeObject>(o: T): T {
  return withPodTemplate(o, (spec) => {
    spec.replicas ??= 1;
  });
}

/** DaemonSet defaults: only the pod template's (a DaemonSet has no replica count). */
export function defaultDaemonSet<T extends KubeObject>(o: T): T {
  return withPodTemplate(o, () => {});
}

/** Job defaults (batch/v1): one completion, parallelism 1, six retries. */
export function defaultJob<T extends KubeObject>(o: T): T {
  return withPodTemplate(o, (spec) => {
    // A Job has no replica count: a null `replicas` from a manifest is dropped.
    spec.replicas ??= undefined;
    spec.completions ??= 1;
    spec.parallelism ??= 1;
    spec.backoffLimit ??= 6;
  });
}

type PolicyPort = { protocol?: string; port?: number | string; endPort?: number };
type PolicyRule = { ports?: PolicyPort[] };

/**
 * NetworkPolicy defaults (networking/v1 SetDefaults_NetworkPolicy): ports default to TCP, and
 * without `policyTypes` a policy is of type Ingress, plus Egress when it has egress rules.
 */
export function defaultNetworkPolicy(np: Stored<NetworkPolicy>): Stored<NetworkPolicy> {
  const spec = { ...(np.spec ?? { podSelector: {} }) } as NonNullable<NetworkPolicy['spec']>;
  const withTcp = (rules: PolicyRule[] | undefined) =>
    rules?.map((r) =>
      r.ports ? { ...r, ports: r.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' })) } : r,
    );
  if (spec.ingress) spec.ingress = withTcp(spec.ingress as PolicyRule[]) as typeof spec.ingress;
  if (spec.egress) spec.egress = withTcp(spec.egress as PolicyRule[]) as typeof spec.egress;
  spec.policyTypes = policyTypesOf(spec);
  return { ...np, spec };
}

/**
 * The policy types a NetworkPolicy spec has: those it lists, else Ingress, plus Egress when it
 * has egress rules (SetDefaults_NetworkPolicy) — the one place this default is written.
 */
export function policyTypesOf(
  spec: Partial<NonNullable<NetworkPolicy['spec']>> | undefined,
): Array<'Ingress' | 'Egress'> {
  const given = (spec?.policyTypes ?? []).filter(
    (t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress',
  );
  if ((spec?.policyTypes ?? []).length > 0) return given;
  return (spec?.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}
