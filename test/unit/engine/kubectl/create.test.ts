/**
 * `kubectl create` against the simulated API server: generators that create (not only
 * print), AlreadyExists and NotFound wording per generator (kubectl wraps some errors in
 * `failed to create …`), `create -f`, and the role/clusterrole/job generators that real
 * kubectl cannot run offline — their expectations come from kubectl's source and tests.
 */
import { describe, expect, it } from 'vitest';
import {
  createCluster,
  getObject,
  type ClusterState,
} from '../../../../src/engine/cluster/index.ts';
import { runKubectl } from '../../../../src/engine/kubectl/index.ts';

function session(files: Record<string, string> = {}) {
  let state: ClusterState = createCluster();
  return {
    run(...argv: string[]) {
      const r = runKubectl(state, argv, { files });
      state = r.state;
      return r;
    },
    get state() {
      return state;
    },
  };
}

describe('create generators write through the API server', () => {
  it('creates a Deployment whose pods the controllers start', () => {
    const s = session();
    const r = s.run(
      'create',
      'deployment',
      'web',
      '--image=nginx',
      '--replicas=2',
      '-n',
      'default',
    );
    expect(r).toMatchObject({ stdout: 'deployment.apps/web created\n', exitCode: 0 });
    const deploy = getObject(s.state, 'Deployment', 'default', 'web');
    expect(deploy?.metadata.labels).toEqual({ app: 'web' });
    expect(
      s.run('get', 'pods', '-l', 'app=web', '-o', 'name').stdout.trim().split('\n'),
    ).toHaveLength(2);
  });

  // Wording per generator: create_deployment.go wraps ("failed to create deployment: %v"),
  // create_namespace.go and create_role.go return the API error as is, create_secret.go
  // wraps without a colon ("failed to create secret %v").
  const alreadyExists: Array<[string[], string]> = [
    [
      ['create', 'deployment', 'web', '--image=nginx'],
      'error: failed to create deployment: deployments.apps "web" already exists',
    ],
    [
      ['create', 'namespace', 'team'],
      'Error from server (AlreadyExists): namespaces "team" already exists',
    ],
    [
      ['create', 'service', 'clusterip', 'web', '--tcp=80'],
      'error: failed to create ClusterIP service: services "web" already exists',
    ],
    [
      ['create', 'secret', 'generic', 's', '--from-literal=a=b'],
      'error: failed to create secret secrets "s" already exists',
    ],
    [
      ['create', 'configmap', 'c'],
      'error: failed to create configmap: configmaps "c" already exists',
    ],
    [
      ['create', 'serviceaccount', 'robot'],
      'error: failed to create serviceaccount: serviceaccounts "robot" already exists',
    ],
    [
      ['create', 'role', 'r', '--verb=get', '--resource=pods'],
      'Error from server (AlreadyExists): roles.rbac.authorization.k8s.io "r" already exists',
    ],
    [
      ['create', 'rolebinding', 'rb', '--role=r'],
      'error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "rb" already exists',
    ],
  ];
  for (const [argv, message] of alreadyExists) {
    it(`second "${argv.join(' ')}" fails with AlreadyExists and changes nothing`, () => {
      const s = session();
      expect(s.run(...argv).exitCode).toBe(0);
      const before = s.state;
      const r = s.run(...argv);
      expect(r.stderr.trim()).toBe(message);
      expect(r.exitCode).toBe(1);
      expect(r.state.objects).toBe(before.objects);
    });
  }

  it('refuses a namespace that does not exist, in the generator wording', () => {
    const r = session().run('create', 'configmap', 'c', '--from-literal=a=b', '-n', 'nope');
    expect(r.stderr.trim()).toBe('error: failed to create configmap: namespaces "nope" not found');
  });

  it('reports API validation of the generated name like kubectl does', () => {
    const r = session().run('create', 'namespace', 'BAD_NAME');
    expect(r.stderr).toMatch(
      /^The Namespace "BAD_NAME" is invalid: metadata\.name: Invalid value: "BAD_NAME": a lowercase RFC 1123 label/,
    );
    const d = session().run('create', 'deployment', 'BAD', '--image=nginx');
    expect(d.stderr).toMatch(
      /^error: failed to create deployment: Deployment\.apps "BAD" is invalid: metadata\.name/,
    );
  });

  it('prints the stored object for -o yaml without dry run (server fields included)', () => {
    const r = session().run('create', 'namespace', 'x', '-o', 'yaml');
    expect(r.stdout).toMatch(/uid: /);
    expect(r.stdout).toContain('kubernetes.io/metadata.name: x');
    expect(r.stdout).toContain('phase: Active');
  });

  it('--dry-run=server validates and prints without storing', () => {
    const s = session();
    const r = s.run('create', 'namespace', 'x', '--dry-run=server');
    expect(r.stdout).toBe('namespace/x created (server dry run)\n');
    expect(getObject(s.state, 'Namespace', undefined, 'x')).toBeUndefined();
  });

  it('takes a bare --dry-run as client without eating the next flag (pflag NoOptDefVal "unchanged")', () => {
    const r = session().run('create', 'namespace', 'x', '--dry-run', '-o', 'name');
    expect(r).toMatchObject({ stdout: 'namespace/x\n', exitCode: 0 });
  });

  it('requires --image before looking at the arguments (cobra checks required flags first)', () => {
    expect(session().run('create', 'deployment').stderr.trim()).toBe(
      'error: required flag(s) "image" not set',
    );
    expect(session().run('create', 'clusterrolebinding', 'x').stderr.trim()).toBe(
      'error: required flag(s) "clusterrole" not set',
    );
  });
});

describe("create goes through RBAC (impersonated users get the API server's Forbidden)", () => {
  it('wraps Forbidden as the generator wraps any error, or prints it as is', () => {
    const s = session();
    expect(s.run('create', 'deployment', 'web', '--image=nginx', '--as=alice').stderr.trim()).toBe(
      'error: failed to create deployment: deployments.apps is forbidden: User "alice" cannot create resource "deployments" in API group "apps" in the namespace "default"',
    );
    expect(s.run('create', 'namespace', 'x', '--as=alice').stderr.trim()).toBe(
      'Error from server (Forbidden): namespaces is forbidden: User "alice" cannot create resource "namespaces" in API group "" at the cluster scope',
    );
  });
  it('allows what a binding grants', () => {
    const s = session();
    s.run('create', 'rolebinding', 'alice-edit', '--clusterrole=edit', '--user=alice');
    expect(s.run('create', 'configmap', 'c', '--as=alice').stdout).toBe('configmap/c created\n');
    expect(s.run('create', 'configmap', 'c2', '--as=alice', '-n', 'kube-system').exitCode).toBe(1);
  });
});

describe('create -f', () => {
  const files = {
    'app.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: zz\n',
  };
  it('creates every object, then reports AlreadyExists for each on a second run', () => {
    const s = session(files);
    expect(s.run('create', '-f', 'app.yaml').stdout).toBe(
      'configmap/c1 created\nnamespace/zz created\n',
    );
    const again = s.run('create', '-f', 'app.yaml');
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain(
      'Error from server (AlreadyExists): error when creating "app.yaml": configmaps "c1" already exists',
    );
    expect(again.stderr).toContain('namespaces "zz" already exists');
  });
  it('prints objects with --dry-run=client and stores nothing', () => {
    const s = session(files);
    const r = s.run('create', '-f', 'app.yaml', '--dry-run=client');
    expect(r.stdout).toBe('configmap/c1 created (dry run)\nnamespace/zz created (dry run)\n');
    expect(getObject(s.state, 'Namespace', undefined, 'zz')).toBeUndefined();
  });
  it('--dry-run=client fills in the namespace, as the resource builder does (SetNamespace)', () => {
    const r = session(files).run(
      'create',
      '-f',
      'app.yaml',
      '--dry-run=client',
      '-o',
      'yaml',
      '-n',
      'team',
    );
    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n  namespace: team\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: zz\n',
    );
  });
  it('-l keeps only the objects whose labels match', () => {
    const labelled = {
      'two.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {tier: web}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n',
    };
    expect(session(labelled).run('create', '-f', 'two.yaml', '-l', 'tier=web').stdout).toBe(
      'configmap/a created\n',
    );
    expect(session(labelled).run('create', '-f', 'two.yaml', '-l', 'tier=db').stderr.trim()).toBe(
      'error: no objects passed to create',
    );
  });
  it('needs -f (create.go: RequireFilenameOrKustomize)', () => {
    expect(session().run('create').stderr.trim()).toBe('error: must specify one of -f and -k');
  });
});

describe('create role / clusterrole (create_role.go; offline kubectl cannot run these)', () => {
  const yaml = (...argv: string[]) => session().run(...argv, '--dry-run=client', '-o', 'yaml');
  it('resolves short and singular names through discovery and groups rules by API group (sorted)', () => {
    const r = yaml(
      'create',
      'role',
      'r',
      '--verb=get,list',
      '--resource=po,deploy,pods/log,pod',
      '--resource-name=x',
    );
    expect(r.stdout).toBe(
      [
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: Role',
        'metadata:',
        '  creationTimestamp: null',
        '  name: r',
        'rules:',
        '- apiGroups:',
        '  - ""',
        '  resourceNames:',
        '  - x',
        '  resources:',
        '  - pods',
        '  - pods/log',
        '  verbs:',
        '  - get',
        '  - list',
        '- apiGroups:',
        '  - apps',
        '  resourceNames:',
        '  - x',
        '  resources:',
        '  - deployments',
        '  verbs:',
        '  - get',
        '  - list',
        '',
      ].join('\n'),
    );
  });
  it('collapses verbs to "*" when "*" is among them (Complete)', () => {
    expect(yaml('create', 'role', 'r', '--verb=get,*', '--resource=pods').stdout).toContain(
      "verbs:\n  - '*'",
    );
  });
  const errors: Array<[string[], string]> = [
    [['create', 'role', 'r', '--resource=pods'], 'error: at least one verb must be specified'],
    [['create', 'role', 'r', '--verb=get'], 'error: at least one resource must be specified'],
    [
      ['create', 'role', 'r', '--verb=get', '--resource=foo'],
      'the server doesn\'t have a resource type "foo"',
    ],
    [
      ['create', 'role', 'r', '--verb=view', '--resource=rs.extensions'],
      'Warning: \'view\' is not a standard resource verb\nthe server doesn\'t have a resource type "rs" in group "extensions"',
    ],
    [
      ['create', 'role', 'r', '--verb=use', '--resource=pods'],
      "error: can not perform 'use' on 'pods' in group ''",
    ],
    [
      ['create', 'role', 'r', '--verb=get', '--resource=.apps'],
      'error: resource must be specified if apiGroup/subresource specified',
    ],
    [
      ['create', 'clusterrole', 'c', '--verb=get'],
      'error: one of resource or nonResourceURL must be specified',
    ],
    [
      ['create', 'clusterrole', 'c', '--verb=list', '--non-resource-url=/x'],
      "error: invalid verb: 'list' for nonResourceURL",
    ],
    [
      ['create', 'clusterrole', 'c', '--verb=get', '--non-resource-url=x'],
      'error: nonResourceURL should start with /',
    ],
    [
      ['create', 'clusterrole', 'c', '--verb=get', '--aggregation-rule=a=b'],
      'error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames',
    ],
  ];
  for (const [argv, message] of errors) {
    it(`${argv.slice(1).join(' ')} → ${message.split('\n').pop()}`, () => {
      const r = yaml(...argv);
      expect(r.stderr.trim()).toBe(message);
      expect(r.exitCode).toBe(1);
    });
  }
  it('a ClusterRole can carry non-resource URLs and an aggregation rule (rules: null)', () => {
    expect(
      yaml('create', 'clusterrole', 'c', '--verb=get', '--non-resource-url=/healthz').stdout,
    ).toContain('rules:\n- nonResourceURLs:\n  - /healthz\n  verbs:\n  - get\n');
    const agg = yaml(
      'create',
      'clusterrole',
      'agg',
      '--aggregation-rule=rbac.example.com/aggregate-to-view=true',
    );
    expect(agg.stdout).toContain(
      'aggregationRule:\n  clusterRoleSelectors:\n  - matchLabels:\n      rbac.example.com/aggregate-to-view: "true"\n',
    );
    expect(agg.stdout).toContain('rules: null\n');
  });
});

describe('create job (create_job.go: restartPolicy Never, container named after the Job)', () => {
  it('prints the Job kubectl builds, with the command after --', () => {
    const r = session().run(
      'create',
      'job',
      'j',
      '--image=busybox',
      '--dry-run=client',
      '-o',
      'yaml',
      '--',
      'echo',
      'hi',
    );
    expect(r.stdout).toBe(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  creationTimestamp: null\n  name: j\nspec:\n  template:\n    metadata:\n      creationTimestamp: null\n    spec:\n      containers:\n      - command:\n        - echo\n        - hi\n        image: busybox\n        name: j\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n',
    );
  });
  it('needs exactly one of --image and --from', () => {
    expect(session().run('create', 'job', 'j').stderr.trim()).toBe(
      'error: either --image or --from must be specified',
    );
  });
});
