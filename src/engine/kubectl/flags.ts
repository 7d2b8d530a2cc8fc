/**
 * pflag-style argument parsing: `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * `-n=value`, bool flags with optional `=true|false`, and `--` ending flag parsing.
 * Errors carry kubectl's wording.
 */
import type { FlagSpec, FlagValues } from './types.ts';

export interface ParsedArgs {
  args: string[];
  rest: string[];
  dashDash: boolean;
  flags: FlagValues;
  /** Flags the user actually set (by long name). */
  set: Set<string>;
}

export type ParseResult = { ok: true; parsed: ParsedArgs } | { ok: false; error: string };

function assign(flags: FlagValues, spec: FlagSpec, raw: string | undefined): string | undefined {
  switch (spec.type) {
    case 'bool': {
      const v = raw === undefined ? 'true' : raw;
      if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(v)) {
        return `invalid argument "${v}" for "--${spec.name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`;
      }
      flags[spec.name] = ['true', '1', 't', 'TRUE', 'True'].includes(v);
      return undefined;
    }
    case 'int': {
      if (raw === undefined || !/^-?\d+$/.test(raw)) {
        return `invalid argument "${raw ?? ''}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseInt: parsing "${raw ?? ''}": invalid syntax`;
      }
      flags[spec.name] = Number(raw);
      return undefined;
    }
    case 'strings': {
      const prev = (flags[spec.name] as string[] | undefined) ?? [];
      flags[spec.name] = [...prev, raw ?? ''];
      return undefined;
    }
    default:
      flags[spec.name] = raw ?? '';
      return undefined;
  }
}

/** Parses argv against flag specs. `commandPath` names the command in errors (`kubectl get`). */
export function parseFlags(
  argv: readonly string[],
  specs: readonly FlagSpec[],
  commandPath: string,
): ParseResult {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: FlagValues = {};
  for (const s of specs) if (s.default !== undefined) flags[s.name] = s.default;
  const set = new Set<string>();
  const args: string[] = [];
  const help = `\nSee '${commandPath} --help' for usage.`;
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i]!;
    if (tok === '--') {
      return { ok: true, parsed: { args, rest: argv.slice(i + 1), dashDash: true, flags, set } };
    }
    if (tok.startsWith('--') && tok.length > 2) {
      const eq = tok.indexOf('=');
      const name = eq < 0 ? tok.slice(2) : tok.slice(2, eq);
      const spec = byLong.get(name);
      if (!spec) return { ok: false, error: `error: unknown flag: --${name}${help}` };
      let raw: string | undefined = eq < 0 ? undefined : tok.slice(eq + 1);
      if (raw === undefined && spec.noOptDefVal !== undefined) raw = spec.noOptDefVal;
      if (raw === undefined && spec.type !== 'bool') {
        if (i + 1 >= argv.length)
          return { ok: false, error: `error: flag needs an argument: --${name}${help}` };
        raw = argv[++i];
      }
      const err = assign(flags, spec, raw);
      if (err) return { ok: false, error: `error: ${err}${help}` };
      set.add(spec.name);
      continue;
    }
    if (tok.startsWith('-') && tok.length > 1 && !/^-\d/.test(tok)) {
      // A run of shorthand flags: bools may be combined (-it); a value-taking one eats the rest.
      for (let j = 1; j < tok.length; j++) {
        const c = tok[j]!;
        const spec = byShort.get(c);
        if (!spec)
          return { ok: false, error: `error: unknown shorthand flag: '${c}' in ${tok}${help}` };
        set.add(spec.name);
        if (spec.type === 'bool') {
          if (tok[j + 1] === '=') {
            const err = assign(flags, spec, tok.slice(j + 2));
            if (err) return { ok: false, error: `error: ${err}${help}` };
            break;
          }
          assign(flags, spec, undefined);
          continue;
        }
        let raw = tok.slice(j + 1);
        if (raw.startsWith('=')) raw = raw.slice(1);
        else if (raw === '') {
          if (i + 1 >= argv.length)
            return { ok: false, error: `error: flag needs an argument: '${c}' in -${c}${help}` };
          raw = argv[++i]!;
        }
        const err = assign(flags, spec, raw);
        if (err) return { ok: false, error: `error: ${err}${help}` };
        break;
      }
      continue;
    }
    args.push(tok);
  }
  return { ok: true, parsed: { args, rest: [], dashDash: false, flags, set } };
}
