/**
 * The terminal slice: the transcript the learner reads and the command lines they typed (for
 * ↑/↓ recall). Commands themselves run in the cluster slice, which prints here through the
 * helpers below, so every slice writes lines the same way.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { CommandResult, ShellAliases } from '../engine/index.ts';
import type { LabState } from './lab-store.ts';

/** One line block of the terminal transcript. */
export interface TerminalLine {
  id: number;
  kind: 'command' | 'stdout' | 'stderr' | 'info';
  text: string;
}

export interface TerminalSlice {
  terminal: TerminalLine[];
  /** Lines typed, oldest first (saved with the session). */
  commandHistory: string[];
  /** A line put in the command box for the learner to run (a guide's "Type it for me"). */
  suggestion: { text: string; seq: number } | null;
  /**
   * The shell's aliases once `alias`/`unalias` changed them (for the session); until then
   * undefined, which the interpreter reads as the login shell's (`k=kubectl`).
   */
  aliases: ShellAliases | undefined;
  clearTerminal: () => void;
  /** Puts a line in the command box, focused, without running it. */
  suggestCommand: (text: string) => void;
}

/** The transcript keeps its newest lines: a long session must not grow the page without bound. */
const MAX_TERMINAL_LINES = 1000;
const WELCOME =
  'Namespace Lab — a simulated Kubernetes cluster. Type kubectl commands, e.g.\n' +
  '  kubectl create namespace team-x\n' +
  '  kubectl get pods -A\n' +
  'Tab completes, ↑/↓ recall history, `clear` empties this log.';

let lineSeq = 0;

export function terminalLine(kind: TerminalLine['kind'], text: string): TerminalLine {
  return { id: ++lineSeq, kind, text };
}

/** The transcript with `lines` added at the end, trimmed to its limit. */
export function appended(terminal: readonly TerminalLine[], lines: TerminalLine[]): TerminalLine[] {
  const all = [...terminal, ...lines];
  return all.length > MAX_TERMINAL_LINES ? all.slice(-MAX_TERMINAL_LINES) : all;
}

/** What a command printed, as transcript lines (stdout, then stderr). */
export function printed(r: CommandResult): TerminalLine[] {
  return [
    ...(r.stdout ? [terminalLine('stdout', r.stdout.replace(/\n$/, ''))] : []),
    ...(r.stderr ? [terminalLine('stderr', r.stderr.replace(/\n$/, ''))] : []),
  ];
}

export function createTerminalSlice(init: {
  commandHistory?: string[];
}): StateCreator<LabState, [], [], TerminalSlice> {
  return (set, get) => ({
    terminal: [terminalLine('info', WELCOME)],
    commandHistory: init.commandHistory ?? [],
    suggestion: null,
    aliases: undefined,
    clearTerminal: () => set({ terminal: [] }),
    suggestCommand: (text) => set({ suggestion: { text, seq: (get().suggestion?.seq ?? 0) + 1 } }),
  });
}
