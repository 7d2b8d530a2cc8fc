/**
 * The terminal's bash aliases: `alias k=kubectl` comes with the login shell, as in the CKA/CKAD
 * exam environment, and `alias NAME=VALUE` adds one for the session. Aliases are shell state,
 * not cluster state: the caller keeps them and passes them in with each line (CommandIO).
 */

/** Alias name → replacement text, as bash stores them. */
export type ShellAliases = Readonly<Record<string, string>>;

/** What the exam environment's ~/.bashrc defines. */
export const LOGIN_ALIASES: ShellAliases = { k: 'kubectl' };

/** bash's rule for an alias name: no blanks, quotes, `=`, `/`, `$`, or shell metacharacters. */
const ALIAS_NAME = /^[^\s'"`=/$|&;()<>\\]+$/;

/** `alias k='kubectl'`: how bash prints a definition (single quotes, `'` written as `'\''`). */
function printed(name: string, value: string): string {
  return `alias ${name}='${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * argv with its first word replaced as bash expands aliases: repeatedly, but never the same
 * alias twice (so `alias ls='ls -l'` does not loop). `split` turns the alias text into words.
 */
export function expandAlias(
  argv: readonly string[],
  aliases: ShellAliases,
  split: (text: string) => string[] | undefined,
): string[] {
  let words = [...argv];
  const seen = new Set<string>();
  while (words.length > 0 && Object.hasOwn(aliases, words[0]!) && !seen.has(words[0]!)) {
    seen.add(words[0]!);
    const replacement = split(aliases[words[0]!]!);
    if (replacement === undefined) break;
    words = [...replacement, ...words.slice(1)];
  }
  return words;
}

/** What the `alias` and `unalias` builtins print and the aliases they leave. */
export interface AliasBuiltinResult {
  aliases: ShellAliases;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** bash's `alias [NAME[=VALUE] …]` and `unalias [-a] NAME …`. */
export function aliasBuiltin(
  command: 'alias' | 'unalias',
  args: readonly string[],
  aliases: ShellAliases,
): AliasBuiltinResult {
  const next: Record<string, string> = { ...aliases };
  const out: string[] = [];
  const err: string[] = [];
  if (command === 'unalias') {
    if (args.length === 0) err.push('bash: unalias: usage: unalias [-a] name [name ...]');
    for (const a of args) {
      if (a === '-a') for (const k of Object.keys(next)) delete next[k];
      else if (Object.hasOwn(next, a)) delete next[a];
      else err.push(`bash: unalias: ${a}: not found`);
    }
  } else {
    const list = args.filter((a) => a !== '-p');
    if (list.length === 0 || args.includes('-p'))
      for (const name of Object.keys(next).sort()) out.push(printed(name, next[name]!));
    for (const a of list) {
      const eq = a.indexOf('=');
      if (eq < 0) {
        if (Object.hasOwn(next, a)) out.push(printed(a, next[a]!));
        else err.push(`bash: alias: ${a}: not found`);
      } else if (!ALIAS_NAME.test(a.slice(0, eq))) {
        err.push(`bash: alias: \`${a.slice(0, eq)}': invalid alias name`);
      } else next[a.slice(0, eq)] = a.slice(eq + 1);
    }
  }
  const text = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '');
  return {
    aliases: next,
    stdout: text(out),
    stderr: text(err),
    exitCode: err.length ? (args.length === 0 ? 2 : 1) : 0,
  };
}
