/**
 * Every verdict explains itself (STYLE.md habit 3; Cyclonus lists, per direction, the
 * policies that allow and deny): which policies select the pod, and for each the rule, peer
 * and port that matched or why none did.
 */
import { describe, expect, it } from 'vitest';
import { describeVerdict } from '../../../../src/engine/netpol/index.ts';
import { Lab, policy } from './fixture.ts';

const denyX = policy('x', 'deny', 'podSelector: {}\ningress: []');
const allowB = policy(
  'x',
  'allow-b',
  'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - podSelector:\n      matchLabels: {pod: b}\n  ports:\n  - port: 80\n  - port: serve-81-tcp',
);

describe('explanations', () => {
  it('an unselected pod is open in that direction, and says so', () => {
    const v = new Lab().verdict('x/a', 'y/b');
    expect(v).toMatchObject({ allowed: true, enforced: true, from: 'x/a', to: 'y/b', self: false });
    expect(v.egress).toMatchObject({
      isolated: false,
      policies: [],
      pod: 'x/a',
      direction: 'egress',
    });
    expect(v.ingress.reason).toContain('no NetworkPolicy in y selects y/b for ingress');
  });

  it('lists every selecting policy with the rule, peer and port that matched', () => {
    const v = new Lab().apply(denyX).apply(allowB).verdict('x/b', 'x/a', 81);
    expect(v.allowed).toBe(true);
    expect(v.ingress.isolated).toBe(true);
    expect(v.ingress.policies.map((p) => [p.policy, p.allows])).toEqual([
      ['x/allow-b', true],
      ['x/deny', false],
    ]);
    const allow = v.ingress.policies[0]!;
    expect(allow.rules).toEqual([
      expect.objectContaining({ rule: 0, allows: true, peer: 0, port: 1 }),
    ]);
    expect(allow.rules[0]!.reason).toContain('named port serve-81-tcp is TCP/81');
    expect(v.ingress.policies[1]!.reason).toContain('has no ingress rules: it allows nothing');
  });

  it('says why no rule matched: the peer, then the port', () => {
    const lab = new Lab().apply(allowB);
    const wrongPeer = lab.verdict('y/b', 'x/a');
    expect(wrongPeer.allowed).toBe(false);
    expect(wrongPeer.ingress.policies[0]!.rules[0]).toMatchObject({ peer: -1, port: 0 });
    expect(wrongPeer.ingress.policies[0]!.rules[0]!.reason).toContain(
      "alone selects pods in the policy's own namespace x, and y/b is in y",
    );
    const wrongPort = lab.verdict('x/b', 'x/a', 82);
    expect(wrongPort.ingress.policies[0]!.rules[0]).toMatchObject({ peer: 0, port: -1 });
    expect(wrongPort.ingress.policies[0]!.rules[0]!.reason).toContain(
      'no ports entry admits TCP/82',
    );
    expect(wrongPort.reason).toBe('TCP/82 from x/b to x/a is denied by ingress policy at x/a');
  });

  it('explains ipBlock except and non-pod addresses', () => {
    const lab = new Lab().apply(
      policy(
        'x',
        'cidr',
        'podSelector: {}\npolicyTypes: [Egress]\negress:\n- to:\n  - ipBlock: {cidr: 10.244.0.0/16, except: [10.244.2.0/24]}',
      ),
    );
    const v = lab.verdict('x/a', 'y/b');
    expect(v.egress.policies[0]!.rules[0]!.reason).toContain('excluded by except 10.244.2.0/24');
    const out = lab.verdict('x/a', '9.9.9.9');
    expect(out.to).toBe('9.9.9.9');
    expect(out.ingress.reason).toContain("not a pod's address");
    expect(out.reason).toContain('denied by egress policy at x/a');
  });

  it('a pod to itself is allowed, citing the docs', () => {
    const v = new Lab().apply(denyX).verdict('x/a', 'x/a');
    expect(v).toMatchObject({ allowed: true, self: true });
    expect(v.reason).toContain('a pod cannot block access to itself');
  });

  it('a plugin that does not enforce allows everything, says why, and keeps the enforced verdict', () => {
    const lab = new Lab().apply(denyX);
    lab.state = {
      ...lab.state,
      settings: { ...lab.state.settings, networkPolicy: 'not-enforcing' },
    };
    const v = lab.verdict('y/a', 'x/a');
    expect(v).toMatchObject({ allowed: true, enforced: false });
    expect(v.reason).toContain('does not enforce NetworkPolicy');
    expect(v.ifEnforced?.allowed).toBe(false);
    const lines = describeVerdict(v);
    expect(lines[0]).toBe('NetworkPolicy: ALLOWED: TCP/80 from y/a to x/a (10.244.1.10)');
    expect(lines.join('\n')).toContain('would be denied');
  });

  it('describeVerdict renders both directions and each policy rule', () => {
    const v = new Lab().apply(denyX).apply(allowB).verdict('x/c', 'x/a');
    const lines = describeVerdict(v);
    expect(lines[0]).toBe('NetworkPolicy: DENIED: TCP/80 from x/c to x/a (10.244.1.10)');
    expect(lines[1]).toMatch(/^Egress at x\/c: allowed: no NetworkPolicy in x selects x\/c/);
    expect(lines).toContain('  - x/allow-b: does not allow');
    expect(lines).toContain('  - x/deny: does not allow');
    expect(lines).toContain('      no ingress rules (ingress: []): allows nothing');
    expect(
      lines.some((l) => l.startsWith('      ingress[0] does not match: from[0]: x/c (pod=c)')),
    ).toBe(true);
  });

  it("traffic from a pod's own node (a host-network pod) is always allowed into isolated pods", () => {
    const lab = new Lab()
      .apply(denyX)
      .apply(
        'apiVersion: v1\nkind: Pod\nmetadata: {name: agent, namespace: "y"}\nspec:\n  hostNetwork: true\n  containers: [{name: agent, image: agent}]\n',
      );
    const v = lab.verdict('y/agent', 'x/a');
    expect(v.allowed).toBe(true);
    expect(v.ingress.reason).toContain("traffic from a pod's own node is always allowed");
    expect(lab.allowed('y/a', 'x/a')).toBe(false);
  });

  it('an egress-isolated pod is checked on traffic to the node address too, and the words say so', () => {
    const lab = new Lab().apply(policy('x', 'no-egress', 'podSelector: {}\npolicyTypes: [Egress]'));
    const v = lab.verdict('x/a', '172.18.0.2', 6443);
    expect(v.allowed).toBe(false);
    expect(v.ingress.reason).toContain('is the address of node nslab-control-plane');
  });
});
