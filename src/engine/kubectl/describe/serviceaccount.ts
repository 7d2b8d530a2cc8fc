/**
 * `kubectl describe serviceaccount` (describeServiceAccount): image pull secrets, mountable
 * secrets and legacy token Secrets (type kubernetes.io/service-account-token annotated with
 * the account's name and uid), headers in sorted order; a listed Secret that does not exist
 * is marked `(not found)`.
 */
import {
  listObjects,
  type ClusterState,
  type Secret,
  type ServiceAccount,
  type Stored,
} from '../../cluster/index.ts';
import {
  describeEvents,
  tabbed,
  DEFAULT_SETTINGS,
  type DescribeSettings,
  printObjectHeader,
} from './writer.ts';

const EMPTY = '                   ';
const HEADERS = {
  pull: 'Image pull secrets:',
  mount: 'Mountable secrets: ',
  token: 'Tokens:            ',
};

export function describeServiceAccount(
  state: ClusterState,
  sa: Stored<ServiceAccount>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  const secrets = listObjects<Secret>(state, 'Secret', sa.metadata.namespace);
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
      s.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid,
  );
  const names: Record<string, string[]> = {
    [HEADERS.pull]: (sa.imagePullSecrets ?? []).map((s) => s.name ?? ''),
    [HEADERS.mount]: (sa.secrets ?? []).map((s) => s.name ?? ''),
    [HEADERS.token]: tokens.map((s) => s.metadata.name),
  };
  const missing = new Set(
    [...names[HEADERS.pull]!, ...names[HEADERS.mount]!].filter((n) => !existing.has(n)),
  );
  return tabbed(settings, (w) => {
    printObjectHeader(w, sa.metadata);
    for (const header of Object.keys(names).sort()) {
      const list = names[header]!;
      if (list.length === 0) {
        w.write(0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const n of list) {
        w.write(0, `${prefix}\t${n}${missing.has(n) ? ' (not found)' : ''}\n`);
        prefix = EMPTY;
      }
    }
    describeEvents(w);
  });
}
