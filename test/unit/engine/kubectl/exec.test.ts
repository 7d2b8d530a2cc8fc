/**
 * `kubectl exec`: argument errors, pod selection and container choice, as kubectl v1.32
 * prints them (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go, polymorphichelpers
 * attachablePodForObject, podcmd.FindOrDefaultContainerByName; the API server's "container
 * not found" for an unknown container), and "command terminated with exit code N".
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../cluster/driver.ts';
import { ns, pod, svc } from '../dns/fixture.ts';

const setup = () =>
  new Driver().apply(
    ns('team-a', 'team-b') +
      pod({ ns: 'team-a', name: 'client', ip: '10.244.9.100' }) +
      pod({
        ns: 'team-b',
        name: 'web-1',
        ip: '10.244.9.11',
        labels: { app: 'web' },
        ports: [{ port: 8080 }],
      }) +
      svc({
        ns: 'team-b',
        name: 'web',
        ip: '10.96.9.10',
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 8080 }],
      }) +
      svc({ ns: 'team-b', name: 'bare', ip: '10.96.9.11', ports: [{ port: 80 }] }) +
      `apiVersion: v1
kind: Pod
metadata: { name: two, namespace: team-a }
spec:
  containers: [{ name: app, image: nginx }, { name: sidecar, image: envoy }]
---
apiVersion: v1
kind: Pod
metadata: { name: done, namespace: team-a }
spec: { containers: [{ name: app, image: busybox }] }
status: { phase: Succeeded, podIP: 10.244.9.101 }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: team-b }
spec:
  replicas: 2
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec: { containers: [{ name: api, image: agnhost, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: team-b }
spec:
  serviceName: db
  replicas: 2
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: postgres }] }
---
`,
  );

describe('kubectl exec errors', () => {
  const d = setup();
  it.each([
    ['exec -n team-a ghost -- curl web', 'Error from server (NotFound): pods "ghost" not found'],
    ['exec -n team-a client', 'error: you must specify at least one command for the container'],
    ['exec -n team-a client --', 'error: you must specify at least one command for the container'],
    ['exec -n team-a -- curl web', 'error: pod, type/name or --filename must be specified'],
    [
      'exec -n team-a client curl web',
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    ],
    [
      'exec -n team-a client -c nope -- hostname',
      'error: unable to upgrade connection: container not found ("nope")',
    ],
    [
      'exec -n team-a done -- hostname',
      'error: cannot exec into a container in a completed pod; current phase is Succeeded',
    ],
    [
      'exec -n team-b deploy/ghost -- hostname',
      'Error from server (NotFound): deployments.apps "ghost" not found',
    ],
    [
      'exec -n team-b svc/bare -- hostname',
      "error: cannot attach to *v1.Service: invalid service 'bare': Service is defined without a selector",
    ],
    ['exec -n team-b foo/bar -- hostname', 'error: the server doesn\'t have a resource type "foo"'],
  ])('%s', (line, message) => {
    const r = d.run(line);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.exitCode).toBe(1);
  });

  it('reports a missing program as the container runtime does', () => {
    const r = d.run('exec -n team-a client -- nosuchtool');
    expect(r.stderr).toContain('exec: "nosuchtool": executable file not found in $PATH: unknown');
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl exec targets', () => {
  const d = setup();
  it.each([
    ['exec -n team-b deploy/api -- hostname', /^api-[a-z0-9]+-[a-z0-9]{5}\n$/],
    ['exec -n team-b sts/db -- hostname', /^db-0\n$/],
    ['exec -n team-b svc/web -- hostname', /^web-1\n$/],
    ['exec -n team-b pod/web-1 -- hostname', /^web-1\n$/],
    ['exec -it -n team-b web-1 -- hostname', /^web-1\n$/],
  ])('%s', (line, out) => {
    const r = d.run(line);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(out);
  });

  it('defaults to the first container and says so when there are several', () => {
    const r = d.run('exec -n team-a two -- hostname');
    expect(r.stderr).toBe('Defaulted container "app" out of: app, sidecar\n');
    expect(r.stdout).toBe('two\n');
    expect(d.run('exec -n team-a two -c sidecar -- hostname').stderr).toBe('');
  });

  it('passes a failing program on: "command terminated with exit code N" and exit N', () => {
    const r = d.run('exec -n team-a client -- curl -sS http://web');
    expect(r.stderr).toBe(
      'curl: (6) Could not resolve host: web\ncommand terminated with exit code 6\n',
    );
    expect(r.exitCode).toBe(6);
  });

  it('keeps the clock and objects when a request only advances the load-balancing rotation', () => {
    const before = d.state;
    const r = d.run('exec -n team-a client -- curl -s http://web.team-b');
    expect(r.exitCode).toBe(0);
    expect(r.state.objects).toBe(before.objects);
    expect(r.state.clock).toBe(before.clock);
  });
});
