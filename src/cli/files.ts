/** Reading manifest files from disk for the engine, which itself never touches the file system. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a file, or every .yaml/.yml/.json file below a directory, into `into` keyed by path. */
export function readManifestPath(path: string, into: Record<string, string>): boolean {
  if (!existsSync(path)) return false;
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) readManifestPath(full, into);
      else if (/\.(ya?ml|json)$/.test(entry)) into[full] = readFileSync(full, 'utf8');
    }
    return true;
  }
  into[path] = readFileSync(path, 'utf8');
  return true;
}

/** The paths a command line names with -f/--filename (other than `-`). */
export function filenameArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if ((a === '-f' || a === '--filename') && i + 1 < argv.length) out.push(argv[++i]!);
    else if (a.startsWith('--filename=')) out.push(a.slice(11));
    else if (a.startsWith('-f') && a.length > 2 && !a.startsWith('--'))
      out.push(a.slice(2).replace(/^=/, ''));
  }
  return out.filter((p) => p !== '-');
}

/** The path `kubectl patch --patch-file FILE` names. */
function patchFileArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i]!;
    if (a === '--patch-file' && i + 1 < argv.length) out.push(argv[++i]!);
    else if (a.startsWith('--patch-file=')) out.push(a.slice('--patch-file='.length));
  }
  return out;
}

/** Files a command line refers to, read from disk (missing ones are left for kubectl's error). */
export function filesFor(argv: readonly string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const p of [...filenameArgs(argv), ...patchFileArgs(argv)]) readManifestPath(p, files);
  return files;
}
