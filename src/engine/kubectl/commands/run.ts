/**
 * `kubectl run NAME --image=…`: one Pod labelled `run=NAME` (or `--labels`), one container
 * named NAME; arguments after `--` become the container's args (its command with
 * `--command`). `--expose --port=N` also creates a ClusterIP Service selecting the pod.
 * Attached (`-i`, `--attach`) it runs the command and prints its output (run-attach.ts).
 */
import type { KubeObject } from '../../cluster/index.ts';
import type { Command, CommandContext, CommandOutput } from '../types.ts';
import { runSpec } from './deferred-specs.ts';
import { arrayFlag, failure, outputFormat, stringFlag, usageError } from './create/common.ts';
import { emitAll } from './create/emit.ts';
import { envVarNameErrors } from './create/sources.ts';
import { serviceFromParams } from './service-generator.ts';
import { dryRunMode } from './output-flags.ts';
import { runAttached } from './run-attach.ts';

/** The image reference grammar (distribution/reference): lowercase path, optional tag and digest. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN =
  '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** generate.ParseLabels: `k=v,k2=v2`, each with exactly one `=` and a key. */
export function parseLabelSpec(
  spec: string,
): { ok: true; labels: Record<string, string> } | { ok: false; error: string } {
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) return { ok: false, error: `unexpected label spec: ${part}` };
    if (kv[0] === '') return { ok: false, error: 'unexpected empty label key' };
    labels[kv[0]!] = kv[1]!;
  }
  return { ok: true, labels };
}

function sorted(r: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k]!;
  return out;
}

/** versioned.BasicPod.Generate. */
function podObject(
  ctx: CommandContext,
  name: string,
):
  | { ok: true; pod: KubeObject; labels: Record<string, string> }
  | { ok: false; out: CommandOutput } {
  const envs: Array<{ name: string; value: string }> = [];
  for (const env of arrayFlag(ctx.flags, 'env')) {
    const pos = env.indexOf('=');
    const key = pos < 0 ? '' : env.slice(0, pos);
    if (pos < 0 || key === '' || envVarNameErrors(key).length > 0)
      return { ok: false, out: failure(`error: invalid env: ${env}`) };
    envs.push({ name: key, value: env.slice(pos + 1) });
  }
  const annotations: Record<string, string> = {};
  const invalid: string[] = [];
  for (const a of arrayFlag(ctx.flags, 'annotations')) {
    const eq = a.indexOf('=');
    if (eq > 0) annotations[a.slice(0, eq)] = a.slice(eq + 1);
    else invalid.push(a);
  }
  if (invalid.length > 0)
    return { ok: false, out: failure(`error: invalid annotations format: ${invalid.join(', ')}`) };
  const labelText = stringFlag(ctx.flags, 'labels');
  let labels: Record<string, string> = { run: name };
  if (labelText !== '') {
    const parsed = parseLabelSpec(labelText);
    if (!parsed.ok) return { ok: false, out: failure(`error: ${parsed.error}`) };
    labels = parsed.labels;
  }
  const portText = stringFlag(ctx.flags, 'port');
  if (portText !== '' && !/^[-+]?\d+$/.test(portText))
    return {
      ok: false,
      out: failure(`error: strconv.Atoi: parsing ${JSON.stringify(portText)}: invalid syntax`),
    };
  const stdin = ctx.flags.stdin === true;
  const tty = ctx.flags.tty === true;
  const pullPolicy = stringFlag(ctx.flags, 'image-pull-policy');
  const args = ctx.rest;
  const container: Record<string, unknown> = { name, image: stringFlag(ctx.flags, 'image') };
  if (args.length > 0) container[ctx.flags.command === true ? 'command' : 'args'] = [...args];
  if (portText !== '') container.ports = [{ containerPort: Number(portText) }];
  if (envs.length > 0) container.env = envs;
  container.resources = {};
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  if (ctx.flags.privileged === true) container.securityContext = { privileged: true };
  if (stdin) container.stdin = true;
  if (stdin && ctx.flags['leave-stdin-open'] !== true) container.stdinOnce = true;
  if (tty) container.tty = true;
  const metadata: Record<string, unknown> = { name };
  if (ctx.namespaceExplicit) metadata.namespace = ctx.namespace;
  metadata.creationTimestamp = null;
  metadata.labels = sorted(labels);
  if (Object.keys(annotations).length > 0) metadata.annotations = sorted(annotations);
  const restart = stringFlag(ctx.flags, 'restart') || 'Always';
  return {
    ok: true,
    labels,
    pod: {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: metadata as unknown as KubeObject['metadata'],
      spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
      status: {},
    },
  };
}

export const run: Command = {
  ...runSpec,
  run(ctx) {
    if (ctx.flags.image === undefined) return failure('error: required flag(s) "image" not set');
    const dry = dryRunMode(ctx.flags);
    if (!dry.ok) return failure(dry.error);
    const out = outputFormat(ctx.flags);
    if (!out.ok) return out.out;
    if (ctx.args.length === 0) return usageError(ctx, 'NAME is required for run');
    const name = ctx.args[0]!;
    const image = stringFlag(ctx.flags, 'image');
    if (image === '') return failure('error: --image is required');
    if (!REFERENCE.test(image))
      return failure(
        `error: Invalid image name ${JSON.stringify(image)}: invalid reference format`,
      );
    const stdin = ctx.flags.stdin === true;
    const attach = ctx.flags.attach === undefined ? stdin : ctx.flags.attach === true;
    if (ctx.flags.tty === true && !stdin)
      return usageError(ctx, '-i/--stdin is required for containers with -t/--tty=true');
    const port = stringFlag(ctx.flags, 'port');
    if (ctx.flags.expose === true && port === '')
      return usageError(ctx, '--port must be set when exposing a service');
    const restart = stringFlag(ctx.flags, 'restart');
    if (restart !== '' && !['Always', 'OnFailure', 'Never'].includes(restart))
      return usageError(ctx, `invalid restart policy: ${restart}`);
    if (!attach && ctx.flags.rm === true)
      return usageError(ctx, '--rm should only be used for attached containers');
    if (attach && dry.mode !== 'none')
      return usageError(
        ctx,
        "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
      );
    const pull = stringFlag(ctx.flags, 'image-pull-policy');
    if (pull !== '' && !['Always', 'IfNotPresent', 'Never'].includes(pull))
      return usageError(ctx, `invalid image pull policy: ${pull}`);
    if (ctx.flags.overrides !== undefined)
      return failure('error: --overrides is not available in the simulator');
    const built = podObject(ctx, name);
    if (!built.ok) return built.out;
    if (attach) {
      if (ctx.flags.expose === true)
        return failure('error: --expose with an attached pod is not available in the simulator');
      return runAttached(ctx, built.pod);
    }
    const objects: KubeObject[] = [built.pod];
    if (ctx.flags.expose === true) {
      const labelText = stringFlag(ctx.flags, 'labels');
      const svc = serviceFromParams({
        name,
        selector: labelText || `run=${name}`,
        labels: labelText,
        port,
        namespace: ctx.namespaceExplicit ? ctx.namespace : undefined,
      });
      if (!svc.ok) return failure(`error: ${svc.error}`);
      // kubectl creates the pod first but prints the Service first (then `---` in YAML).
      objects.push(svc.service);
    }
    return emitAll(ctx, objects, objects.length > 1 ? [1, 0] : [0], 'raw');
  },
};
