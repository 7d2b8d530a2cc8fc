/**
 * `kubectl expose`: the Service takes what was not given from the object, as expose.go and
 * kubectl's polymorphic helpers (MapBasedSelectorForObject, PortsForObject,
 * MultiProtocolsForObject, CanBeExposed) read it.
 */
import { describe, expect, it } from 'vitest';
import {
  createCluster,
  getObject,
  type ClusterState,
} from '../../../../src/engine/cluster/index.ts';
import { runCommandLine } from '../../../../src/engine/kubectl/index.ts';

const files = {
  'two-ports.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: multi
  labels: {team: a}
spec:
  selector:
    matchLabels: {app: multi}
  template:
    metadata:
      labels: {app: multi}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{containerPort: 80}, {containerPort: 443}]
      - name: sidecar
        image: envoy
        ports: [{containerPort: 9090}]
`,
  'bare-pod.yaml':
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
};

function session() {
  let state: ClusterState = createCluster();
  return {
    run(line: string) {
      const r = runCommandLine(state, line, { files });
      state = r.state;
      return r;
    },
    get state() {
      return state;
    },
  };
}

type Svc = {
  spec: { ports: Array<Record<string, unknown>>; selector: Record<string, string>; type?: string };
};

describe('kubectl expose', () => {
  it('uses the deployment selector, its containerPort and its labels', () => {
    const s = session();
    s.run('kubectl create deployment api --image=nginx --port=8080');
    expect(s.run('kubectl expose deployment api').stdout).toBe('service/api exposed\n');
    const svc = getObject<Svc>(s.state, 'Service', 'default', 'api')!;
    expect(svc.spec.selector).toEqual({ app: 'api' });
    expect(svc.spec.ports).toEqual([{ protocol: 'TCP', port: 8080, targetPort: 8080 }]);
    expect(svc.metadata.labels).toEqual({ app: 'api' });
  });

  it('--port and --target-port override introspection; --name and --type are honoured', () => {
    const s = session();
    s.run('kubectl run web --image=nginx --port=8080');
    const out = s.run(
      'kubectl expose pod web --port=80 --target-port=8080 --name=front --type=NodePort --dry-run=client -o yaml',
    );
    expect(out.stdout).toBe(
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  creationTimestamp: null',
        '  labels:',
        '    run: web',
        '  name: front',
        'spec:',
        '  ports:',
        '  - port: 80',
        '    protocol: TCP',
        '    targetPort: 8080',
        '  selector:',
        '    run: web',
        '  type: NodePort',
        'status:',
        '  loadBalancer: {}',
        '',
      ].join('\n'),
    );
  });

  it('names ports port-N when there are several, each containerPort once', () => {
    const s = session();
    s.run('kubectl apply -f two-ports.yaml');
    const svc = JSON.parse(s.run('kubectl expose deploy multi --dry-run=client -o json').stdout);
    expect(svc.spec.ports).toEqual([
      { name: 'port-1', protocol: 'TCP', port: 80, targetPort: 80 },
      { name: 'port-2', protocol: 'TCP', port: 443, targetPort: 443 },
      { name: 'port-3', protocol: 'TCP', port: 9090, targetPort: 9090 },
    ]);
    expect(svc.metadata.labels).toEqual({ team: 'a' });
  });

  it('splits a port served over two protocols into port-N-udp and port-N-tcp', () => {
    const svc = JSON.parse(
      session().run(
        'kubectl expose svc kube-dns -n kube-system --name=dns2 --dry-run=client -o json',
      ).stdout,
    );
    expect(svc.spec.ports.map((p: { name: string }) => p.name)).toEqual([
      'port-1-udp',
      'port-1-tcp',
      'port-2',
    ]);
  });

  it('repeats a port two containers share, as getMultiProtocols appends per container', () => {
    const s = session();
    s.run('kubectl apply -f two-ports.yaml');
    const shared = files['two-ports.yaml'].replace('containerPort: 9090', 'containerPort: 80');
    const r = runCommandLine(s.state, 'kubectl apply -f shared.yaml', {
      files: { 'shared.yaml': shared },
    });
    const svc = JSON.parse(
      runCommandLine(r.state, 'kubectl expose deploy multi --dry-run=client -o json').stdout,
    );
    expect(svc.spec.ports.map((p: { name: string }) => p.name)).toEqual([
      'port-1-tcp',
      'port-1-tcp',
      'port-2',
    ]);
  });

  const errors: Array<[string[], string]> = [
    [
      ['kubectl create deployment noport --image=nginx', 'kubectl expose deployment noport'],
      "error: couldn't find port via --port flag or introspection",
    ],
    [
      [
        'kubectl apply -f bare-pod.yaml',
        'kubectl label pod bare run- ',
        'kubectl expose pod bare --port=80',
      ],
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed",
    ],
    [
      ['kubectl expose deployment nope --port=80'],
      'Error from server (NotFound): deployments.apps "nope" not found',
    ],
    [['kubectl expose ns default --port=80'], 'error: cannot expose a Namespace'],
    [
      ['kubectl expose'],
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    ],
  ];
  it.each(errors)('%j → error', (lines, message) => {
    const s = session();
    let last = s.run(lines[0]!);
    for (const line of lines.slice(1)) last = s.run(line);
    expect(last.stderr.trim()).toBe(message);
    expect(last.exitCode).toBe(1);
  });

  it('refuses StatefulSets, as CanBeExposed does', () => {
    const s = session();
    s.run('kubectl apply -f two-ports.yaml');
    const sts = files['two-ports.yaml']
      .replace('Deployment', 'StatefulSet')
      .replace('name: multi', 'name: db');
    const r = runCommandLine(s.state, 'kubectl apply -f sts.yaml', { files: { 'sts.yaml': sts } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(runCommandLine(r.state, 'kubectl expose sts db --port=80').stderr.trim()).toBe(
      'error: cannot expose a StatefulSet.apps',
    );
  });
});
