/**
 * The kinds registry is the one source of per-kind facts: discovery's rows for the stored kinds
 * are KINDS' own (each resource listed once per group, as an API server's discovery lists it),
 * in `kubectl api-resources` order, and a kind name from input narrows through kindInfo.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, kindInfo } from '../../../../src/engine/api/kinds.ts';
import { API_RESOURCES, resolveApiResource } from '../../../../src/engine/rbac/discovery.ts';

describe('kinds registry', () => {
  it('gives discovery one row per stored kind, with the facts KINDS states', () => {
    for (const k of KINDS) {
      const rows = API_RESOURCES.filter((r) => r.resource === k.resource && r.group === k.group);
      expect(rows, k.kind).toEqual([
        {
          resource: k.resource,
          singular: k.singular,
          shortNames: k.shortNames,
          group: k.group,
          version: k.version,
          namespaced: k.namespaced,
          kind: k.kind,
        },
      ]);
    }
  });

  it('orders discovery core group first, then by group, then by name (apiresources.go)', () => {
    const keys = API_RESOURCES.map((r) => [r.group, r.resource] as const);
    const sorted = [...keys].sort(([ga, ra], [gb, rb]) =>
      ga !== gb ? (ga < gb ? -1 : 1) : ra < rb ? -1 : ra > rb ? 1 : 0,
    );
    expect(keys).toEqual(sorted);
    expect(keys[0]![0]).toBe('');
  });

  it('still serves the resources it does not store (auth can-i create cronjobs.batch)', () => {
    expect(resolveApiResource('cronjobs.batch')?.kind).toBe('CronJob');
    expect(resolveApiResource('ev')?.group).toBe('');
    expect(kindInfo('CronJob')).toBeUndefined();
  });

  it.each([
    ['ConfigMap', 'configmaps'],
    ['NetworkPolicy', 'networkpolicies'],
  ])('narrows the kind name %s to its entry', (name, resource) => {
    expect(kindInfo(name)?.resource).toBe(resource);
  });

  it('narrows a misspelt or lowercase kind name to nothing', () => {
    expect(kindInfo('Servce')).toBeUndefined();
    expect(kindInfo('configmap')).toBeUndefined();
  });
});
