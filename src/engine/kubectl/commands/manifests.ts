/**
 * `-f FILE` handling shared by apply, create, delete and replace: `-` reads stdin, a name
 * reads the file the caller provided (the CLI reads disk, the browser its editor buffers),
 * a directory prefix reads every .yaml/.yml/.json below it, in name order.
 */
import { loadManifests, type LoadedObject } from '../../cluster/index.ts';
import type { CommandContext, FlagSpec } from '../types.ts';

export const FILENAME_FLAG: FlagSpec = {
  name: 'filename',
  short: 'f',
  type: 'strings',
  description: 'The files that contain the configurations.',
};

export type ManifestRead = { ok: true; objects: LoadedObject[] } | { ok: false; error: string };

function filesFor(ctx: CommandContext, name: string): Array<[string, string]> | undefined {
  const files = ctx.io.files ?? {};
  if (name in files) return [[name, files[name]!]];
  const dir = name.endsWith('/') ? name : `${name}/`;
  const under = Object.keys(files)
    .filter((f) => f.startsWith(dir) && /\.(ya?ml|json)$/.test(f))
    .sort();
  return under.length > 0 ? under.map((f) => [f, files[f]!]) : undefined;
}

/** Loads every `-f` argument; any unreadable or unparsable file fails the whole command. */
export function readManifests(ctx: CommandContext): ManifestRead {
  const names = (ctx.flags.filename as string[] | undefined) ?? [];
  if (names.length === 0) {
    return {
      ok: false,
      error: `error: must specify one of -f and -k\n\nSee '${ctx.path} -h' for help and examples`,
    };
  }
  const objects: LoadedObject[] = [];
  for (const name of names) {
    let sources: Array<[string, string]> | undefined;
    if (name === '-')
      sources = ctx.io.stdin === undefined ? [['STDIN', '']] : [['STDIN', ctx.io.stdin]];
    else sources = filesFor(ctx, name);
    if (!sources) return { ok: false, error: `error: the path "${name}" does not exist` };
    for (const [file, text] of sources) {
      const loaded = loadManifests(text, file);
      if (!loaded.ok) return { ok: false, error: loaded.error };
      objects.push(...loaded.objects);
    }
  }
  if (objects.length === 0) return { ok: false, error: 'error: no objects passed to apply' };
  return { ok: true, objects };
}
