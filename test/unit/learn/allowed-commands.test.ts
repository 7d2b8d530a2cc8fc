/**
 * `allowedCommands`: a lesson offers a subset of kubectl's command table. The validator
 * knows kubectl's command names; the lesson's terminal answers the rest as kubectl answers a
 * command it does not have; and the proof runs the solution in that same terminal, so a
 * lesson cannot need a command it withholds.
 */
import { describe, expect, it } from 'vitest';
import {
  buildStartCluster,
  lessonInterpreter,
  parseLesson,
  verifyLesson,
} from '../../../src/learn/index.ts';

const lesson = (allowed: string, solution = 'kubectl create namespace data') => `
id: demo
kind: lesson
order: 1
title: Demo
concept: One idea.
prose: Some *prose*.
covers: [x]
allowedCommands: ${allowed}
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
    solution: ['${solution}']
takeaway: Done.
`;

function parsed(text: string) {
  const r = parseLesson(text, 'l.yaml');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.lesson;
}

describe('allowedCommands', () => {
  it('names kubectl commands; anything else is a validation error', () => {
    expect(parsed(lesson('[get, create, api-resources]')).allowedCommands).toEqual([
      'get',
      'create',
      'api-resources',
    ]);
    const r = parseLesson(lesson('[get, krate]'), 'l.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual(['l.yaml: allowedCommands[1]: "krate" is not a kubectl command']);
  });

  it('the lesson terminal answers a withheld command as kubectl answers an unknown one', () => {
    const l = parsed(lesson('[get, create]'));
    const built = buildStartCluster(l);
    if (!built.ok) throw new Error(built.error);
    const it = lessonInterpreter(l);
    const del = it.runCommandLine(built.state, 'kubectl delete namespace shop');
    expect(del.exitCode).toBe(1);
    expect(del.stderr).toBe(
      'error: unknown command "delete" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
    );
    expect(del.state).toBe(built.state);
    expect(it.runCommandLine(built.state, 'kubectl get ns shop').exitCode).toBe(0);
    // Help lists only what the lesson offers.
    const help = it.runCommandLine(built.state, 'kubectl --help').stdout;
    expect(help).toContain('  get ');
    expect(help).not.toContain('  delete ');
  });

  it('kubectl inside a pod is the same restricted kubectl', () => {
    const l = parsed(lesson('[get, exec, create, run]'));
    const built = buildStartCluster(l);
    if (!built.ok) throw new Error(built.error);
    const it = lessonInterpreter(l);
    const ran = it.runCommandLine(built.state, 'kubectl run tool -n shop --image=bitnami/kubectl');
    expect(ran.exitCode).toBe(0);
    const r = it.runCommandLine(ran.state, 'kubectl exec -n shop tool -- kubectl delete pod tool');
    expect(r.stderr).toContain('unknown command "delete" for "kubectl"');
  });

  it('the proof fails a solution that needs a withheld command', () => {
    expect(verifyLesson(parsed(lesson('[get, create]')))).toEqual([]);
    const problems = verifyLesson(parsed(lesson('[get]')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('tasks[0].solution[0]: `kubectl create namespace data` exited 1');
    expect(problems[0]).toContain('unknown command "create"');
  });
});
