// `npm start`: build the app if the build is missing or older than the sources, then serve it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((e) => newest(join(path, e))));
}

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
const sources = Math.max(
  newest('src'),
  newest('lessons'),
  newest('public'),
  newest('index.html'),
  newest('package.json'),
);
if (built < sources) {
  console.log('Building Namespace Lab…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const port = process.env.PORT ?? '4173';
const r = spawnSync(
  'npx',
  ['vite', 'preview', '--port', port, '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 0);
