/**
 * What answers an HTTP request once the connection is up. Pods serve plain HTTP on every
 * declared TCP port: agnhost porter replies with the value of SERVE_PORT_<port> (as the e2e
 * images do), any other image with a line naming the pod. The API server (6443) and the
 * kubelet (10250) speak only TLS.
 */
import { getObject, type ClusterState, type Pod } from '../../../cluster/index.ts';
import type { Responder } from '../../../routing/index.ts';

/** A simulated HTTP response, or a failure below HTTP with curl's exit code. */
export type HttpReply =
  | { ok: true; status: number; reason: string; headers: string[]; body: string }
  | { ok: false; exitCode: number; message: string; wgetMessage: string };

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
};

function reply(status: number, body: string, type = 'text/plain; charset=utf-8'): HttpReply {
  return {
    ok: true,
    status,
    reason: REASONS[status] ?? '',
    headers: [`Content-Type: ${type}`, `Content-Length: ${body.length}`],
    body,
  };
}

function envValue(pod: Pod, name: string): string | undefined {
  for (const c of pod.spec?.containers ?? [])
    for (const e of c.env ?? []) if (e.name === name && e.value !== undefined) return e.value;
  return undefined;
}

function apiServerStatus(path: string): HttpReply {
  // kubeadm binds system:public-info-viewer to anonymous requests: only these paths are open.
  const open = ['/version', '/healthz', '/livez', '/readyz'];
  if (open.some((p) => path === p || path.startsWith(`${p}?`)))
    return path.startsWith('/version')
      ? reply(
          200,
          '{\n  "major": "1",\n  "minor": "32",\n  "gitVersion": "v1.32.4",\n  "platform": "linux/amd64"\n}',
          'application/json',
        )
      : reply(200, 'ok');
  const body = `{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"${path}\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}`;
  return reply(403, body, 'application/json');
}

const TLS_VERIFY_FAILED: HttpReply = {
  ok: false,
  exitCode: 60,
  message:
    'SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the webpage mentioned above.',
  wgetMessage: 'wget: server certificate not trusted',
};

/** The reply of the server that accepted the connection. */
export function httpReply(
  state: ClusterState,
  responder: Responder,
  req: { scheme: string; path: string; insecure: boolean },
): HttpReply {
  if (responder.kind === 'apiserver' || responder.kind === 'kubelet') {
    if (req.scheme === 'http')
      return reply(400, 'Client sent an HTTP request to an HTTPS server.\n');
    if (!req.insecure) return TLS_VERIFY_FAILED;
    return responder.kind === 'apiserver' ? apiServerStatus(req.path) : reply(401, 'Unauthorized');
  }
  if (responder.kind === 'dns')
    return {
      ok: false,
      exitCode: 52,
      message: 'Empty reply from server',
      wgetMessage: 'wget: error getting response',
    };
  if (req.scheme === 'https')
    return {
      ok: false,
      exitCode: 35,
      message: 'OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number',
      wgetMessage: 'wget: error getting response: Connection reset by peer',
    };
  const [ns, name] = responder.pod.split('/');
  const pod = getObject<Pod>(state, 'Pod', ns, name ?? '');
  const isDns = (pod?.spec?.containers ?? []).some((c) => (c.image ?? '').includes('coredns'));
  if (isDns && responder.port === 53)
    return {
      ok: false,
      exitCode: 52,
      message: 'Empty reply from server',
      wgetMessage: 'wget: error getting response',
    };
  const porter = pod ? envValue(pod, `SERVE_PORT_${responder.port}`) : undefined;
  if (porter !== undefined) return reply(200, porter);
  return reply(200, `Hello from ${responder.pod} (${responder.ip}:${responder.port})\n`);
}
