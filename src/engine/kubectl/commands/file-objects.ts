/**
 * `get -f FILE` and `describe -f FILE`: the objects a manifest names, looked up in the
 * cluster by kind, namespace (the manifest's, else the command's) and name.
 */
import { kindForApiVersion, type KindInfo } from '../../api/index.ts';
import { getObject, type KubeObject } from '../../cluster/index.ts';
import type { CommandContext } from '../types.ts';
import { readManifests } from './manifests.ts';

/** One object a manifest names: found in the cluster, or the API server's NotFound. */
export type FileObject = { info: KindInfo; object: KubeObject } | { info: KindInfo; error: string };

export function objectsFromFiles(
  ctx: CommandContext,
): { ok: true; objects: FileObject[] } | { ok: false; error: string } {
  const read = readManifests(ctx);
  if (!read.ok) return read;
  const out: FileObject[] = [];
  for (const { object } of read.objects) {
    const info = kindForApiVersion(object.apiVersion, object.kind);
    if (!info) {
      return {
        ok: false,
        error: `error: resource mapping not found for name: "${object.metadata?.name ?? ''}" namespace: "${object.metadata?.namespace ?? ''}" from "${ctx.path}": no matches for kind "${object.kind}" in version "${object.apiVersion}"`,
      };
    }
    const namespace = info.namespaced ? (object.metadata.namespace ?? ctx.namespace) : undefined;
    const found = getObject(ctx.state, info.kind, namespace, object.metadata.name);
    out.push(
      found
        ? { info, object: found }
        : {
            info,
            error: `Error from server (NotFound): ${info.resource}${info.group ? `.${info.group}` : ''} "${object.metadata.name}" not found`,
          },
    );
  }
  return { ok: true, objects: out };
}
