/**
 * `kubectl create`: `-f FILE` creates every object in the files (AlreadyExists when one is
 * there); a subcommand generates one object from flags (`create deployment web --image=nginx`),
 * prints it with `--dry-run=client -o yaml` exactly as kubectl does, or creates it.
 */
import { kindForApiVersion } from '../../api/index.ts';
import { ClusterDraft, writeObjects } from '../../cluster/index.ts';
import { parseSelectorString } from '../../labels/index.ts';
import type { Command } from '../types.ts';
import { failure, GENERATOR_FLAGS } from './create/common.ts';
import { createConfigMap } from './create/configmap.ts';
import { createDeployment } from './create/deployment.ts';
import { createNamespace } from './create/namespace.ts';
import { createSecret } from './create/secret.ts';
import { createService } from './create/service.ts';
import { createServiceAccount } from './create/serviceaccount.ts';
import { authorizeWrites, fileWriteOptions, reportWrites } from './file-writes.ts';
import { FILENAME_FLAG, readManifests } from './manifests.ts';

/** kubectl generators for kinds the simulator does not serve: recognised, and refused plainly. */
function unsupported(name: string, aliases: string[], short: string): Command {
  return {
    name,
    aliases,
    short,
    usage: `kubectl create ${name} NAME [options]`,
    flags: [],
    run: () => failure(`error: "create ${name}" is not available in the simulator`),
  };
}

/** The generators the app loads on demand, given to `createCommand` (or deferred specs of them). */
export interface LateGenerators {
  clusterRole: Command;
  clusterRoleBinding: Command;
  cronJob: Command;
  job: Command;
  role: Command;
  roleBinding: Command;
}

/** `kubectl create` with its generators, in kubectl's order (the late ones as given). */
export function createCommand(late: LateGenerators): Command {
  return {
    name: 'create',
    short: 'Create a resource from a file or from stdin',
    usage: 'kubectl create -f FILENAME [options]',
    flags: [
      FILENAME_FLAG,
      ...GENERATOR_FLAGS,
      {
        name: 'recursive',
        short: 'R',
        type: 'bool',
        description: 'Process the directory used in -f, --filename recursively.',
      },
      {
        name: 'selector',
        short: 'l',
        type: 'string',
        description: 'Selector (label query) to filter on.',
      },
      { name: 'edit', type: 'bool', description: 'Edit the API resource before creating' },
    ],
    subcommands: [
      late.clusterRole,
      late.clusterRoleBinding,
      createConfigMap,
      late.cronJob,
      createDeployment,
      unsupported('ingress', ['ing'], 'Create an ingress with the specified name'),
      late.job,
      createNamespace,
      unsupported(
        'poddisruptionbudget',
        ['pdb'],
        'Create a pod disruption budget with the specified name',
      ),
      unsupported('priorityclass', ['pc'], 'Create a priority class with the specified name'),
      unsupported('quota', ['resourcequota'], 'Create a quota with the specified name'),
      late.role,
      late.roleBinding,
      createSecret,
      createService,
      createServiceAccount,
      unsupported('token', [], 'Request a service account token'),
    ],
    run(ctx) {
      const opts = fileWriteOptions(ctx);
      if (!opts.ok) return opts.out;
      if (ctx.flags.edit === true)
        return failure('error: --edit is not available in the simulator');
      if (((ctx.flags.filename as string[] | undefined) ?? []).length === 0)
        return failure('error: must specify one of -f and -k');
      const read = readManifests(ctx);
      if (!read.ok)
        return failure(
          read.error.replace('no objects passed to apply', 'no objects passed to create'),
        );
      // -l filters the file's objects by their labels, as the resource builder does.
      const selector = parseSelectorString(
        typeof ctx.flags.selector === 'string' ? ctx.flags.selector : '',
      );
      if (!selector.ok) return failure(`error: ${selector.error}`);
      const selected = read.objects.filter(({ object }) =>
        selector.matches(object.metadata.labels),
      );
      if (selected.length === 0) return failure('error: no objects passed to create');
      const { allowed, denied } = authorizeWrites(ctx, selected, 'create');
      const draft = new ClusterDraft(ctx.state);
      const outcomes =
        opts.dry === 'client'
          ? allowed.map(({ object }) => {
              const info = kindForApiVersion(String(object.apiVersion), String(object.kind));
              // The resource builder's SetNamespace visitor fills in the namespace before printing.
              const withNs =
                info?.namespaced && !object.metadata.namespace
                  ? { ...object, metadata: { ...object.metadata, namespace: ctx.namespace } }
                  : object;
              return info
                ? {
                    ok: true as const,
                    object: withNs,
                    ref: `${info.singular}${info.group ? `.${info.group}` : ''}/${object.metadata.name}`,
                  }
                : {
                    ok: false as const,
                    message: `error: unable to recognize kind ${String(object.kind)}`,
                  };
            })
          : writeObjects(draft, allowed, {
              mode: 'create',
              namespace: ctx.namespace,
              namespaceExplicit: ctx.namespaceExplicit,
              dryRun: opts.dry === 'server',
            });
      return reportWrites(draft, outcomes, denied, opts.format, opts.dry, 'created');
    },
  };
}
