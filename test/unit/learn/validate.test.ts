/** The validator reports every problem as `file: field: problem`. */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/learn/index.ts';

const GOOD = `
id: demo
kind: lesson
order: 1
title: Demo
concept: One idea.
prose: Some *prose*.
covers: [x]
cluster:
  manifests: |
    apiVersion: v1
    kind: Namespace
    metadata: {name: shop}
predict:
  question: Yes or no?
  options:
    - {text: "Yes", correct: true}
    - {text: "No", correct: false}
  reveal: It is yes.
tasks:
  - id: t1
    title: Do it
    description: Create data.
    goals:
      - title: data exists
        exists: {object: {kind: Namespace, name: data}}
    hints: [Try create.]
    solution: [kubectl create namespace data]
takeaway: Done.
`;

function errorsOf(text: string): string[] {
  const r = parseLesson(text, 'l.yaml');
  return r.ok ? [] : r.errors;
}

describe('parseLesson', () => {
  it('accepts a complete lesson', () => {
    const r = parseLesson(GOOD, 'l.yaml');
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.lesson.tasks[0]!.goals[0]!.goal).toEqual({
        kind: 'exists',
        object: { kind: 'Namespace', name: 'data' },
        expect: 'present',
      });
  });

  // Each row: a mutation of GOOD and the message it must produce.
  const rows: Array<[string, string, string]> = [
    [
      'unknown goal kind',
      GOOD.replace('exists: {object', 'reach: {object'),
      'l.yaml: tasks[0].goals[0]: unknown goal kind "reach"',
    ],
    [
      'bad connect expectation',
      GOOD.replace(
        'exists: {object: {kind: Namespace, name: data}}',
        'connect: {from: shop/a, url: "http://x", expect: ok}',
      ),
      'l.yaml: tasks[0].goals[0].connect.expect: must be one of succeeds, refused, times-out, fails-dns, fails (got "ok")',
    ],
    [
      'bad pod reference',
      GOOD.replace(
        'exists: {object: {kind: Namespace, name: data}}',
        'connect: {from: client, url: "http://x", expect: succeeds}',
      ),
      'l.yaml: tasks[0].goals[0].connect.from: must be namespace/name (got "client")',
    ],
    [
      'typo in a field',
      GOOD.replace('takeaway: Done.', 'takeway: Done.'),
      'l.yaml: takeway: unknown field',
    ],
    ['missing takeaway', GOOD.replace('takeaway: Done.', ''), 'l.yaml: takeaway: is required'],
    [
      'raw HTML in prose',
      GOOD.replace('Some *prose*.', 'Some <b>prose</b>.'),
      'l.yaml: prose: raw HTML is not allowed in prose (found <b>)',
    ],
    [
      'no correct answer',
      GOOD.replace('correct: true', 'correct: false'),
      'l.yaml: predict.options: must mark at least one answer correct: true',
    ],
    [
      'empty solution',
      GOOD.replace('solution: [kubectl create namespace data]', 'solution: []'),
      'l.yaml: tasks[0].solution: must hold at least one command',
    ],
    [
      'coming-soon with tasks',
      GOOD.replace('kind: lesson', 'kind: lesson\nstatus: coming-soon'),
      'l.yaml: tasks: a coming-soon lesson has no tasks',
    ],
    [
      'a lesson without a predict question',
      GOOD.replace(/predict:[\s\S]*?reveal: It is yes.\n/, ''),
      'l.yaml: predict: a lesson needs a predict-before-you-look question',
    ],
    [
      'probe with no cells',
      GOOD.replace(
        'exists: {object: {kind: Namespace, name: data}}',
        'probe: {from: a/b, port: 80}',
      ),
      'l.yaml: tasks[0].goals[0].probe: must list at least one pod in allowed or denied',
    ],
  ];
  rows.push([
    'a must-reach goal alone (an over-broad fix would pass)',
    GOOD.replace(
      'exists: {object: {kind: Namespace, name: data}}',
      'connect: {from: shop/a, url: "http://x", expect: succeeds}',
    ),
    'l.yaml: tasks[0].goals: a must-reach goal needs a must-not-reach goal beside it',
  ]);
  it.each(rows)('%s', (_name, text, message) => {
    const errors = errorsOf(text);
    expect(
      errors.some((e) => e.startsWith(message)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('accepts a must-reach goal paired with a must-not-reach one', () => {
    const paired = GOOD.replace(
      'exists: {object: {kind: Namespace, name: data}}',
      'connect: {from: shop/a, url: "http://x", expect: succeeds}\n      - title: not the intruder\n        connect: {from: guest/i, url: "http://x", expect: fails}',
    );
    expect(errorsOf(paired)).toEqual([]);
  });

  it('reports YAML syntax errors with line and column', () => {
    const errors = errorsOf('id: [unclosed\n');
    expect(errors[0]).toMatch(/^l\.yaml:\d+:\d+: invalid YAML/);
  });

  it('collects several problems at once', () => {
    expect(
      errorsOf(GOOD.replace('title: Demo', 'title: 3').replace('order: 1', 'order: one')).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
