/**
 * The heavy half of the engine — the kubectl interpreter, YAML, request paths, NetworkPolicy
 * and RBAC evaluation — loaded right after the first render so the first screen stays light.
 * Everything here is reached through `getRuntime()` once `runtimeReady` is set in the store.
 */
import {
  connect,
  CORE_COMMANDS,
  createInterpreter,
  getObject,
  pathDecision,
  restrictTable,
  type ClusterState,
  type Command,
  type CommandIO,
  type CommandResult,
  type ConnectResult,
  type Interpreter,
  type Pod,
  type Stored,
} from '../engine/index.ts';
import type { ConnectionTestResult, ConnectionTestSpec } from './connection-tests.ts';
import { splitRef } from './connection-tests.ts';

export {
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

/**
 * kubectl's table as the app has it: CORE_COMMANDS (the heavy verbs named but deferred) until
 * `loadWholeKubectl` brings COMMANDS. A live binding, so `rt.COMMANDS` is always the current one.
 */
export let COMMANDS: readonly Command[] = CORE_COMMANDS;
let whole: Promise<void> | undefined;
const interpreters = new Map<string, Interpreter>();

/** Loads the whole command table (once); the interpreters made so far give way to new ones. */
export function loadWholeKubectl(): Promise<void> {
  whole ??= import('./kubectl-whole.ts').then((m) => {
    COMMANDS = m.COMMANDS;
    interpreters.clear();
  });
  return whole;
}

/**
 * The interpreter over the current table, or over the commands a lesson allows (its
 * allowedCommands), made once per list and table.
 */
export function interpreterFor(allowed?: readonly string[]): Interpreter {
  const key = allowed ? allowed.join(' ') : '*';
  let it = interpreters.get(key);
  if (!it)
    interpreters.set(
      key,
      (it = createInterpreter(allowed ? restrictTable(COMMANDS, allowed) : COMMANDS)),
    );
  return it;
}

/** Runs one typed line with the current table (a deferred verb answers with `needs`). */
export function runCommandLine(state: ClusterState, text: string, io?: CommandIO): CommandResult {
  return interpreterFor().runCommandLine(state, text, io);
}

/** Runs argv with the current table (a deferred verb answers with `needs`). */
export function runKubectl(
  state: ClusterState,
  argv: readonly string[],
  io?: CommandIO,
): CommandResult {
  return interpreterFor().runKubectl(state, argv, io);
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
