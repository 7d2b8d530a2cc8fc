/**
 * The strategic merge patch metadata of the kinds the simulator serves: which lists merge
 * and by which key, taken from the `patchStrategy` / `patchMergeKey` struct tags of
 * k8s.io/api (core/v1, apps/v1, batch/v1) and ObjectMeta in apimachinery. A list not named
 * here has no strategy and is replaced whole — NetworkPolicy ingress/egress and their
 * peers and ports, RBAC rules and subjects, tolerations, a Service's externalIPs, env
 * sources, container args and commands.
 */

/** How one field merges: lists by key (`mergeKey` absent = a set of scalars), maps by key. */
export interface FieldMeta {
  /** `merge` lists combine with the original; others are replaced by the patch. */
  strategy?: 'merge';
  mergeKey?: string;
  /** The struct (map field) or list element type, for fields nested below. */
  schema?: Schema;
}

export type Schema = Readonly<Record<string, FieldMeta>>;

const mergeBy = (mergeKey: string, schema?: Schema): FieldMeta => ({
  strategy: 'merge',
  mergeKey,
  ...(schema ? { schema } : {}),
});

const CONDITIONS = mergeBy('type');

const OBJECT_META: Schema = {
  finalizers: { strategy: 'merge' },
  ownerReferences: mergeBy('uid'),
};

const CONTAINER: Schema = {
  ports: mergeBy('containerPort'),
  env: mergeBy('name'),
  volumeMounts: mergeBy('mountPath'),
  volumeDevices: mergeBy('devicePath'),
};

const POD_SPEC: Schema = {
  volumes: mergeBy('name'),
  initContainers: mergeBy('name', CONTAINER),
  containers: mergeBy('name', CONTAINER),
  ephemeralContainers: mergeBy('name', CONTAINER),
  imagePullSecrets: mergeBy('name'),
  hostAliases: mergeBy('ip'),
  topologySpreadConstraints: mergeBy('topologyKey'),
  schedulingGates: mergeBy('name'),
  resourceClaims: mergeBy('name'),
};

const POD_TEMPLATE: Schema = { metadata: { schema: OBJECT_META }, spec: { schema: POD_SPEC } };

const WORKLOAD: Schema = {
  metadata: { schema: OBJECT_META },
  spec: { schema: { template: { schema: POD_TEMPLATE } } },
  status: { schema: { conditions: CONDITIONS } },
};

const KIND_SCHEMAS: Readonly<Record<string, Schema>> = {
  Pod: {
    metadata: { schema: OBJECT_META },
    spec: { schema: POD_SPEC },
    status: {
      schema: { conditions: CONDITIONS, hostIPs: mergeBy('ip'), podIPs: mergeBy('ip') },
    },
  },
  Service: {
    metadata: { schema: OBJECT_META },
    spec: { schema: { ports: mergeBy('port') } },
    status: { schema: { conditions: CONDITIONS } },
  },
  ServiceAccount: { metadata: { schema: OBJECT_META }, secrets: mergeBy('name') },
  Node: {
    metadata: { schema: OBJECT_META },
    spec: { schema: { podCIDRs: { strategy: 'merge' } } },
    status: { schema: { conditions: CONDITIONS, addresses: mergeBy('type') } },
  },
  Namespace: {
    metadata: { schema: OBJECT_META },
    status: { schema: { conditions: CONDITIONS } },
  },
  Deployment: WORKLOAD,
  ReplicaSet: WORKLOAD,
  StatefulSet: WORKLOAD,
  DaemonSet: WORKLOAD,
  Job: WORKLOAD,
};

const DEFAULT: Schema = { metadata: { schema: OBJECT_META } };

/** The patch metadata of a kind's top-level fields. */
export function schemaFor(kind: string): Schema {
  return KIND_SCHEMAS[kind] ?? DEFAULT;
}
