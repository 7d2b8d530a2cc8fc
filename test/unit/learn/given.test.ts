/**
 * `given` on a goal: the grader changes a copy of the cluster (kubectl command lines) before
 * checking that goal — PP2's "then tenant-c arrives" — and the learner's cluster is untouched.
 */
import { describe, expect, it } from 'vitest';
import {
  checkGoals,
  checkTask,
  parseLesson,
  type LessonGoal,
  type Task,
} from '../../../src/learn/index.ts';
import { getObject, listObjects } from '../../../src/engine/cluster/index.ts';
import { ACME, cluster } from './helpers.ts';

/** A shared namespace whose auth pod admits only namespaces labelled tenant=true. */
const SHARED = `${ACME}
---
apiVersion: v1
kind: Namespace
metadata: {name: shared}
---
apiVersion: v1
kind: Pod
metadata: {name: auth, namespace: shared, labels: {app: auth}}
spec:
  containers: [{name: auth, image: auth, ports: [{containerPort: 8443}]}]
`;

const BY_LABEL = `kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: auth-from-tenants, namespace: shared}
spec:
  podSelector: {matchLabels: {app: auth}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {tenant: "true"}}
EOF`;

const BY_NAME = `kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: auth-from-tenants, namespace: shared}
spec:
  podSelector: {matchLabels: {app: auth}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
EOF`;

const TENANT_C = [
  'kubectl create namespace tenant-c',
  'kubectl label namespace tenant-c tenant=true',
  'kubectl run app -n tenant-c --image=curl --labels=app=app',
];

const NEWCOMER: LessonGoal = {
  title: 'a new tenant reaches auth with no policy edits',
  given: TENANT_C,
  goal: { kind: 'probe', from: 'tenant-c/app', port: 8443, allowed: ['shared/auth'] },
};

const start = cluster(SHARED);

describe('a goal with given', () => {
  // Rows: the policy the learner wrote, and whether the newcomer gets in (NetworkPolicy
  // namespaceSelector semantics: a label selector keeps matching new namespaces, a name does not).
  const rows: Array<[string, string, boolean]> = [
    ['keyed on the tenant label: the newcomer matches', BY_LABEL, true],
    ['keyed on one namespace name: the newcomer does not', BY_NAME, false],
  ];
  it.each(rows)('%s', (_name, policy, pass) => {
    const state = cluster(SHARED, [policy]);
    const [checked] = checkGoals(state, [NEWCOMER], start);
    expect(checked!.result.pass, checked!.result.detail).toBe(pass);
  });

  it('without given, the same probe fails: the pod does not exist in the learner cluster', () => {
    const state = cluster(SHARED, [BY_LABEL]);
    const { given: _omitted, ...bare } = NEWCOMER;
    const [checked] = checkGoals(state, [bare], start);
    expect(checked!.result.pass).toBe(false);
    expect(checked!.result.detail).toContain('tenant-c/app does not exist');
  });

  it("leaves the learner's cluster untouched", () => {
    const state = cluster(SHARED, [BY_LABEL]);
    const before = JSON.stringify(state);
    const task: Task = {
      id: 't',
      title: 't',
      description: 'd',
      goals: [NEWCOMER],
      hints: ['h'],
      solution: ['kubectl get pods'],
    };
    const status = checkTask(state, task, start);
    expect(status.done).toBe(true);
    expect(JSON.stringify(state)).toBe(before);
    expect(getObject(state, 'Namespace', '', 'tenant-c')).toBeUndefined();
    expect(listObjects(state, 'Pod', 'tenant-c')).toEqual([]);
  });

  it('reports a failing given command as the goal failing, with the command and its error', () => {
    const goal: LessonGoal = {
      ...NEWCOMER,
      given: ['kubectl create namespace tenant-c', 'kubectl label namespace nowhere tenant=true'],
    };
    const [checked] = checkGoals(cluster(SHARED, [BY_LABEL]), [goal], start);
    expect(checked!.result.pass).toBe(false);
    expect(checked!.result.detail).toContain('given[1]');
    expect(checked!.result.detail).toContain('kubectl label namespace nowhere tenant=true');
    expect(checked!.result.detail).toMatch(/NotFound|not found/);
  });
});

describe('given in a lesson file', () => {
  const lesson = (given: string) => `
id: g
kind: challenge
order: 1
title: G
concept: c
prose: p
covers: [x]
cluster: {manifests: ''}
predict:
  question: q
  options: [{text: a, correct: true}, {text: b, correct: false}]
  reveal: r
tasks:
  - id: t
    title: t
    description: d
    goals:
      - title: tenant-c exists
        ${given}
        exists: {object: {kind: Namespace, name: tenant-c}}
    hints: [h]
    solution: [kubectl get pods]
takeaway: t
`;

  it('reads given as a list of command lines', () => {
    const r = parseLesson(lesson('given: [kubectl create namespace tenant-c]'), 'l.yaml');
    expect(r.ok ? r.lesson.tasks[0]!.goals[0]!.given : r.errors).toEqual([
      'kubectl create namespace tenant-c',
    ]);
  });

  // Each row: a bad given and the message the validator must give (reader.ts wording).
  const rows: Array<[string, string]> = [
    ['given: kubectl create namespace x', 'l.yaml: tasks[0].goals[0].given: must be a list'],
    [
      'given: ["  "]',
      'l.yaml: tasks[0].goals[0].given[0]: must be a non-empty string (got the string "  ")',
    ],
    [
      'given: []',
      'l.yaml: tasks[0].goals[0].given: must hold at least one kubectl command line (or be left out)',
    ],
    ['given: [3]', 'l.yaml: tasks[0].goals[0].given[0]: must be a non-empty string (got number 3)'],
  ];
  it.each(rows)('%s', (given, message) => {
    const r = parseLesson(lesson(given), 'l.yaml');
    expect(r.ok ? [] : r.errors.join('\n')).toContain(message);
  });
});
