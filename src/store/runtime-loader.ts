/** Loads the engine's heavy half (src/store/runtime.ts) once, on demand. */
import type * as RuntimeModule from './runtime.ts';

export type Runtime = typeof RuntimeModule;

let runtime: Runtime | undefined;
let pending: Promise<Runtime> | undefined;
const waiting: Array<(rt: Runtime) => void> = [];

/** Starts (or joins) loading the runtime. */
export function loadRuntime(): Promise<Runtime> {
  pending ??= import('./runtime.ts').then((m) => {
    runtime = m;
    for (const w of waiting.splice(0)) w(m);
    return m;
  });
  return pending;
}

/** Calls back once the runtime has loaded, without starting the load. */
export function onRuntimeLoaded(callback: (rt: Runtime) => void): void {
  if (runtime) callback(runtime);
  else waiting.push(callback);
}

/** The runtime when it has loaded, else undefined. */
export function getRuntime(): Runtime | undefined {
  return runtime;
}
