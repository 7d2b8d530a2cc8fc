/** `kubectl describe configmap` and `describe secret` (ConfigMapDescriber, describeSecret). */
import type { ConfigMap, Secret, Stored } from '../../cluster/index.ts';
import {
  compareStrings,
  describeEvents,
  tabbed,
  DEFAULT_SETTINGS,
  type DescribeSettings,
  printObjectHeader,
} from './writer.ts';

/** Go iterates the data map in random order; the simulator prints keys sorted. */
function sortedKeys(o: Record<string, unknown> | undefined): string[] {
  return Object.keys(o ?? {}).sort(compareStrings);
}

export function describeConfigMap(
  cm: Stored<ConfigMap>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  return tabbed(settings, (w) => {
    printObjectHeader(w, cm.metadata);
    w.write(0, '\nData\n====\n');
    for (const k of sortedKeys(cm.data)) {
      w.write(0, `${k}:\n----\n`);
      w.write(0, `${cm.data![k]}\n`);
      w.write(0, '\n');
    }
    w.write(0, '\nBinaryData\n====\n');
    for (const k of sortedKeys(cm.binaryData))
      w.write(0, `${k}: ${decodedLength(cm.binaryData![k]!)} bytes\n`);
    w.write(0, '\n');
    describeEvents(w);
  });
}

/** Length in bytes of base64 data (what the API server stores for `data`). */
function decodedLength(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export function describeSecret(
  secret: Stored<Secret>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  const sizes = new Map<string, number>();
  for (const [k, v] of Object.entries(secret.data ?? {})) sizes.set(k, decodedLength(v));
  // stringData is write-only: the API server merges it into data.
  for (const [k, v] of Object.entries(secret.stringData ?? {})) sizes.set(k, utf8Length(v));
  return tabbed(settings, (w) => {
    printObjectHeader(w, secret.metadata);
    w.write(0, `\nType:\t${secret.type ?? 'Opaque'}\n`);
    w.write(0, '\nData\n====\n');
    for (const k of [...sizes.keys()].sort(compareStrings)) {
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token')
        w.write(0, `${k}:\t${atobSafe(secret.data?.[k] ?? '')}\n`);
      else w.write(0, `${k}:\t${sizes.get(k)} bytes\n`);
    }
  });
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 to text (Latin-1 per byte is enough for JWT tokens). */
function atobSafe(b64: string): string {
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of b64.replace(/[\s=]/g, '')) {
    const v = B64.indexOf(ch);
    if (v < 0) return '';
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}
