import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints } from '../../../../src/engine/cluster/index.ts';
import { Driver } from './driver.ts';

// Expectations: staging/src/k8s.io/endpointslice/utils.go (podToEndpoint: ready condition,
// hostname only when pod.spec.subdomain == service name) and the Endpoints controller.
const pod = (
  name: string,
  labels: string,
  ip: string,
  ready = true,
  portName = 'http',
  port = 8080,
) => `
apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: default, labels: { ${labels} } }
spec:
  containers: [{ name: c, image: agnhost, ports: [{ name: ${portName}, containerPort: ${port} }] }]
status:
  podIP: ${ip}
  conditions: [{ type: Ready, status: "${ready ? 'True' : 'False'}" }]
---`;

const service = `
apiVersion: v1
kind: Service
metadata: { name: web, namespace: default }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }]
`;

describe('Endpoints and EndpointSlice controllers', () => {
  it('lists ready matching pods as addresses and unready ones as notReadyAddresses', () => {
    const d = new Driver().apply(
      pod('a', 'app: web', '10.244.5.1') +
        pod('b', 'app: web', '10.244.5.2', false) +
        pod('c', 'app: db', '10.244.5.3') +
        service,
    );
    const ep = d.get<Endpoints>('Endpoints', 'default', 'web')!;
    expect(ep.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['10.244.5.1']);
    expect(ep.subsets?.[0]?.notReadyAddresses?.map((a) => a.ip)).toEqual(['10.244.5.2']);
    const slice = d
      .list<EndpointSlice>('EndpointSlice', 'default')
      .find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')!;
    expect(slice.endpoints.map((e) => [e.addresses[0], e.conditions?.ready])).toEqual([
      ['10.244.5.1', true],
      ['10.244.5.2', false],
    ]);
  });

  it('resolves a named targetPort per pod: pods with different port numbers land in separate subsets', () => {
    const d = new Driver().apply(
      pod('a', 'app: web', '10.244.5.1', true, 'http', 8080) +
        pod('b', 'app: web', '10.244.5.2', true, 'http', 9090) +
        service,
    );
    const ep = d.get<Endpoints>('Endpoints', 'default', 'web')!;
    const pairs = (ep.subsets ?? [])
      .map((s) => `${s.addresses?.[0]?.ip}:${s.ports?.[0]?.port}`)
      .sort();
    expect(pairs).toEqual(['10.244.5.1:8080', '10.244.5.2:9090']);
  });

  it('leaves out a pod that does not declare the named port', () => {
    const d = new Driver().apply(
      pod('a', 'app: web', '10.244.5.1', true, 'metrics', 9000) + service,
    );
    expect(d.get<Endpoints>('Endpoints', 'default', 'web')!.subsets).toBeUndefined();
  });

  it('follows label changes: relabelling a pod removes it from the Service', () => {
    const d = new Driver().apply(pod('a', 'app: web', '10.244.5.1') + service);
    d.apply(pod('a', 'app: other', '10.244.5.1').replace(/---$/, ''));
    expect(d.get<Endpoints>('Endpoints', 'default', 'web')!.subsets).toBeUndefined();
  });

  it('does not manage Endpoints of a Service without a selector, and removes managed ones with their Service', () => {
    const d = new Driver().apply(`
apiVersion: v1
kind: Service
metadata: { name: ext, namespace: default }
spec: { ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Endpoints
metadata: { name: ext, namespace: default }
subsets: [{ addresses: [{ ip: 192.0.2.10 }], ports: [{ port: 80 }] }]
---
${service}`);
    expect(d.get<Endpoints>('Endpoints', 'default', 'ext')!.subsets?.[0]?.addresses?.[0]?.ip).toBe(
      '192.0.2.10',
    );
    d.run('kubectl delete service web');
    expect(d.get('Endpoints', 'default', 'web')).toBeUndefined();
    expect(d.get('Endpoints', 'default', 'ext')).toBeDefined();
  });

  it('gives an endpoint a hostname only when the pod subdomain equals the Service name', () => {
    const d = new Driver().apply(`
apiVersion: v1
kind: Pod
metadata: { name: db-0, namespace: default, labels: { app: db } }
spec: { hostname: db-0, subdomain: db, containers: [{ name: c, image: x }] }
---
apiVersion: v1
kind: Service
metadata: { name: db, namespace: default }
spec: { clusterIP: None, selector: { app: db }, ports: [{ port: 5432 }] }
---
apiVersion: v1
kind: Service
metadata: { name: db-other, namespace: default }
spec: { clusterIP: None, selector: { app: db }, ports: [{ port: 5432 }] }
`);
    expect(
      d.get<Endpoints>('Endpoints', 'default', 'db')!.subsets?.[0]?.addresses?.[0]?.hostname,
    ).toBe('db-0');
    expect(
      d.get<Endpoints>('Endpoints', 'default', 'db-other')!.subsets?.[0]?.addresses?.[0]?.hostname,
    ).toBeUndefined();
  });
});
