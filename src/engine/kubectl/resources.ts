/**
 * Resource arguments as `kubectl get|describe|delete` read them: `pods`, `pod web`,
 * `pods,services`, `pod/web svc/api`, `all`; with kubectl's errors for unknown types.
 */
import { KINDS, resolveResourceType, type KindInfo } from '../api/index.ts';

/** One requested type, with the names asked for (none = all of them). */
export interface ResourceRequest {
  info: KindInfo;
  names: string[];
}

export type ResourceArgs = { ok: true; requests: ResourceRequest[] } | { ok: false; error: string };

/**
 * The kinds `kubectl get all` shows: the `all` category, in discovery's order (core group
 * first, then by group, then by resource name), which is the order kubectl prints them in.
 */
export const ALL_KINDS: readonly KindInfo[] = KINDS.filter((k) =>
  k.categories.includes('all'),
).sort(
  (a, b) =>
    (a.group === b.group ? 0 : a.group < b.group ? -1 : 1) ||
    (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0),
);

function unknownType(arg: string): string {
  return `error: the server doesn't have a resource type "${arg}"`;
}

export function parseResourceArgs(args: readonly string[]): ResourceArgs {
  if (args.length === 0) {
    return {
      ok: false,
      error:
        'error: you must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
    };
  }
  if (args.every((a) => a.includes('/'))) {
    const requests: ResourceRequest[] = [];
    for (const a of args) {
      const [type, name] = a.split('/', 2) as [string, string];
      const info = resolveResourceType(type);
      if (!info) return { ok: false, error: unknownType(type) };
      if (!name)
        return {
          ok: false,
          error: `error: arguments in resource/name form must have a single resource and name`,
        };
      const prev = requests.find((r) => r.info === info);
      if (prev) prev.names.push(name);
      else requests.push({ info, names: [name] });
    }
    return { ok: true, requests };
  }
  if (args.some((a) => a.includes('/'))) {
    return {
      ok: false,
      error:
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    };
  }
  const [typeArg, ...names] = args as [string, ...string[]];
  const requests: ResourceRequest[] = [];
  for (const t of typeArg.split(',')) {
    if (t === 'all') {
      for (const info of ALL_KINDS) requests.push({ info, names: [] });
      continue;
    }
    const info = resolveResourceType(t);
    if (!info) return { ok: false, error: unknownType(t) };
    requests.push({ info, names: [...names] });
  }
  if (names.length > 0 && requests.length > 1) {
    return { ok: false, error: `error: you may only specify a single resource type` };
  }
  return { ok: true, requests };
}
