/**
 * The data sources of `create configmap` and `create secret`: `--from-literal=key=value`,
 * `--from-file=[key=]path` (a directory adds each file directly in it) and
 * `--from-env-file=path` (KEY=VALUE lines, `#` comments). Files come from the command's io.
 */
import type { CommandContext } from '../../types.ts';

/** One entry to add, in the order kubectl adds them. */
export interface SourceEntry {
  key: string;
  value: string;
}

export type SourceResult = { ok: true; entries: SourceEntry[] } | { ok: false; error: string };

const configKey = /^[-._a-zA-Z0-9]+$/;
const envName = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function dotErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** validation.IsConfigMapKey. */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!configKey.test(key))
    errs.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  return [...errs, ...dotErrors(key)];
}

/** validation.IsEnvVarName. */
export function envVarNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!envName.test(name))
    errs.push(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    );
  return [...errs, ...dotErrors(name)];
}

/** util.ParseLiteralSource. */
export function literalSources(sources: readonly string[]): SourceResult {
  const entries: SourceEntry[] = [];
  for (const s of sources) {
    const eq = s.indexOf('=');
    if (eq <= 0) return { ok: false, error: `invalid literal source ${s}, expected key=value` };
    entries.push({ key: s.slice(0, eq), value: s.slice(eq + 1) });
  }
  return { ok: true, entries };
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The regular files directly inside a directory the io knows, sorted by name. */
function directoryFiles(ctx: CommandContext, dir: string): string[] {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return Object.keys(ctx.io.files ?? {})
    .filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'))
    .sort();
}

/** util.ParseFileSource, then each file's content. */
export function fileSources(ctx: CommandContext, sources: readonly string[]): SourceResult {
  const files = ctx.io.files ?? {};
  const entries: SourceEntry[] = [];
  for (const source of sources) {
    const seps = source.split('=').length - 1;
    let key: string;
    let path: string;
    if (seps === 0) [key, path] = [baseName(source), source];
    else if (seps === 1 && source.startsWith('='))
      return { ok: false, error: `key name for file path ${source.slice(1)} missing` };
    else if (seps === 1 && source.endsWith('='))
      return { ok: false, error: `file path for key name ${source.slice(0, -1)} missing` };
    else if (seps > 1) return { ok: false, error: "key names or file paths cannot contain '='" };
    else [key, path] = source.split('=') as [string, string];
    if (path in files) {
      entries.push({ key, value: files[path]! });
      continue;
    }
    const inDir = directoryFiles(ctx, path);
    if (
      inDir.length === 0 &&
      !Object.keys(files).some((f) => f.startsWith(`${path.replace(/\/+$/, '')}/`))
    )
      return { ok: false, error: `error reading ${path}: no such file or directory` };
    if (source.includes('='))
      return { ok: false, error: 'cannot give a key name for a directory path' };
    for (const f of inDir) entries.push({ key: baseName(f), value: files[f]! });
  }
  return { ok: true, entries };
}

/** cmdutil.AddFromEnvFile for each file. */
export function envFileSources(
  ctx: CommandContext,
  sources: readonly string[],
  what: 'config' | 'secret',
): SourceResult {
  const files = ctx.io.files ?? {};
  const entries: SourceEntry[] = [];
  for (const path of sources) {
    if (!(path in files)) {
      if (Object.keys(files).some((f) => f.startsWith(`${path.replace(/\/+$/, '')}/`)))
        return {
          ok: false,
          error:
            what === 'config'
              ? 'env config file cannot be a directory'
              : 'env secret file cannot be a directory',
        };
      return { ok: false, error: `error reading ${path}: no such file or directory` };
    }
    const lines = files[path]!.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    for (const [i, raw] of lines.entries()) {
      const line = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      const errs = envVarNameErrors(key);
      if (errs.length > 0)
        return {
          ok: false,
          error: `${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`,
        };
      // A bare KEY takes the value from kubectl's own environment, which is empty here.
      entries.push({ key, value: eq < 0 ? '' : line.slice(eq + 1) });
    }
  }
  return { ok: true, entries };
}
