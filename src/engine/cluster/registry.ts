/**
 * The registry of kinds, API-server half: per kind, its strategy as the API server's
 * registry (pkg/registry/<group>/<resource>/strategy.go) holds it — field validation on
 * create and update, the fields an update may not change, whether `metadata.generation`
 * counts spec changes, and defaulting plus what the cluster assigns on write. The table's type
 * wants an entry for every KindName, so a new kind in api/kinds.ts fails to compile until it
 * has one here (an empty entry means ObjectMeta checks only and no defaults).
 */
import { kindInfo, type FieldError, type KindName } from '../api/index.ts';
import { admitNamespace, admitPod, admitService, type AssignContext } from './assignment.ts';
import {
  defaultDaemonSet,
  defaultDeployment,
  defaultJob,
  defaultNetworkPolicy,
  defaultReplicated,
} from './defaulting.ts';
import type { KindObject, KubeObject, Stored } from './types.ts';
import {
  validateDataKeys,
  validatePod,
  validateService,
  validateWorkload,
} from './validation/core.ts';
import {
  validatePodUpdate,
  validateRoleRefUpdate,
  validateSelectorUpdate,
  validateServiceUpdate,
} from './validation/immutable.ts';
import { validateNetworkPolicy } from './validation/networkpolicy.ts';
import { validateRbacObject } from './validation/rbac.ts';

/**
 * What the API server does per kind, typed by the kind's object. Hooks are methods so a
 * strategy of one kind can stand for any: strategyFor() picks it by the object's own kind.
 */
export interface KindStrategy<T extends KubeObject = KubeObject> {
  /** Field errors of the kind's own fields on create and update (ObjectMeta is checked for every kind). */
  validate?(obj: T): FieldError[];
  /** Field errors for changes an update may not make. */
  validateUpdate?(existing: T, next: T): FieldError[];
  /** True when `metadata.generation` counts changes of the spec. */
  generation?: boolean;
  /** Defaults and what the cluster assigns (addresses, status) to an object about to be stored. */
  admit?(obj: T, existing: T | undefined, ctx: AssignContext): T;
}

type Strategies = { [K in KindName]: KindStrategy<Stored<KindObject<K>>> };

const STRATEGIES: Strategies = {
  Namespace: { admit: admitNamespace },
  Pod: { validate: validatePod, validateUpdate: validatePodUpdate, admit: admitPod },
  Service: {
    validate: validateService,
    validateUpdate: validateServiceUpdate,
    admit: admitService,
  },
  Endpoints: {},
  EndpointSlice: {},
  ServiceAccount: {},
  ConfigMap: { validate: validateDataKeys },
  Secret: { validate: validateDataKeys },
  Node: {},
  NetworkPolicy: { validate: validateNetworkPolicy, generation: true, admit: defaultNetworkPolicy },
  Role: { validate: validateRbacObject },
  ClusterRole: { validate: validateRbacObject },
  RoleBinding: { validate: validateRbacObject, validateUpdate: validateRoleRefUpdate },
  ClusterRoleBinding: { validate: validateRbacObject, validateUpdate: validateRoleRefUpdate },
  Deployment: {
    validate: validateWorkload,
    validateUpdate: validateSelectorUpdate,
    generation: true,
    admit: defaultDeployment,
  },
  ReplicaSet: {
    validate: validateWorkload,
    validateUpdate: validateSelectorUpdate,
    generation: true,
    admit: defaultReplicated,
  },
  StatefulSet: {
    validate: validateWorkload,
    validateUpdate: validateSelectorUpdate,
    generation: true,
    admit: defaultReplicated,
  },
  DaemonSet: {
    validate: validateWorkload,
    validateUpdate: validateSelectorUpdate,
    generation: true,
    admit: defaultDaemonSet,
  },
  Job: { validate: validateWorkload, generation: true, admit: defaultJob },
};

/** The strategy of an object's kind; undefined for a kind the simulator does not serve. */
export function strategyFor(kind: string): KindStrategy | undefined {
  const info = kindInfo(kind);
  return info && STRATEGIES[info.kind];
}
