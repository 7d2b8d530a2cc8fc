/**
 * Tab completion for the terminal, read from the interpreter's own command table and the
 * cluster: commands and subcommands, what each command's arguments name (resource types and
 * names, pods), flags and their values (namespaces, `-o` formats) — so it can never offer
 * something the interpreter would not accept.
 */
import {
  KINDS,
  listObjects,
  resolveResourceType,
  type ClusterState,
  type KindName,
} from '../../engine/model.ts';
import type { Command, FlagSpec } from '../../engine/index.ts';
import type { Runtime } from '../../store/index.ts';

export interface Completion {
  /** Where the word being completed starts in the text. */
  from: number;
  /** Candidates for that word, sorted. */
  candidates: string[];
  /** The text with the longest common prefix (or the single candidate plus a space) put in. */
  text: string;
  cursor: number;
}

const SHELL_WORDS = ['alias', 'clear', 'k', 'kubectl'];
/** Words that run kubectl: itself and the exam environment's alias. */
const KUBECTL_WORDS = new Set(['kubectl', 'k']);
const VALUE_TYPES = new Set(['string', 'strings', 'int']);

const resourceWords = [...new Set(KINDS.flatMap((k) => [k.resource, ...k.shortNames]))].sort();

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function find(table: readonly Command[], word: string): Command | undefined {
  return table.find((c) => c.name === word || c.aliases?.includes(word));
}

function flagWords(specs: readonly FlagSpec[]): string[] {
  return specs.flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);
}

function namesOf(state: ClusterState, kind: KindName, namespace: string | undefined): string[] {
  return listObjects(state, kind, namespace).map((o) => o.metadata.name);
}

/** Candidates for the last word of `before` (the text up to the cursor). */
export function candidatesFor(
  rt: Pick<Runtime, 'COMMANDS' | 'GLOBAL_FLAGS'>,
  state: ClusterState,
  before: string,
): { from: number; candidates: string[] } {
  const { COMMANDS, GLOBAL_FLAGS } = rt;
  const line =
    before.split('\n')[0] === before ? before : before.slice(before.lastIndexOf('\n') + 1);
  const offset = before.length - line.length;
  const m = /(\S*)$/.exec(line)!;
  const word = m[1]!;
  const from = offset + line.length - word.length;
  const words = line
    .slice(0, line.length - word.length)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const out = (c: string[]) => ({
    from,
    candidates: [...new Set(c)].filter((x) => x.startsWith(word)).sort(),
  });
  if (KUBECTL_WORDS.has(words[0]!)) words.shift();
  else if (words.length === 0) return out([...SHELL_WORDS, ...COMMANDS.map((c) => c.name)]);

  // Namespace from -n anywhere on the line; otherwise the context's.
  let namespace = state.context.namespace;
  let allNamespaces = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ((w === '-n' || w === '--namespace') && words[i + 1]) namespace = words[i + 1]!;
    else if (w.startsWith('--namespace=')) namespace = w.slice(12);
    else if (w === '-A' || w === '--all-namespaces') allNamespaces = true;
  }
  const prev = words[words.length - 1];
  const allFlags = [
    ...GLOBAL_FLAGS,
    ...COMMANDS.flatMap((c) => [...c.flags, ...(c.subcommands ?? []).flatMap((s) => s.flags)]),
  ];
  const flagNamed = (w: string | undefined) =>
    w === undefined
      ? undefined
      : allFlags.find((f) => w === `--${f.name}` || (f.short !== undefined && w === `-${f.short}`));
  const valuesOf = (f: FlagSpec | undefined): string[] | undefined =>
    f?.valueKind === 'namespace'
      ? namesOf(state, 'Namespace', undefined)
      : f?.values
        ? [...f.values]
        : undefined;
  const prevValues = valuesOf(flagNamed(prev));
  if (prevValues) return out(prevValues);
  const eq = /^(--[a-z-]+)=/.exec(word);
  const inline = eq ? valuesOf(flagNamed(eq[1])) : undefined;
  if (eq && inline) {
    const partial = word.slice(eq[0].length);
    return {
      from: from + eq[0].length,
      candidates: inline.filter((n) => n.startsWith(partial)).sort(),
    };
  }

  // Walk to the command (and subcommand), skipping global flags and their values.
  const positional: string[] = [];
  const valueFlags = new Set(
    allFlags
      .filter((f) => VALUE_TYPES.has(f.type))
      .flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]),
  );
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') return out([]);
    if (w.startsWith('-')) {
      if (!w.includes('=') && valueFlags.has(w)) i++;
      continue;
    }
    positional.push(w);
  }
  const cmd = positional[0] ? find(COMMANDS, positional[0]) : undefined;
  if (!cmd) return positional.length === 0 ? out(COMMANDS.map((c) => c.name)) : out([]);
  let leaf = cmd;
  let args = positional.slice(1);
  if (cmd.subcommands) {
    const sub = args[0] ? find(cmd.subcommands, args[0]) : undefined;
    if (!sub) {
      if (word.startsWith('-')) return out(flagWords([...cmd.flags, ...GLOBAL_FLAGS]));
      return args.length === 0 ? out(cmd.subcommands.map((s) => s.name)) : out([]);
    }
    leaf = sub;
    args = args.slice(1);
  }
  if (word.startsWith('-')) return out(flagWords([...leaf.flags, ...GLOBAL_FLAGS]));
  const ns = allNamespaces ? undefined : namespace;
  if (leaf.args === 'pod') return args.length === 0 ? out(namesOf(state, 'Pod', ns)) : out([]);
  if (leaf.args === 'resource') {
    if (word.includes('/')) {
      const [type, partial] = [word.slice(0, word.indexOf('/')), word.slice(word.indexOf('/') + 1)];
      const info = resolveResourceType(type);
      if (!info) return { from, candidates: [] };
      const names = namesOf(state, info.kind, info.namespaced ? ns : undefined).filter((n) =>
        n.startsWith(partial),
      );
      return { from, candidates: names.map((n) => `${type}/${n}`).sort() };
    }
    if (args.length === 0) return out(resourceWords);
    const info = resolveResourceType(args[0]!.split(',')[0]!);
    if (info && !args[0]!.includes('/'))
      return out(namesOf(state, info.kind, info.namespaced ? ns : undefined));
  }
  return out([]);
}

/** Completes the word at the cursor. Returns undefined when nothing fits. */
export function complete(
  rt: Pick<Runtime, 'COMMANDS' | 'GLOBAL_FLAGS'>,
  state: ClusterState,
  text: string,
  cursor: number,
): Completion | undefined {
  const before = text.slice(0, cursor);
  const after = text.slice(cursor);
  const { from, candidates } = candidatesFor(rt, state, before);
  if (candidates.length === 0) return undefined;
  const insert =
    candidates.length === 1
      ? `${candidates[0]}${candidates[0]!.endsWith('=') || candidates[0]!.endsWith('/') ? '' : ' '}`
      : commonPrefix(candidates);
  const head =
    text.slice(0, from) + (insert.length >= before.length - from ? insert : before.slice(from));
  return { from, candidates, text: head + after, cursor: head.length };
}
