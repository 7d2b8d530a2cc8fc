/**
 * The heavy half of the engine — the kubectl interpreter, YAML, request paths, NetworkPolicy
 * and RBAC evaluation — loaded right after the first render so the first screen stays light.
 * Everything here is reached through `getRuntime()` once `runtimeReady` is set in the store.
 */
import {
  commandsAllowed,
  connect,
  createInterpreter,
  getObject,
  pathDecision,
  type ClusterState,
  type ConnectResult,
  type Interpreter,
  type Pod,
  type Stored,
} from '../engine/index.ts';
import type { ConnectionTestResult, ConnectionTestSpec } from './connection-tests.ts';
import { splitRef } from './connection-tests.ts';

export {
  runCommandLine,
  runKubectl,
  createInterpreter,
  commandsAllowed,
  COMMANDS,
  GLOBAL_FLAGS,
  toYaml,
  loadManifests,
  applyToState,
  evaluateConnection,
  probeMatrix,
  policiesSelecting,
  policyRulesText,
  verdictDirection,
  selectorString,
  endpointCandidacy,
  endpointCandidacyText,
  describeSource,
  permissionsOf,
  rulesFor,
  serviceAccountUser,
} from '../engine/index.ts';
export { exportClusterYaml, importClusterYaml, cleanForExport } from './yaml-io.ts';
export { connect };

const interpreters = new Map<string, Interpreter>();

/** The interpreter over kubectl's commands named (a lesson's allowedCommands), made once per list. */
export function interpreterFor(commands: readonly string[]): Interpreter {
  const key = commands.join(' ');
  let it = interpreters.get(key);
  if (!it) interpreters.set(key, (it = createInterpreter(commandsAllowed(commands).commands)));
  return it;
}

/** Asks one test of one state. A bug in the engine is reported as a failed hop, not thrown. */
export function runConnectionTest(
  state: ClusterState,
  spec: ConnectionTestSpec,
): ConnectionTestResult {
  const { namespace, name } = splitRef(spec.from);
  const pod = getObject<Pod>(state, 'Pod', namespace, name) as Stored<Pod> | undefined;
  if (!pod) return { spec, present: false };
  let result: ConnectResult;
  try {
    result = connect(
      state,
      pod,
      spec.url,
      spec.timeoutSeconds !== undefined ? { timeoutSeconds: spec.timeoutSeconds } : {},
    );
  } catch (e) {
    const message = `internal simulator error: ${String(e)}`;
    result = {
      ok: false,
      outcome: 'timeout',
      exitCode: 1,
      hops: [{ kind: 'url', ok: false, url: spec.url, message, exitCode: 1, summary: message }],
    };
  }
  const deciding = pathDecision(result.hops, result.ok);
  return { spec, present: true, result, ...(deciding ? { deciding } : {}) };
}

/** Memoised per (state, tests): the diagram, list and inspector all ask the same question. */
const cache = new WeakMap<
  ClusterState,
  WeakMap<readonly ConnectionTestSpec[], ConnectionTestResult[]>
>();

export function runConnectionTests(
  state: ClusterState,
  tests: readonly ConnectionTestSpec[],
): ConnectionTestResult[] {
  let byTests = cache.get(state);
  if (!byTests) cache.set(state, (byTests = new WeakMap()));
  let out = byTests.get(tests);
  if (!out) byTests.set(tests, (out = tests.map((t) => runConnectionTest(state, t))));
  return out;
}
