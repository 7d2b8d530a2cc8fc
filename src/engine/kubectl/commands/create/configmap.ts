/** `kubectl create configmap NAME [--from-file] [--from-literal] [--from-env-file] [--append-hash]`. */
import type { KubeObject } from '../../../cluster/index.ts';
import type { Command, FlagSpec } from '../../types.ts';
import {
  GENERATOR_FLAGS,
  arrayFlag,
  failure,
  generatedMeta,
  nameFromArgs,
  sliceFlag,
} from './common.ts';
import { emit } from './emit.ts';
import { encodeHash, goJson, sha256Hex } from './encoding.ts';
import {
  configMapKeyErrors,
  envFileSources,
  fileSources,
  literalSources,
  type SourceResult,
} from './sources.ts';

/** The data flags configmap and generic secret share. */
export function sourceFlags(what: string): FlagSpec[] {
  return [
    {
      name: 'from-file',
      type: 'strings',
      description: `Key file can be specified using its file path, in which case file basename will be used as ${what} key, or optionally with a key and file path, in which case the given key will be used.`,
    },
    {
      name: 'from-literal',
      type: 'strings',
      description: `Specify a key and literal value to insert in ${what} (i.e. mykey=somevalue)`,
    },
    {
      name: 'from-env-file',
      type: 'strings',
      description: `Specify the path to a file to read lines of key=val pairs to create a ${what}.`,
    },
    { name: 'append-hash', type: 'bool', description: `Append a hash of the ${what} to its name.` },
  ];
}

export const createConfigMap: Command = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  usage:
    'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  flags: [...GENERATOR_FLAGS, ...sourceFlags('configmap')],
  run(ctx) {
    const name = nameFromArgs(ctx);
    if (!name.ok) return name.out;
    const files = sliceFlag(ctx.flags, 'from-file');
    const literals = arrayFlag(ctx.flags, 'from-literal');
    const envFiles = sliceFlag(ctx.flags, 'from-env-file');
    if (envFiles.length > 0 && (files.length > 0 || literals.length > 0))
      return failure('error: from-env-file cannot be combined with from-file or from-literal');
    const data: Record<string, string> = {};
    const steps: SourceResult[] = [
      fileSources(ctx, files),
      literalSources(literals),
      envFileSources(ctx, envFiles, 'config'),
    ];
    for (const step of steps) {
      if (!step.ok) return failure(`error: ${step.error}`);
      for (const { key, value } of step.entries) {
        const errs = configMapKeyErrors(key);
        if (errs.length > 0)
          return failure(
            `error: ${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`,
          );
        if (key in data)
          return failure(
            `error: cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name.name)}`,
          );
        data[key] = value;
      }
    }
    let finalName = name.name;
    if (ctx.flags['append-hash'] === true)
      finalName = `${finalName}-${encodeHash(sha256Hex(goJson({ kind: 'ConfigMap', name: finalName, data })))}`;
    const obj: KubeObject = {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: generatedMeta(ctx, finalName, true),
      ...(Object.keys(data).length > 0 ? { data: sortedRecord(data) } : {}),
    };
    return emit(ctx, obj, { prefix: 'failed to create configmap: ' });
  },
};

/** Go marshals maps with sorted keys. */
export function sortedRecord<T>(r: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k]!;
  return out;
}
