/**
 * `kubectl edit`: what kubectl checks before it opens $EDITOR (the object exists and may be
 * read; edit.go fetches it with a GET), then, without an editor, the object it would have
 * opened is named in the result for a front end that has one.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster/index.ts';
import { runCommandLine } from '../../../../src/engine/kubectl/index.ts';
import { NO_EDITOR } from '../../../../src/engine/kubectl/commands/edit.ts';

const base = (() => {
  let s = createCluster();
  for (const line of [
    'kubectl create namespace shop',
    'kubectl create service clusterip web -n shop --tcp=80:8080',
    'kubectl create serviceaccount reader -n shop',
  ])
    s = runCommandLine(s, line).state;
  return s;
})();

describe('kubectl edit', () => {
  it.each([
    ['TYPE NAME -n NS', 'kubectl edit svc web -n shop'],
    ['TYPE/NAME', 'kubectl edit service/web -n shop'],
    ['group-qualified type', 'kubectl edit services.v1 web --namespace=shop'],
  ])('names the object it would open (%s), changes nothing and exits 1', (_, line) => {
    const r = runCommandLine(base, line);
    expect(r.edit).toEqual({ kind: 'Service', namespace: 'shop', name: 'web' });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`${NO_EDITOR}\n`);
    expect(r.state).toBe(base);
  });

  it('a cluster-scoped object has no namespace', () => {
    expect(runCommandLine(base, 'kubectl edit namespace shop').edit).toEqual({
      kind: 'Namespace',
      name: 'shop',
    });
  });

  it.each([
    [
      'a missing object is NotFound, as the GET returns',
      'kubectl edit svc nope -n shop',
      'Error from server (NotFound): services "nope" not found\n',
    ],
    [
      'the namespace is part of the lookup',
      'kubectl edit svc web',
      'Error from server (NotFound): services "web" not found\n',
    ],
    [
      'an unknown type is kubectl’s resource-mapping error',
      'kubectl edit widget x',
      'error: the server doesn\'t have a resource type "widget"\n',
    ],
    [
      'no name',
      'kubectl edit svc -n shop',
      'error: edit needs the name of the object to edit here (TYPE NAME)\n',
    ],
    [
      'a user who may not get it is Forbidden',
      'kubectl edit svc web -n shop --as=system:serviceaccount:shop:reader',
      'Error from server (Forbidden): services "web" is forbidden: User "system:serviceaccount:shop:reader" cannot get resource "services" in API group "" in the namespace "shop"\n',
    ],
  ])('%s', (_, line, stderr) => {
    const r = runCommandLine(base, line);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
    expect(r.edit).toBeUndefined();
  });
});
