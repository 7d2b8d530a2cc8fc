/**
 * Who a pod's requests to the API server are: the ServiceAccount it runs as (`serviceAccountName`,
 * the deprecated `serviceAccount`, else `default`) when its token is mounted — the pod's
 * `automountServiceAccountToken` wins over its ServiceAccount's, and a token is mounted when
 * neither says false — otherwise nobody: without a token the request is anonymous.
 */
import { refOf, type ObjectRef } from '../api/index.ts';
import {
  getObject,
  type ClusterState,
  type Pod,
  type ServiceAccount,
  type Stored,
} from '../cluster/index.ts';
import { ANONYMOUS_USER, serviceAccountUser, type UserInfo } from './identity.ts';

/** The name of the ServiceAccount a pod runs as. */
export function podServiceAccount(pod: Pod): string {
  return pod.spec?.serviceAccountName || pod.spec?.serviceAccount || 'default';
}

/** Whether the kubelet mounts a ServiceAccount token into the pod. */
export function serviceAccountTokenMounted(
  state: Pick<ClusterState, 'objects'>,
  pod: Stored<Pod>,
): boolean {
  const own = pod.spec?.automountServiceAccountToken;
  if (own !== undefined && own !== null) return own;
  const sa = getObject<ServiceAccount>(
    state as ClusterState,
    'ServiceAccount',
    pod.metadata.namespace,
    podServiceAccount(pod),
  );
  return sa?.automountServiceAccountToken !== false;
}

/** The identity a pod's API requests carry, and where it comes from. */
export interface PodIdentity {
  /** The ServiceAccount the pod runs as (whether or not it exists). */
  serviceAccount: ObjectRef;
  tokenMounted: boolean;
  /** The ServiceAccount's user when the token is mounted, else `system:anonymous`. */
  user: UserInfo;
}

export function podIdentity(state: Pick<ClusterState, 'objects'>, pod: Stored<Pod>): PodIdentity {
  const namespace = pod.metadata.namespace ?? 'default';
  const name = podServiceAccount(pod);
  const tokenMounted = serviceAccountTokenMounted(state, pod);
  return {
    serviceAccount: refOf('ServiceAccount', { metadata: { namespace, name } }),
    tokenMounted,
    user: tokenMounted ? serviceAccountUser(namespace, name) : ANONYMOUS_USER,
  };
}
