/** kubectl's whole command table, loaded on demand (runtime.ts loadWholeKubectl). */
export { COMMANDS } from '../engine/index.ts';
