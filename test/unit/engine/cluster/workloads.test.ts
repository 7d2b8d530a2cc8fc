import { describe, expect, it } from 'vitest';
import type { Pod, StatefulSet } from '../../../../src/engine/cluster/index.ts';
import { Driver } from './driver.ts';

const deployment = (replicas: number, image = 'nginx:1.27') => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: default }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "${image}", ports: [{ containerPort: 80, name: http }] }]
`;

describe('workload controllers', () => {
  it('expands a Deployment into a ReplicaSet <name>-<pod-template-hash> and its pods <rs>-<suffix>', () => {
    const d = new Driver().apply(deployment(3));
    const rs = d.list('ReplicaSet', 'default');
    expect(rs).toHaveLength(1);
    const hash = rs[0]!.metadata.labels?.['pod-template-hash'];
    expect(rs[0]!.metadata.name).toBe(`web-${hash}`);
    const pods = d.list<Pod>('Pod', 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(p.metadata.ownerReferences?.[0]?.kind).toBe('ReplicaSet');
    }
  });

  it('names pods the same way every time (deterministic)', () => {
    const names = () =>
      new Driver()
        .apply(deployment(2))
        .list('Pod', 'default')
        .map((p) => p.metadata.name);
    expect(names()).toEqual(names());
  });

  it('scales up and down, keeping the existing pods and their addresses', () => {
    const d = new Driver().apply(deployment(2));
    const before = d
      .list<Pod>('Pod', 'default')
      .map((p) => `${p.metadata.name}=${p.status?.podIP}`);
    d.apply(deployment(3));
    const after = d.list<Pod>('Pod', 'default').map((p) => `${p.metadata.name}=${p.status?.podIP}`);
    expect(after).toHaveLength(3);
    for (const p of before) expect(after).toContain(p);
    d.apply(deployment(1));
    expect(d.list('Pod', 'default')).toHaveLength(1);
  });

  it('rolls a new ReplicaSet when the template changes and scales the old one to zero', () => {
    const d = new Driver().apply(deployment(2)).apply(deployment(2, 'nginx:1.28'));
    const rs = d.list<{ spec?: { replicas?: number } }>('ReplicaSet', 'default');
    expect(rs.map((r) => r.spec?.replicas).sort()).toEqual([0, 2]);
    const pods = d.list<Pod>('Pod', 'default');
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.spec?.containers[0]?.image).toBe('nginx:1.28');
  });

  it('deletes owned ReplicaSets and pods with their Deployment (garbage collection)', () => {
    const d = new Driver().apply(deployment(2));
    const r = d.run('kubectl delete deployment web');
    expect(r.stdout).toBe('deployment.apps "web" deleted\n');
    expect(d.list('ReplicaSet', 'default')).toHaveLength(0);
    expect(d.list('Pod', 'default')).toHaveLength(0);
  });

  it('gives StatefulSet pods ordinal names, hostname and subdomain from serviceName', () => {
    const d = new Driver().apply(`
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: default }
spec:
  serviceName: db-headless
  replicas: 2
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: pg, image: postgres:16 }] }
`);
    expect(d.get<StatefulSet>('StatefulSet', 'default', 'db')).toBeDefined();
    const pods = d.list<Pod>('Pod', 'default');
    expect(pods.map((p) => p.metadata.name)).toEqual(['db-0', 'db-1']);
    expect(pods.map((p) => [p.spec?.hostname, p.spec?.subdomain])).toEqual([
      ['db-0', 'db-headless'],
      ['db-1', 'db-headless'],
    ]);
    expect(pods[1]!.metadata.labels?.['statefulset.kubernetes.io/pod-name']).toBe('db-1');
  });

  it('runs one DaemonSet pod on the single node and one pod per Job', () => {
    const d = new Driver().apply(`
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: default }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [{ name: a, image: busybox }] }
---
apiVersion: batch/v1
kind: Job
metadata: { name: once, namespace: default }
spec:
  template:
    spec: { restartPolicy: Never, containers: [{ name: j, image: busybox }] }
`);
    const pods = d.list<Pod>('Pod', 'default').map((p) => p.metadata.name);
    expect(pods.filter((n) => n.startsWith('agent-'))).toHaveLength(1);
    expect(pods.filter((n) => n.startsWith('once-'))).toHaveLength(1);
    const job = d.list<Pod>('Pod', 'default').find((p) => p.metadata.name.startsWith('once-'))!;
    expect(job.metadata.labels?.['job-name']).toBe('once');
  });
});

describe('ReplicaSet adoption (pkg/controller/replicaset: release on selector mismatch)', () => {
  it('releases a pod relabelled out of the selector and replaces it', () => {
    const d = new Driver().apply(deployment(2));
    const [first] = d.list<Pod>('Pod', 'default');
    const r = d.run(`kubectl label pod ${first!.metadata.name} app=debug --overwrite`);
    expect(r.exitCode).toBe(0);
    const pods = d.list<Pod>('Pod', 'default');
    expect(pods).toHaveLength(3);
    const released = pods.find((p) => p.metadata.name === first!.metadata.name)!;
    expect(released.metadata.ownerReferences ?? []).toEqual([]);
    expect(pods.filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(2);
  });
});
