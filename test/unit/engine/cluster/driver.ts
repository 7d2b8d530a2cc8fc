/** A small fluent driver for engine tests: apply YAML, run commands, read objects. */
import { expect } from 'vitest';
import type { KindName } from '../../../../src/engine/api/kinds.ts';
import {
  applyToState,
  createCluster,
  getObject,
  listObjects,
  loadManifests,
  type ClusterState,
  type KubeObject,
  type WriteOutcome,
} from '../../../../src/engine/cluster/index.ts';
import { runCommandLine, type CommandResult } from '../../../../src/engine/kubectl/index.ts';

export class Driver {
  last?: CommandResult;
  outcomes: WriteOutcome[] = [];
  constructor(public state: ClusterState = createCluster()) {}

  apply(yaml: string, file = 'test.yaml'): this {
    const loaded = loadManifests(yaml, file);
    if (!loaded.ok) throw new Error(loaded.error);
    const r = applyToState(this.state, loaded.objects, {
      mode: 'apply',
      namespace: this.state.context.namespace,
    });
    this.state = r.state;
    this.outcomes = r.outcomes;
    for (const o of r.outcomes) if (!o.ok) throw new Error(o.message);
    return this;
  }

  run(line: string, files?: Record<string, string>): CommandResult {
    this.last = runCommandLine(this.state, line, files ? { files } : {});
    this.state = this.last.state;
    return this.last;
  }

  expectOk(line: string): string {
    const r = this.run(line);
    expect(r.stderr, `${line} printed to stderr`).toBe('');
    expect(r.exitCode, line).toBe(0);
    return r.stdout;
  }

  get<T = KubeObject>(kind: KindName, ns: string | undefined, name: string) {
    return getObject<T>(this.state, kind, ns, name);
  }

  list<T = KubeObject>(kind: KindName, ns?: string) {
    return listObjects<T>(this.state, kind, ns);
  }
}
