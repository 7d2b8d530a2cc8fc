/**
 * The namespace side of the control plane: every namespace gets a `default` ServiceAccount
 * (ServiceAccount controller) and the `kube-root-ca.crt` ConfigMap (root CA publisher).
 */
import type { Namespace } from '../types.ts';
import { type ReconcileContext, storeManaged } from './context.ts';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const fakeCa =
  '-----BEGIN CERTIFICATE-----\nMIIBnamespacelabsimulatedrootcertificate\n-----END CERTIFICATE-----\n';

export function reconcileNamespaces(ctx: ReconcileContext): void {
  for (const ns of ctx.draft.each<Namespace>('Namespace')) {
    if (ns.metadata.deletionTimestamp) continue;
    const name = ns.metadata.name;
    if (!ctx.draft.get('ServiceAccount', name, 'default')) {
      storeManaged(ctx, {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace: name },
      });
    }
    if (!ctx.draft.get('ConfigMap', name, ROOT_CA_CONFIGMAP)) {
      storeManaged(ctx, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: ROOT_CA_CONFIGMAP,
          namespace: name,
          annotations: {
            'kubernetes.io/description':
              'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
          },
        },
        data: { 'ca.crt': fakeCa },
      });
    }
  }
}
