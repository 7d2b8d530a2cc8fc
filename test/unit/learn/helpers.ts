/** Small clusters for goal tests, built the way a lesson's starting cluster is. */
import { buildStartCluster, type Lesson } from '../../../src/learn/index.ts';
import type { ClusterState } from '../../../src/engine/cluster/index.ts';

export function lessonWith(manifests: string, setup: string[] = []): Lesson {
  return {
    id: 't',
    file: 'test.yaml',
    kind: 'lesson',
    status: 'ready',
    order: 1,
    title: 't',
    concept: 'c',
    prose: 'p',
    skills: [],
    covers: [],
    cluster: { manifests, setup, networkPolicy: 'enforcing' },
    tasks: [],
    takeaway: 't',
  };
}

export function cluster(manifests: string, setup: string[] = []): ClusterState {
  const r = buildStartCluster(lessonWith(manifests, setup));
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

/** shop/client (app=client), data/db-0 behind Service data/db:5432, guest/intruder with the client's labels. */
export const ACME = `
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Namespace
metadata: {name: data}
---
apiVersion: v1
kind: Namespace
metadata: {name: guest}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: reporter, namespace: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: shop, labels: {app: client}}
spec:
  containers: [{name: c, image: curl, env: [{name: DB_HOST, value: db.data}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: reporter, namespace: shop}
spec:
  serviceAccountName: reporter
  containers: [{name: c, image: kubectl}]
---
apiVersion: v1
kind: Pod
metadata: {name: intruder, namespace: guest, labels: {app: client}}
spec:
  containers: [{name: c, image: curl}]
---
apiVersion: v1
kind: Pod
metadata: {name: db-0, namespace: data, labels: {app: db}}
spec:
  containers: [{name: pg, image: postgres, ports: [{name: postgres, containerPort: 5432}]}]
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: data}
spec:
  selector: {app: db}
  ports: [{port: 5432, targetPort: postgres}]
`;

/** Ingress to data/db-0 only from namespace shop (by its automatic name label). */
export const ALLOW_SHOP = `kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-allow-shop, namespace: data}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
EOF`;
