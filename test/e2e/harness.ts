/**
 * End-to-end harness: serves the built app (dist/) on a loopback port and launches Debian's
 * Chromium through playwright-core (the tests open their apps through app-helpers.ts). Without a
 * browser the tests are skipped loudly, except in CI (CI=true), where a missing browser fails the run.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROME_PATH);

if (!hasBrowser) {
  const msg = `\n!!! No Chromium at ${CHROME_PATH} (set CHROME_PATH or apt-get install chromium): end-to-end tests are SKIPPED.\n`;
  if (process.env.CI === 'true') throw new Error(`${msg}CI=true: a missing browser fails the run.`);
  console.warn(msg);
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.yaml': 'text/yaml',
};

/** An empty page on the app's origin: where `freshApp()` clears the app's storage between tests. */
export const BLANK_PATH = '/__e2e-blank';

/** Serves dist/ on 127.0.0.1 at a free port (and an empty page at BLANK_PATH). */
export async function serveDist(
  root = 'dist',
): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(root, 'index.html')))
    throw new Error('dist/index.html is missing: run `npx vite build` first');
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    if (path === BLANK_PATH) {
      res.setHeader('Content-Type', types['.html']!);
      res.end('<!doctype html><title>blank</title>');
      return;
    }
    let file = join(root, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
    // Vite names built assets by content hash: a reload may reuse them (and their compiled code).
    if (path.startsWith('/assets/')) res.setHeader('Cache-Control', 'max-age=31536000, immutable');
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS, headless: true });
}
