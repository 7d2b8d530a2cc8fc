/**
 * `kubectl get` tables. Column sets and cell formats come from the API server's table
 * convertors (kubernetes pkg/printers/internalversion/printers.go; each row names the
 * function); listing behaviour (kind prefixes, blank lines, NotFound, `No resources found`)
 * from kubectl pkg/cmd/get/get.go and was checked against kubectl v1.32.4.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterFromFiles } from '../../../../src/cli/nslab.ts';
import type { ClusterState } from '../../../../src/engine/cluster/index.ts';
import { runCommandLine, runKubectl } from '../../../../src/engine/kubectl/index.ts';

function load(file: string): ClusterState {
  const c = clusterFromFiles([`test/fixtures/kubectl/${file}`]);
  if ('error' in c) throw new Error(c.error);
  return c.state;
}

let shop: ClusterState;
let data: ClusterState;
beforeAll(() => {
  shop = load('describe-cluster.yaml');
  data = load('get-workloads.yaml');
});

/** The table's cells: columns are separated by at least three spaces (tabwriter padding 3). */
function cells(out: string): string[][] {
  return out
    .trimEnd()
    .split('\n')
    .map((l) => l.split(/ {3,}/));
}

describe('columns per kind (printers.go)', () => {
  it.each([
    // [cluster, command, header, a row] — source function in the description
    [
      'shop',
      'get pods -n shop -o wide',
      'NAME|READY|STATUS|RESTARTS|AGE|IP|NODE|NOMINATED NODE|READINESS GATES',
      'api-canary|0/1|Running|0|1s|10.244.1.11|nslab-control-plane|<none>|<none>',
      'printPod: a running container that is not ready is not counted',
    ],
    [
      'shop',
      'get svc -n shop -o wide',
      'NAME|TYPE|CLUSTER-IP|EXTERNAL-IP|PORT(S)|AGE|SELECTOR',
      'api-public|NodePort|10.96.100.11|<none>|80:30080/TCP|1s|app=api',
      'printService + makePortString',
    ],
    [
      'data',
      'get svc lb -n data',
      'NAME|TYPE|CLUSTER-IP|EXTERNAL-IP|PORT(S)|AGE',
      'lb|LoadBalancer|10.96.50.5|<pending>|443:31443/TCP|1s',
      'getServiceExternalIP: LoadBalancer without ingress',
    ],
    [
      'data',
      'get svc ext -n data',
      'NAME|TYPE|CLUSTER-IP|EXTERNAL-IP|PORT(S)|AGE',
      'ext|ExternalName|<none>|db.example.com|<none>|1s',
      'getServiceExternalIP: ExternalName',
    ],
    [
      'shop',
      'get deploy -n shop -o wide',
      'NAME|READY|UP-TO-DATE|AVAILABLE|AGE|CONTAINERS|IMAGES|SELECTOR',
      'web|2/2|2|2|1s|nginx|nginx:1.27|app=web,tier in (edge,frontend)',
      'printDeployment: selector as labels.Selector.String()',
    ],
    [
      'shop',
      'get rs -n shop -o wide',
      'NAME|DESIRED|CURRENT|READY|AGE|CONTAINERS|IMAGES|SELECTOR',
      'web-6fc8565c77|2|2|2|1s|nginx|nginx:1.27|app=web,pod-template-hash=6fc8565c77,tier in (edge,frontend)',
      'printReplicaSet',
    ],
    [
      'data',
      'get sts -n data -o wide',
      'NAME|READY|AGE|CONTAINERS|IMAGES',
      'db|2/2|1s|pg,exporter|postgres:16,prom/postgres-exporter',
      'printStatefulSet + layoutContainerCells',
    ],
    [
      'data',
      'get ds -n data',
      'NAME|DESIRED|CURRENT|READY|UP-TO-DATE|AVAILABLE|NODE SELECTOR|AGE',
      'agent|1|1|1|1|1|kubernetes.io/os=linux|1s',
      'printDaemonSet',
    ],
    [
      'data',
      'get job -n data',
      'NAME|STATUS|COMPLETIONS|DURATION|AGE',
      'migrate|Running|0/4|1s|1s',
      'printJob: status column (1.30+), completions with spec.completions',
    ],
    [
      'data',
      'get ep legacy -n data',
      'NAME|ENDPOINTS|AGE',
      'legacy|192.0.2.1:5432,192.0.2.2:5432,192.0.2.3:5432 + 1 more...|1s',
      'formatEndpoints: three then "+ N more..."',
    ],
    [
      'shop',
      'get endpoints api -n shop',
      'NAME|ENDPOINTS|AGE',
      'api|10.244.1.10:8080,10.244.1.10:9090|1s',
      'formatEndpoints: every port of a subset',
    ],
    ['shop', 'get sa api -n shop', 'NAME|SECRETS|AGE', 'api|0|1s', 'printServiceAccount'],
    [
      'shop',
      'get cm api-config -n shop',
      'NAME|DATA|AGE',
      'api-config|2|1s',
      'printConfigMap: data + binaryData',
    ],
    ['shop', 'get secret db -n shop', 'NAME|TYPE|DATA|AGE', 'db|Opaque|2|1s', 'printSecret'],
    [
      'shop',
      'get netpol -n shop',
      'NAME|POD-SELECTOR|AGE',
      'api-ingress|app=api|1s',
      'printNetworkPolicy: FormatLabelSelector',
    ],
    [
      'shop',
      'get role -n shop',
      'NAME|CREATED AT',
      'reader|2026-01-01T00:10:00Z',
      'default table convertor: Created At in RFC 3339',
    ],
    [
      'shop',
      'get rolebinding -n shop -o wide',
      'NAME|ROLE|AGE|USERS|GROUPS|SERVICEACCOUNTS',
      'read-shop|Role/reader|1s|alice|system:authenticated|shop/api',
      'printRoleBinding + rbac.SubjectsStrings',
    ],
    ['shop', 'get ns shop', 'NAME|STATUS|AGE', 'shop|Active|1s', 'printNamespace'],
  ])('%s: %s', (which, line, header, row) => {
    const r = runCommandLine(which === 'shop' ? shop : data, line);
    expect(r.stderr).toBe('');
    const table = cells(r.stdout);
    expect(table[0]!.join('|')).toBe(header);
    expect(table.map((c) => c.join('|'))).toContain(row);
  });

  it('leaves an empty USERS cell for a binding without users (printClusterRoleBinding)', () => {
    const out = runCommandLine(data, 'get clusterrolebinding viewer-lite -o wide').stdout;
    expect(out.split('\n')[1]).toBe(
      'viewer-lite   ClusterRole/viewer-lite   1s            devs, ops',
    );
  });

  it('prints nodes with status, roles and version, and -o wide addresses (printNode, findNodeRoles)', () => {
    const t = cells(runCommandLine(shop, 'get nodes -o wide').stdout);
    expect(t[0]).toEqual([
      'NAME',
      'STATUS',
      'ROLES',
      'AGE',
      'VERSION',
      'INTERNAL-IP',
      'EXTERNAL-IP',
      'OS-IMAGE',
      'KERNEL-VERSION',
      'CONTAINER-RUNTIME',
    ]);
    expect(t[1]![0]).toBe('nslab-control-plane');
    expect(t[1]!.slice(1, 3)).toEqual(['Ready', 'control-plane']);
    expect(t[1]!.slice(5, 7)).toEqual(['172.18.0.2', '<none>']);
  });

  it('counts workload readiness from the pods the controllers created', () => {
    // A Deployment whose pods are not ready reports 0/N ready (printDeployment reads status.readyReplicas).
    const r = runCommandLine(
      shop,
      `kubectl get deploy web -n shop -o jsonpath='{.status.readyReplicas}/{.status.replicas} {.status.conditions[?(@.type=="Available")].reason}'`,
    );
    expect(r.stdout).toBe('2/2 MinimumReplicasAvailable');
  });
});

describe('listing behaviour (kubectl get.go)', () => {
  it('prefixes names with kind.group only when the objects span several kinds, with a blank line between tables', () => {
    const both = runCommandLine(shop, 'get deploy,rs -n shop').stdout;
    expect(both).toMatch(/^NAME {18}READY/);
    expect(both).toContain('\ndeployment.apps/web   2/2');
    expect(both).toContain('\n\nNAME                             DESIRED');
    expect(both).toContain('replicaset.apps/web-6fc8565c77');
    // Only one kind has objects: no prefix (multipleGVKsRequested looks at the objects found).
    const one = runCommandLine(shop, 'get deploy,statefulsets -n shop').stdout;
    expect(one.split('\n')[1]).toMatch(/^web /);
  });

  it('keeps the NAMESPACE column for later cluster-scoped tables once -A turned it on', () => {
    const out = runCommandLine(shop, 'get pods,nodes -A').stdout;
    const nodeTable = out.split('\n\n')[1]!;
    expect(nodeTable.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+STATUS/);
    expect(nodeTable.split('\n')[1]).toMatch(/^\s+node\/nslab-control-plane\s+Ready/);
    // Alone, a cluster-scoped kind has no NAMESPACE column.
    expect(runCommandLine(shop, 'get nodes -A').stdout).toMatch(/^NAME\s+STATUS/);
  });

  it.each([
    // [command, stdout, stderr, exit]
    ['get pods nope -n shop', '', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['get pods -n nope', '', 'No resources found in nope namespace.\n', 0],
    ['get pods,svc -n nope', '', 'No resources found in nope namespace.\n', 0],
    ['get pods -A -l app=none', '', 'No resources found\n', 0],
    // The simulator records no Events; describe prints `Events: <none>` for the same reason.
    ['get events -n shop', '', 'No resources found in shop namespace.\n', 0],
    // get.go: allResourcesNamespaced starts true without -A, so even cluster-scoped kinds say "in default namespace".
    ['get clusterroles -l none=here', '', 'No resources found in default namespace.\n', 0],
    ['get pods -n shop -l app=none -o name', '', '', 0],
    [
      'get pods api nope -n shop -o name',
      'pod/api\n',
      'Error from server (NotFound): pods "nope" not found\n',
      1,
    ],
    ['get pods,svc -n shop -l app=api -o name', 'pod/api\npod/api-canary\nservice/api\n', '', 0],
    [
      'get deploy,netpol -n shop -o name',
      'deployment.apps/web\nnetworkpolicy.networking.k8s.io/api-ingress\n',
      '',
      0,
    ],
    [
      'get pods x -A',
      '',
      'error: a resource cannot be retrieved by name across all namespaces\n',
      1,
    ],
    [
      'get pods -n shop -o yaml --show-labels',
      '',
      'error: --show-labels option cannot be used with yaml printer\n',
      1,
    ],
    [
      'get pods -o xyz',
      '',
      'error: unable to match a printer suitable for the output format "xyz", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
      1,
    ],
    ['get pods -o jsonpath', '', 'error: template format specified but no template given\n', 1],
    [
      'get pods -o custom-columns=NAME',
      '',
      'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n',
      1,
    ],
  ])('%s', (line, out, err, exit) => {
    const r = runCommandLine(shop, line);
    expect(r.stdout).toBe(out);
    expect(r.stderr).toBe(err);
    expect(r.exitCode).toBe(exit);
  });

  it('prints an empty List for -o yaml when nothing matches, and the object itself for one name', () => {
    expect(runCommandLine(shop, 'get pods -n nope -o yaml').stdout).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
    expect(runCommandLine(shop, 'get pod api -n shop -o json').stdout).toMatch(
      /^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Pod",/,
    );
  });

  it('adds -L label columns and --show-labels after the kind columns', () => {
    const t = cells(
      runCommandLine(shop, 'get pods -n shop -l app=api -L track --show-labels').stdout,
    );
    expect(t[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'TRACK', 'LABELS']);
    expect(t[2]).toEqual([
      'api-canary',
      '0/1',
      'Running',
      '0',
      '1s',
      'canary',
      'app=api,track=canary',
    ]);
  });

  it('filters with --field-selector as the API server does, and rejects unsupported fields', () => {
    // pkg/registry/core/pod: pods support status.phase and spec.nodeName; every kind metadata.name.
    const r = runCommandLine(
      shop,
      'get pods -A --field-selector=metadata.namespace=shop,metadata.name!=api -o name',
    );
    expect(r.stdout).toMatch(/^pod\/api-canary\npod\/web-/);
    expect(
      runCommandLine(shop, 'get pods -n shop --field-selector status.phase=Pending').stderr,
    ).toBe('No resources found in shop namespace.\n');
    const bad = runCommandLine(shop, 'get svc -A --field-selector spec.type=NodePort');
    expect(bad.stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=services" that match label selector "", field selector "spec.type=NodePort": field label not supported: spec.type\n',
    );
    expect(bad.exitCode).toBe(1);
  });

  it('sorts with --sort-by (relaxed JSONPath, strings compared as strings)', () => {
    const r = runCommandLine(shop, 'get pods -n shop -l app=api --sort-by=.status.podIP -o name');
    expect(r.stdout).toBe('pod/api\npod/api-canary\n');
    // By IP the Deployment's pods (10.244.0.x) come before api (10.244.1.10), unlike name order.
    const byIp = runCommandLine(shop, "get pods -n shop --sort-by='{.status.podIP}' -o name");
    expect(byIp.stdout).toMatch(/^pod\/web-\S+\npod\/web-\S+\npod\/api\npod\/api-canary\n$/);
  });

  it('explains a missing resource type like kubectl', () => {
    const r = runCommandLine(shop, 'get');
    expect(r.stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('gets the objects a manifest names with -f, one table per run of one kind', () => {
    const manifest =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: gone, namespace: shop}\n';
    const r = runKubectl(shop, ['get', '-f', 'm.yaml', '-o', 'name'], {
      files: { 'm.yaml': manifest },
    });
    expect(r.stdout).toBe('pod/api\nservice/api\n');
    expect(r.stderr).toBe('Error from server (NotFound): pods "gone" not found\n');
    const one = runKubectl(shop, ['get', '-f', 'm.yaml', '-o', 'jsonpath={.kind}'], {
      files: { 'm.yaml': manifest.split('---')[0]! },
    });
    expect(one.stdout).toBe('Pod');
  });
});
