import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import {
  compileLabelSelector,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  parseSelectorString,
  validateLabelSelector,
} from '../../../../src/engine/labels/index.ts';

describe('label selectors (metav1.LabelSelector)', () => {
  const labels = { app: 'web', tier: 'front' };
  it.each<[LabelSelector, boolean, string]>([
    // [selector, matches, source]
    [{}, true, 'an empty selector selects everything (API field comment)'],
    [{ matchLabels: { app: 'web' } }, true, 'matchLabels equality'],
    [{ matchLabels: { app: 'db' } }, false, 'matchLabels mismatch'],
    [
      { matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] },
      true,
      'In',
    ],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, false, 'NotIn'],
    [
      { matchExpressions: [{ key: 'missing', operator: 'NotIn', values: ['x'] }] },
      true,
      'NotIn matches a missing key',
    ],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true, 'Exists'],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false, 'DoesNotExist'],
    [
      {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }],
      },
      false,
      'matchLabels AND matchExpressions',
    ],
  ])('%j → %s (%s)', (selector, expected) => {
    expect(compileLabelSelector(selector)(labels)).toBe(expected);
  });

  it('reports invalid operators and missing values with the API server wording', () => {
    const errs = validateLabelSelector(
      {
        matchExpressions: [
          { key: 'a', operator: 'Foo' },
          { key: 'b', operator: 'In' },
        ],
      },
      'spec.podSelector',
    );
    expect(errs.map((e) => e.field)).toEqual([
      'spec.podSelector.matchExpressions[0].operator',
      'spec.podSelector.matchExpressions[1].values',
    ]);
    expect(errs[0]!.detail).toBe('not a valid selector operator');
  });
});

describe('-l selector strings (labels.Parse)', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['tier in (front,back)', true],
    ['tier notin (front)', false],
    ['app', true],
    ['!app', false],
    ['app=web,tier=back', false],
  ])('%s → %s', (selector, expected) => {
    const parsed = parseSelectorString(selector);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.matches({ app: 'web', tier: 'front' })).toBe(expected);
  });
  it('rejects an invalid key', () => {
    expect(parseSelectorString('-bad=x').ok).toBe(false);
  });
});

describe('name validation (apimachinery util/validation)', () => {
  it('RFC 1123 labels', () => {
    expect(isDNS1123Label('team-a')).toEqual([]);
    expect(isDNS1123Label('Team')[0]).toContain(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'",
    );
    expect(isDNS1123Label('a'.repeat(64))).toContain('must be no more than 63 characters');
  });
  it('RFC 1123 subdomains allow dots', () => {
    expect(isDNS1123Subdomain('web.v1')).toEqual([]);
    expect(isDNS1123Subdomain('Web')[0]).toContain(
      "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'",
    );
  });
  it('Service names are RFC 1035 labels: no leading digit', () => {
    expect(isDNS1035Label('web')).toEqual([]);
    expect(isDNS1035Label('1web')[0]).toContain('start with an alphabetic character');
  });
  it('label keys and values', () => {
    expect(isQualifiedName('kubernetes.io/metadata.name')).toEqual([]);
    expect(isQualifiedName('a/b/c')).toHaveLength(1);
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('-x')).toHaveLength(1);
  });
});
