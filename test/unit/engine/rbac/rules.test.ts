/**
 * PolicyRule matching, rule coverage and compaction. Rows cite upstream tests:
 * plugin/pkg/auth/authorizer/rbac/rbac_test.go (TestRuleMatches), pkg/apis/rbac/v1
 * evaluation_helpers.go, component-helpers/auth/rbac/validation (Covers, BreakdownRule),
 * pkg/registry/rbac/validation (CompactRules, CompactString).
 */
import { describe, expect, it } from 'vitest';
import type { PolicyRule } from '../../../../src/engine/cluster/index.ts';
import {
  breakdownRule,
  compactRules,
  compactString,
  covers,
  ruleAllows,
  type AuthzAttributes,
} from '../../../../src/engine/rbac/index.ts';

const res = (
  verb: string,
  apiGroup: string,
  resource: string,
  subresource = '',
  name = '',
): AuthzAttributes => ({
  verb,
  resourceRequest: true,
  apiGroup,
  resource,
  subresource,
  name,
  namespace: 'ns',
});
const url = (verb: string, path: string): AuthzAttributes => ({
  verb,
  resourceRequest: false,
  path,
});

describe('ruleAllows (TestRuleMatches)', () => {
  const rows: Array<[string, PolicyRule, AuthzAttributes, boolean]> = [
    [
      'star verb matches any verb',
      { verbs: ['*'], apiGroups: ['g1'], resources: ['r1'] },
      res('verb2', 'g1', 'r1'),
      true,
    ],
    [
      'star verb, other group',
      { verbs: ['*'], apiGroups: ['g1'], resources: ['r1'] },
      res('verb1', 'g2', 'r1'),
      false,
    ],
    [
      'star group matches any group',
      { verbs: ['v1'], apiGroups: ['*'], resources: ['r1'] },
      res('v1', 'g2', 'r1'),
      true,
    ],
    [
      'star group, other verb',
      { verbs: ['v1'], apiGroups: ['*'], resources: ['r1'] },
      res('v2', 'g2', 'r1'),
      false,
    ],
    [
      'star resource',
      { verbs: ['v1'], apiGroups: ['g1'], resources: ['*'] },
      res('v1', 'g1', 'r2'),
      true,
    ],
    [
      'star resource covers subresources',
      { verbs: ['v1'], apiGroups: ['g1'], resources: ['*'] },
      res('v1', 'g1', 'pods', 'log'),
      true,
    ],
    [
      'tuple expansion',
      { verbs: ['v1', 'v2'], apiGroups: ['g1', 'g2'], resources: ['r1', 'r2'] },
      res('v2', 'g2', 'r2'),
      true,
    ],
    [
      'subresource exact',
      { verbs: ['*'], apiGroups: ['*'], resources: ['r1/s1'] },
      res('v', 'g', 'r1', 's1'),
      true,
    ],
    [
      'subresource other',
      { verbs: ['*'], apiGroups: ['*'], resources: ['r1/s1'] },
      res('v', 'g', 'r1', 's2'),
      false,
    ],
    [
      'resource rule does not grant its subresource (TestAuthorizer)',
      { verbs: ['*'], apiGroups: ['*'], resources: ['pods'] },
      res('get', '', 'pods', 'status'),
      false,
    ],
    [
      'subresource rule does not grant the resource (TestAuthorizer)',
      { verbs: ['*'], apiGroups: ['*'], resources: ['pods/status'] },
      res('get', '', 'pods'),
      false,
    ],
    [
      '*/subresource matches any resource’s subresource',
      { verbs: ['get'], apiGroups: [''], resources: ['*/scale'] },
      res('get', '', 'deployments', 'scale'),
      true,
    ],
    [
      '*/subresource does not match the resource',
      { verbs: ['get'], apiGroups: [''], resources: ['*/scale'] },
      res('get', '', 'deployments'),
      false,
    ],
    [
      'core group is the empty string',
      { verbs: ['get'], apiGroups: [''], resources: ['deployments'] },
      res('get', 'apps', 'deployments'),
      false,
    ],
    [
      'resourceNames allow the listed name',
      { verbs: ['get'], apiGroups: [''], resources: ['cm'], resourceNames: ['a'] },
      res('get', '', 'cm', '', 'a'),
      true,
    ],
    [
      'resourceNames refuse other names',
      { verbs: ['get'], apiGroups: [''], resources: ['cm'], resourceNames: ['a'] },
      res('get', '', 'cm', '', 'b'),
      false,
    ],
    [
      'resourceNames refuse a request without a name (list)',
      { verbs: ['list'], apiGroups: [''], resources: ['cm'], resourceNames: ['a'] },
      res('list', '', 'cm'),
      false,
    ],
    [
      'verbs are case-sensitive (TestAuthorizer GET)',
      { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
      res('GET', '', 'pods'),
      false,
    ],
    ['star URL', { verbs: ['v1'], nonResourceURLs: ['*'] }, url('v1', '/foo/bar/one'), true],
    ['star URL, other verb', { verbs: ['v1'], nonResourceURLs: ['*'] }, url('v2', '/foo'), false],
    [
      'URL prefix /foo/* does not match /foo',
      { verbs: ['v1'], nonResourceURLs: ['/foo/*'] },
      url('v1', '/foo'),
      false,
    ],
    [
      'URL prefix /foo/* matches /foo/bar',
      { verbs: ['v1'], nonResourceURLs: ['/foo/*'] },
      url('v1', '/foo/bar'),
      true,
    ],
    [
      'URL prefix /foo* matches /foobar',
      { verbs: ['v1'], nonResourceURLs: ['/foo*'] },
      url('v1', '/foobar'),
      true,
    ],
    ['exact URL', { verbs: ['get'], nonResourceURLs: ['/apis'] }, url('get', '/apis'), true],
    [
      'exact URL, other path',
      { verbs: ['get'], nonResourceURLs: ['/apis'] },
      url('get', '/api/v1'),
      false,
    ],
    [
      'a resource rule never matches a URL',
      { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      url('get', '/healthz'),
      false,
    ],
    [
      'a URL rule never matches a resource',
      { verbs: ['*'], nonResourceURLs: ['*'] },
      res('get', '', 'pods'),
      false,
    ],
  ];
  it.each(rows)('%s', (_name, rule, attrs, expected) => {
    expect(ruleAllows(attrs, rule)).toBe(expected);
  });
});

describe('covers (escalation comparison)', () => {
  const rows: Array<[string, PolicyRule[], PolicyRule[], boolean]> = [
    [
      'star covers everything',
      [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      [{ verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'] }],
      true,
    ],
    [
      'verbs must all be held',
      [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }],
      [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }],
      false,
    ],
    [
      'split over two owner rules',
      [
        { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
        { verbs: ['list'], apiGroups: [''], resources: ['pods'] },
      ],
      [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }],
      true,
    ],
    [
      '*/sub covers pods/sub',
      [{ verbs: ['get'], apiGroups: [''], resources: ['*/log'] }],
      [{ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }],
      true,
    ],
    [
      'named owner does not cover unnamed',
      [{ verbs: ['get'], apiGroups: [''], resources: ['cm'], resourceNames: ['a'] }],
      [{ verbs: ['get'], apiGroups: [''], resources: ['cm'] }],
      false,
    ],
    [
      'unnamed owner covers named',
      [{ verbs: ['get'], apiGroups: [''], resources: ['cm'] }],
      [{ verbs: ['get'], apiGroups: [''], resources: ['cm'], resourceNames: ['a'] }],
      true,
    ],
    [
      'URL prefix covers',
      [{ verbs: ['get'], nonResourceURLs: ['/api/*'] }],
      [{ verbs: ['get'], nonResourceURLs: ['/api/v1'] }],
      true,
    ],
    [
      'URL not covered',
      [{ verbs: ['get'], nonResourceURLs: ['/api'] }],
      [{ verbs: ['get'], nonResourceURLs: ['/apis'] }],
      false,
    ],
  ];
  it.each(rows)('%s', (_n, owner, servant, expected) => {
    expect(covers(owner, servant).covered).toBe(expected);
  });

  it('lists what is missing, one verb per resource', () => {
    const r = covers(
      [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }],
      [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'secrets'] }],
    );
    expect(r.missing.map(compactString)).toEqual([
      '{APIGroups:[""], Resources:["pods"], Verbs:["list"]}',
      '{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}',
      '{APIGroups:[""], Resources:["secrets"], Verbs:["list"]}',
    ]);
  });
});

describe('breakdownRule and compactRules', () => {
  it('breaks a rule into group × resource × verb (× name) and URL × verb', () => {
    expect(
      breakdownRule({ verbs: ['get', 'list'], apiGroups: ['', 'apps'], resources: ['a'] }).length,
    ).toBe(4);
    expect(breakdownRule({ verbs: ['get'], nonResourceURLs: ['/a', '/b'] })).toEqual([
      { verbs: ['get'], nonResourceURLs: ['/a'] },
      { verbs: ['get'], nonResourceURLs: ['/b'] },
    ]);
  });

  it('merges simple rules that differ only in verbs, keeping verbs in the order met', () => {
    const parts = breakdownRule({ verbs: ['list', 'get'], apiGroups: [''], resources: ['pods'] });
    expect(
      compactRules([...parts, { verbs: ['get'], apiGroups: [''], resources: ['pods'] }]),
    ).toEqual([{ verbs: ['list', 'get'], apiGroups: [''], resources: ['pods'] }]);
  });

  it('formats the compact string as the API server does (Go %q of slices)', () => {
    expect(
      compactString({
        verbs: ['get', 'list'],
        apiGroups: [''],
        resources: ['pods'],
        resourceNames: ['x'],
      }),
    ).toBe('{APIGroups:[""], Resources:["pods"], ResourceNames:["x"], Verbs:["get" "list"]}');
    expect(compactString({ verbs: ['get'], nonResourceURLs: ['/healthz'] })).toBe(
      '{NonResourceURLs:["/healthz"], Verbs:["get"]}',
    );
  });
});
