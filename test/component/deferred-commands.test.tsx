// @vitest-environment jsdom
/**
 * The app's kubectl starts with the core table: the heavy verbs (describe, patch, explain…)
 * are named — help, flag errors and completion work — but their code loads on demand. A line
 * that reaches one loads the whole table and then runs, with the one implementation's answer;
 * nothing changes before it has.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO } from './setup.ts';
import { COMMANDS, runCommandLine as wholeKubectl } from '../../src/engine/index.ts';
import { createLabStore, loadRuntime, type Runtime } from '../../src/store/index.ts';

let rt: Runtime;
beforeAll(async () => {
  rt = await loadRuntime();
});

describe('verbs loaded on demand', () => {
  it('the core table names every verb and answers help and flag errors from the spec', () => {
    const store = createLabStore({ storage: null });
    const st = store.getState().cluster;
    expect(rt.COMMANDS.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    expect(rt.runCommandLine(st, 'kubectl --help').stdout).toBe(
      wholeKubectl(st, 'kubectl --help').stdout,
    );
    expect(rt.runCommandLine(st, 'kubectl describe --help').stdout).toBe(
      wholeKubectl(st, 'kubectl describe --help').stdout,
    );
    expect(rt.runCommandLine(st, 'kubectl describe pods --frobnicate').stderr).toBe(
      wholeKubectl(st, 'kubectl describe pods --frobnicate').stderr,
    );
    const deferred = rt.runCommandLine(st, 'kubectl describe ns default');
    expect(deferred.needs).toEqual(['describe']);
    expect(deferred.state).toBe(st);
    // A create generator can be deferred on its own; the common ones answer at once.
    expect(rt.runCommandLine(st, 'kubectl create role r --verb=get --resource=pods').needs).toEqual(
      ['role'],
    );
    expect(rt.runCommandLine(st, 'kubectl create namespace x').stdout).toBe(
      'namespace/x created\n',
    );
    // exec (its programs: curl, wget, nslookup, sh…) loads on demand too, so kubectl inside a
    // pod always runs with the whole table; the line is deferred before anything runs.
    store.getState().applyManifest(SCENARIO);
    const inPod = rt.runCommandLine(
      store.getState().cluster,
      'kubectl exec -n team-a client -- kubectl describe ns',
    );
    expect(inPod.needs).toEqual(['exec']);
    expect(inPod.state).toBe(store.getState().cluster);
  });

  it('the terminal loads the whole table for such a line and then answers it', async () => {
    const store = createLabStore({ storage: null });
    store.getState().applyManifest(SCENARIO);
    const line = 'kubectl describe networkpolicy default-deny -n team-b';
    expect(store.getState().run(line)).toBeUndefined();
    await rt.loadWholeKubectl();
    await new Promise((r) => setTimeout(r, 0));
    const out = store
      .getState()
      .terminal.map((l) => l.text)
      .join('\n');
    expect(out).toContain(wholeKubectl(store.getState().cluster, line).stdout.trim());
    expect(rt.COMMANDS.find((c) => c.name === 'describe')).toBeDefined();
    expect(rt.runCommandLine(store.getState().cluster, line).needs).toBeUndefined();
  });
});
