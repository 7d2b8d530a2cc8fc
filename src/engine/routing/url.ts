/** URLs as curl and wget read them: optional scheme (http assumed), host, port, path. */

/** A parsed URL, or curl's complaint about it. */
export type ParsedUrl =
  | { ok: true; scheme: 'http' | 'https'; host: string; port: number; path: string }
  | { ok: false; exitCode: number; message: string };

const DEFAULT_PORTS = { http: 80, https: 443 } as const;

/** Parses a URL the way curl does for http(s). */
export function parseUrl(url: string): ParsedUrl {
  let rest = url.trim();
  let scheme = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    scheme = m[1]!.toLowerCase();
    rest = rest.slice(m[0].length);
  }
  if (scheme !== 'http' && scheme !== 'https')
    return {
      ok: false,
      exitCode: 1,
      message: `Protocol "${scheme}" not supported`,
    };
  const end = rest.search(/[/?#]/);
  let authority = end < 0 ? rest : rest.slice(0, end);
  let path = end < 0 ? '/' : rest.slice(end);
  if (!path.startsWith('/')) path = `/${path}`;
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  let host: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return { ok: false, exitCode: 3, message: 'URL rejected: Bad IPv6 address' };
    host = authority.slice(1, close);
    const after = authority.slice(close + 1);
    if (after.startsWith(':')) portText = after.slice(1);
  } else {
    const colon = authority.lastIndexOf(':');
    host = colon < 0 ? authority : authority.slice(0, colon);
    if (colon >= 0) portText = authority.slice(colon + 1);
  }
  if (host === '')
    return { ok: false, exitCode: 3, message: 'URL rejected: No host part in the URL' };
  if (!/^[A-Za-z0-9._:-]+$/.test(host))
    return { ok: false, exitCode: 3, message: 'URL rejected: Bad hostname' };
  let port: number = DEFAULT_PORTS[scheme];
  if (portText !== undefined && portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535)
      return {
        ok: false,
        exitCode: 3,
        message: 'URL rejected: Port number was not a decimal number between 0 and 65535',
      };
    port = Number(portText);
  }
  return { ok: true, scheme, host, port, path };
}
