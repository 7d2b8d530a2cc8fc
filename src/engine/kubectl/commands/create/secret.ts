/**
 * `kubectl create secret generic|docker-registry|tls NAME`: Secret data is the base64 of
 * each value. `tls` needs certificate parsing the simulator does not do, so it says so.
 */
import type { KubeObject } from '../../../cluster/index.ts';
import type { CommandContext, CommandOutput } from '../../types.ts';
import {
  GENERATOR_FLAGS,
  arrayFlag,
  failure,
  generatedMeta,
  nameFromArgs,
  sliceFlag,
  stringFlag,
} from './common.ts';
import { emit } from './emit.ts';
import { sortedRecord, sourceFlags } from './configmap.ts';
import { base64Text, encodeHash, goJson, sha256Hex } from './encoding.ts';
import { nestedCommand, type NestedCommand } from './nested.ts';
import {
  configMapKeyErrors,
  envFileSources,
  fileSources,
  literalSources,
  type SourceResult,
} from './sources.ts';

const WRAP = { prefix: 'failed to create secret ' };

function addEntries(
  data: Record<string, string>,
  steps: readonly SourceResult[],
): CommandOutput | undefined {
  for (const step of steps) {
    if (!step.ok) return failure(`error: ${step.error}`);
    for (const { key, value } of step.entries) {
      const errs = configMapKeyErrors(key);
      if (errs.length > 0)
        return failure(
          `error: ${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`,
        );
      if (key in data)
        return failure(`error: cannot add key ${key}, another key by that name already exists`);
      data[key] = base64Text(value);
    }
  }
  return undefined;
}

function secretObject(
  ctx: CommandContext,
  name: string,
  type: string,
  data: Record<string, string>,
): KubeObject {
  const finalName =
    ctx.flags['append-hash'] === true
      ? `${name}-${encodeHash(sha256Hex(goJson({ kind: 'Secret', type, name, data })))}`
      : name;
  return {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: generatedMeta(ctx, finalName, true),
    ...(Object.keys(data).length > 0 ? { data: sortedRecord(data) } : {}),
    ...(type ? { type } : {}),
  };
}

function generic(ctx: CommandContext): CommandOutput {
  const name = nameFromArgs(ctx);
  if (!name.ok) return name.out;
  const files = sliceFlag(ctx.flags, 'from-file');
  const literals = arrayFlag(ctx.flags, 'from-literal');
  const envFiles = sliceFlag(ctx.flags, 'from-env-file');
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0))
    return failure('error: from-env-file cannot be combined with from-file or from-literal');
  const data: Record<string, string> = {};
  const bad = addEntries(data, [
    literalSources(literals),
    fileSources(ctx, files),
    envFileSources(ctx, envFiles, 'secret'),
  ]);
  if (bad) return bad;
  return emit(ctx, secretObject(ctx, name.name, stringFlag(ctx.flags, 'type'), data), WRAP);
}

function dockerRegistry(ctx: CommandContext): CommandOutput {
  const name = nameFromArgs(ctx);
  if (!name.ok) return name.out;
  const files = sliceFlag(ctx.flags, 'from-file').map((f) =>
    f.includes('=') ? f : `.dockerconfigjson=${f}`,
  );
  const username = stringFlag(ctx.flags, 'docker-username');
  const password = stringFlag(ctx.flags, 'docker-password');
  const email = stringFlag(ctx.flags, 'docker-email');
  const server =
    ctx.flags['docker-server'] === undefined
      ? 'https://index.docker.io/v1/'
      : stringFlag(ctx.flags, 'docker-server');
  if (files.length === 0 && (!username || !password || !server))
    return failure(
      'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
    );
  const data: Record<string, string> = {};
  if (files.length > 0) {
    const bad = addEntries(data, [fileSources(ctx, files)]);
    if (bad) return bad;
  } else {
    const entry = {
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(email ? { email } : {}),
      auth: base64Text(`${username}:${password}`),
    };
    // Go marshals the struct in field order and escapes HTML characters.
    const json = JSON.stringify({ auths: { [server]: entry } })
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026');
    data['.dockerconfigjson'] = base64Text(json);
  }
  return emit(ctx, secretObject(ctx, name.name, 'kubernetes.io/dockerconfigjson', data), WRAP);
}

const SUBS: NestedCommand[] = [
  {
    name: 'docker-registry',
    short: 'Create a secret for use with a Docker registry',
    flags: [
      'docker-username',
      'docker-password',
      'docker-email',
      'docker-server',
      'from-file',
      'append-hash',
    ],
    run: dockerRegistry,
  },
  {
    name: 'generic',
    short: 'Create a secret from a local file, directory, or literal value',
    flags: ['type', 'from-file', 'from-literal', 'from-env-file', 'append-hash'],
    run: generic,
  },
  {
    name: 'tls',
    short: 'Create a TLS secret',
    flags: ['cert', 'key', 'append-hash'],
    run: () =>
      failure(
        'error: "create secret tls" is not available in the simulator: it cannot check certificate and key files',
      ),
  },
];

export const createSecret = nestedCommand(
  {
    name: 'secret',
    short: 'Create a secret with specified type.',
    usage: 'kubectl create secret (docker-registry | generic | tls) [options]',
  },
  GENERATOR_FLAGS,
  [
    ...sourceFlags('secret'),
    { name: 'type', type: 'string', description: 'The type of secret to create' },
    {
      name: 'docker-username',
      type: 'string',
      description: 'Username for Docker registry authentication',
    },
    {
      name: 'docker-password',
      type: 'string',
      description: 'Password for Docker registry authentication',
    },
    { name: 'docker-email', type: 'string', description: 'Email for Docker registry' },
    { name: 'docker-server', type: 'string', description: 'Server location for Docker registry' },
    { name: 'cert', type: 'string', description: 'Path to PEM encoded public key certificate.' },
    {
      name: 'key',
      type: 'string',
      description: 'Path to private key associated with given certificate.',
    },
  ],
  SUBS,
);
