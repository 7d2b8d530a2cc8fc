/**
 * `kubectl api-resources` over the kinds the simulator serves: the columns and sort order of
 * apiresources.go (group, then name), its filters (--namespaced, --api-group, --verbs,
 * --categories) and errors. Expected rows are those a v1.32 API server's discovery gives for
 * the same kinds (NAMESPACED, short names, group/version; namespaces lack deletecollection).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster/index.ts';
import { runCommandLine } from '../../../../src/engine/kubectl/index.ts';

const state = createCluster();
const run = (line: string) => runCommandLine(state, line);
const rows = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => l.split(/\s{2,}/));

describe('kubectl api-resources', () => {
  it('lists the served kinds: core group first, then by group, then by name', () => {
    const r = run('kubectl api-resources');
    expect(r.exitCode).toBe(0);
    const table = rows(r.stdout);
    expect(table[0]).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    const names = table.slice(1).map((row) => row[0]);
    expect(names.slice(0, 3)).toEqual(['configmaps', 'endpoints', 'namespaces']);
    expect(names.indexOf('pods')).toBeLessThan(names.indexOf('deployments'));
    expect(names.at(-1)).toBe('roles');
    // Rows as discovery reports them (a real cluster's `kubectl api-resources`).
    expect(r.stdout).toMatch(/^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
    expect(r.stdout).toMatch(/^pods\s+po\s+v1\s+true\s+Pod$/m);
    expect(r.stdout).toMatch(/^secrets\s+v1\s+true\s+Secret$/m);
    expect(r.stdout).toMatch(
      /^networkpolicies\s+netpol\s+networking\.k8s\.io\/v1\s+true\s+NetworkPolicy$/m,
    );
    expect(r.stdout).toMatch(
      /^clusterrolebindings\s+rbac\.authorization\.k8s\.io\/v1\s+false\s+ClusterRoleBinding$/m,
    );
  });

  it('--namespaced=false lists what belongs to the whole building, not a room', () => {
    const names = run('kubectl api-resources --namespaced=false --no-headers -o name').stdout;
    expect(names).toBe(
      'namespaces\nnodes\nclusterrolebindings.rbac.authorization.k8s.io\nclusterroles.rbac.authorization.k8s.io\n',
    );
    const inRooms = rows(run('kubectl api-resources --namespaced=true --no-headers').stdout);
    expect(inRooms.every((row) => row.includes('true'))).toBe(true);
    expect(inRooms.map((row) => row[0])).toContain('rolebindings');
  });

  it('filters by group (the core group is the empty string), verbs and categories', () => {
    expect(run('kubectl api-resources --api-group=apps -o name').stdout).toBe(
      'daemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n',
    );
    const core = run("kubectl api-resources --api-group='' -o name").stdout.trim().split('\n');
    expect(core).toContain('pods');
    expect(core.every((n) => !n.includes('.'))).toBe(true);
    expect(run('kubectl api-resources --verbs=deletecollection -o name').stdout).not.toMatch(
      /^namespaces$/m,
    );
    expect(run('kubectl api-resources --categories=all -o name').stdout).toBe(
      'pods\nservices\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\njobs.batch\n',
    );
  });

  it('-o wide adds VERBS and CATEGORIES; --sort-by=kind orders by kind', () => {
    const wide = run('kubectl api-resources -o wide');
    expect(rows(wide.stdout)[0]).toEqual([
      'NAME',
      'SHORTNAMES',
      'APIVERSION',
      'NAMESPACED',
      'KIND',
      'VERBS',
      'CATEGORIES',
    ]);
    expect(wide.stdout).toMatch(
      /^pods\s+po\s+v1\s+true\s+Pod\s+\[create delete deletecollection get list patch update watch\]\s+all$/m,
    );
    expect(wide.stdout).toMatch(/^namespaces\s+.*\[create delete get list patch update watch\]$/m);
    const byKind = rows(run('kubectl api-resources --sort-by=kind --no-headers').stdout).map(
      (row) => row.at(-1),
    );
    expect(byKind).toEqual([...byKind].sort());
  });

  it.each([
    ['kubectl api-resources -o yaml', 'error: --output yaml is not available\n'],
    ['kubectl api-resources --sort-by=group', 'error: --sort-by accepts only name or kind\n'],
    [
      'kubectl api-resources pods',
      "error: unexpected arguments: [pods]\nSee 'kubectl api-resources -h' for help and examples\n",
    ],
  ])('%s fails as kubectl does', (line, stderr) => {
    const r = run(line);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
  });
});
