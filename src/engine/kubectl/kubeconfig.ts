/**
 * The simulated kubeconfig's contexts, read from and written to the KubeContext the interpreter
 * carries (cluster/state.ts): the current one plus `others`.
 */
import type { KubeContext, NamedKubeContext } from '../cluster/index.ts';

/** The context a kubeadm cluster's admin.conf names. */
export const DEFAULT_CONTEXT = 'kubernetes-admin@kubernetes';
export const DEFAULT_CLUSTER = 'kubernetes';

/** The current context's name. */
export function currentContextName(ctx: KubeContext): string {
  return ctx.name ?? DEFAULT_CONTEXT;
}

/** The current context as a kubeconfig entry. */
export function currentContext(ctx: KubeContext): NamedKubeContext {
  return {
    name: currentContextName(ctx),
    cluster: ctx.cluster ?? DEFAULT_CLUSTER,
    user: ctx.user,
    ...(ctx.namespace !== 'default' ? { namespace: ctx.namespace } : {}),
  };
}

/** Every context of the kubeconfig, sorted by name (as `config get-contexts` lists them). */
export function allContexts(ctx: KubeContext): NamedKubeContext[] {
  return [currentContext(ctx), ...(ctx.others ?? [])].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

/** The kubeconfig with `name` current, or undefined when it has no such context. */
export function useContext(ctx: KubeContext, name: string): KubeContext | undefined {
  if (name === currentContextName(ctx)) return ctx;
  const next = ctx.others?.find((c) => c.name === name);
  if (!next) return undefined;
  return {
    namespace: next.namespace ?? 'default',
    user: next.user,
    name: next.name,
    cluster: next.cluster,
    others: [currentContext(ctx), ...(ctx.others ?? []).filter((c) => c !== next)],
  };
}

/**
 * The kubeconfig after `set-context NAME` with the given fields: the named context changed, or
 * added when there is none by that name. `created` says which.
 */
export function setContext(
  ctx: KubeContext,
  name: string,
  change: { cluster?: string; user?: string; namespace?: string },
): { context: KubeContext; created: boolean } {
  if (name === currentContextName(ctx)) {
    return {
      created: false,
      context: {
        ...ctx,
        ...(change.namespace !== undefined ? { namespace: change.namespace || 'default' } : {}),
        ...(change.user !== undefined ? { user: change.user } : {}),
        ...(change.cluster !== undefined ? { cluster: change.cluster } : {}),
      },
    };
  }
  const old = ctx.others?.find((c) => c.name === name);
  const entry: NamedKubeContext = {
    name,
    cluster: change.cluster ?? old?.cluster ?? '',
    user: change.user ?? old?.user ?? '',
    ...((change.namespace ?? old?.namespace)
      ? { namespace: change.namespace ?? old?.namespace }
      : {}),
  };
  const others = old
    ? (ctx.others ?? []).map((c) => (c === old ? entry : c))
    : [...(ctx.others ?? []), entry];
  return { created: !old, context: { ...ctx, others } };
}
