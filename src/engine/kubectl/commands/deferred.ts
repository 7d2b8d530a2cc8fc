/**
 * A command named in a table whose implementation is not in it yet. Running it does nothing
 * and says so (`needs`), so the caller can load the whole table and run the line again: the
 * app keeps the first download small this way, and every answer still comes from the one
 * implementation. Parsing, help and flag errors come from the spec, exactly as for the full
 * command.
 */
import type { Command, CommandSpec } from '../types.ts';

export function deferred(spec: CommandSpec): Command {
  return { ...spec, run: () => ({ needs: [spec.name] }) };
}
