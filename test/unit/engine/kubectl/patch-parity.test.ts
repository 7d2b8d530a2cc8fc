/**
 * `kubectl patch --local -f OBJ --type T -p PATCH -o json` through the real kubectl
 * (/usr/bin/kubectl, v1.32, no cluster needed) and through the simulator: stdout, stderr
 * and exit code must be identical. This pins the three patch algorithms (strategic merge
 * with the k8s.io/api merge keys, RFC 7386, RFC 6902 via evanphx/json-patch v4), their
 * list ordering and kubectl's client-side error texts. Skipped when kubectl is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster/index.ts';
import { runKubectl } from '../../../../src/engine/kubectl/index.ts';

function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const hasKubectl = kubectlAvailable();
const dir = mkdtempSync(join(tmpdir(), 'nslab-patch-'));

const OBJECTS: Record<string, string> = {
  'deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: team
  labels: {app: web, tier: front}
  finalizers: [a.io/x, b.io/y]
spec:
  replicas: 2
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      tolerations:
      - {key: a, operator: Exists}
      volumes:
      - name: data
        emptyDir: {}
      - name: conf
        configMap: {name: web-conf}
      containers:
      - name: web
        image: nginx:1.25
        env:
        - {name: A, value: "1"}
        - {name: B, value: "2"}
        - {name: D, value: "4"}
        ports:
        - {containerPort: 80, name: http}
        volumeMounts:
        - {name: data, mountPath: /data}
      - name: side
        image: busybox:1.36
        args: [sleep, "3600"]
`,
  'svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: data
spec:
  selector: {app: db}
  ports:
  - {name: pg, port: 5432, targetPort: 5432, protocol: TCP}
  - {name: metrics, port: 9187, targetPort: 9187, protocol: TCP}
`,
  'netpol.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
  namespace: team
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
  ingress:
  - from:
    - podSelector: {matchLabels: {app: web}}
    ports:
    - {port: 5432, protocol: TCP}
  - from:
    - namespaceSelector: {matchLabels: {team: ops}}
`,
  'role.yaml': `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: team
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list]
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get]
`,
  'multi.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: a}
data: {k: v}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b}
data: {k: "<&>"}
`,
};
for (const [name, text] of Object.entries(OBJECTS)) writeFileSync(join(dir, name), text);

/** Each row: what it pins, the object file, --type, the patch (source: kubectl v1.32 itself). */
const ROWS: Array<[string, string, string, string]> = [
  // RFC 7386 merge patch
  ['merge: null deletes a key', 'deploy.yaml', 'merge', '{"metadata":{"labels":{"tier":null}}}'],
  [
    'merge: arrays are replaced whole',
    'deploy.yaml',
    'merge',
    '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}',
  ],
  [
    'merge: nulls inside a new object are dropped',
    'svc.yaml',
    'merge',
    '{"spec":{"sessionAffinityConfig":{"clientIP":{"timeoutSeconds":30,"x":null}}}}',
  ],
  ['merge: a non-object patch', 'svc.yaml', 'merge', '"hello"'],
  // RFC 6902 JSON patch
  [
    'json: add with - appends',
    'deploy.yaml',
    'json',
    '[{"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"x","image":"y"}}]',
  ],
  [
    'json: add at an index inserts',
    'deploy.yaml',
    'json',
    '[{"op":"add","path":"/spec/template/spec/containers/0/env/1","value":{"name":"Z","value":"9"}}]',
  ],
  [
    'json: test op failing',
    'deploy.yaml',
    'json',
    '[{"op":"test","path":"/spec/replicas","value":5},{"op":"replace","path":"/spec/replicas","value":9}]',
  ],
  [
    'json: test passes, then replace',
    'deploy.yaml',
    'json',
    '[{"op":"test","path":"/spec/replicas","value":2},{"op":"replace","path":"/spec/replicas","value":9}]',
  ],
  ['json: remove a missing key', 'deploy.yaml', 'json', '[{"op":"remove","path":"/spec/nothere"}]'],
  [
    'json: replace past the end of a list',
    'deploy.yaml',
    'json',
    '[{"op":"replace","path":"/spec/template/spec/containers/9/image","value":"x"}]',
  ],
  [
    'json: replace an index that does not exist',
    'deploy.yaml',
    'json',
    '[{"op":"replace","path":"/spec/template/spec/containers/9","value":{}}]',
  ],
  [
    'json: add under a missing parent',
    'deploy.yaml',
    'json',
    '[{"op":"add","path":"/spec/foo/bar","value":1}]',
  ],
  [
    'json: move and copy',
    'deploy.yaml',
    'json',
    '[{"op":"move","from":"/spec/replicas","path":"/spec/r2"},{"op":"copy","from":"/spec/selector","path":"/metadata/sel"}]',
  ],
  [
    'json: remove with a negative index',
    'deploy.yaml',
    'json',
    '[{"op":"remove","path":"/spec/template/spec/containers/-1"}]',
  ],
  ['json: an unknown op', 'deploy.yaml', 'json', '[{"op":"bogus","path":"/spec"}]'],
  ['json: no op at all', 'deploy.yaml', 'json', '[{"path":"/spec"}]'],
  ['json: an object instead of a list', 'deploy.yaml', 'json', '{"op":"add"}'],
  [
    'json: escaped pointer tokens',
    'deploy.yaml',
    'json',
    '[{"op":"add","path":"/metadata/labels/a~1b","value":"c"}]',
  ],
  // strategic merge patch
  [
    'strategic: containers merge by name (one image changes, the other stays)',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}',
  ],
  [
    'strategic: env merges by name, new ones first as the patch orders them',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"C","value":"3"},{"name":"A","value":"9"}]}]}}}}',
  ],
  [
    'strategic: env order when the patch reorders live items',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"E","value":"5"},{"name":"B","value":"8"},{"name":"C"}]}]}}}}',
  ],
  [
    'strategic: container ports by containerPort',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":443,"name":"https"}]}]}}}}',
  ],
  [
    'strategic: volumes by name, volumeMounts by mountPath',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"volumes":[{"name":"cache","emptyDir":{}}],"containers":[{"name":"web","volumeMounts":[{"name":"cache","mountPath":"/cache"}]}]}}}}',
  ],
  [
    'strategic: tolerations have no merge key and are replaced',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}}}',
  ],
  [
    'strategic: container args are replaced',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"containers":[{"name":"side","args":["sleep","60"]}]}}}}',
  ],
  [
    'strategic: $patch: delete removes one list element',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}}}',
  ],
  [
    'strategic: $patch: replace replaces the list',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"$patch":"replace"},{"name":"Z","value":"0"}]}]}}}}',
  ],
  [
    'strategic: $patch: replace on a map',
    'deploy.yaml',
    'strategic',
    '{"metadata":{"labels":{"$patch":"replace","only":"this"}}}',
  ],
  [
    'strategic: finalizers merge as a set',
    'deploy.yaml',
    'strategic',
    '{"metadata":{"finalizers":["c.io/z","a.io/x"]}}',
  ],
  [
    'strategic: $deleteFromPrimitiveList',
    'deploy.yaml',
    'strategic',
    '{"metadata":{"$deleteFromPrimitiveList/finalizers":["a.io/x"]}}',
  ],
  [
    'strategic: $setElementOrder',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"containers":[{"name":"web","$setElementOrder/env":[{"name":"D"},{"name":"A"},{"name":"B"}]}]}}}}',
  ],
  [
    'strategic: $retainKeys clears the other strategy fields',
    'deploy.yaml',
    'strategic',
    '{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}',
  ],
  [
    'strategic: null deletes a field',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"B","value":null}]}]}}}}',
  ],
  [
    'strategic: a list element without its merge key',
    'deploy.yaml',
    'strategic',
    '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}',
  ],
  [
    'strategic: an unknown $patch directive',
    'deploy.yaml',
    'strategic',
    '{"metadata":{"labels":{"$patch":"bogus"}}}',
  ],
  ['strategic: invalid JSON', 'deploy.yaml', 'strategic', '{"spec":'],
  ['strategic: a JSON array', 'deploy.yaml', 'strategic', '[1,2]'],
  [
    'strategic: Service ports merge by port',
    'svc.yaml',
    'strategic',
    '{"spec":{"ports":[{"port":5432,"targetPort":6432},{"port":8080,"name":"http"}]}}',
  ],
  ['strategic: Service selector', 'svc.yaml', 'strategic', '{"spec":{"selector":{"app":"pg"}}}'],
  [
    'strategic: NetworkPolicy ingress has no merge key and is replaced',
    'netpol.yaml',
    'strategic',
    '{"spec":{"ingress":[{"from":[{"podSelector":{}}]}]}}',
  ],
  [
    'strategic: Role rules are replaced',
    'role.yaml',
    'strategic',
    '{"rules":[{"apiGroups":[""],"resources":["secrets"],"verbs":["get"]}]}',
  ],
  ['two objects from one file', 'multi.yaml', 'merge', '{"data":{"x":"1"}}'],
  ['YAML patch text', 'svc.yaml', 'strategic', 'spec:\n  selector:\n    app: pg\n    tier: db'],
  ['YAML patch that does not parse', 'svc.yaml', 'strategic', 'spec: [a'],
  ['YAML patch with a tab', 'svc.yaml', 'merge', 'a:\n\tb: 1'],
];

function real(args: string[]) {
  const r = spawnSync('kubectl', args, {
    encoding: 'utf8',
    env: { ...process.env, KUBECONFIG: join(dir, 'no-kubeconfig') },
  });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
}

function ours(args: string[]) {
  const files = Object.fromEntries(
    Object.entries(OBJECTS).map(([name, text]) => [join(dir, name), text]),
  );
  const r = runKubectl(createCluster(), args, { files });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

describe.skipIf(!hasKubectl)('kubectl patch --local: parity with kubectl v1.32', () => {
  it.each(ROWS)('%s', (_what, file, type, patch) => {
    const args = [
      'patch',
      '--local',
      '-f',
      join(dir, file),
      '--type',
      type,
      '-p',
      patch,
      '-o',
      'json',
    ];
    const want = real(args);
    expect(ours(args)).toEqual(want);
  });

  it.each(ROWS.slice(0, 8))('-o yaml: %s', (_what, file, type, patch) => {
    const args = [
      'patch',
      '--local',
      '-f',
      join(dir, file),
      '--type',
      type,
      '-p',
      patch,
      '-o',
      'yaml',
    ];
    expect(ours(args)).toEqual(real(args));
  });

  // Each row: the arguments after `patch` (source: patch.go Validate and RunPatch).
  const USAGE: string[][] = [
    ['--local', '-f', join(dir, 'svc.yaml'), '-p', '{"spec":{"selector":{"app":"db"}}}'],
    ['--local', '-f', join(dir, 'svc.yaml'), '-p', '{"spec":{"selector":{"app":"x"}}}'],
    ['--local', '-f', join(dir, 'svc.yaml'), '-p', '{}', '-o', 'name'],
    ['--local', '-f', join(dir, 'svc.yaml'), '-p', '{}', '--dry-run=client'],
    ['--local', '-f', join(dir, 'svc.yaml'), '--type', 'foo', '-p', '{}'],
    ['--local', '-f', join(dir, 'svc.yaml'), '--type', 'MERGE', '-p', '{}'],
    ['--local', '-f', join(dir, 'svc.yaml')],
    ['--local', '-f', join(dir, 'svc.yaml'), '-p', '{}', '--patch-file', 'x.json'],
    ['--local', '-f', join(dir, 'svc.yaml'), '-p', '{}', '--dry-run=server'],
    ['--local', 'svc', 'db', '-p', '{}'],
    ['--local', '-f', join(dir, 'svc.yaml'), '--patch-file', join(dir, 'missing.json')],
    ['--local', '-f', join(dir, 'multi.yaml'), '--type', 'merge', '-p', '{"data":{"k":"v"}}'],
    [
      '--local',
      '-f',
      join(dir, 'multi.yaml'),
      '--type',
      'merge',
      '-p',
      '{"data":{"x":"1"}}',
      '-o',
      'yaml',
    ],
  ];
  it.each(USAGE)('usage: %j', (...args) => {
    const full = ['patch', ...args];
    expect(ours(full)).toEqual(real(full));
  });
});
