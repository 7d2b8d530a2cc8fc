/**
 * `kubectl patch` against the simulated API server: the patched object goes through the
 * update path (validation, immutable fields, admission) and the controllers react — a new
 * Service selector moves Endpoints and what a client can reach, a new pod template rolls a
 * ReplicaSet. Expectations come from patch.go (messages, `patched (no change)`, no dry-run
 * suffix), the API server's patch handler (handlers/patch.go: BadRequest for an undecodable
 * patch, 422 for a failed JSON patch operation, plain errors for strategic merge failures),
 * and kubectl's CheckErr formatting. The --local parity with kubectl itself is in
 * patch-parity.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCluster,
  getObject,
  listObjects,
  type ClusterState,
  type Pod,
  type Stored,
} from '../../../../src/engine/cluster/index.ts';
import { runCommandLine, runKubectl } from '../../../../src/engine/kubectl/index.ts';
import { connect } from '../../../../src/engine/routing/index.ts';

function session(setup: string[] = []) {
  let state: ClusterState = createCluster();
  const s = {
    run(line: string, files?: Record<string, string>) {
      const r = runCommandLine(state, line, files ? { files } : {});
      state = r.state;
      return r;
    },
    get state() {
      return state;
    },
  };
  for (const line of setup) expect(s.run(line).exitCode, line).toBe(0);
  return s;
}

const DATA = [
  'kubectl create ns data',
  'kubectl create deployment web -n data --image=nginx:1.25 --replicas=2',
  'kubectl create service clusterip db -n data --tcp=5432',
];

describe('kubectl patch: what it prints', () => {
  // Each row: the command (after the DATA setup), stdout, stderr, and where that comes from.
  const rows: Array<[string, string, string, string]> = [
    [
      `kubectl patch svc db -n data -p '{"spec":{"selector":{"app":"pg"}}}'`,
      'service/db patched\n',
      '',
      'patch.go patchOperation(didPatch=true)',
    ],
    [
      `kubectl patch svc db -n data -p '{"spec":{"selector":{"app":"db"}}}'`,
      'service/db patched (no change)\n',
      '',
      'patch.go patchOperation(didPatch=false): the selector already is app=db',
    ],
    [
      `kubectl patch deployment/web -n data --type merge -p '{"spec":{"replicas":2}}'`,
      'deployment.apps/web patched (no change)\n',
      '',
      'patch.go: TYPE/NAME form; the server stores nothing new',
    ],
    [
      `kubectl patch svc nope -n data -p '{}'`,
      '',
      'Error from server (NotFound): services "nope" not found\n',
      'the builder GET before the patch',
    ],
    [
      `kubectl patch svc db -n data -p '{spec: 1}'`,
      '',
      "Error from server (BadRequest): invalid character 's' looking for beginning of object key string\n",
      'kubectl sends `{`-prefixed text as is; the server decodes it (strategicPatchObject → BadRequest)',
    ],
    [
      `kubectl patch svc db -n data --type merge -p '{"spec":'`,
      '',
      'Error from server (BadRequest): error decoding patch: unexpected end of JSON input\n',
      'handlers/patch.go applyJSPatch with fieldValidation=Warn',
    ],
    [
      `kubectl patch svc db -n data --type json -p '{"op":"add"}'`,
      '',
      'Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp\n',
      'handlers/patch.go applyJSPatch: UnmarshalStrict into []jsonPatchOp',
    ],
    [
      `kubectl patch svc db -n data --type json -p '[{"op":"test","path":"/spec/type","value":"NodePort"}]'`,
      '',
      'The request is invalid: the server rejected our request due to an error in our request\n',
      'handlers/patch.go: a failed operation is NewGenericServerResponse(422); CheckErr prints it so',
    ],
    [
      `kubectl patch deploy web -n data -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'`,
      '',
      'Error from server: map: map[image:x] does not contain declared merge key: name\n',
      'strategicpatch ErrNoMergeKey is not a Status error: the server answers 500 with no reason',
    ],
    [
      `kubectl patch svc db -n data -p '{"metadata":{"name":"other"}}'`,
      '',
      'Error from server (BadRequest): the name of the object (other) does not match the name on the URL (db)\n',
      'handlers/rest.go checkName',
    ],
    [
      `kubectl patch svc db -n data -p '{"metadata":{"resourceVersion":"1"}}'`,
      '',
      'Error from server (Conflict): Operation cannot be fulfilled on services "db": the object has been modified; please apply your changes to the latest version and try again\n',
      'a stale resourceVersion in the patch makes the update conditional',
    ],
    [
      `kubectl patch deploy web -n data --type merge -p '{"status":{"replicas":7}}'`,
      'deployment.apps/web patched (no change)\n',
      '',
      'registry/apps/deployment strategy PrepareForUpdate: status changes need the status subresource',
    ],
    [
      `kubectl patch svc db -n data --type foo -p '{}'`,
      '',
      'error: --type must be one of [json merge strategic], not "foo"\n',
      'patch.go Validate',
    ],
    [
      'kubectl patch svc db -n data',
      '',
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
      'patch.go Validate',
    ],
    [
      `kubectl patch -p '{}'`,
      '',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      'resource.Builder with no arguments (checked against kubectl v1.32)',
    ],
    [
      `kubectl patch svc -n data -p '{}'`,
      '',
      'error: resource(s) were provided, but no name was specified\n',
      'ResourceTypeOrNameArgs(allowEmptySelector=false)',
    ],
    [
      `kubectl patch svc db nope -n data --type=json -p '[{"op":"add","path":"/metadata/labels/x","value":"y"}]'`,
      'service/db patched\n',
      'Error from server (NotFound): services "nope" not found\n',
      'ContinueOnError: the found object is patched, the missing one reported',
    ],
    [
      `kubectl patch svc db -n data -p '{}' --as=jane`,
      '',
      'Error from server (Forbidden): services "db" is forbidden: User "jane" cannot get resource "services" in API group "" in the namespace "data"\n',
      'RBAC: the builder GETs the object first',
    ],
    [
      `kubectl patch svc db -n data -p '{"spec":{"selector":{"app":"x"}}}' -o name`,
      'service/db\n',
      '',
      'the name printer ignores the operation',
    ],
    [
      `kubectl patch svc db -n data -p '{"spec":{"selector":{"app":"x"}}}' --dry-run=server`,
      'service/db patched\n',
      '',
      'patch.go replaces the printer operation, so no "(server dry run)" suffix',
    ],
  ];
  it.each(rows)('%s', (line, stdout, stderr) => {
    const s = session(DATA);
    const r = s.run(line);
    expect({ stdout: r.stdout, stderr: r.stderr }).toEqual({ stdout, stderr });
    expect(r.exitCode).toBe(stderr ? 1 : 0);
  });
});

describe('kubectl patch: what it changes', () => {
  it('a Service selector patch moves the Endpoints and what a client reaches', () => {
    const s = session([
      'kubectl create ns data',
      'kubectl run api -n data --image=nginx --port=80 --labels=app=backend',
      'kubectl run client -n data --image=busybox --labels=role=client',
      'kubectl create service clusterip api -n data --tcp=80:80',
    ]);
    const client = getObject(s.state, 'Pod', 'data', 'client') as Stored<Pod>;
    const addresses = () =>
      (getObject(s.state, 'Endpoints', 'data', 'api')?.subsets as unknown[] | undefined) ?? [];
    // kube-proxy REJECTs a Service port without endpoints: curl exits 7 (connection refused).
    expect(addresses()).toEqual([]);
    expect(connect(s.state, client, 'http://api.data:80/').exitCode).toBe(7);
    const r = s.run(`kubectl patch svc api -n data -p '{"spec":{"selector":{"app":"backend"}}}'`);
    expect(r.stdout).toBe('service/api patched\n');
    const podIP = (getObject(s.state, 'Pod', 'data', 'api') as Stored<Pod>).status?.podIP;
    expect(JSON.stringify(addresses())).toContain(`"ip":"${podIP}"`);
    expect(connect(s.state, client, 'http://api.data:80/').exitCode).toBe(0);
  });

  it('a Deployment image patch rolls a new ReplicaSet and keeps the other container', () => {
    const s = session([
      'kubectl create ns data',
      'kubectl create deployment web -n data --image=nginx:1.25 --image=busybox:1.36 --replicas=2',
    ]);
    const before = listObjects(s.state, 'ReplicaSet', 'data').map((o) => o.metadata.name);
    expect(before).toHaveLength(1);
    const r = s.run(
      `kubectl patch deploy web -n data -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'`,
    );
    expect(r.stdout).toBe('deployment.apps/web patched\n');
    const sets = listObjects(s.state, 'ReplicaSet', 'data');
    expect(sets).toHaveLength(2);
    const fresh = sets.find((rs) => rs.metadata.name !== before[0])!;
    const images = (
      fresh.spec as { template: { spec: { containers: Array<{ image: string }> } } }
    ).template.spec.containers.map((c) => c.image);
    expect(images).toEqual(['nginx:1.27', 'busybox:1.36']);
    expect((fresh.spec as { replicas: number }).replicas).toBe(2);
  });

  it('`$patch: delete` removes one container; a merge patch null removes a label', () => {
    const s = session([
      'kubectl create ns data',
      'kubectl create deployment web -n data --image=nginx --image=busybox',
      'kubectl label deploy web -n data tier=front',
    ]);
    s.run(
      `kubectl patch deploy web -n data -p '{"spec":{"template":{"spec":{"containers":[{"name":"busybox","$patch":"delete"}]}}}}'`,
    );
    s.run(
      `kubectl patch deploy web -n data --type merge -p '{"metadata":{"labels":{"tier":null}}}'`,
    );
    const d = getObject(s.state, 'Deployment', 'data', 'web')!;
    const names = (
      d.spec as { template: { spec: { containers: Array<{ name: string }> } } }
    ).template.spec.containers.map((c) => c.name);
    expect(names).toEqual(['nginx']);
    expect(d.metadata.labels).toEqual({ app: 'web' });
  });

  it('no change and a refused change leave the state as it was', () => {
    const s = session(DATA);
    const before = s.state;
    const same = s.run(`kubectl patch svc db -n data -p '{"spec":{"selector":{"app":"db"}}}'`);
    expect(same.state).toBe(before);
    // Source: the Service validation's immutable ClusterIP (apply.ts checkImmutable).
    const ip = s.run(
      `kubectl patch svc db -n data --type merge -p '{"spec":{"clusterIP":"10.96.99.99"}}'`,
    );
    expect(ip.exitCode).toBe(1);
    expect(ip.stderr).toMatch(
      /^The Service "db" is invalid: spec\.clusterIPs\[0\].*field is immutable/,
    );
    expect(ip.state).toBe(before);
    const pod = session([
      'kubectl create ns data',
      'kubectl run p -n data --image=nginx --port=80',
    ]);
    const r = pod.run(
      `kubectl patch pod p -n data -p '{"spec":{"containers":[{"name":"p","ports":[{"containerPort":81}]}]}}'`,
    );
    expect(r.stderr).toMatch(
      /^The Pod "p" is invalid: spec: Forbidden: pod updates may not change/,
    );
    expect(
      pod.run(
        `kubectl patch pod p -n data -p '{"spec":{"containers":[{"name":"p","image":"nginx:2"}]}}'`,
      ).stdout,
    ).toBe('pod/p patched\n');
  });

  it('dry runs print the patched object and store nothing', () => {
    for (const mode of ['client', 'server']) {
      const s = session(DATA);
      const before = s.state;
      const r = s.run(
        `kubectl patch deploy web -n data -p '{"spec":{"replicas":5}}' --dry-run=${mode} -o yaml`,
      );
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toMatch(/\n {2}replicas: 5\n/);
      expect(r.state.objects).toBe(before.objects);
      expect(
        (getObject(r.state, 'Deployment', 'data', 'web')!.spec as { replicas: number }).replicas,
      ).toBe(2);
    }
  });

  it('reads the patch from --patch-file and the target from -f', () => {
    const s = session(DATA);
    const r = s.run('kubectl patch -f svc.yaml --patch-file p.yaml', {
      'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: data}\n',
      'p.yaml': 'spec:\n  selector:\n    app: pg\n',
    });
    expect(r.stdout).toBe('service/db patched\n');
    expect(getObject(s.state, 'Service', 'data', 'db')!.spec).toMatchObject({
      selector: { app: 'pg' },
    });
  });
});

describe('kubectl patch never throws', () => {
  it('any patch text of any type is an answer, and a failure changes nothing', () => {
    const base = runCommandLine(createCluster(), 'kubectl create ns data').state;
    const patches = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.json({ maxDepth: 3 }),
      fc
        .array(
          fc.record({
            op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'x'),
            path: fc.constantFrom('', '/', '/metadata/labels/a', '/spec/ports/-', '/spec/x/y', 'a'),
            from: fc.constantFrom('/metadata', '/spec/ports/0', '/nope'),
            value: fc.jsonValue({ maxDepth: 2 }),
          }),
          { maxLength: 3 },
        )
        .map((ops) => JSON.stringify(ops)),
    );
    fc.assert(
      fc.property(
        patches,
        fc.constantFrom('strategic', 'merge', 'json'),
        fc.constantFrom('none', 'client', 'server'),
        (text, type, dry) => {
          const r = runKubectl(base, [
            'patch',
            'namespace',
            'data',
            '--type',
            type,
            '-p',
            text,
            `--dry-run=${dry}`,
          ]);
          expect(r.stderr).not.toMatch(/internal simulator error/);
          expect([0, 1]).toContain(r.exitCode);
          if (r.exitCode !== 0) expect(r.state.objects).toBe(base.objects);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('strategic patches of merge lists with directives are answers too', () => {
    const base = session(DATA).state;
    const item = fc.record(
      {
        name: fc.constantFrom('nginx', 'side', 'x'),
        image: fc.constantFrom('nginx:2', 'busybox'),
        $patch: fc.constantFrom('delete', 'replace', 'merge', 'bogus'),
        env: fc.array(
          fc.record(
            { name: fc.constantFrom('A', 'B'), value: fc.constantFrom('1', null) },
            { requiredKeys: [] },
          ),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 3 }), fc.boolean(), (containers, order) => {
        const spec: Record<string, unknown> = { containers };
        if (order) spec['$setElementOrder/containers'] = [{ name: 'side' }, { name: 'nginx' }];
        const text = JSON.stringify({ spec: { template: { spec } } });
        const r = runKubectl(base, ['patch', 'deploy', 'web', '-n', 'data', '-p', text]);
        expect(r.stderr).not.toMatch(/internal simulator error/);
        if (r.exitCode !== 0) expect(r.state.objects).toBe(base.objects);
      }),
      { numRuns: 200 },
    );
  });
});
