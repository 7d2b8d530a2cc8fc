// @vitest-environment jsdom
/**
 * A lesson's allowedCommands reach the terminal: while the lesson's cluster is loaded the
 * terminal is that subset of kubectl (withheld commands answer as unknown ones, and tab
 * completion offers only the lesson's), and loading any other cluster lifts the limit.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStartCluster, parseLesson } from '../../src/learn/index.ts';
import { createLabStore, loadRuntime, type Runtime } from '../../src/store/index.ts';
import { candidatesFor } from '../../src/ui/terminal/complete.ts';

let rt: Runtime;
beforeAll(async () => {
  rt = await loadRuntime();
});

function lesson24() {
  const file = '24-challenge-port-semantics.yaml';
  const parsed = parseLesson(readFileSync(`lessons/${file}`, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const built = buildStartCluster(parsed.lesson);
  if (!built.ok) throw new Error(built.error);
  return { lesson: parsed.lesson, start: built.state };
}

describe('a lesson that limits its commands', () => {
  it('its terminal refuses withheld commands as kubectl refuses unknown ones, until another cluster loads', () => {
    const { lesson, start } = lesson24();
    expect(lesson.allowedCommands).toContain('patch');
    const store = createLabStore({ storage: null });
    store.getState().startLesson(lesson, start);
    expect(store.getState().terminal.at(-1)?.text).toContain(
      "This lesson's terminal offers only: kubectl get, describe",
    );
    const del = store.getState().run('kubectl delete networkpolicy api-allow-shop -n data');
    expect(del?.exitCode).toBe(1);
    expect(del?.stderr).toContain('error: unknown command "delete" for "kubectl"');
    expect(store.getState().run('kubectl get networkpolicy -n data')?.exitCode).toBe(0);
    const limited = store.getState().commandLimit!;
    const table = { ...rt, COMMANDS: rt.interpreterFor(limited.commands).commands };
    expect(candidatesFor(table, store.getState().cluster, 'kubectl de').candidates).toEqual([
      'describe',
    ]);
    store.getState().reset();
    expect(store.getState().commandLimit).toBeNull();
    // Lifted: delete is kubectl's again (the fresh cluster has no namespace data).
    expect(store.getState().run('kubectl delete namespace data')?.stderr).toContain(
      'Error from server (NotFound): namespaces "data" not found',
    );
    expect(store.getState().run('kubectl create namespace data')?.exitCode).toBe(0);
  });
});
