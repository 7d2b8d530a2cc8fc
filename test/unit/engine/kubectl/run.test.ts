/**
 * `kubectl run`: the pod kubectl's BasicPod generator builds (pkg/generate/versioned/run.go),
 * `--expose` (a Service from the same generator expose uses), and run.go's argument checks.
 * Real kubectl needs API discovery even for `--dry-run=client`, so the expectations come
 * from the source and its tests (run_test.go, versioned/run_test.go).
 */
import { describe, expect, it } from 'vitest';
import {
  createCluster,
  getObject,
  type ClusterState,
} from '../../../../src/engine/cluster/index.ts';
import { runCommandLine } from '../../../../src/engine/kubectl/index.ts';

function session() {
  let state: ClusterState = createCluster();
  return {
    run(line: string) {
      const r = runCommandLine(state, line);
      state = r.state;
      return r;
    },
    get state() {
      return state;
    },
  };
}

describe('kubectl run --dry-run=client', () => {
  it('labels the pod run=NAME and names the container after it (BasicPod.Generate)', () => {
    const r = session().run('kubectl run web --image=nginx --dry-run=client -o yaml');
    expect(r.stdout).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  creationTimestamp: null',
        '  labels:',
        '    run: web',
        '  name: web',
        'spec:',
        '  containers:',
        '  - image: nginx',
        '    name: web',
        '    resources: {}',
        '  dnsPolicy: ClusterFirst',
        '  restartPolicy: Always',
        'status: {}',
        '',
      ].join('\n'),
    );
  });

  it('puts arguments after -- in args, or in command with --command (updatePodContainers)', () => {
    const s = session();
    const args = JSON.parse(
      s.run('kubectl run b --image=busybox --dry-run=client -o json -- sleep 10').stdout,
    );
    expect(args.spec.containers[0]).toMatchObject({ args: ['sleep', '10'] });
    expect(args.spec.containers[0].command).toBeUndefined();
    const cmd = JSON.parse(
      s.run('kubectl run b --image=busybox --command --dry-run=client -o json -- sleep 10').stdout,
    );
    expect(cmd.spec.containers[0]).toMatchObject({ command: ['sleep', '10'] });
  });

  it('prints -o json in the Go struct order kubectl uses', () => {
    const r = session().run(
      'kubectl run web --image=nginx --port=80 --env=A=1 --labels=app=web,tier=fe -n team --restart=Never --dry-run=client -o json',
    );
    const pod = JSON.parse(r.stdout);
    expect(Object.keys(pod)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(Object.keys(pod.metadata)).toEqual(['name', 'namespace', 'creationTimestamp', 'labels']);
    expect(Object.keys(pod.spec)).toEqual(['containers', 'restartPolicy', 'dnsPolicy']);
    expect(Object.keys(pod.spec.containers[0])).toEqual([
      'name',
      'image',
      'ports',
      'env',
      'resources',
    ]);
    expect(pod.metadata.labels).toEqual({ app: 'web', tier: 'fe' });
    expect(pod.spec.restartPolicy).toBe('Never');
  });

  it('with --expose prints the Service first, then the pod (run.go generateService)', () => {
    const r = session().run(
      'kubectl run web --image=nginx --port=8080 --expose --dry-run=client -o yaml',
    );
    const [svc, pod] = r.stdout.split('---\n---\n');
    expect(svc).toContain('kind: Service');
    expect(svc).toContain(
      '  ports:\n  - port: 8080\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    run: web\n',
    );
    expect(pod).toContain('kind: Pod');
  });
});

describe('kubectl run creates', () => {
  it('a pod, and with --expose a ClusterIP Service selecting it', () => {
    const s = session();
    const r = s.run('kubectl run web --image=nginx --port=80 --expose');
    expect(r.stdout).toBe('service/web created\npod/web created\n');
    expect(getObject(s.state, 'Pod', 'default', 'web')?.metadata.labels).toEqual({ run: 'web' });
    const svc = getObject<{ spec: { selector: Record<string, string>; type: string } }>(
      s.state,
      'Service',
      'default',
      'web',
    );
    expect(svc?.spec.selector).toEqual({ run: 'web' });
    expect(svc?.spec.type).toBe('ClusterIP');
  });

  it('reports AlreadyExists as the API server does (run.go returns the error as is)', () => {
    const s = session();
    s.run('kubectl run web --image=nginx');
    expect(s.run('kubectl run web --image=nginx').stderr.trim()).toBe(
      'Error from server (AlreadyExists): pods "web" already exists',
    );
  });
});

describe('kubectl run argument errors (run.go)', () => {
  const cases: Array<[string, string]> = [
    ['kubectl run web', 'error: required flag(s) "image" not set'],
    [
      'kubectl run --image=nginx',
      "error: NAME is required for run\nSee 'kubectl run -h' for help and examples",
    ],
    [
      'kubectl run web --image=NGINX',
      'error: Invalid image name "NGINX": invalid reference format',
    ],
    [
      'kubectl run web --image=nginx -t',
      "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples",
    ],
    [
      'kubectl run web --image=nginx --expose',
      "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples",
    ],
    [
      'kubectl run web --image=nginx --restart=Sometimes',
      "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples",
    ],
    [
      'kubectl run web --image=nginx --rm',
      "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples",
    ],
    [
      'kubectl run web --image=nginx -i --dry-run=client',
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples",
    ],
    ['kubectl run web --image=nginx --env=1BAD=x --dry-run=client', 'error: invalid env: 1BAD=x'],
    [
      'kubectl run web --image=nginx --labels=novalue --dry-run=client',
      'error: unexpected label spec: novalue',
    ],
  ];
  it.each(cases)('%s', (line, message) => {
    const r = session().run(line);
    expect(r.stderr.trim()).toBe(message);
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl run attached (-i): the command runs in the new pod (run.go Attach path)', () => {
  const web = [
    'kubectl create deployment web --image=nginx --port=80',
    'kubectl expose deployment web',
  ];
  function withWeb() {
    const s = session();
    for (const line of web) expect(s.run(line).exitCode).toBe(0);
    return s;
  }

  it('prints the output and, with --rm, deletes the pod afterwards', () => {
    const s = withWeb();
    const r = s.run(
      'kubectl run tmp --rm -i --restart=Never --image=busybox -- wget -qO- http://web',
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Hello from default\/web-\S+ /);
    expect(r.stdout.endsWith('pod "tmp" deleted\n')).toBe(true);
    expect(getObject(s.state, 'Pod', 'default', 'tmp')).toBeUndefined();
  });

  it('with --restart=Never returns the command exit code and leaves a Failed pod (no --rm)', () => {
    const s = withWeb();
    const r = s.run(
      'kubectl run probe -i --restart=Never --image=curlimages/curl -- curl -sS -m 2 http://nope',
    );
    expect(r.exitCode).toBe(6);
    expect(r.stderr).toContain('pod default/probe terminated (Error)');
    expect(
      getObject<{ status: { phase: string } }>(s.state, 'Pod', 'default', 'probe')?.status.phase,
    ).toBe('Failed');
  });

  it('with the default restart policy kubectl does not wait for an exit code', () => {
    const r = withWeb().run(
      'kubectl run probe -i --rm --image=busybox -- wget -qO- -T 1 http://nope',
    );
    expect(r.exitCode).toBe(0);
  });

  it('refuses an interactive shell with a hint', () => {
    const r = session().run('kubectl run sh -it --image=busybox -- sh');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('needs a terminal');
  });
});
